//! Headings over columns of marks: each column's name across it where every name fits, one
//! character under another (Chinese), or else reading upwards in as many lines as the column holds;
//! and the names of groups of columns above a bracket that spans each group, moved right or up where
//! one would run into its neighbour.

use crate::data::model::Lang;
use crate::plot::parts::{padding, widest, HEADING_SIZE, TICK_SIZE};
use crate::scale::Within;
use crate::scene::{Align, Baseline, Rect, Scene};
use crate::text::{is_wide, wrap, TextMeasure};
use crate::theme::Theme;

/// Distance between the lines of an upward name, and between stacked characters.
const UP_LINE: f64 = 13.0;
const STACK_STEP: f64 = HEADING_SIZE + 1.0;

/// How the names over the columns are set.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Style {
    /// Across the column, when every name fits.
    Across,
    /// Chinese: one character under another.
    Stacked,
    /// Reading upwards, in as many lines as the column holds.
    Up,
}

/// The names over columns `column` px wide: how they are set, each name's lines, and the height
/// they take.
pub fn set(names: &[&str], column: f64, lang: Lang, measure: &dyn TextMeasure) -> (Style, Vec<Vec<String>>, f64) {
    let size = HEADING_SIZE;
    let (mut full, mut word, mut wide) = (0.0_f64, 0.0_f64, lang == Lang::Zh);
    for name in names {
        full = full.max(measure.width(name, size, true));
        for w in name.split_whitespace() {
            word = word.max(measure.width(w, size, true));
        }
        wide &= name.chars().all(is_wide);
    }
    let style = match () {
        _ if full <= column - 4.0 => Style::Across,
        _ if wide => Style::Stacked,
        _ => Style::Up,
    };
    // Upwards, the shortest block in which every name takes no more lines than the column holds.
    let most_lines = ((column - 3.0) / UP_LINE).floor().max(1.0) as usize;
    let mut length = word;
    while style == Style::Up
        && length < full
        && names.iter().any(|n| wrap(n, length, size, true, measure).len() > most_lines)
    {
        length += 4.0;
    }
    let (mut lines, mut height) = (Vec::new(), 0.0_f64);
    for name in names {
        let name_lines = match style {
            Style::Across => vec![name.to_string()],
            Style::Stacked => name.chars().map(String::from).collect(),
            Style::Up => wrap(name, length.min(full), size, true, measure),
        };
        height = match style {
            Style::Across => size + 4.0,
            Style::Stacked => height.max(name_lines.len() as f64 * STACK_STEP),
            Style::Up => name_lines.iter().map(|l| measure.width(l, size, true)).fold(height, f64::max),
        };
        lines.push(name_lines);
    }
    (style, lines, height)
}

impl Style {
    /// Draws a name's `lines` over the column whose centre is `centre`, down to `bottom`; returns
    /// the box of the name, which a selection outlines.
    #[allow(clippy::too_many_arguments)]
    pub fn draw(
        self,
        scene: &mut Scene,
        lines: &[String],
        (centre, bottom): (f64, f64),
        bold: bool,
        datum: Option<&'static str>,
        measure: &dyn TextMeasure,
        theme: &Theme,
    ) -> Rect {
        let size = HEADING_SIZE;
        let n = lines.len() as f64;
        match self {
            Style::Across => {
                let text = lines.first().map_or("", String::as_str);
                let w = measure.width(text, size, bold);
                let at = (centre, bottom - 2.0);
                scene.text(at, text, size, bold, theme.text, Align::Center, Baseline::Bottom, datum);
                Rect { x: centre - w / 2.0, y: at.1 - size, w, h: size }
            }
            Style::Stacked => {
                let top = bottom - n * STACK_STEP;
                for (k, ch) in lines.iter().enumerate() {
                    let at = (centre, top + k as f64 * STACK_STEP);
                    scene.text(at, ch.as_str(), size, bold, theme.text, Align::Center, Baseline::Top, datum);
                }
                let w = size * 1.1;
                Rect { x: centre - w / 2.0, y: top, w, h: n * STACK_STEP }
            }
            Style::Up => {
                let mut tallest: f64 = 0.0;
                for (k, line) in lines.iter().enumerate() {
                    let at = (centre + (k as f64 - (n - 1.0) / 2.0) * UP_LINE, bottom - 2.0);
                    scene.text_up(at, line.as_str(), size, bold, theme.text, Align::Start, Baseline::Middle, datum);
                    tallest = tallest.max(measure.width(line, size, bold));
                }
                let w = n * UP_LINE;
                Rect { x: centre - w / 2.0, y: bottom - 2.0 - tallest, w, h: tallest }
            }
        }
    }
}

