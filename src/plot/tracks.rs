//! Rows that each stand on a scale of their own, for figures in units that must not share an axis:
//! a number and a name (its unit kept whole after it), a tag, and the row's figures on a track from
//! zero (or below, for a negative report) to a nice maximum, with the track's ends written out. An
//! open diamond marks where the row starts and a filled one where it is to be, joined, or dodging
//! each other where they would overlap; bars run from zero; each mark is labelled above the track
//! in the row's own order. Figures in words are written out under the track, never drawn. Rows stand
//! under group headings; on phones the figures go under the name.

use super::bars::{draw_legend_note, Laid};
use super::symbols::{filled_diamond, open_diamond, open_outline, FILLED, OPEN};
use super::{Key, Paint};
use crate::data::model::Lang;
use crate::format;
use crate::order;
use crate::plot::parts::{padding, reported_mark, widest, HEADING_SIZE, LABEL_SIZE, NARROW, TICK_SIZE, VALUE_SIZE};
use crate::scale::{ticks_from_zero, Linear};
use crate::scene::{Align, Baseline, Rect, Region, Scene, Shape};
use crate::text::{wrap, TextMeasure};
use crate::theme::Theme;

pub struct Tracks<'a> {
    pub legend: Vec<(&'a str, Key)>,
    /// Small print under the legend: what the marks written into labels mean.
    pub note: &'a str,
    /// The tags a row may carry: (word, filled). Their column is as wide as the widest.
    pub tags: Vec<(&'static str, bool)>,
    /// The widest number of all rows, shown or not, so that the column keeps its width.
    pub widest_number: &'a str,
    pub rows: Vec<Track>,
}

pub struct Track {
    pub datum: &'static str,
    /// A heading in bold over a rule stands above the first row of each run of one group.
    pub group: &'static str,
    /// Written before the name. A row with the number of the row above continues it: no rule
    /// between them, and the shared name and number stand once.
    pub number: String,
    pub name: &'static str,
    /// The unit, kept in one piece after the name in brackets ("（%）", " (%)"); may be empty.
    pub unit: &'static str,
    /// The part of a shared name that this row shows (执业医师数), indented under it.
    pub part: Option<&'static str>,
    /// Which of the [`Tracks::tags`].
    pub tag: usize,
    pub marks: Vec<Mark>,
    /// A reported value, drawn from zero under the marks.
    pub reported: Option<f64>,
    /// Written out under the track.
    pub words: Vec<String>,
}

pub struct Mark {
    pub sign: Sign,
    pub value: f64,
    pub label: String,
}

pub enum Sign {
    /// Where the row starts: an open diamond.
    Open,
    /// Where it is to be: a filled diamond, joined to the open one.
    Filled,
    /// A bar from zero.
    Bar(Paint),
}

const NAME_LINE: f64 = 17.0;
const VALUE_LINE: f64 = 16.0;
/// The height of a row's track, and the room that a reported value adds under it.
const TRACK: f64 = 20.0;
const REPORT_EXTRA: f64 = 12.0;
const ROW_PAD: f64 = 7.0;
const BAR: f64 = 8.0;
const TAG_HEIGHT: f64 = 18.0;
const INDENT: f64 = 12.0;
/// How far an open and a filled diamond that would overlap move up and down from the track.
const DODGE: f64 = 6.5;
/// Marks nearer than this overlap: their labels keep the row's order, their diamonds dodge.
const NEAR: f64 = OPEN + FILLED;

/// Where the parts of a row stand across the plot.
struct Columns {
    narrow: bool,
    pad: f64,
    /// The right edge of the number.
    number_end: f64,
    name_x: f64,
    name_width: f64,
    tag_x: f64,
    tag_width: f64,
    figure_x0: f64,
    figure_x1: f64,
}

impl Tracks<'_> {
    pub fn lay_out(self, width: f64, lang: Lang, measure: &dyn TextMeasure, theme: &Theme) -> Laid {
        let cols = self.columns(width, lang, measure);
        let pad = cols.pad;
        let mut scene = Scene::new(width, 0.0);
        let mut y = draw_legend_note(&mut scene, &self.legend, self.note, width, measure, theme) + 6.0;
        let mut previous: Option<&Track> = None;
        for row in &self.rows {
            if previous.map(|p| p.group) != Some(row.group) {
                y += if previous.is_some() { 12.0 } else { 0.0 };
                let size = HEADING_SIZE + 1.0;
                for line in wrap(row.group, width - 2.0 * pad, size, true, measure) {
                    scene.text((pad, y + 9.0), line, size, true, theme.text, Align::Start, Baseline::Middle, None);
                    y += 18.0;
                }
                y += 4.0;
                scene.line((pad, y), (width - pad, y), theme.muted, 1.0);
            } else if previous.map(|p| &p.number) != Some(&row.number) {
                scene.line((pad, y), (width - pad, y), theme.grid, 1.0);
            }
            let continues = previous.is_some_and(|p| p.number == row.number);
            previous = Some(row);
            y = self.draw_row(&mut scene, row, continues, &cols, y, lang, measure, theme);
        }
        Laid { scene, bottom: y }
    }

    fn columns(&self, width: f64, lang: Lang, measure: &dyn TextMeasure) -> Columns {
        let narrow = width < NARROW;
        let pad = padding(width);
        let name_x = pad + measure.width(self.widest_number, LABEL_SIZE, false) + 6.0;
        let tag_width = (widest(self.tags.iter().map(|t| t.0), VALUE_SIZE, true, measure) + 12.0).ceil();
        let (name_width, tag_x, figure_x0) = if narrow {
            let tag_x = width - pad - tag_width;
            ((tag_x - 8.0 - name_x).max(40.0), tag_x, name_x)
        } else {
            let mut longest: f64 = 0.0;
            for row in &self.rows {
                let (join, unit) = bracketed(row.unit, lang);
                longest = longest.max(measure.width(&format!("{}{join}{unit}", row.name), LABEL_SIZE, false));
            }
            let name_width = longest.min(((width - 2.0 * pad) * 0.34).max(120.0)).ceil();
            let tag_x = name_x + name_width + 12.0;
            (name_width, tag_x, tag_x + tag_width + 16.0)
        };
        let number_end = name_x - 6.0;
        Columns { narrow, pad, number_end, name_x, name_width, tag_x, tag_width, figure_x0, figure_x1: width - pad }
    }

    /// Draws a row from `top`; returns the y below it.
    #[allow(clippy::too_many_arguments)]
    fn draw_row(
        &self,
        scene: &mut Scene,
        row: &Track,
        continues: bool,
        cols: &Columns,
        top: f64,
        lang: Lang,
        measure: &dyn TextMeasure,
        theme: &Theme,
    ) -> f64 {
        let datum = Some(row.datum);
        // The name, then the part's name indented under it; a continuing part only its own name.
        let mut lines: Vec<(f64, String)> = Vec::new();
        if row.part.is_none() || !continues {
            let (join, unit) = bracketed(row.unit, lang);
            for line in super::notes::wrap_joined(row.name, join, &unit, cols.name_width, LABEL_SIZE, false, measure) {
                lines.push((0.0, line));
            }
        }
        let lead = if row.part.is_some() { lines.len() } else { 0 };
        if let Some(part) = row.part {
            for line in wrap(part, cols.name_width - INDENT, LABEL_SIZE, false, measure) {
                lines.push((INDENT, line));
            }
        }
        let content = top + ROW_PAD;
        let (muted, text) = (theme.muted, theme.text);
        if !continues {
            let at = (cols.number_end, content + NAME_LINE / 2.0);
            scene.text(at, row.number.clone(), LABEL_SIZE, false, muted, Align::End, Baseline::Middle, datum);
        }
        let names_bottom = content + lines.len() as f64 * NAME_LINE;
        let mut line_y = content + NAME_LINE / 2.0;
        for (dx, line) in lines {
            scene.text(
                (cols.name_x + dx, line_y),
                line,
                LABEL_SIZE,
                false,
                text,
                Align::Start,
                Baseline::Middle,
                datum,
            );
            line_y += NAME_LINE;
        }
        let own_top = content + lead as f64 * NAME_LINE;
        let tag = Rect { x: cols.tag_x, y: own_top + (NAME_LINE - TAG_HEIGHT) / 2.0, w: cols.tag_width, h: TAG_HEIGHT };
        if let Some(&(word, filled)) = self.tags.get(row.tag) {
            draw_tag(scene, tag, word, filled, theme, datum);
        }

        let mut fy = if cols.narrow { names_bottom + 4.0 } else { own_top };
        let mut mark = None;
        if !row.marks.is_empty() {
            let (below, rect) = draw_track(scene, row, cols, fy, lang, measure, theme);
            (fy, mark) = (below, Some(rect));
        }
        let (words_top, mut words_width) = (fy, 0.0f64);
        for words in &row.words {
            for line in wrap(words, cols.figure_x1 - cols.figure_x0, VALUE_SIZE, false, measure) {
                words_width = words_width.max(measure.width(&line, VALUE_SIZE, false));
                let at = (cols.figure_x0, fy + VALUE_LINE / 2.0);
                scene.text(at, line, VALUE_SIZE, false, text, Align::Start, Baseline::Middle, datum);
                fy += VALUE_LINE;
            }
        }
        let width = scene.width;
        let mark = mark.unwrap_or(Rect {
            x: cols.figure_x0 - 2.0,
            y: words_top,
            w: (words_width + 4.0).min(width - cols.figure_x0 + 2.0),
            h: (fy - words_top).max(1.0),
        });
        let bottom = names_bottom.max(fy).max(tag.y + tag.h) + ROW_PAD;
        scene.regions.push(Region { datum: row.datum, hit: Rect { x: 0.0, y: top, w: width, h: bottom - top }, mark });
        bottom
    }
}

