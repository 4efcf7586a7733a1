//! Moving a file as animated QR codes (ARCHITECTURE.md § QR transfer): whatever frames
//! the camera misses and wherever it starts, the receiver ends with exactly the text sent;
//! a part of another transfer, a damaged part or a damaged message stores nothing.

use faro::format::transfer::{qr, Receiver, Sender};
use proptest::prelude::*;

/// Sends `text`, dropping each frame the `keep` pattern says to drop, starting at `skip`;
/// returns the text received and the frames shown.
fn send(text: &str, skip: usize, keep: &[bool]) -> (Option<String>, usize) {
    let mut sender = Sender::new(text).unwrap();
    let mut receiver = Receiver::default();
    let _ = sender.next(skip);
    for shown in 1..=(sender.parts() * 20 + 50) {
        let part = sender.next(1).remove(0);
        if !keep[shown % keep.len()] {
            continue;
        }
        let progress = receiver.receive(&part).unwrap();
        assert!(progress.resolved <= progress.total);
        if let Some(received) = progress.text {
            return (Some(received), shown);
        }
    }
    (None, 0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_text_arrives_whole_despite_lost_frames(
        text in "\\PC{1,3000}",
        skip in 0usize..40,
        keep in proptest::collection::vec(prop::bool::weighted(0.7), 1..50),
    ) {
        prop_assume!(keep.iter().any(|k| *k));
        let (received, _) = send(&text, skip, &keep);
        prop_assert_eq!(received, Some(text));
    }
}

#[test]
fn a_qr_code_drawn_on_a_camera_frame_is_read() {
    let text = r#"{"format":"faro.survey-response","answers":{"q1":4}}"#.repeat(20);
    let mut sender = Sender::new(&text).unwrap();
    let mut receiver = Receiver::default();
    let mut received = None;
    for _ in 0..sender.parts() * 4 {
        let (width, dark) = qr(&sender.next(1)[0]).unwrap();
        let (w, h, luma) = draw(width, &dark, 4, 320, 240);
        if let Some(t) = receiver.receive_frame(w, h, &luma).unwrap().text {
            received = Some(t);
            break;
        }
    }
    assert_eq!(received, Some(text));
}

/// The QR code at `scale` pixels a module, centred on a white `w` × `h` grey frame.
fn draw(width: usize, dark: &[bool], scale: usize, w: usize, h: usize) -> (usize, usize, Vec<u8>) {
    let mut luma = vec![255u8; w * h];
    let (x0, y0) = ((w - width * scale) / 2, (h - width * scale) / 2);
    for (k, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        let (mx, my) = (k % width, k / width);
        for dy in 0..scale {
            for dx in 0..scale {
                luma[(y0 + my * scale + dy) * w + x0 + mx * scale + dx] = 0;
            }
        }
    }
    (w, h, luma)
}

#[test]
fn parts_of_another_transfer_or_damaged_parts_change_nothing() {
    let mut first = Sender::new(&noise(2000, 1)).unwrap();
    let mut other = Sender::new(&noise(5000, 2)).unwrap();
    assert!(first.parts() > 3);
    let mut receiver = Receiver::default();
    let before = receiver.receive(&first.next(1)[0]).unwrap();
    assert!(receiver.receive(&other.next(1)[0]).is_err(), "a part of another transfer");
    let mut damaged = first.next(1).remove(0);
    damaged.replace_range(20..22, "ZZ");
    assert!(receiver.receive(&damaged).is_err(), "a part whose own checksum fails");
    assert!(receiver.receive("HELLO").is_err(), "not a part at all");
    let after = receiver.receive(&first.next(1)[0]).unwrap();
    assert!(after.resolved >= before.resolved && after.text.is_none());
}

/// Text that does not compress much: a simple linear congruential sequence of digits.
fn noise(len: usize, seed: u64) -> String {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            char::from(b'0' + (x >> 59) as u8 % 10)
        })
        .collect()
}

#[test]
fn a_whole_message_that_does_not_inflate_to_text_is_refused() {
    // Parts with good checksums around bytes that are not Faro's compressed text.
    let mut encoder = ur::Encoder::bytes(&[7u8; 400], 180).unwrap();
    let mut receiver = Receiver::default();
    let mut refused = false;
    for _ in 0..20 {
        if receiver.receive(&encoder.next_part().unwrap()).is_err() {
            refused = true;
            break;
        }
    }
    assert!(refused);
}

#[test]
fn nothing_to_send_is_said() {
    assert!(Sender::new(" \n").is_err());
    assert_eq!(Sender::new("x").unwrap().parts(), 1);
}
