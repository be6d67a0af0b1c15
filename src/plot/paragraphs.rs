//! Paragraphs under a plot: a heading in bold, lines in the text colour and remarks in muted type,
//! each wrapped within the plot and tagged with the datum it tells about. They have no regions of
//! their own: what they say is in the tooltips of the marks they are tagged with.

use crate::plot::parts::{padding, HEADING_SIZE, VALUE_SIZE};
use crate::scene::{Align, Baseline, Scene};
use crate::text::{wrap, TextMeasure};
use crate::theme::{Color, Theme};

pub struct Paragraph {
    pub style: Style,
    pub text: String,
    pub datum: Option<&'static str>,
    /// More room above it than between lines: it begins another set.
    pub apart: bool,
}

pub enum Style {
    Heading,
    Text,
    Muted,
}

/// Draws `paragraphs` from `y` down; returns the y below them.
pub fn draw(scene: &mut Scene, paragraphs: &[Paragraph], mut y: f64, measure: &dyn TextMeasure, theme: &Theme) -> f64 {
    let pad = padding(scene.width);
    let inner = scene.width - 2.0 * pad;
    for p in paragraphs {
        let (size, bold, color) = match p.style {
            Style::Heading => (HEADING_SIZE, true, theme.text),
            Style::Text => (VALUE_SIZE, false, theme.text),
            Style::Muted => (VALUE_SIZE, false, theme.muted),
        };
        if p.apart {
            y += 4.0;
        }
        y = block(scene, &p.text, (pad, y), inner, &Type { size, bold, color, step: size * 1.45 }, p.datum, measure);
    }
    y
}

/// How a block of words is set: size, weight, colour, and the step from one line's top to the next.
pub struct Type {
    pub size: f64,
    pub bold: bool,
    pub color: Color,
    pub step: f64,
}

/// Draws `text` wrapped within `width` from `(x, y)` down; returns the y a step below its last line.
pub fn block(
    scene: &mut Scene,
    text: &str,
    (x, mut y): (f64, f64),
    width: f64,
    t: &Type,
    datum: Option<&'static str>,
    measure: &dyn TextMeasure,
) -> f64 {
    for line in wrap(text, width, t.size, t.bold, measure) {
        scene.text((x, y), line, t.size, t.bold, t.color, Align::Start, Baseline::Top, datum);
        y += t.step;
    }
    y
}
