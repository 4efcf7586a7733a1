//! Moving a file between two devices with no network, as an animated sequence of QR
//! codes (ARCHITECTURE.md § QR transfer): the file's text is compressed, split by a
//! fountain code (BC-UR, the `ur` crate) into parts the receiver can collect in any
//! order and with any missing, each part shown as one QR code; the receiver reads the
//! codes from camera frames (`rqrr`), and once the message is complete and its checksum
//! holds, the text goes to the same importer as a file. Runs in the tools worker only.

use crate::kernel::i18n::Msg;
use crate::kernel::problem::{Problem, ProblemKind};

/// Bytes of the compressed message per part: a QR code of version ~13 at level M, which
/// phone and laptop cameras read from a screen at arm's length.
pub const FRAGMENT: usize = 180;

/// Frames shown per second by the sender.
pub const FRAMES_PER_SECOND: u32 = 10;

/// The compressed text, split into fountain parts.
pub struct Sender {
    encoder: ur::Encoder<'static>,
    parts: usize,
}

impl Sender {
    pub fn new(text: &str) -> Result<Sender, Problem> {
        if text.trim().is_empty() {
            return Err(problem(Msg::RuleTransferEmpty));
        }
        let compressed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9);
        let encoder = ur::Encoder::bytes(&compressed, FRAGMENT).map_err(|_| problem(Msg::RuleTransferEmpty))?;
        Ok(Sender { parts: compressed.len().div_ceil(FRAGMENT), encoder })
    }

    /// How many parts the message has: the least number of frames a receiver needs.
    pub fn parts(&self) -> usize {
        self.parts
    }

    /// The next `n` parts, upper case (QR codes hold upper case more densely).
    pub fn next(&mut self, n: usize) -> Vec<String> {
        (0..n).filter_map(|_| self.encoder.next_part().ok()).map(|p| p.to_uppercase()).collect()
    }
}

/// One QR code: its width in modules and its dark modules, row by row.
pub fn qr(part: &str) -> Option<(usize, Vec<bool>)> {
    let code = qrcode::QrCode::with_error_correction_level(part.as_bytes(), qrcode::EcLevel::M).ok()?;
    let width = code.width();
    Some((width, code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect()))
}

/// Where a receiver stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// Parts resolved so far, of how many (0 before the first part).
    pub resolved: usize,
    pub total: usize,
    /// The text, once complete and checked.
    pub text: Option<String>,
}

/// Collects parts until the message is whole.
#[derive(Default)]
pub struct Receiver {
    decoder: ur::Decoder,
}

impl Receiver {
    /// Takes one part (a QR code's text). A part of another transfer, or one that is not
    /// a part at all, is refused and changes nothing.
    pub fn receive(&mut self, part: &str) -> Result<Progress, Problem> {
        if !self.decoder.complete() {
            self.decoder.receive(&part.to_lowercase()).map_err(|_| problem(Msg::RuleTransferNotOurs))?;
        }
        self.progress()
    }

    /// Reads the QR codes in a grey camera frame (`width` × `height`, one byte a pixel)
    /// and takes each part found. No code in view is no error.
    pub fn receive_frame(&mut self, width: usize, height: usize, luma: &[u8]) -> Result<Progress, Problem> {
        if luma.len() < width * height {
            return self.progress();
        }
        let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
        for grid in image.detect_grids() {
            if let Ok((_, text)) = grid.decode() {
                if text.to_lowercase().starts_with("ur:") {
                    self.receive(&text)?;
                }
            }
        }
        self.progress()
    }

    /// Parts resolved so far, and how many the message has (0 before the first part).
    pub fn counts(&self) -> (usize, usize) {
        (self.decoder.resolved_fragment_count().unwrap_or(0), self.decoder.fragment_count())
    }

    fn progress(&self) -> Result<Progress, Problem> {
        let (resolved, total) = self.counts();
        let text = if self.decoder.complete() { Some(self.text()?) } else { None };
        Ok(Progress { resolved, total, text })
    }

    /// The whole message: the fountain's checksum holds, it decompresses, it is text.
    fn text(&self) -> Result<String, Problem> {
        let compressed = self.decoder.message().ok().flatten().ok_or_else(|| problem(Msg::RuleTransferCorrupt))?;
        let bytes = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, 64 * 1024 * 1024).map_err(|_| problem(Msg::RuleTransferCorrupt))?;
        String::from_utf8(bytes).map_err(|_| problem(Msg::RuleTransferCorrupt))
    }
}

fn problem(rule: Msg) -> Problem {
    Problem::new("QR", ProblemKind::Rule { rule, detail: String::new() })
}
