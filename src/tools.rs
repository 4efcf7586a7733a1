//! The requests the tools worker serves (`src/bin/faro_tools.rs`): heavy, rarely used
//! work kept out of the app's first load. Plain Rust, tested natively.

use crate::format::table::Workbook;
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Request {
    /// Write an `.xlsx` file.
    Xlsx { workbook: Workbook },
    /// Convert a TOML content file (question bank, action library, catalogue) to JSON.
    TomlToJson { text: String },
    /// The bundled action library (JSON), kept here so the app's first load does not
    /// carry it.
    ActionLibrary,
}

/// What a TOML conversion answers.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TomlReply {
    Json(String),
    /// The parser's message and the 1-based line.
    Error {
        line: Option<usize>,
        message: String,
    },
}

/// Serves one request; the reply is the file's bytes (xlsx) or JSON text (toml).
pub fn handle(request: &str) -> Result<Vec<u8>, String> {
    let request: Request = serde_json::from_str(request).map_err(|e| e.to_string())?;
    match request {
        Request::Xlsx { workbook } => crate::format::xlsx::write(&workbook).map_err(|e| e.to_string()),
        Request::TomlToJson { text } => {
            let reply = match text.parse::<toml::Table>() {
                Ok(table) => TomlReply::Json(serde_json::to_string(&table).map_err(|e| e.to_string())?),
                Err(e) => TomlReply::Error { line: e.span().map(|s| crate::kernel::problem::line_of(&text, s.start)), message: e.message().to_owned() },
            };
            serde_json::to_vec(&reply).map_err(|e| e.to_string())
        }
        Request::ActionLibrary => Ok(crate::content::bundled::ACTIONS_JSON.as_bytes().to_vec()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_converts_or_says_where_it_breaks() {
        let ok = handle(&serde_json::to_string(&Request::TomlToJson { text: "a = 1\n[b]\nc = \"x\"".into() }).unwrap()).unwrap();
        assert_eq!(serde_json::from_slice::<TomlReply>(&ok).unwrap(), TomlReply::Json(r#"{"a":1,"b":{"c":"x"}}"#.into()));
        let bad = handle(&serde_json::to_string(&Request::TomlToJson { text: "a = 1\nb = = 2".into() }).unwrap()).unwrap();
        assert!(matches!(serde_json::from_slice::<TomlReply>(&bad).unwrap(), TomlReply::Error { line: Some(2), .. }));
    }

    #[test]
    fn the_action_library_is_served_and_fits_the_bundled_content() {
        let json = handle(&serde_json::to_string(&Request::ActionLibrary).unwrap()).unwrap();
        let content = crate::content::Content::bundled().unwrap();
        assert!(!content.library(std::str::from_utf8(&json).unwrap()).unwrap().actions().is_empty());
    }

    #[test]
    fn xlsx_requests_return_a_zip() {
        let bytes = handle(&serde_json::to_string(&Request::Xlsx { workbook: Workbook { sheets: vec![] } }).unwrap()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        assert!(handle("not json").is_err());
    }
}
