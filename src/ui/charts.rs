//! Charts drawn with plotters on `<canvas>`. Each chart is a plain function of its data;
//! the [`Chart`] component owns the canvas and redraws when the data (or language)
//! changes. Every chart has a text alternative: an `aria-label` summary, and the page
//! shows the same figures in a table next to it.
//!
//! Canvases are drawn at twice their CSS size so they stay sharp on high-density screens
//! and in print.

use crate::kernel::i18n::Lang;
use crate::ui::browser;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Drawing scale: canvas pixels per CSS pixel.
const K: f64 = 2.0;

fn px(v: f64) -> i32 {
    (v * K).round() as i32
}

fn font(size: f64) -> TextStyle<'static> {
    ("sans-serif", size * K).into_font().color(&INK)
}

/// Width of `text` in canvas pixels, as the browser lays it out.
fn text_width<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, text: &str, style: &TextStyle) -> i32 {
    root.estimate_text_size(text, style).map_or(i32::MAX, |(w, _)| w as i32)
}

/// `text`, cut with an ellipsis where it would be wider than `max` canvas pixels: the
/// whole label is in the table beside every chart and in its text alternative.
fn fit<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, text: &str, style: &TextStyle, max: i32) -> String {
    if text_width(root, text, style) <= max {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let cut = |n: usize| format!("{}…", chars[..n].iter().collect::<String>().trim_end());
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if text_width(root, &cut(mid), style) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    cut(lo)
}

/// Where labels end on the left of a bar chart: after the widest label, within 20–45 %
/// of the width, so no label loses its first letters.
fn label_column<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    labels: impl Iterator<Item = String>,
    style: &TextStyle,
    width: u32,
) -> i32 {
    let widest = labels.map(|l| text_width(root, &l, style)).max().unwrap_or(0);
    (widest + px(14.0)).clamp((f64::from(width) * 0.2) as i32, (f64::from(width) * 0.45) as i32)
}

pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
pub const GRID: RGBColor = RGBColor(0xc8, 0xd0, 0xd8);
/// The company: the app's blue.
pub const COMPANY: RGBColor = RGBColor(0x0b, 0x5c, 0xad);
/// The peer average: amber (distinguishable from blue for colour-blind readers).
pub const PEERS: RGBColor = RGBColor(0xb3, 0x5c, 0x00);
/// The champions: dark green, dashed.
pub const CHAMPIONS: RGBColor = RGBColor(0x1e, 0x7a, 0x3c);

/// A canvas of `width`×`height` CSS pixels (narrower on a narrow screen), redrawn by
/// `draw` whenever the signals it reads change or the window is resized.
#[component]
pub fn Chart(
    width: u32,
    height: u32,
    /// Text alternative for screen readers.
    label: Signal<String>,
    /// Draws on the canvas; reads whatever signals it needs.
    draw: impl Fn(HtmlCanvasElement) + 'static,
    /// Stable hook for tests.
    testid: &'static str,
    /// Bar charts keep their height when they narrow (their rows do not shrink); other
    /// charts keep their proportions.
    #[prop(optional)]
    fixed_height: bool,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let resized = RwSignal::new(0u32);
    let listener = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || listener.remove());
    // An Effect because drawing writes pixels outside Leptos' DOM; it re-runs when the
    // signals `draw` reads change, and on resize, so the chart fits its column and its
    // labels keep their size instead of shrinking with the picture.
    Effect::new(move |_| {
        resized.track();
        if let Some(c) = canvas.get() {
            browser::fit_canvas(&c, (width, height), fixed_height, K);
            draw(c);
        }
    });
    view! {
        <canvas
            node_ref=canvas
            role="img"
            aria-label=move || label.get()
            data-testid=testid
            width=(f64::from(width) * K) as u32
            height=(f64::from(height) * K) as u32
            style=format!("width:{width}px;max-width:100%;height:auto;aspect-ratio:{width}/{height}")
        ></canvas>
    }
}

