//! Paragraphs under a plot: a heading in bold, lines in the text colour and remarks in muted type,
//! each wrapped within the plot and tagged with the datum it tells about. They have no regions of
//! their own: what they say is in the tooltips of the marks they are tagged with.

use crate::chart::parts::{padding, HEADING_SIZE, VALUE_SIZE};
use crate::scene::{Align, Baseline, Scene};
use crate::text::{wrap, TextMeasure};
use crate::theme::Theme;

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
        for line in wrap(&p.text, inner, size, bold, measure) {
            scene.text((pad, y), line, size, bold, color, Align::Start, Baseline::Top, p.datum);
            y += size * 1.45;
        }
    }
    y
}
