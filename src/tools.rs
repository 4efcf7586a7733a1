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
    /// A file's text as an animated QR sequence: see [`qr_frames`].
    QrFrames { text: String },
}

/// How many frames the sender cycles through: every part once, then as many fountain
/// mixes again (at least 30), so a receiver that missed some frames completes in the
/// next pass without waiting for the same ones.
fn frame_count(parts: usize) -> usize {
    (2 * parts).clamp(30, 2000)
}

/// The frames of a QR sequence, one after the other: a byte with the code's width in
/// modules, then one byte per module (1 dark) row by row.
pub fn qr_frames(text: &str) -> Result<Vec<u8>, String> {
    let mut sender = crate::format::transfer::Sender::new(text).map_err(|_| "empty".to_owned())?;
    let mut out = Vec::new();
    for part in sender.next(frame_count(sender.parts())) {
        let (width, dark) = crate::format::transfer::qr(&part).ok_or("part too large for a QR code")?;
        out.push(u8::try_from(width).map_err(|_| "QR code too wide")?);
        out.extend(dark.into_iter().map(u8::from));
    }
    Ok(out)
}

/// What the worker answers for each camera frame.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameReply {
    pub resolved: usize,
    pub total: usize,
    /// The whole text, once complete and checked.
    pub text: Option<String>,
    /// Why a code seen was refused: "not_ours" (another transfer) or "corrupt".
    pub refused: Option<String>,
}

/// Reads one camera frame (4 bytes: width and height, little-endian u16; then one grey
/// byte a pixel) into the receiver.
pub fn read_frame(receiver: &mut crate::format::transfer::Receiver, bytes: &[u8]) -> FrameReply {
    use crate::kernel::i18n::Msg;
    use crate::kernel::problem::ProblemKind;
    let (w, h) = match bytes {
        [a, b, c, d, ..] => (usize::from(u16::from_le_bytes([*a, *b])), usize::from(u16::from_le_bytes([*c, *d]))),
        _ => (0, 0),
    };
    match receiver.receive_frame(w, h, bytes.get(4..).unwrap_or_default()) {
        Ok(p) => FrameReply { resolved: p.resolved, total: p.total, text: p.text, refused: None },
        Err(problem) => {
            let corrupt = matches!(problem.kind, ProblemKind::Rule { rule: Msg::RuleTransferCorrupt, .. });
            let (resolved, total) = receiver.counts();
            FrameReply { resolved, total, text: None, refused: Some(if corrupt { "corrupt" } else { "not_ours" }.to_owned()) }
        }
    }
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
        Request::QrFrames { text } => qr_frames(&text),
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
    fn qr_frames_are_read_back_from_grey_camera_frames() {
        let text = "{\"format\":\"faro-rater\"}".repeat(40);
        let frames = handle(&serde_json::to_string(&Request::QrFrames { text: text.clone() }).unwrap()).unwrap();
        let mut receiver = crate::format::transfer::Receiver::default();
        let (mut at, mut last) = (0, None);
        while at < frames.len() && last.is_none() {
            let width = usize::from(frames[at]);
            let modules = &frames[at + 1..at + 1 + width * width];
            at += 1 + width * width;
            // Three pixels a module, a quiet zone of four modules.
            let side = (width + 8) * 3;
            let mut frame = vec![(side as u16).to_le_bytes(), (side as u16).to_le_bytes()].concat();
            frame.extend((0..side * side).map(|k| {
                let (x, y) = ((k % side) / 3, (k / side) / 3);
                let dark = (4..width + 4).contains(&x) && (4..width + 4).contains(&y) && modules[(y - 4) * width + x - 4] == 1;
                if dark {
                    0
                } else {
                    255
                }
            }));
            let reply = read_frame(&mut receiver, &frame);
            assert!(reply.refused.is_none());
            last = reply.text;
        }
        assert_eq!(last, Some(text));
        let nothing = read_frame(&mut crate::format::transfer::Receiver::default(), &[1, 0]);
        assert_eq!((nothing.total, nothing.text, nothing.refused), (0, None, None));
    }

    #[test]
    fn xlsx_requests_return_a_zip() {
        let bytes = handle(&serde_json::to_string(&Request::Xlsx { workbook: Workbook { sheets: vec![] } }).unwrap()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        assert!(handle("not json").is_err());
    }
}
