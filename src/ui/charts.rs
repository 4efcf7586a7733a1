//! Charts drawn with plotters on `<canvas>`. Each chart is a plain function of its data;
//! the [`Chart`] component owns the canvas and redraws when the data (or language)
//! changes. Every chart has a text alternative: an `aria-label` summary, and the page
//! shows the same figures in a table next to it.
//!
//! Canvases are drawn at twice their CSS size so they stay sharp on high-density screens
//! and in print.

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

pub const INK: RGBColor = RGBColor(0x1f, 0x29, 0x33);
pub const GRID: RGBColor = RGBColor(0xc8, 0xd0, 0xd8);
/// The company: the app's blue.
pub const COMPANY: RGBColor = RGBColor(0x0b, 0x5c, 0xad);
/// The peer average: amber (distinguishable from blue for colour-blind readers).
pub const PEERS: RGBColor = RGBColor(0xb3, 0x5c, 0x00);
/// The champions: dark green, dashed.
pub const CHAMPIONS: RGBColor = RGBColor(0x1e, 0x7a, 0x3c);

/// A canvas of `width`×`height` CSS pixels, redrawn by `draw` whenever the signals it
/// reads change.
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
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    // An Effect because drawing writes pixels outside Leptos' DOM; it re-runs when the
    // signals `draw` reads change.
    Effect::new(move |_| {
        if let Some(c) = canvas.get() {
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

/// A radar (spider) chart: one axis per label, 0–100, grid every 20.
pub fn radar(canvas: HtmlCanvasElement, axes: &[String], series: &[RadarSeries]) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
    let root = backend.into_drawing_area();
    let (w, h) = root.dim_in_pixel();
    let _ = root.fill(&WHITE);
    let n = axes.len().max(3);
    let legend_h = px(28.0);
    let cx = f64::from(w) / 2.0;
    let cy = (f64::from(h) - f64::from(legend_h)) / 2.0 + f64::from(legend_h) * 0.15;
    let r = (f64::from(w).min(f64::from(h) - f64::from(legend_h)) / 2.0) - K * 62.0;
    let point = |axis: usize, value: f64| -> (i32, i32) {
        let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * axis as f64 / n as f64;
        let d = r * value.clamp(0.0, 100.0) / 100.0;
        ((cx + d * angle.cos()).round() as i32, (cy + d * angle.sin()).round() as i32)
    };
    for ring in [20.0, 40.0, 60.0, 80.0, 100.0] {
        let mut pts: Vec<(i32, i32)> = (0..n).map(|i| point(i, ring)).collect();
        pts.push(pts[0]);
        let _ = root.draw(&PathElement::new(pts, GRID.stroke_width(K as u32)));
        let (x, y) = point(0, ring);
        let _ = root.draw(&Text::new(format!("{ring:.0}"), (x + px(4.0), y), font(10.0).color(&RGBColor(0x5a, 0x65, 0x70))));
    }
    for (i, label) in axes.iter().enumerate() {
        let _ = root.draw(&PathElement::new(vec![point(i, 0.0), point(i, 100.0)], GRID.stroke_width(K as u32)));
        let (x, y) = point(i, 118.0);
        let angle = std::f64::consts::TAU * i as f64 / n as f64;
        let h_pos = if angle.sin().abs() < 0.2 {
            HPos::Center
        } else if angle.sin() > 0.0 {
            HPos::Left
        } else {
            HPos::Right
        };
        let style = font(15.0).pos(Pos::new(h_pos, VPos::Center));
        let lines = wrap(label, 16);
        let top = y - (lines.len() as i32 - 1) * px(8.5);
        for (line_no, line) in lines.iter().enumerate() {
            let _ = root.draw(&Text::new(line.clone(), (x, top + line_no as i32 * px(17.0)), style.clone()));
        }
    }
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
    legend(&root, series.iter().map(|s| (s.label.as_str(), s.color, s.dashed)), px(8.0));
    let _ = root.present();
}

fn legend<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, items: impl Iterator<Item = (impl AsRef<str>, RGBColor, bool)>, y: i32) {
    let mut x = px(8.0);
    for (label, color, dashed) in items {
        let stroke = color.stroke_width((3.0 * K) as u32);
        let line = vec![(x, y + px(8.0)), (x + px(26.0), y + px(8.0))];
        if dashed {
            let _ = root.draw(&DashedPathElement::new(line, px(5.0), px(3.0), stroke));
        } else {
            let _ = root.draw(&PathElement::new(line, stroke));
        }
        let style = font(13.0).pos(Pos::new(HPos::Left, VPos::Center));
        let label = label.as_ref();
        let _ = root.draw(&Text::new(label.to_owned(), (x + px(32.0), y + px(8.0)), style));
        x += px(48.0 + 7.2 * label.chars().count() as f64);
    }
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
}

/// Horizontal bars 0–100 with labels on the left; a value of `None` is written "n/a".
pub fn hbars(canvas: HtmlCanvasElement, bars: &[Bar], legend_items: &[(String, RGBColor, bool)], na: &str) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else { return };
    let root = backend.into_drawing_area();
    let (w, _h) = root.dim_in_pixel();
    let _ = root.fill(&WHITE);
    let left = px(250.0);
    let right = w as i32 - px(48.0);
    let top = px(34.0);
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
        let style = font(12.0);
        let label: String = if bar.label.chars().count() > 38 { bar.label.chars().take(37).chain(['…']).collect() } else { bar.label.clone() };
        let _ = root.draw(&Text::new(label, (left - px(8.0), mid), style.pos(Pos::new(HPos::Right, VPos::Center))));
        match bar.value {
            Some(v) => {
                let _ = root.draw(&Rectangle::new([(left, y + px(4.0)), (x_of(v), y + row - px(4.0))], COMPANY.filled()));
                let _ = root.draw(&Text::new(format!("{v:.0}"), (x_of(v) + px(4.0), mid), font(11.0).pos(Pos::new(HPos::Left, VPos::Center))));
            }
            None => {
                let _ = root.draw(&Text::new(na.to_owned(), (left + px(4.0), mid), font(11.0).pos(Pos::new(HPos::Left, VPos::Center))));
            }
        }
        if let Some(p) = bar.peer {
            let _ = root.draw(&PathElement::new(vec![(x_of(p), y + px(1.0)), (x_of(p), y + row - px(1.0))], PEERS.stroke_width((3.0 * K) as u32)));
        }
        if let Some(c) = bar.champions {
            let _ = root.draw(&DashedPathElement::new(vec![(x_of(c), y), (x_of(c), y + row)], px(3.0), px(2.0), CHAMPIONS.stroke_width((3.0 * K) as u32)));
        }
        y += row;
    }
    legend(&root, legend_items.iter().map(|(l, c, d)| (l.as_str(), *c, *d)), px(2.0));
    let _ = root.present();
}

/// Height in CSS pixels a bar chart of `bars` needs.
pub fn hbars_height(bars: &[Bar]) -> u32 {
    (34 + 22 * (bars.len() + bars.iter().filter(|b| b.group.is_some()).count()) + 12) as u32
}