/// One polygon of a radar chart.
pub struct RadarSeries {
    pub label: String,
    pub color: RGBColor,
    /// One value (0–100) per axis; `None` leaves a gap.
    pub values: Vec<Option<f64>>,
    pub dashed: bool,
    pub filled: bool,
}

/// Where a radar chart sits: its centre and radius, chosen so that every axis label fits.
struct RadarFrame {
    n: usize,
    cx: f64,
    cy: f64,
    r: f64,
}

impl RadarFrame {
    fn angle(&self, axis: usize) -> f64 {
        -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * axis as f64 / self.n as f64
    }

    fn point(&self, axis: usize, value: f64) -> (i32, i32) {
        let d = self.r * value.clamp(0.0, 100.0) / 100.0;
        ((self.cx + d * self.angle(axis).cos()).round() as i32, (self.cy + d * self.angle(axis).sin()).round() as i32)
    }

    /// The largest radius at which every label (lines of `widths` canvas pixels), placed
    /// at 1.12 r beside its axis, stays inside the canvas with a margin.
    fn fitting(n: usize, (w, h): (u32, u32), top: f64, lines: &[Vec<String>], widths: &[i32], line_h: i32) -> RadarFrame {
        let cx = f64::from(w) / 2.0;
        let cy = top + (f64::from(h) - top) / 2.0;
        let mut frame = RadarFrame { n, cx, cy, r: (f64::from(w).min(f64::from(h) - top) / 2.0) - K * 10.0 };
        let margin = K * 6.0;
        for (axis, (ls, width)) in lines.iter().zip(widths).enumerate() {
            let (c, s) = (frame.angle(axis).cos(), frame.angle(axis).sin());
            if c.abs() >= 0.2 {
                frame.r = frame.r.min((cx - margin - f64::from(*width)) / (1.12 * c.abs()));
            }
            let room = if s < 0.0 { cy - top - margin } else { f64::from(h) - cy - margin };
            if s.abs() >= 0.2 {
                frame.r = frame.r.min((room - f64::from(line_h) * ls.len() as f64) / (1.12 * s.abs()));
            }
        }
        frame.r = frame.r.max(K * 40.0);
        frame
    }
}

/// A radar (spider) chart: one axis per label, 0–100, grid every 20.
pub fn radar(canvas: HtmlCanvasElement, axes: &[String], series: &[RadarSeries]) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    // On a phone the labels are smaller and wrap sooner, so the radar keeps some size.
    let narrow = root.dim_in_pixel().0 < px(450.0) as u32;
    let label_style = font(if narrow { 12.0 } else { 14.0 });
    let line_h = px(if narrow { 14.0 } else { 16.0 });
    let lines: Vec<Vec<String>> = axes.iter().map(|a| wrap(a, if narrow { 12 } else { 18 })).collect();
    let widths: Vec<i32> = lines.iter().map(|ls| ls.iter().map(|l| text_width(&root, l, &label_style)).max().unwrap_or(0)).collect();
    // A series with nothing drawn has no place in the legend.
    let drawn = series.iter().filter(|s| s.values.iter().flatten().count() >= 2);
    let legend_bottom = legend(&root, drawn.map(|s| (s.label.as_str(), s.color, s.dashed)), px(8.0));
    let frame = RadarFrame::fitting(axes.len().max(3), root.dim_in_pixel(), f64::from(legend_bottom) + K * 8.0, &lines, &widths, line_h);
    for ring in [20.0, 40.0, 60.0, 80.0, 100.0] {
        let mut pts: Vec<(i32, i32)> = (0..frame.n).map(|i| frame.point(i, ring)).collect();
        pts.push(pts[0]);
        let _ = root.draw(&PathElement::new(pts, GRID.stroke_width(K as u32)));
        // Ring values just right of the first (top) axis, below its label.
        let (x, y) = frame.point(0, ring);
        let _ = root.draw(&Text::new(format!("{ring:.0}"), (x + px(4.0), y + px(2.0)), font(10.0).color(&RGBColor(0x5a, 0x65, 0x70))));
    }
    for (i, ls) in lines.iter().enumerate() {
        let _ = root.draw(&PathElement::new(vec![frame.point(i, 0.0), frame.point(i, 100.0)], GRID.stroke_width(K as u32)));
        radar_label(&root, &frame, i, ls, &label_style, line_h);
    }
    let point = |axis: usize, value: f64| frame.point(axis, value);
    for s in series {
        let pts: Vec<(i32, i32)> = s.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| point(i, v))).collect();
        if pts.len() < 2 {
            continue;
        }
        let mut closed = pts.clone();
        closed.push(pts[0]);
        if s.filled {
            let _ = root.draw(&Polygon::new(pts.clone(), s.color.mix(0.18).filled()));
        }
        let stroke = s.color.stroke_width((2.5 * K) as u32);
        if s.dashed {
            let _ = root.draw(&DashedPathElement::new(closed, px(6.0), px(4.0), stroke));
        } else {
            let _ = root.draw(&PathElement::new(closed, stroke));
        }
        for p in pts {
            let _ = root.draw(&Circle::new(p, px(3.5), s.color.filled()));
        }
    }
    let _ = root.present();
}

