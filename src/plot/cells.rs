//! A matrix of cells: rows and columns, each in groups, a square in each cell that holds a mark and
//! a faint dot in each that does not (so that rows and columns stay easy to follow), and totals
//! that count the marks of each row, of each column and of all. Row names stand beside the cells,
//! on one line or wrapped between words, where the columns keep a useful width; else above their
//! cells. The rows of a group with a heading are set in beside a rule that ends with the group.
//! Column names and the names of groups of columns are set by [`super::headings`]. What is selected
//! is bold and outlined: rows, columns, and each mark whose row and column are both selected.

use super::bars::{draw_legend_note, Laid};
use super::headings;
use super::Key;
use crate::data::model::Lang;
use crate::plot::parts::{padding, selection_outline, widest, HEADING_SIZE, LABEL_SIZE};
use crate::scale::Within;
use crate::scene::{Align, Baseline, Rect, Region, Scene};
use crate::text::{wrap, TextMeasure};
use crate::theme::Theme;

pub struct Cells<'a, T> {
    pub legend: Vec<(&'a str, Key)>,
    /// Small print under the legend.
    pub note: &'a str,
    pub rows: Vec<Group<T>>,
    pub columns: Vec<Group<T>>,
    /// The name of a row or a column.
    pub name: fn(T, Lang) -> &'static str,
    /// The mark in the cell of a row and a column, if the cell holds one.
    pub mark: fn(T, T) -> Option<T>,
    /// The datum that a row, a column or a mark shows.
    pub datum: fn(T) -> &'static str,
    /// The data that the selection (here or in a linked chart) concerns.
    pub selected: Vec<&'static str>,
    /// The name of the row and the column of totals.
    pub total: &'a str,
}

/// Rows or columns under one heading; `None` where their names alone tell the group.
pub struct Group<T> {
    pub heading: Option<&'static str>,
    pub items: Vec<T>,
}

/// How far the rows of a group with a heading are set in from its rule.
const GROUP_INDENT: f64 = 10.0;
/// Space between two groups.
const GAP: f64 = 6.0;
/// Height of a row of cells.
const ROW: f64 = 28.0;
/// Height of a line of a row's name.
const LINE: f64 = 16.0;
/// The narrowest column beside row names on one line, and beside names wrapped onto two (which
/// take more height, so the names go above the cells rather than squeeze the marks further).
const MIN_COLUMN: f64 = 18.0;
const MIN_COLUMN_WRAPPED: f64 = 24.0;
const MAX_COLUMN: f64 = 44.0;

/// Where the row names go: beside the cells (`width` wide), or on a line above them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum RowNames {
    Beside { width: f64 },
    Above,
}