/// Draws the names of groups of columns from `y` down (`spans`: the name, the left and the right
/// edge of the group), each above a bracket over its columns, wrapped within the group (or its
/// longest word) and moved right or up where it would run into its neighbour. Returns the y below
/// the brackets (`y` when there are none).
pub fn brackets(
    scene: &mut Scene,
    spans: &[(&str, f64, f64)],
    y: f64,
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> f64 {
    if spans.is_empty() {
        return y;
    }
    let (width, size) = (scene.width, TICK_SIZE);
    let pad = padding(width);
    let line = size + 3.0;
    // Place each block: its lines, its horizontal extent and how many lines above the bracket it ends.
    let mut placed: Vec<(Vec<String>, f64, f64, usize)> = Vec::new(); // lines, left, right, lift
    let mut rows = 0;
    let clear = |l: f64, r: f64, lift: usize, n: usize, placed: &[(Vec<String>, f64, f64, usize)]| {
        placed.iter().all(|(lines, pl, pr, plift)| {
            let apart = r + 6.0 <= *pl || pr + 6.0 <= l;
            let other_rows = lift >= plift + lines.len() || *plift >= lift + n;
            apart || other_rows
        })
    };
    for (name, left, right) in spans {
        let longest = widest(name.split_whitespace(), size, false, measure);
        let lines = wrap(name, (right - left).max(longest), size, false, measure);
        let n = lines.len();
        let mut w: f64 = 0.0;
        for text in &lines {
            w = w.max(measure.width(text, size, false));
        }
        let centre = ((left + right) / 2.0).within(pad + w / 2.0, (width - pad - w / 2.0).max(pad + w / 2.0));
        let (mut l, mut r) = (centre - w / 2.0, centre + w / 2.0);
        if !clear(l, r, 0, n, &placed) {
            // Move right past the neighbour if that stays inside the plot.
            let mut shift: f64 = 0.0;
            for (_, _, pr, _) in &placed {
                shift = shift.max(pr + 6.0 - l);
            }
            if r + shift <= width - pad && clear(l + shift, r + shift, 0, n, &placed) {
                l += shift;
                r += shift;
            }
        }
        let mut lift = 0;
        while !clear(l, r, lift, n, &placed) {
            lift += 1;
        }
        rows = rows.max(lift + n);
        placed.push((lines, l, r, lift));
    }
    let bracket = y + rows as f64 * line + 3.0;
    for ((_, left, right), (lines, l, r, lift)) in spans.iter().zip(placed) {
        let top = bracket - 3.0 - (lift + lines.len()) as f64 * line;
        for (k, text) in lines.into_iter().enumerate() {
            let at = ((l + r) / 2.0, top + k as f64 * line);
            scene.text(at, text, size, false, theme.muted, Align::Center, Baseline::Top, None);
        }
        scene.line((left + 1.0, bracket), (right - 1.0, bracket), theme.muted, 1.0);
        scene.line((left + 1.0, bracket), (left + 1.0, bracket + 4.0), theme.muted, 1.0);
        scene.line((right - 1.0, bracket), (right - 1.0, bracket + 4.0), theme.muted, 1.0);
    }
    bracket + 6.0
}