/// An axis label: above the chart it ends at its point, below it starts there, so no
/// label sits on the axis' last ring.
fn radar_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    frame: &RadarFrame,
    axis: usize,
    lines: &[String],
    style: &TextStyle,
    line_h: i32,
) {
    let (x, y) = frame.point(axis, 112.0);
    let (c, s) = (frame.angle(axis).cos(), frame.angle(axis).sin());
    let h_pos = if c.abs() < 0.2 {
        HPos::Center
    } else if c > 0.0 {
        HPos::Left
    } else {
        HPos::Right
    };
    let block = (lines.len() as i32 - 1) * line_h;
    let (first, v_pos) = if s < -0.2 {
        (y - block, VPos::Bottom)
    } else if s > 0.2 {
        (y, VPos::Top)
    } else {
        (y - block / 2, VPos::Center)
    };
    for (line_no, line) in lines.iter().enumerate() {
        let _ = root.draw(&Text::new(line.clone(), (x, first + line_no as i32 * line_h), style.clone().pos(Pos::new(h_pos, v_pos))));
    }
}

/// A legend of line samples from `y` down, wrapping onto a new row where the next item
/// would not fit. Returns the y below it.
fn legend<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, items: impl Iterator<Item = (impl AsRef<str>, RGBColor, bool)>, y: i32) -> i32 {
    let style = font(13.0).pos(Pos::new(HPos::Left, VPos::Center));
    let (w, _) = root.dim_in_pixel();
    let (mut x, mut y) = (px(8.0), y);
    for (label, color, dashed) in items {
        let label = label.as_ref();
        let item_w = px(32.0) + text_width(root, label, &style) + px(16.0);
        if x > px(8.0) && x + item_w > w as i32 {
            x = px(8.0);
            y += px(20.0);
        }
        let stroke = color.stroke_width((3.0 * K) as u32);
        let line = vec![(x, y + px(8.0)), (x + px(26.0), y + px(8.0))];
        if dashed {
            let _ = root.draw(&DashedPathElement::new(line, px(5.0), px(3.0), stroke));
        } else {
            let _ = root.draw(&PathElement::new(line, stroke));
        }
        let _ = root.draw(&Text::new(label.to_owned(), (x + px(32.0), y + px(8.0)), style.clone()));
        x += item_w;
    }
    y + px(20.0)
}

/// Splits a label into lines of at most `width` characters, on spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

