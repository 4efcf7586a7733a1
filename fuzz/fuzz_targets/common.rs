// Shared by the fuzz targets: the bundled content, loaded once.
use faro::content::Content;
use std::sync::OnceLock;

pub fn content() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::bundled().expect("bundled content is valid"))
}