/// Where the parts of the matrix stand across the plot.
struct Layout {
    names: RowNames,
    /// The left edge of the cells, and the right edge of the last column.
    cells: f64,
    end: f64,
    column: f64,
    /// The left edge of each column.
    xs: Vec<f64>,
    /// The heading, left and right edge of each group of columns that has a heading.
    spans: Vec<(&'static str, f64, f64)>,
    total_width: f64,
}

impl<T: Copy> Cells<'_, T> {
    /// Lays the matrix out; returns the plot and the item that each of its regions shows, in the
    /// order of the regions: the columns, then row by row the row and the marks of its cells.
    pub fn lay_out(self, width: f64, lang: Lang, measure: &dyn TextMeasure, theme: &Theme) -> (Laid, Vec<T>) {
        let pad = padding(width);
        let mut columns = Vec::new();
        for group in &self.columns {
            columns.extend(group.items.iter().copied());
        }
        let layout = self.layout(width, lang, measure);
        let Layout { names: row_names, end, column, .. } = layout;
        let right = end + layout.total_width;
        let total_x = end + layout.total_width / 2.0;
        let mut scene = Scene::new(width, 0.0);
        let mut items = Vec::new();
        let y = draw_legend_note(&mut scene, &self.legend, self.note, width, measure, theme) + 8.0;
        let mut y = headings::brackets(&mut scene, &layout.spans, y, measure, theme);

        // The column names, then the name of the totals' column.
        let mut names = Vec::new();
        for c in &columns {
            names.push((self.name)(*c, lang));
        }
        let (style, lines, height) = headings::set(&names, column, lang, measure);
        let header_top = y;
        let header_bottom = (y + height.max(HEADING_SIZE + 4.0)).ceil();
        for ((&item, lines), left) in columns.iter().zip(&lines).zip(&layout.xs) {
            let (datum, bold) = (self.datum_of(item), self.is_selected(item));
            let at = (left + column / 2.0, header_bottom);
            let mark = style.draw(&mut scene, lines, at, bold, Some(datum), measure, theme);
            if bold {
                selection_outline(&mut scene, mark, theme, Some(datum));
            }
            let hit = Rect { x: *left, y: header_top, w: column, h: header_bottom - header_top };
            scene.regions.push(Region { datum, hit, mark });
            items.push(item);
        }
        let (size, muted) = (HEADING_SIZE, theme.muted);
        let at = (total_x, header_bottom - 2.0);
        scene.text(at, self.total, size, true, muted, Align::Center, Baseline::Bottom, None);
        y = header_bottom + 4.0;
        scene.line((pad, y), (right, y), theme.muted, 1.0);

        // Rows: the name, a mark in each cell that holds one, the row's total.
        let (mut counts, mut all) = (vec![0; columns.len()], 0);
        let marker = |row_height: f64| (column.min(row_height) - 8.0).within(8.0, 16.0).round();
        for (group_index, group) in self.rows.iter().enumerate() {
            if group_index > 0 {
                y += GAP;
            }
            if let Some(heading) = group.heading {
                for line in wrap(heading, width - 2.0 * pad, HEADING_SIZE, true, measure) {
                    scene.text((pad, y + 4.0), line, HEADING_SIZE, true, muted, Align::Start, Baseline::Top, None);
                    y += HEADING_SIZE + 6.0;
                }
                y += 2.0;
            }
            // A group's rows are set in under its heading beside a rule that ends with the group, so
            // that a group of one row after it does not read as one of its members.
            let indent = if group.heading.is_some() { GROUP_INDENT } else { 0.0 };
            let group_top = y;
            for &row in &group.items {
                let (cells_top, row_height) = self.draw_name(&mut scene, row, indent, &layout, y, lang, measure, theme);
                items.push(row);
                let side = marker(row_height);
                let middle = cells_top + row_height / 2.0;
                let mut count = 0;
                for ((other, left), total) in columns.iter().zip(&layout.xs).zip(&mut counts) {
                    let centre = left + column / 2.0;
                    let Some(item) = (self.mark)(row, *other) else {
                        let dot = Rect { x: (centre - 1.5).round(), y: (middle - 1.5).round(), w: 3.0, h: 3.0 };
                        scene.fill(dot, theme.grid, None);
                        continue;
                    };
                    let datum = self.datum_of(item);
                    let x = (centre - side / 2.0).round();
                    let rect = Rect { x, y: (middle - side / 2.0).round(), w: side, h: side };
                    scene.fill(rect, theme.series[0], Some(datum));
                    if self.is_selected(row) && self.is_selected(*other) {
                        selection_outline(&mut scene, rect, theme, Some(datum));
                    }
                    let hit = Rect { x: *left, y: cells_top, w: column, h: row_height };
                    scene.regions.push(Region { datum, hit, mark: rect });
                    items.push(item);
                    count += 1;
                    *total += 1;
                }
                all += count;
                let (at, text) = ((total_x, middle), count.to_string());
                scene.text(at, text, size, false, theme.text, Align::Center, Baseline::Middle, None);
                y = cells_top + row_height;
                scene.line((pad, y), (right, y), theme.grid, 1.0);
            }
            if group.heading.is_some() {
                scene.fill(Rect { x: pad, y: group_top, w: 2.0, h: y - group_top }, muted, None);
            }
        }

        // The totals' row: how many marks in each column, and in all.
        y += 2.0;
        let (cells_top, text_top) = match row_names {
            RowNames::Beside { .. } => (y, y + (ROW - LINE) / 2.0 + 1.0),
            RowNames::Above => (y + LINE + 2.0, y + 4.0),
        };
        scene.text((pad, text_top), self.total, LABEL_SIZE, true, muted, Align::Start, Baseline::Top, None);
        let middle = cells_top + ROW / 2.0;
        for (count, left) in counts.iter().zip(&layout.xs) {
            let at = (left + column / 2.0, middle);
            scene.text(at, count.to_string(), size, false, theme.text, Align::Center, Baseline::Middle, None);
        }
        scene.text((total_x, middle), all.to_string(), size, true, theme.text, Align::Center, Baseline::Middle, None);
        (Laid { scene, bottom: cells_top + ROW }, items)
    }