/// One bar of a horizontal bar chart, with optional reference marks.
#[derive(Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    /// Peer mean mark (amber tick).
    pub peer: Option<f64>,
    /// Champions mark (green tick).
    pub champions: Option<f64>,
    /// The first bar of a group (a dimension) carries the group's name, drawn as a
    /// heading row above it.
    pub group: Option<String>,
    /// A workshop's lowest and highest rater score (a black whisker).
    pub spread: Option<(f64, f64)>,
}

/// Horizontal bars 0–100 with labels on the left; a value of `None` is written "n/a".
pub fn hbars(canvas: HtmlCanvasElement, bars: &[Bar], legend_items: &[(String, RGBColor, bool)], na: &str) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
    let root = backend.into_drawing_area();
    let (w, _h) = root.dim_in_pixel();
    let _ = root.fill(&WHITE);
    let style = font(12.0);
    let left = label_column(&root, bars.iter().map(|b| b.label.clone()), &style, w);
    // The values sit in a column of their own on the right, where no tick can cover them.
    let right = w as i32 - px(44.0);
    let top = legend(&root, legend_items.iter().map(|(l, c, d)| (l.as_str(), *c, *d)), px(2.0)) + px(14.0);
    let row = px(22.0);
    let x_of = |v: f64| left + ((right - left) as f64 * v.clamp(0.0, 100.0) / 100.0).round() as i32;
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let x = x_of(tick);
        let bottom = top + row * (bars.len() + bars.iter().filter(|b| b.group.is_some()).count()) as i32;
        let _ = root.draw(&PathElement::new(vec![(x, top - px(4.0)), (x, bottom)], GRID.stroke_width(K as u32)));
        let _ = root.draw(&Text::new(format!("{tick:.0}"), (x, top - px(10.0)), font(10.0).pos(Pos::new(HPos::Center, VPos::Center))));
    }
    let mut y = top;
    for bar in bars {
        if let Some(group) = &bar.group {
            let heading = ("sans-serif", 13.0 * K).into_font().style(FontStyle::Bold).color(&INK);
            let _ = root.draw(&Text::new(group.clone(), (px(4.0), y + row / 2 + px(2.0)), heading.pos(Pos::new(HPos::Left, VPos::Center))));
            y += row;
        }
        let mid = y + row / 2;
        let label = fit(&root, &bar.label, &style, left - px(12.0));
        let _ = root.draw(&Text::new(label, (left - px(8.0), mid), style.clone().pos(Pos::new(HPos::Right, VPos::Center))));
        let value = match bar.value {
            Some(v) => {
                let _ = root.draw(&Rectangle::new([(left, y + px(4.0)), (x_of(v), y + row - px(4.0))], COMPANY.filled()));
                format!("{v:.0}")
            }
            None => na.to_owned(),
        };
        let _ = root.draw(&Text::new(value, (w as i32 - px(4.0), mid), font(11.0).pos(Pos::new(HPos::Right, VPos::Center))));
        if let Some(p) = bar.peer {
            let _ = root.draw(&PathElement::new(vec![(x_of(p), y + px(1.0)), (x_of(p), y + row - px(1.0))], PEERS.stroke_width((3.0 * K) as u32)));
        }
        if let Some((lo, hi)) = bar.spread {
            let ink = INK.stroke_width((2.0 * K) as u32);
            let _ = root.draw(&PathElement::new(vec![(x_of(lo), mid), (x_of(hi), mid)], ink));
            for x in [x_of(lo), x_of(hi)] {
                let _ = root.draw(&PathElement::new(vec![(x, mid - px(6.0)), (x, mid + px(6.0))], ink));
            }
        }
        if let Some(c) = bar.champions {
            let _ = root.draw(&DashedPathElement::new(vec![(x_of(c), y), (x_of(c), y + row)], px(3.0), px(2.0), CHAMPIONS.stroke_width((3.0 * K) as u32)));
        }
        y += row;
    }
    let _ = root.present();
}

