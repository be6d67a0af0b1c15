//! Words under a plot: notes that set the plan's stated figures beside what the chart computes from
//! them, which pointer and keyboard reach like any mark, and footnotes in small type. Lines wrap
//! within the plot; a figure moves whole to the next line rather than break where it fits on one.

use crate::plot::parts::{padding, HEADING_SIZE, LABEL_SIZE};
use crate::scene::{Align, Baseline, Rect, Region, Scene};
use crate::text::{wrap, TextMeasure};
use crate::theme::Theme;

/// Notes under a heading, set apart from the plot above them by a rule.
pub struct Notes<'a> {
    pub heading: &'a str,
    pub notes: Vec<Note>,
}

/// A note with a region of its own (the chart gives it a tooltip after those of its plot's marks).
pub struct Note {
    pub datum: &'static str,
    /// (words, figure) pairs, on one line joined by " · " where they fit; else each pair from a line
    /// of its own, every line after the first indented.
    pub parts: Vec<(String, String)>,
    /// Set in bold: the note on what the plot shows.
    pub bold: bool,
}

const LINE: f64 = 17.0;
const INDENT: f64 = 12.0;
const FOOTNOTE_SIZE: f64 = 12.0;

impl Notes<'_> {
    /// Draws the notes under the plot, which ends at `y`; returns the y below them.
    pub fn draw(&self, scene: &mut Scene, mut y: f64, measure: &dyn TextMeasure, theme: &Theme) -> f64 {
        let width = scene.width;
        let pad = padding(width);
        let inner = (width - 2.0 * pad).max(1.0);
        y += 10.0;
        scene.line((pad, y), (width - pad, y), theme.grid, 1.0);
        scene.text((pad, y + 8.0), self.heading, HEADING_SIZE, true, theme.muted, Align::Start, Baseline::Top, None);
        y += 28.0;
        for note in &self.notes {
            let bold = note.bold;
            let mut whole = String::new();
            for (head, figure) in &note.parts {
                if !whole.is_empty() {
                    whole.push_str(" · ");
                }
                whole.push_str(head);
                whole.push_str(figure);
            }
            let mut lines = Vec::new();
            if measure.width(&whole, LABEL_SIZE, bold) <= inner {
                lines.push((0.0, whole));
            } else {
                for (head, figure) in &note.parts {
                    // `wrap` drops the space that ends an English head: it goes back before the figure.
                    let join = if head.ends_with(' ') { " " } else { "" };
                    for line in wrap_joined(head, join, figure, inner - INDENT, LABEL_SIZE, bold, measure) {
                        lines.push((if lines.is_empty() { 0.0 } else { INDENT }, line));
                    }
                }
            }
            let top = y;
            let mut text_width: f64 = 0.0;
            for (x, line) in lines {
                text_width = text_width.max(x + measure.width(&line, LABEL_SIZE, bold));
                let datum = Some(note.datum);
                scene.text((pad + x, y + 1.0), line, LABEL_SIZE, bold, theme.text, Align::Start, Baseline::Top, datum);
                y += LINE;
            }
            let mark =
                Rect { x: pad - 3.0, y: top - 1.0, w: (text_width + 6.0).min(width - pad + 3.0), h: y - top + 2.0 };
            let hit = Rect { x: 0.0, y: top - 2.0, w: width, h: y - top + 4.0 };
            scene.regions.push(Region { datum: note.datum, hit, mark });
            y += 4.0;
        }
        y
    }
}

/// Footnotes in small muted type under the plot, which ends at `y`, each line tagged with the datum
/// it explains; returns the y below the last line (`y` when there are none).
pub fn footnotes(
    scene: &mut Scene,
    notes: &[(&'static str, String)],
    y: f64,
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> f64 {
    let pad = padding(scene.width);
    let inner = (scene.width - 2.0 * pad).max(1.0);
    let (mut top, mut bottom) = (y + 10.0, y);
    for (datum, note) in notes {
        for line in wrap(note, inner, FOOTNOTE_SIZE, false, measure) {
            scene.text((pad, top), line, FOOTNOTE_SIZE, false, theme.muted, Align::Start, Baseline::Top, Some(datum));
            bottom = top + FOOTNOTE_SIZE;
            top += FOOTNOTE_SIZE + 4.0;
        }
    }
    bottom
}

/// `head` wrapped within `max_width`, then `join` and `tail` on its last line if they fit there,
/// else `tail` on lines of its own.
pub fn wrap_joined(
    head: &str,
    join: &str,
    tail: &str,
    max_width: f64,
    size: f64,
    bold: bool,
    measure: &dyn TextMeasure,
) -> Vec<String> {
    let mut lines = wrap(head, max_width, size, bold, measure);
    match lines.last_mut() {
        Some(last) if measure.width(&format!("{last}{join}{tail}"), size, bold) <= max_width => {
            last.push_str(join);
            last.push_str(tail);
        }
        _ => lines.extend(wrap(tail, max_width, size, bold, measure)),
    }
    lines
}