/// How a unit follows a name: after a space and in brackets (" (%)"), or in full-width brackets
/// ("（%）"); nothing for none.
fn bracketed(unit: &str, lang: Lang) -> (&'static str, String) {
    let (join, open, close) = match lang {
        _ if unit.is_empty() => return ("", String::new()),
        Lang::Zh => ("", "（", "）"),
        Lang::En => (" ", "(", ")"),
    };
    let mut bracketed = String::from(open);
    bracketed.push_str(unit);
    bracketed.push_str(close);
    (join, bracketed)
}

/// A tag: filled in the text colour with its word in bold, or outlined.
fn draw_tag(
    scene: &mut Scene,
    rect: Rect,
    word: &'static str,
    filled: bool,
    theme: &Theme,
    datum: Option<&'static str>,
) {
    let middle = (rect.x + rect.w / 2.0, rect.y + rect.h / 2.0);
    let color = if filled {
        scene.fill(rect, theme.text, datum);
        theme.background
    } else {
        scene.push(Shape::Stroke { rect, color: theme.muted, width: 1.0 }, datum);
        theme.text
    };
    scene.text(middle, word, VALUE_SIZE, filled, color, Align::Center, Baseline::Middle, datum);
}

/// The labels, the track and the marks of a row from `y`: returns the y below them and the marks'
/// outline.
fn draw_track(
    scene: &mut Scene,
    row: &Track,
    cols: &Columns,
    mut y: f64,
    lang: Lang,
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> (f64, Rect) {
    let datum = Some(row.datum);
    let mut values: Vec<f64> = Vec::new();
    for m in &row.marks {
        values.push(m.value);
    }
    values.extend(row.reported);
    let (lo, hi) = domain(&values);
    let (lo_text, hi_text) = (format::number(lo, 2, lang), format::number(hi, 2, lang));
    let track_x0 = (cols.figure_x0 + measure.width(&lo_text, TICK_SIZE, false) + 11.0).round();
    let track_x1 = (cols.figure_x1 - measure.width(&hi_text, TICK_SIZE, false) - 11.0).max(track_x0 + 20.0).round();
    let scale = Linear::new((lo, hi), (track_x0, track_x1));
    let x = |v: f64| scale.map(v).round();

    let mut labels: Vec<(f64, &str)> = Vec::new();
    for m in &row.marks {
        labels.push((x(m.value), m.label.as_str()));
    }
    for line in place_labels(&labels, cols.figure_x0, cols.figure_x1, measure) {
        for (left, label) in line {
            let at = (left, y + VALUE_LINE / 2.0);
            scene.text(at, label, VALUE_SIZE, false, theme.text, Align::Start, Baseline::Middle, datum);
        }
        y += VALUE_LINE;
    }
    let (mut open, mut filled) = (None, None);
    for m in &row.marks {
        match m.sign {
            Sign::Open => open = open.or(Some(x(m.value))),
            Sign::Filled => filled = filled.or(Some(x(m.value))),
            Sign::Bar(_) => {}
        }
    }
    // An open diamond on (or next to) the filled one: the two dodge up and down.
    let dodge = match (open, filled) {
        (Some(a), Some(b)) if (a - b).abs() < NEAR => DODGE,
        _ => 0.0,
    };
    let ty = (y + TRACK / 2.0 + dodge).round();
    // The track from its lower end to its nice maximum, zero marked.
    for (at, end, align) in [(cols.figure_x0, lo_text, Align::Start), (cols.figure_x1, hi_text, Align::End)] {
        scene.text((at, ty), end, TICK_SIZE, false, theme.muted, align, Baseline::Middle, datum);
    }
    let zero = x(0.0);
    let mut line = |from, to, color| scene.push(Shape::Line { from, to, color, width: 1.0 }, datum);
    line((track_x0, ty + 0.5), (track_x1, ty + 0.5), theme.grid);
    line((zero + 0.5, ty - 5.0), (zero + 0.5, ty + 6.0), theme.muted);
    line((track_x1 + 0.5, ty - 3.0), (track_x1 + 0.5, ty + 4.0), theme.grid);

    let (mut left, mut right) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut reach = |v: f64| {
        left = left.min(v);
        right = right.max(v);
    };
    for m in &row.marks {
        if let Sign::Bar(paint) = m.sign {
            let to = x(m.value);
            paint.draw(
                scene,
                Rect { x: zero.min(to), y: ty - BAR / 2.0, w: (to - zero).abs().max(1.0), h: BAR },
                theme,
                datum,
            );
            reach(zero);
            reach(to);
        }
    }
    if let (Some(a), Some(b), 0.0) = (open, filled, dodge) {
        scene.push(Shape::Line { from: (a, ty), to: (b, ty), color: theme.muted, width: 2.0 }, datum);
    }
    if let Some(a) = open {
        open_diamond(scene, (a, ty - dodge), theme, datum);
    }
    if let Some(b) = filled {
        filled_diamond(scene, (b, ty + dodge), FILLED, theme.series[0], datum);
    }
    if let Some(a) = open {
        open_outline(scene, (a, ty - dodge), theme, datum);
    }
    open.into_iter().chain(filled).for_each(&mut reach);
    let mut height = TRACK + 2.0 * dodge;
    if let Some(value) = row.reported.filter(|v| v.is_finite()) {
        let to = x(value);
        let middle = ty + dodge + REPORT_EXTRA;
        if to >= zero {
            reported_mark(scene, zero, to, middle, theme, datum);
        } else {
            // Below zero: the bar runs left from zero, the tick at the value.
            scene.fill(Rect { x: to, y: middle - 2.0, w: (zero - to).max(1.0), h: 4.0 }, theme.text, datum);
            scene.fill(Rect { x: to - 1.0, y: middle - 7.0, w: 2.0, h: 14.0 }, theme.text, datum);
        }
        reach(zero);
        reach(to);
        height += REPORT_EXTRA;
    }
    let (left, right) = ((left - OPEN - 2.0).max(0.0), (right + OPEN + 2.0).min(scene.width));
    let rect = Rect { x: left, y: ty - dodge - TRACK / 2.0, w: (right - left).max(1.0), h: height };
    (y + height, rect)
}

/// Places labels above their marks: centred on them, kept apart and inside [x0, x1]. Returns one
/// line of (left x, text) pairs, or a line per label where they do not fit side by side.
fn place_labels<'t>(items: &[(f64, &'t str)], x0: f64, x1: f64, measure: &dyn TextMeasure) -> Vec<Vec<(f64, &'t str)>> {
    const GAP: f64 = 12.0;
    let inside = |left: f64, w: f64| left.min(x1 - w).max(x0);
    let mut sized: Vec<(f64, f64, &str)> = Vec::new();
    let mut total = -GAP;
    for &(x, text) in items {
        let w = measure.width(text, VALUE_SIZE, false);
        sized.push((x, w, text));
        total += w + GAP;
    }
    // Left to right; marks that (nearly) coincide keep the row's order.
    order::sort_by(
        &mut sized,
        |a, b| if (a.0 - b.0).abs() < NEAR { std::cmp::Ordering::Equal } else { a.0.total_cmp(&b.0) },
    );
    let mut lines = Vec::new();
    if sized.len() > 1 && total > x1 - x0 {
        for (x, w, text) in sized {
            lines.push(vec![(inside(x - w / 2.0, w), text)]);
        }
        return lines;
    }
    let mut lefts: Vec<f64> = Vec::new();
    for &(x, w, _) in &sized {
        lefts.push(inside(x - w / 2.0, w));
    }
    for i in 1..lefts.len() {
        let overlap = lefts[i - 1] + sized[i - 1].1 + GAP - lefts[i];
        if overlap > 0.0 {
            lefts[i - 1] -= overlap / 2.0;
            lefts[i] += overlap / 2.0;
        }
    }
    // Pushed back inside from the left, then from the right.
    let mut edge = x0;
    for (left, s) in lefts.iter_mut().zip(&sized) {
        *left = left.max(edge);
        edge = *left + s.1 + GAP;
    }
    let mut edge = x1;
    for (left, s) in lefts.iter_mut().zip(&sized).rev() {
        *left = left.min(edge - s.1);
        edge = *left - GAP;
    }
    let mut line = Vec::new();
    for (left, (_, _, text)) in lefts.into_iter().zip(sized) {
        line.push((left, text));
    }
    lines.push(line);
    lines
}

/// A nice domain from zero (or below, for a negative value) to at least every value.
fn domain(values: &[f64]) -> (f64, f64) {
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    // Magnitudes too small to draw count as zero (and would give a nice step of zero).
    for &v in values {
        if v.is_finite() && v.abs() >= 1e-9 {
            (lo, hi) = (lo.min(v), hi.max(v));
        }
    }
    let nice = |v: f64| ticks_from_zero(v, 4).last().copied().unwrap_or(1.0);
    let hi = if hi > 0.0 { nice(hi) } else { 0.0 };
    let lo = if lo < 0.0 { -nice(-lo) } else { 0.0 };
    if hi - lo > 0.0 {
        (lo, hi)
    } else {
        (0.0, 1.0)
    }
}