/// Height in CSS pixels a bar chart of `bars` needs (with room for a legend of two
/// rows, which it needs on a phone).
pub fn hbars_height(bars: &[Bar]) -> u32 {
    (56 + 22 * (bars.len() + bars.iter().filter(|b| b.group.is_some()).count()) + 12) as u32
}

/// The five points of a satisfaction scale, from 1 to 5: orange to blue through grey,
/// readable by colour-blind users and in greyscale print.
pub const SCALE5: [RGBColor; 5] =
    [RGBColor(0xb3, 0x4a, 0x00), RGBColor(0xf0, 0xa0, 0x5a), RGBColor(0xc8, 0xcc, 0xd0), RGBColor(0x6f, 0xa8, 0xdc), RGBColor(0x0b, 0x4f, 0x94)];

/// 100 % stacked horizontal bars of 1–5 distributions; a row without counts (fewer than
/// five answers) shows `suppressed` instead.
pub fn stacked(canvas: HtmlCanvasElement, rows: &[(String, Option<[usize; 5]>)], legend_labels: &[String; 5], suppressed: &str) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
    let root = backend.into_drawing_area();
    let (w, _h) = root.dim_in_pixel();
    let _ = root.fill(&WHITE);
    let style = font(12.0);
    let left = label_column(&root, rows.iter().map(|(l, _)| l.clone()), &style, w);
    let right = w as i32 - px(16.0);
    let row_h = px(22.0);
    // Legend: five swatches with their labels, wrapping on a narrow chart.
    let swatch_style = font(11.0).pos(Pos::new(HPos::Left, VPos::Center));
    let (mut x, mut y) = (px(8.0), px(8.0));
    for (i, label) in legend_labels.iter().enumerate() {
        let text = format!("{} {}", i + 1, label);
        let item_w = px(18.0) + text_width(&root, &text, &swatch_style) + px(14.0);
        if x > px(8.0) && x + item_w > w as i32 {
            x = px(8.0);
            y += px(20.0);
        }
        let _ = root.draw(&Rectangle::new([(x, y), (x + px(14.0), y + px(14.0))], SCALE5[i].filled()));
        let _ = root.draw(&Text::new(text, (x + px(18.0), y + px(7.0)), swatch_style.clone()));
        x += item_w;
    }
    let top = y + px(26.0);
    for (r, (label, counts)) in rows.iter().enumerate() {
        let y = top + r as i32 * row_h;
        let mid = y + row_h / 2;
        let label = fit(&root, label, &style, left - px(12.0));
        let _ = root.draw(&Text::new(label, (left - px(8.0), mid), style.clone().pos(Pos::new(HPos::Right, VPos::Center))));
        match counts {
            Some(c) => {
                let total: usize = c.iter().sum();
                let mut x0 = left;
                for (i, count) in c.iter().enumerate() {
                    let x1 = x0 + ((right - left) as f64 * *count as f64 / total.max(1) as f64).round() as i32;
                    if x1 > x0 {
                        let _ = root.draw(&Rectangle::new([(x0, y + px(3.0)), (x1, y + row_h - px(3.0))], SCALE5[i].filled()));
                    }
                    x0 = x1;
                }
            }
            None => {
                let _ = root.draw(&Text::new(suppressed.to_owned(), (left + px(4.0), mid), font(11.0).pos(Pos::new(HPos::Left, VPos::Center))));
            }
        }
    }
    let _ = root.present();
}

/// Height in CSS pixels a stacked chart of `rows` needs (with room for a legend of three
/// rows, which it needs on a phone).
pub fn stacked_height(rows: usize) -> u32 {
    (80 + 22 * rows + 10) as u32
}

/// A point of the importance × satisfaction matrix, drawn with its number.
pub struct IpaPoint {
    /// The service's number in the table ("3+" when others share its point).
    pub label: String,
    pub importance: f64,
    pub satisfaction: f64,
}