    fn datum_of(&self, item: T) -> &'static str {
        (self.datum)(item)
    }

    fn is_selected(&self, item: T) -> bool {
        self.selected.contains(&self.datum_of(item))
    }

    /// Where the row names go, how wide the columns are and where they stand.
    fn layout(&self, width: f64, lang: Lang, measure: &dyn TextMeasure) -> Layout {
        let pad = padding(width);
        let total_width = widest([self.total, "99"], HEADING_SIZE, true, measure).ceil() + 12.0;
        let mut count = 0;
        for group in &self.columns {
            count += group.items.len();
        }
        let count = count.max(1) as f64;
        let gaps = GAP * self.columns.len().saturating_sub(1) as f64;
        let column_for = |x_cells: f64| ((width - pad - total_width - gaps - x_cells) / count).floor();
        // The widest name, and the widest word of a name: long names may wrap between words
        // (Yuecheng / District). The totals' name must fit either way.
        let total = measure.width(self.total, LABEL_SIZE, true);
        let (mut full, mut word) = (total, 0.0_f64);
        for group in &self.rows {
            for &item in &group.items {
                let name = (self.name)(item, lang);
                full = full.max(measure.width(name, LABEL_SIZE, true));
                for w in name.split_whitespace() {
                    word = word.max(measure.width(w, LABEL_SIZE, true));
                }
            }
        }
        let (full, wrapped) = (full.ceil(), word.ceil().max(total.ceil()));
        let names = if column_for(pad + full + 8.0) >= MIN_COLUMN {
            RowNames::Beside { width: full }
        } else if column_for(pad + wrapped + 8.0) >= MIN_COLUMN_WRAPPED {
            RowNames::Beside { width: wrapped }
        } else {
            RowNames::Above
        };
        let cells = match names {
            RowNames::Beside { width } => pad + width + 8.0,
            RowNames::Above => pad,
        };
        let column = column_for(cells).within(1.0, MAX_COLUMN);
        let (mut xs, mut spans) = (Vec::new(), Vec::new());
        let mut x = cells;
        for (index, group) in self.columns.iter().enumerate() {
            if index > 0 {
                x += GAP;
            }
            let left = x;
            x += column * group.items.len() as f64;
            for k in 0..group.items.len() {
                xs.push(left + column * k as f64);
            }
            if let (Some(heading), false) = (group.heading, group.items.is_empty()) {
                spans.push((heading, left, x));
            }
        }
        Layout { names, cells, end: x, column, xs, spans, total_width }
    }

    /// Draws a row's name from `y`, with its region; returns the top of its cells and their height.
    #[allow(clippy::too_many_arguments)]
    fn draw_name(
        &self,
        scene: &mut Scene,
        row: T,
        indent: f64,
        layout: &Layout,
        y: f64,
        lang: Lang,
        measure: &dyn TextMeasure,
        theme: &Theme,
    ) -> (f64, f64) {
        let width = scene.width;
        let pad = padding(width);
        let (datum, bold, name) = (self.datum_of(row), self.is_selected(row), (self.name)(row, lang));
        let (lines, cells_top, row_height, text_top, hit) = match layout.names {
            RowNames::Beside { width: w } => {
                let lines = wrap(name, w + 0.5 - indent, LABEL_SIZE, true, measure);
                let h = ROW.max(lines.len() as f64 * LINE + 8.0);
                let text_top = y + (h - lines.len() as f64 * LINE) / 2.0;
                (lines, y, h, text_top, Rect { x: 0.0, y, w: layout.cells, h })
            }
            RowNames::Above => {
                let lines = wrap(name, width - 2.0 * pad - indent, LABEL_SIZE, true, measure);
                let above = lines.len() as f64 * LINE + 2.0;
                let cells_top = y + above;
                (lines, cells_top, ROW, y + 3.0, Rect { x: 0.0, y, w: width, h: cells_top - y })
            }
        };
        let mut label_width: f64 = 0.0;
        for (k, line) in lines.iter().enumerate() {
            let at = (pad + indent, text_top + k as f64 * LINE + 1.0);
            label_width = label_width.max(measure.width(line, LABEL_SIZE, bold));
            scene.text(at, line.as_str(), LABEL_SIZE, bold, theme.text, Align::Start, Baseline::Top, Some(datum));
        }
        let mark = Rect { x: pad + indent, y: text_top, w: label_width, h: lines.len() as f64 * LINE };
        if bold {
            selection_outline(scene, mark, theme, Some(datum));
        }
        scene.regions.push(Region { datum, hit, mark });
        (cells_top, row_height)
    }
}
