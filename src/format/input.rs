//! The text of a file a user brings: never read past a size cap, a UTF-8 byte-order mark
//! (as Notepad and Excel write it) removed, empty and binary files refused with a
//! located problem.

use crate::kernel::problem::{line_of, Problem, ProblemKind};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes → UTF-8 text, or why not: too large, empty, or not UTF-8 text.
pub fn text_of<'a>(name: &str, bytes: &'a [u8], limit: usize) -> Result<&'a str, Problem> {
    if bytes.len() > limit {
        return Err(too_large(name, bytes.len(), limit));
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Problem::new(name, ProblemKind::Empty));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or("");
        Problem::new(name, ProblemKind::NotText).line(line_of(valid, valid.len()))
    })
}

/// The problem of a file over `limit` bytes: said before anything is read.
pub fn too_large(name: &str, size: usize, limit: usize) -> Problem {
    Problem::new(name, ProblemKind::TooLarge { size, limit })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        assert_eq!(text_of("f", b"\xEF\xBB\xBF{\"a\":1}", 100), Ok("{\"a\":1}"));
        assert_eq!(text_of("f", b"\xEF\xBB\xBF  ", 100).unwrap_err().kind, ProblemKind::Empty);
    }

    #[test]
    fn size_encoding_and_emptiness_are_checked() {
        assert!(matches!(text_of("f", &[b'a'; 11], 10).unwrap_err().kind, ProblemKind::TooLarge { size: 11, limit: 10 }));
        let p = text_of("f", b"ok\nok\n\xFF", 100).unwrap_err();
        assert_eq!((p.kind, p.line), (ProblemKind::NotText, Some(3)));
        assert_eq!(text_of("f", b"", 100).unwrap_err().kind, ProblemKind::Empty);
    }
}