/// The importance × satisfaction matrix with quadrant lines at the means and the four
/// quadrant names in the corners. Axes span the data (at least one point either side).
pub fn ipa(canvas: HtmlCanvasElement, points: &[IpaPoint], lines: (f64, f64), quadrants: &[String; 4], axes: (&str, &str), lang: Lang) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
    let root = backend.into_drawing_area();
    let (w, h) = root.dim_in_pixel();
    let _ = root.fill(&WHITE);
    let span = |values: Vec<f64>, line: f64| -> (f64, f64) {
        let lo = values.iter().copied().fold(line, f64::min);
        let hi = values.iter().copied().fold(line, f64::max);
        let pad = ((hi - lo) * 0.15).max(0.25);
        ((lo - pad).max(1.0), (hi + pad).min(5.0))
    };
    let (x_lo, x_hi) = span(points.iter().map(|p| p.importance).collect(), lines.0);
    let (y_lo, y_hi) = span(points.iter().map(|p| p.satisfaction).collect(), lines.1);
    let (l, r, t, b) = (px(60.0), w as i32 - px(20.0), px(20.0), h as i32 - px(50.0));
    let sx = |v: f64| l + ((r - l) as f64 * (v - x_lo) / (x_hi - x_lo)).round() as i32;
    let sy = |v: f64| b - ((b - t) as f64 * (v - y_lo) / (y_hi - y_lo)).round() as i32;
    let _ = root.draw(&Rectangle::new([(l, t), (r, b)], GRID.stroke_width(K as u32)));
    // Ticks every 0.5.
    let mut v = (x_lo * 2.0).ceil() / 2.0;
    while v <= x_hi + 1e-9 {
        let _ = root.draw(&Text::new(lang.number(v, 1), (sx(v), b + px(14.0)), font(11.0).pos(Pos::new(HPos::Center, VPos::Center))));
        v += 0.5;
    }
    let mut v = (y_lo * 2.0).ceil() / 2.0;
    while v <= y_hi + 1e-9 {
        let _ = root.draw(&Text::new(lang.number(v, 1), (l - px(8.0), sy(v)), font(11.0).pos(Pos::new(HPos::Right, VPos::Center))));
        v += 0.5;
    }
    let _ = root.draw(&Text::new(axes.0.to_owned(), ((l + r) / 2, b + px(36.0)), font(13.0).pos(Pos::new(HPos::Center, VPos::Center))));
    let _ = root.draw(&Text::new(
        axes.1.to_owned(),
        (px(14.0), (t + b) / 2),
        font(13.0).transform(FontTransform::Rotate270).pos(Pos::new(HPos::Center, VPos::Center)),
    ));
    let dash = INK.stroke_width((1.5 * K) as u32);
    let _ = root.draw(&DashedPathElement::new(vec![(sx(lines.0), t), (sx(lines.0), b)], px(5.0), px(4.0), dash));
    let _ = root.draw(&DashedPathElement::new(vec![(l, sy(lines.1)), (r, sy(lines.1))], px(5.0), px(4.0), dash));
    // Corner names: concentrate (high importance, low satisfaction) bottom right, etc.
    let corner = |text: &str, x: i32, y: i32, hp: HPos| {
        let style = ("sans-serif", 12.0 * K).into_font().style(FontStyle::Bold).color(&RGBColor(0x4a, 0x55, 0x60)).pos(Pos::new(hp, VPos::Center));
        let _ = root.draw(&Text::new(text.to_owned(), (x, y), style));
    };
    corner(&quadrants[0], r - px(6.0), b - px(12.0), HPos::Right);
    corner(&quadrants[1], r - px(6.0), t + px(12.0), HPos::Right);
    corner(&quadrants[2], l + px(6.0), b - px(12.0), HPos::Left);
    corner(&quadrants[3], l + px(6.0), t + px(12.0), HPos::Left);
    for p in points {
        let c = (sx(p.importance), sy(p.satisfaction));
        let _ = root.draw(&Circle::new(c, px(9.0), COMPANY.filled()));
        let _ = root.draw(&Text::new(p.label.clone(), c, ("sans-serif", 10.0 * K).into_font().color(&WHITE).pos(Pos::new(HPos::Center, VPos::Center))));
    }
    let _ = root.present();
}

/// One line of a line chart: a value (and optionally its interval) per x position.
pub struct LineSeries {
    pub label: String,
    pub color: RGBColor,
    pub values: Vec<Option<f64>>,
    /// A 95 % interval per point, drawn as a whisker.
    pub intervals: Vec<Option<(f64, f64)>>,
}

/// Colours for up to six lines, told apart in colour and in greyscale print.
pub const LINES: [RGBColor; 6] = [INK, COMPANY, PEERS, CHAMPIONS, RGBColor(0x6a, 0x3d, 0x9a), RGBColor(0x1b, 0x7f, 0x8c)];

/// A line chart over `x` positions (years or assessments), `y` from `range.0` to
/// `range.1` with ticks every `step`; whiskers where a series has intervals.
pub fn lines(canvas: HtmlCanvasElement, x: &[String], series: &[LineSeries], (lo, hi, step): (f64, f64, f64), lang: Lang) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
    let root = backend.into_drawing_area();
    let (w, h) = root.dim_in_pixel();
    let _ = root.fill(&WHITE);
    let top = legend(&root, series.iter().map(|s| (s.label.as_str(), s.color, false)), px(4.0)) + px(10.0);
    // Room for half of the widest x label at each end, so none is cut at the edge.
    let half = x.iter().map(|t| text_width(&root, t, &font(11.0))).max().unwrap_or(0) / 2 + px(4.0);
    let (l, r, b) = (half.max(px(44.0)), w as i32 - half.max(px(24.0)), h as i32 - px(30.0));
    let n = x.len().max(2);
    let sx = |i: usize| l + ((r - l) as f64 * i as f64 / (n - 1) as f64).round() as i32;
    let sy = |v: f64| b - ((b - top) as f64 * (v.clamp(lo, hi) - lo) / (hi - lo)).round() as i32;
    let mut tick = lo;
    while tick <= hi + 1e-9 {
        let _ = root.draw(&PathElement::new(vec![(l, sy(tick)), (r, sy(tick))], GRID.stroke_width(K as u32)));
        let _ = root.draw(&Text::new(
            lang.number(tick, if step < 1.0 { 1 } else { 0 }),
            (l - px(6.0), sy(tick)),
            font(11.0).pos(Pos::new(HPos::Right, VPos::Center)),
        ));
        tick += step;
    }
    for (i, label) in x.iter().enumerate() {
        let _ = root.draw(&Text::new(label.clone(), (sx(i), b + px(14.0)), font(11.0).pos(Pos::new(HPos::Center, VPos::Center))));
    }
    for s in series {
        let stroke = s.color.stroke_width((2.5 * K) as u32);
        let points: Vec<(usize, f64)> = s.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
        // Only consecutive years are joined: a gap stays a gap.
        for pair in points.windows(2).filter(|p| p[1].0 == p[0].0 + 1) {
            let _ = root.draw(&PathElement::new(vec![(sx(pair[0].0), sy(pair[0].1)), (sx(pair[1].0), sy(pair[1].1))], stroke));
        }
        for (i, v) in &points {
            if let Some(Some((a, z))) = s.intervals.get(*i) {
                let _ = root.draw(&PathElement::new(vec![(sx(*i), sy(*a)), (sx(*i), sy(*z))], s.color.stroke_width(K as u32)));
            }
            let _ = root.draw(&Circle::new((sx(*i), sy(*v)), px(3.5), s.color.filled()));
        }
    }
    let _ = root.present();
}
