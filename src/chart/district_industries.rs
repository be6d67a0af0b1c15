//! `district-industries`: which industries the plan's chapter 二(一)1 (推进区域产业优化布局) names for
//! each of the seven districts, as a district × industry matrix. A filled square marks each industry
//! the plan names for a district; industries are grouped by their 专栏1 cluster, and row and column
//! totals count the marks. On wide screens districts are rows and industries columns; below
//! [`NARROW`] the matrix is transposed so that seven district columns fit a phone.

use super::parts::{legend, padding, selection_outline, widest, Swatch, HEADING_SIZE, LABEL_SIZE, NARROW, TICK_SIZE};
use super::{label, Rendered, Sort, Table, Tooltip};
use crate::chart::Options;
use crate::data::links::Selectable;
use crate::data::model::{Cluster, District, Industry, Lang, Text};
use crate::data::{cluster, industry, CLUSTERS, DISTRICTS, INDUSTRIES};
use crate::format;
use crate::order;
use crate::scale::Within;
use crate::scene::{Align, Baseline, Rect, Region, Scene};
use crate::text::{is_wide, wrap, TextMeasure};
use crate::theme::Theme;

pub const TITLE: Text =
    Text { zh: "各地重点发展产业一览表", en: "Priority industries by district: the full table" };
const DESCRIPTION: Text = Text {
    zh: "规划为各区、县（市）和滨海新区列出的重点发展产业，按专栏1先进制造业集群分组",
    en: "The industries the plan names for each district, county-level city and county and for the Binhai New Area, grouped by Box 1 manufacturing cluster",
};
/// The words of `sort`: the plan's order, or the most industries (districts) first.
pub const SORTS: &[(&str, Sort)] = &[("plan", Sort::Plan), ("count", Sort::Value)];

const OTHER: Text = Text { zh: "其他（专栏1未列）", en: "Not in Box 1" };
const NAMED: Text = Text { zh: "规划列为重点发展", en: "Named as a priority in the plan" };
const NOTE: Text = Text {
    zh: "按专栏1产业集群分组；合计为计数（计算值）",
    en: "Grouped by Box 1 cluster; totals are derived counts",
};
const TOTAL: Text = Text { zh: "合计", en: "Total" };
const SECTION: &str = "二(一)1";
/// Where the chart's figures stand in the plan: the assignments, the clusters, the hallmarks.
pub(crate) const SECTIONS: [&str; 3] = [SECTION, "专栏1", "专栏2"];

/// How far the rows of a group with a heading are set in from its rule.
const GROUP_INDENT: f64 = 10.0;
/// Space between two groups of industries.
const GAP: f64 = 6.0;
/// Height of a row of cells.
const ROW: f64 = 28.0;
/// Height of a row label line.
const LINE: f64 = 16.0;
/// The narrowest column beside row names on one line, and beside names wrapped onto two (which
/// take more height, so the names go above the cells rather than squeeze the marks further).
const MIN_COLUMN: f64 = 18.0;
const MIN_COLUMN_WRAPPED: f64 = 24.0;
const MAX_COLUMN: f64 = 44.0;
/// Distance between the lines of an upward heading, and between stacked characters.
const UP_LINE: f64 = 13.0;
const STACK_STEP: f64 = HEADING_SIZE + 1.0;

/// One row or column of the matrix.
#[derive(Debug, Clone, Copy)]
enum Entity {
    District(&'static District),
    Industry(&'static Industry),
}

impl Entity {
    fn id(self) -> &'static str {
        match self {
            Entity::District(d) => d.id,
            Entity::Industry(i) => i.id,
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        match self {
            Entity::District(d) => d.name.get(lang),
            Entity::Industry(i) => i.name.get(lang),
        }
    }

    /// Industries of a district, districts of an industry.
    fn count(self) -> usize {
        match self {
            Entity::District(d) => industries_of(d).len(),
            Entity::Industry(i) => districts_of(i).len(),
        }
    }
}

fn industries_of(district: &District) -> Vec<&'static Industry> {
    district.industries.iter().filter_map(|id| industry(id)).collect()
}

fn districts_of(industry: &Industry) -> Vec<&'static District> {
    DISTRICTS.iter().filter(|d| d.industries.contains(&industry.id)).collect()
}

/// The district and industry of a cell, if the plan names the industry for the district.
fn assigned(a: Entity, b: Entity) -> Option<(&'static District, &'static Industry)> {
    let (district, industry) = match (a, b) {
        (Entity::District(d), Entity::Industry(i)) | (Entity::Industry(i), Entity::District(d)) => (d, i),
        _ => return None,
    };
    district.industries.contains(&industry.id).then_some((district, industry))
}

/// The 专栏1 cluster of an industry, if it has one.
fn cluster_of(industry: &Industry) -> Option<&'static Cluster> {
    industry.cluster.and_then(cluster)
}

fn cluster_name(industry: &Industry, lang: Lang) -> &'static str {
    cluster_of(industry).map_or(OTHER.get(lang), |c| c.name.get(lang))
}

/// Industries of one 专栏1 cluster (or of none), in display order.
struct Group {
    cluster: Option<&'static Cluster>,
    industries: Vec<&'static Industry>,
}

impl Group {
    /// The heading of the group, where the industry names alone do not tell it: a cluster of several
    /// industries, an industry named otherwise than its cluster, and the industries of no cluster.
    fn heading(&self, lang: Lang) -> Option<&'static str> {
        match self.cluster {
            None => Some(OTHER.get(lang)),
            Some(c) if self.industries.len() > 1 || self.industries.iter().any(|i| i.name.zh != c.name.zh) => {
                Some(c.name.get(lang))
            }
            Some(_) => None,
        }
    }

    fn largest(&self) -> usize {
        self.industries.iter().map(|i| districts_of(i).len()).max().unwrap_or(0)
    }
}

/// The districts in display order: the plan's, or by number of industries (ties in the plan's order).
fn ordered_districts(sort: Sort) -> Vec<&'static District> {
    let mut districts: Vec<&District> = DISTRICTS.iter().collect();
    if sort == Sort::Value {
        order::sort_by_key(&mut districts, |d| std::cmp::Reverse(industries_of(d).len()));
    }
    districts
}

/// The industries grouped by cluster in 专栏1's order, those of no cluster last. Sorted by count,
/// industries go by number of districts within their group and groups by their most widespread
/// industry; the group of no cluster stays last.
fn industry_groups(sort: Sort) -> Vec<Group> {
    let mut groups: Vec<Group> = CLUSTERS
        .iter()
        .map(|c| Group {
            cluster: Some(c),
            industries: INDUSTRIES.iter().filter(|i| i.cluster == Some(c.id)).collect(),
        })
        .filter(|g| !g.industries.is_empty())
        .collect();
    let other: Vec<&Industry> = INDUSTRIES.iter().filter(|i| cluster_of(i).is_none()).collect();
    if !other.is_empty() {
        groups.push(Group { cluster: None, industries: other });
    }
    if sort == Sort::Value {
        for group in &mut groups {
            order::sort_by_key(&mut group.industries, |i| std::cmp::Reverse(districts_of(i).len()));
        }
        order::sort_by_key(&mut groups, |g| (g.cluster.is_none(), std::cmp::Reverse(g.largest())));
    }
    groups
}

/// The industries in display order.
fn ordered_industries(sort: Sort) -> Vec<&'static Industry> {
    industry_groups(sort).into_iter().flat_map(|g| g.industries).collect()
}

/// One side of the matrix: its entities and their groups (heading, number of entities).
struct Axis {
    items: Vec<Entity>,
    groups: Vec<(Option<&'static str>, usize)>,
}

impl Axis {
    fn districts(sort: Sort) -> Axis {
        let items: Vec<Entity> = ordered_districts(sort).into_iter().map(Entity::District).collect();
        Axis { groups: vec![(None, items.len())], items }
    }

    fn industries(sort: Sort, lang: Lang) -> Axis {
        let groups = industry_groups(sort);
        Axis {
            items: groups.iter().flat_map(|g| g.industries.iter().map(|i| Entity::Industry(i))).collect(),
            groups: groups.iter().map(|g| (g.heading(lang), g.industries.len())).collect(),
        }
    }

    fn names(&self, lang: Lang) -> Vec<&'static str> {
        self.items.iter().map(|e| e.name(lang)).collect()
    }
}

/// How column headings are set.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Heading {
    /// Across the column, when every name fits.
    Across,
    /// Chinese: one character under another.
    Stacked,
    /// Reading upwards, in as many lines as the column holds.
    Up,
}

/// The way the column names are set for columns `column` px wide, each name's lines, and the height.
fn column_headings(
    names: &[&str],
    column: f64,
    lang: Lang,
    measure: &dyn TextMeasure,
) -> (Heading, Vec<Vec<String>>, f64) {
    let size = HEADING_SIZE;
    if widest(names.iter().copied(), size, true, measure) <= column - 4.0 {
        return (Heading::Across, names.iter().map(|n| vec![n.to_string()]).collect(), size + 4.0);
    }
    if lang == Lang::Zh && names.iter().all(|n| n.chars().all(is_wide)) {
        let lines: Vec<Vec<String>> = names.iter().map(|n| n.chars().map(String::from).collect()).collect();
        let most = lines.iter().map(Vec::len).max().unwrap_or(0);
        return (Heading::Stacked, lines, most as f64 * STACK_STEP);
    }
    // The shortest heading block in which every name takes no more lines than the column holds.
    let most_lines = ((column - 3.0) / UP_LINE).floor().max(1.0) as usize;
    let full = widest(names.iter().copied(), size, true, measure);
    let mut length = widest(names.iter().flat_map(|n| n.split_whitespace()), size, true, measure);
    while length < full && names.iter().any(|n| wrap(n, length, size, true, measure).len() > most_lines) {
        length += 4.0;
    }
    let lines: Vec<Vec<String>> = names.iter().map(|n| wrap(n, length.min(full), size, true, measure)).collect();
    let height = lines.iter().flatten().map(|l| measure.width(l, size, true)).fold(0.0, f64::max);
    (Heading::Up, lines, height)
}

/// What the current selection concerns: its districts and its industries.
struct Selection {
    districts: Vec<&'static str>,
    industries: Vec<&'static str>,
}

impl Selection {
    fn new(selected: Option<&str>) -> Selection {
        let found = selected.and_then(Selectable::find);
        Selection {
            districts: found.map(|s| s.districts().iter().map(|d| d.id).collect()).unwrap_or_default(),
            industries: found.map(|s| s.industries().iter().map(|i| i.id).collect()).unwrap_or_default(),
        }
    }

    fn concerns(&self, entity: Entity) -> bool {
        match entity {
            Entity::District(d) => self.districts.contains(&d.id),
            Entity::Industry(i) => self.industries.contains(&i.id),
        }
    }
}

/// Where the row names go: beside the cells (`width` wide), or on a line above them.
#[derive(Debug, Clone, Copy, PartialEq)]
enum RowLabels {
    Beside { width: f64 },
    Above,
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let narrow = width < NARROW;
    let pad = padding(width);
    let (rows, columns) = if narrow {
        (Axis::industries(options.sort, lang), Axis::districts(options.sort))
    } else {
        (Axis::districts(options.sort), Axis::industries(options.sort, lang))
    };
    let selection = Selection::new(options.selected);
    let total_label = TOTAL.get(lang);

    let mut scene = Scene::new(width, 0.0);
    let mut tooltips: Vec<Tooltip> = Vec::new();

    // Legend: the mark, the selection when there is one, and a note on groups and totals.
    let named_swatch = |s: &mut Scene, r: Rect| s.fill(inset(r, 1.0), theme.series[0], None);
    let selected_swatch = |s: &mut Scene, r: Rect| selection_outline(s, inset(r, 3.0), theme, None);
    let selected_name = options.selected.and_then(Selectable::find).map(|s| selectable_name(s, lang));
    let selected_text = selected_name.map(|n| format!("{}{n}", label("已选：", "Selected: ", lang)));
    let mut entries: Vec<(&str, Swatch)> = vec![(NAMED.get(lang), &named_swatch)];
    if let Some(text) = &selected_text {
        entries.push((text.as_str(), &selected_swatch));
    }
    let mut y = legend(&mut scene, &entries, width, pad, measure, theme) - 6.0;
    for line in wrap(NOTE.get(lang), width - 2.0 * pad, TICK_SIZE, false, measure) {
        scene.text((pad, y), line, TICK_SIZE, false, theme.muted, Align::Start, Baseline::Top, None);
        y += TICK_SIZE + 4.0;
    }
    y += 8.0;

    // Widths: row names, columns, totals.
    let total_width = widest([total_label, "99"], HEADING_SIZE, true, measure).ceil() + 12.0;
    let count = columns.items.len().max(1) as f64;
    let gaps = GAP * columns.groups.len().saturating_sub(1) as f64;
    let column_for = |x_cells: f64| ((width - pad - total_width - gaps - x_cells) / count).floor();
    let row_names = rows.names(lang);
    let full = widest(row_names.iter().copied().chain([total_label]), LABEL_SIZE, true, measure).ceil();
    let word = widest(row_names.iter().flat_map(|n| n.split_whitespace()), LABEL_SIZE, true, measure).ceil();
    // Long names may wrap between words (Yuecheng / District); the totals row's name must fit too.
    let wrapped = word.max(widest([total_label], LABEL_SIZE, true, measure).ceil());
    let row_labels = if column_for(pad + full + 8.0) >= MIN_COLUMN {
        RowLabels::Beside { width: full }
    } else if column_for(pad + wrapped + 8.0) >= MIN_COLUMN_WRAPPED {
        RowLabels::Beside { width: wrapped }
    } else {
        RowLabels::Above
    };
    let x_cells = match row_labels {
        RowLabels::Beside { width } => pad + width + 8.0,
        RowLabels::Above => pad,
    };
    let column = column_for(x_cells).within(1.0, MAX_COLUMN);
    let mut column_x = Vec::with_capacity(columns.items.len());
    let mut x = x_cells;
    for (index, (_, len)) in columns.groups.iter().enumerate() {
        if index > 0 {
            x += GAP;
        }
        for _ in 0..*len {
            column_x.push(x);
            x += column;
        }
    }
    let cells_end = x;
    let total_x = cells_end + total_width / 2.0;

    // Headings of column groups, over brackets that span their columns.
    let mut spans: Vec<(Vec<String>, f64, f64)> = Vec::new(); // lines, left, right
    let mut start = 0;
    for (heading, len) in &columns.groups {
        let (Some(first), Some(last)) = (column_x.get(start), column_x.get(start + len.saturating_sub(1))) else {
            start += len;
            continue;
        };
        if let Some(heading) = heading {
            let span = last + column - first;
            let longest = widest(heading.split_whitespace(), TICK_SIZE, false, measure);
            spans.push((wrap(heading, span.max(longest), TICK_SIZE, false, measure), *first, last + column));
        }
        start += len;
    }
    if !spans.is_empty() {
        y = group_headings(&mut scene, &spans, y, width, pad, measure, theme);
    }

    // Column headings.
    let names = columns.names(lang);
    let (style, lines, height) = column_headings(&names, column, lang, measure);
    let header_top = y;
    let header_bottom = (y + height.max(HEADING_SIZE + 4.0)).ceil();
    for (index, (entity, lines)) in columns.items.iter().zip(&lines).enumerate() {
        let Some(&left) = column_x.get(index) else { continue };
        let centre = left + column / 2.0;
        let datum = Some(entity.id());
        let bold = selection.concerns(*entity);
        let mark = match style {
            Heading::Across => {
                let text = lines.first().map_or("", String::as_str);
                let w = measure.width(text, HEADING_SIZE, bold);
                let at = (centre, header_bottom - 2.0);
                scene.text(at, text, HEADING_SIZE, bold, theme.text, Align::Center, Baseline::Bottom, datum);
                Rect { x: centre - w / 2.0, y: at.1 - HEADING_SIZE, w, h: HEADING_SIZE }
            }
            Heading::Stacked => {
                let top = header_bottom - lines.len() as f64 * STACK_STEP;
                for (k, ch) in lines.iter().enumerate() {
                    let at = (centre, top + k as f64 * STACK_STEP);
                    scene.text(at, ch.as_str(), HEADING_SIZE, bold, theme.text, Align::Center, Baseline::Top, datum);
                }
                let w = HEADING_SIZE * 1.1;
                Rect { x: centre - w / 2.0, y: top, w, h: lines.len() as f64 * STACK_STEP }
            }
            Heading::Up => {
                let n = lines.len() as f64;
                let mut tallest: f64 = 0.0;
                for (k, line) in lines.iter().enumerate() {
                    let at = (centre + (k as f64 - (n - 1.0) / 2.0) * UP_LINE, header_bottom - 2.0);
                    scene.text_up(
                        at,
                        line.as_str(),
                        HEADING_SIZE,
                        bold,
                        theme.text,
                        Align::Start,
                        Baseline::Middle,
                        datum,
                    );
                    tallest = tallest.max(measure.width(line, HEADING_SIZE, bold));
                }
                let w = n * UP_LINE;
                Rect { x: centre - w / 2.0, y: header_bottom - 2.0 - tallest, w, h: tallest }
            }
        };
        if bold {
            selection_outline(&mut scene, mark, theme, datum);
        }
        let hit = Rect { x: left, y: header_top, w: column, h: header_bottom - header_top };
        scene.regions.push(Region { datum: entity.id(), hit, mark });
        tooltips.push(tooltip(*entity, lang));
    }
    scene.text(
        (total_x, header_bottom - 2.0),
        total_label,
        HEADING_SIZE,
        true,
        theme.muted,
        Align::Center,
        Baseline::Bottom,
        None,
    );
    y = header_bottom + 4.0;
    scene.line((pad, y), (cells_end + total_width, y), theme.muted, 1.0);

    // Rows: the name, a mark in each cell the plan names, the row's total.
    let marker = |row_height: f64| (column.min(row_height) - 8.0).within(8.0, 16.0).round();
    let mut start = 0;
    for (group_index, (heading, len)) in rows.groups.iter().enumerate() {
        if group_index > 0 {
            y += GAP;
        }
        if let Some(heading) = heading {
            for line in wrap(heading, width - 2.0 * pad, HEADING_SIZE, true, measure) {
                scene.text((pad, y + 4.0), line, HEADING_SIZE, true, theme.muted, Align::Start, Baseline::Top, None);
                y += HEADING_SIZE + 6.0;
            }
            y += 2.0;
        }
        // A group's rows are indented under its heading beside a rule that ends with the group, so
        // that a single-industry cluster after it does not read as one of its members.
        let indent = if heading.is_some() { GROUP_INDENT } else { 0.0 };
        let group_top = y;
        for entity in rows.items.iter().skip(start).take(*len) {
            let datum = Some(entity.id());
            let bold = selection.concerns(*entity);
            let name = entity.name(lang);
            let (name_lines, cells_top, row_height) = match row_labels {
                RowLabels::Beside { width: w } => {
                    let lines = wrap(name, w + 0.5 - indent, LABEL_SIZE, true, measure);
                    let h = ROW.max(lines.len() as f64 * LINE + 8.0);
                    (lines, y, h)
                }
                RowLabels::Above => {
                    let lines = wrap(name, width - 2.0 * pad - indent, LABEL_SIZE, true, measure);
                    let above = lines.len() as f64 * LINE + 2.0;
                    (lines, y + above, ROW)
                }
            };
            let text_top = match row_labels {
                RowLabels::Beside { .. } => y + (row_height - name_lines.len() as f64 * LINE) / 2.0,
                RowLabels::Above => y + 3.0,
            };
            let mut label_width: f64 = 0.0;
            for (k, line) in name_lines.iter().enumerate() {
                let at = (pad + indent, text_top + k as f64 * LINE + 1.0);
                scene.text(at, line.as_str(), LABEL_SIZE, bold, theme.text, Align::Start, Baseline::Top, datum);
                label_width = label_width.max(measure.width(line, LABEL_SIZE, bold));
            }
            let mark = Rect { x: pad + indent, y: text_top, w: label_width, h: name_lines.len() as f64 * LINE };
            if bold {
                selection_outline(&mut scene, mark, theme, datum);
            }
            let hit = match row_labels {
                RowLabels::Beside { .. } => Rect { x: 0.0, y, w: x_cells, h: row_height },
                RowLabels::Above => Rect { x: 0.0, y, w: width, h: cells_top - y },
            };
            scene.regions.push(Region { datum: entity.id(), hit, mark });
            tooltips.push(tooltip(*entity, lang));

            let side = marker(row_height);
            let middle = cells_top + row_height / 2.0;
            for (index, other) in columns.items.iter().enumerate() {
                let Some(&left) = column_x.get(index) else { continue };
                let centre = left + column / 2.0;
                match assigned(*entity, *other) {
                    Some((district, industry)) => {
                        let rect = Rect {
                            x: (centre - side / 2.0).round(),
                            y: (middle - side / 2.0).round(),
                            w: side,
                            h: side,
                        };
                        scene.fill(rect, theme.series[0], Some(industry.id));
                        if selection.concerns(*entity) && selection.concerns(*other) {
                            selection_outline(&mut scene, rect, theme, Some(industry.id));
                        }
                        let hit = Rect { x: left, y: cells_top, w: column, h: row_height };
                        scene.regions.push(Region { datum: industry.id, hit, mark: rect });
                        tooltips.push(cell_tooltip(district, industry, lang));
                    }
                    // A faint dot keeps the rows and columns easy to follow.
                    None => scene.fill(
                        Rect { x: (centre - 1.5).round(), y: (middle - 1.5).round(), w: 3.0, h: 3.0 },
                        theme.grid,
                        None,
                    ),
                }
            }
            let count = entity.count().to_string();
            scene.text(
                (total_x, middle),
                count,
                HEADING_SIZE,
                false,
                theme.text,
                Align::Center,
                Baseline::Middle,
                None,
            );
            y = cells_top + row_height;
            scene.line((pad, y), (cells_end + total_width, y), theme.grid, 1.0);
        }
        if heading.is_some() {
            scene.fill(Rect { x: pad, y: group_top, w: 2.0, h: y - group_top }, theme.muted, None);
        }
        start += len;
    }

    // The totals row: how many marks in each column, and in all.
    y += 2.0;
    let (cells_top, text_top) = match row_labels {
        RowLabels::Beside { .. } => (y, y + (ROW - LINE) / 2.0 + 1.0),
        RowLabels::Above => (y + LINE + 2.0, y + 4.0),
    };
    scene.text((pad, text_top), total_label, LABEL_SIZE, true, theme.muted, Align::Start, Baseline::Top, None);
    let middle = cells_top + ROW / 2.0;
    for (index, entity) in columns.items.iter().enumerate() {
        let Some(&left) = column_x.get(index) else { continue };
        let count = entity.count().to_string();
        let at = (left + column / 2.0, middle);
        scene.text(at, count, HEADING_SIZE, false, theme.text, Align::Center, Baseline::Middle, None);
    }
    let all = assignments(Sort::Plan).len().to_string();
    scene.text((total_x, middle), all, HEADING_SIZE, true, theme.text, Align::Center, Baseline::Middle, None);
    y = cells_top + ROW + pad;
    scene.height = y.ceil();

    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&SECTIONS, lang),
        alt: alt_text(lang),
        tooltips,
        table: table(options),
        scene,
        hint: None,
    }
}

fn inset(r: Rect, by: f64) -> Rect {
    Rect { x: r.x + by, y: r.y + by, w: r.w - 2.0 * by, h: r.h - 2.0 * by }
}

fn selectable_name(selected: Selectable, lang: Lang) -> &'static str {
    match selected {
        Selectable::Cluster(c) => c.name.get(lang),
        Selectable::Industry(i) => i.name.get(lang),
        Selectable::District(d) => d.name.get(lang),
    }
}

/// Draws the headings of column groups (`spans`: lines, left and right edge of the group) above a
/// bracket each, moving a heading right or up where it would run into its neighbour. Returns the y
/// below the brackets.
fn group_headings(
    scene: &mut Scene,
    spans: &[(Vec<String>, f64, f64)],
    y: f64,
    width: f64,
    pad: f64,
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> f64 {
    let line = TICK_SIZE + 3.0;
    // Place each block: its horizontal extent and how many lines above the bracket it ends.
    let mut placed: Vec<(f64, f64, usize, usize)> = Vec::new(); // left, right, lift, lines
    for (lines, left, right) in spans {
        let w = widest(lines.iter().map(String::as_str), TICK_SIZE, false, measure);
        let centre = ((left + right) / 2.0).within(pad + w / 2.0, (width - pad - w / 2.0).max(pad + w / 2.0));
        let (mut l, mut r) = (centre - w / 2.0, centre + w / 2.0);
        let clear = |l: f64, r: f64, lift: usize, n: usize, placed: &[(f64, f64, usize, usize)]| {
            placed.iter().all(|&(pl, pr, plift, pn)| {
                let apart = r + 6.0 <= pl || pr + 6.0 <= l;
                let other_rows = lift >= plift + pn || plift >= lift + n;
                apart || other_rows
            })
        };
        if !clear(l, r, 0, lines.len(), &placed) {
            // Move right past the neighbour if that stays inside the plot.
            let shift = placed.iter().map(|&(_, pr, _, _)| pr + 6.0 - l).fold(0.0, f64::max);
            if r + shift <= width - pad && clear(l + shift, r + shift, 0, lines.len(), &placed) {
                l += shift;
                r += shift;
            }
        }
        let mut lift = 0;
        while !clear(l, r, lift, lines.len(), &placed) {
            lift += 1;
        }
        placed.push((l, r, lift, lines.len()));
    }
    let rows = placed.iter().map(|&(_, _, lift, n)| lift + n).max().unwrap_or(0);
    let bracket = y + rows as f64 * line + 3.0;
    for ((lines, left, right), &(l, r, lift, n)) in spans.iter().zip(&placed) {
        let top = bracket - 3.0 - (lift + n) as f64 * line;
        for (k, text) in lines.iter().enumerate() {
            let at = ((l + r) / 2.0, top + k as f64 * line);
            scene.text(at, text.as_str(), TICK_SIZE, false, theme.muted, Align::Center, Baseline::Top, None);
        }
        scene.line((*left + 1.0, bracket), (*right - 1.0, bracket), theme.muted, 1.0);
        scene.line((*left + 1.0, bracket), (*left + 1.0, bracket + 4.0), theme.muted, 1.0);
        scene.line((*right - 1.0, bracket), (*right - 1.0, bracket + 4.0), theme.muted, 1.0);
    }
    bracket + 6.0
}

fn names(items: impl IntoIterator<Item = &'static str>, lang: Lang) -> String {
    let items: Vec<&str> = items.into_iter().collect();
    format::list(&items, lang)
}

fn tooltip(entity: Entity, lang: Lang) -> Tooltip {
    match entity {
        Entity::District(d) => {
            let industries = industries_of(d);
            Tooltip {
                title: d.name.get(lang).to_string(),
                lines: vec![
                    (
                        label("重点发展产业", "Priority industries", lang).into(),
                        format::list_common(&industries.iter().map(|i| i.name.get(lang)).collect::<Vec<_>>(), lang),
                    ),
                    (label("产业数（计算值）", "Count (derived)", lang).into(), industries.len().to_string()),
                    (label("专栏2 一地一特色", "Box 2 hallmark", lang).into(), d.hallmark.get(lang).into()),
                    (
                        label("出处", "Source", lang).into(),
                        format!(
                            "{}{}{}",
                            format::section(d.industries_source.section, lang),
                            label("；", "; ", lang),
                            format::section(d.hallmark_source.section, lang)
                        ),
                    ),
                ],
            }
        }
        Entity::Industry(i) => {
            let districts = districts_of(i);
            Tooltip {
                title: i.name.get(lang).to_string(),
                lines: vec![
                    (label("专栏1集群", "Box 1 cluster", lang).into(), cluster_name(i, lang).into()),
                    (
                        label("布局地区", "Named for", lang).into(),
                        names(districts.iter().map(|d| d.name.get(lang)), lang),
                    ),
                    (label("地区数（计算值）", "Count (derived)", lang).into(), districts.len().to_string()),
                    (label("出处", "Source", lang).into(), format::section(i.source.section, lang)),
                ],
            }
        }
    }
}

fn cell_tooltip(district: &District, industry: &Industry, lang: Lang) -> Tooltip {
    Tooltip {
        title: format!("{} · {}", district.name.get(lang), industry.name.get(lang)),
        lines: vec![
            (label("专栏1集群", "Box 1 cluster", lang).into(), cluster_name(industry, lang).into()),
            (super::parts::PLAN_WORDS.get(lang).into(), district.industries_source.quote.into()),
            (label("出处", "Source", lang).into(), format::section(district.industries_source.section, lang)),
        ],
    }
}

/// Every (district, industry) pair the plan names, districts and industries in display order.
fn assignments(sort: Sort) -> Vec<(&'static District, &'static Industry)> {
    let industries = ordered_industries(sort);
    ordered_districts(sort)
        .into_iter()
        .flat_map(|d| industries.iter().filter(|i| d.industries.contains(&i.id)).map(move |i| (d, *i)))
        .collect()
}

/// Industries as rows and districts as columns, with each industry's cluster: the matrix as a table
/// that reads well with a screen reader (a word in each named cell, a dash elsewhere).
fn table(options: &Options) -> Table {
    let lang = options.lang;
    let districts = ordered_districts(options.sort);
    let mut columns: Vec<String> =
        vec![label("产业", "Industry", lang).into(), label("专栏1集群", "Box 1 cluster", lang).into()];
    columns.extend(districts.iter().map(|d| d.name.get(lang).to_string()));
    columns.push(label("地区数（计算值）", "Districts (derived)", lang).into());
    let mut rows: Vec<Vec<String>> = ordered_industries(options.sort)
        .into_iter()
        .map(|i| {
            let mut row = vec![i.name.get(lang).to_string(), cluster_name(i, lang).to_string()];
            row.extend(districts.iter().map(|d| {
                if d.industries.contains(&i.id) {
                    label("重点发展", "Priority", lang).to_string()
                } else {
                    "—".to_string()
                }
            }));
            row.push(districts_of(i).len().to_string());
            row
        })
        .collect();
    let mut totals = vec![label("产业数（计算值）", "Industries (derived)", lang).to_string(), String::new()];
    totals.extend(districts.iter().map(|d| industries_of(d).len().to_string()));
    totals.push(assignments(Sort::Plan).len().to_string());
    rows.push(totals);
    Table { columns, rows }
}

/// What the chart shows in words, from the data: how many assignments, the district with the most
/// industries, the industry named for the most districts.
fn alt_text(lang: Lang) -> String {
    let pairs = assignments(Sort::Plan).len();
    let most_industries = DISTRICTS.iter().map(|d| industries_of(d).len()).max().unwrap_or(0);
    let busiest: Vec<&str> =
        DISTRICTS.iter().filter(|d| industries_of(d).len() == most_industries).map(|d| d.name.get(lang)).collect();
    let most_districts = INDUSTRIES.iter().map(|i| districts_of(i).len()).max().unwrap_or(0);
    let widest_spread: Vec<&Industry> = INDUSTRIES.iter().filter(|i| districts_of(i).len() == most_districts).collect();
    let spread_names: Vec<&str> = widest_spread.iter().map(|i| i.name.get(lang)).collect();
    let spread_districts = match widest_spread.as_slice() {
        [one] => names(districts_of(one).iter().map(|d| d.name.get(lang)), lang),
        _ => String::new(),
    };
    let single = INDUSTRIES.iter().filter(|i| districts_of(i).len() == 1).count();
    let several = busiest.len() > 1;
    match lang {
        Lang::Zh => {
            let all = if several { "各" } else { "" };
            let detail = if spread_districts.is_empty() { String::new() } else { format!("：{spread_districts}") };
            format!(
                "矩阵图：规划二（一）1为{}个地区列出的{}个重点发展产业，共{pairs}处（计算值）。列出产业最多的是{}（{all}{most_industries}个）；布局地区最多的产业是{}（{most_districts}个地区{detail}）。{single}个产业只列在1个地区。",
                DISTRICTS.len(),
                INDUSTRIES.len(),
                format::list(&busiest, lang),
                format::list(&spread_names, lang),
            )
        }
        Lang::En => {
            let all = if several { " each" } else { "" };
            let detail = if spread_districts.is_empty() { String::new() } else { format!(": {spread_districts}") };
            format!(
                "Matrix of the {} priority industries that chapter 2, section 1, item 1 of the plan names for {} districts: {pairs} in all (a derived count). {} {} named the most industries, {most_industries}{all}; {} {} named for the most districts, {most_districts}{detail}. {single} industries are named for one district only.",
                INDUSTRIES.len(),
                DISTRICTS.len(),
                format::list(&busiest, lang),
                if several { "are" } else { "is" },
                format::lower(&format::list_common(&spread_names, lang), lang),
                if spread_names.len() > 1 { "are" } else { "is" },
            )
        }
    }
}

/// Columns of the CSV: one row per (district, industry) pair the plan names, with its provenance.
const CSV_HEADER: &[&str] = &[
    "district_id",
    "district_zh",
    "district_en",
    "industry_id",
    "industry_zh",
    "industry_en",
    "cluster_id",
    "cluster_zh",
    "cluster_en",
    "section",
    "quote",
];

pub fn csv(options: &Options) -> String {
    let rows: Vec<Vec<String>> = assignments(options.sort)
        .into_iter()
        .map(|(d, i)| {
            let c = cluster_of(i);
            vec![
                d.id.into(),
                d.name.zh.into(),
                d.name.en.into(),
                i.id.into(),
                i.name.zh.into(),
                i.name.en.into(),
                c.map_or("", |c| c.id).into(),
                cluster_name(i, Lang::Zh).into(),
                cluster_name(i, Lang::En).into(),
                d.industries_source.section.into(),
                d.industries_source.quote.into(),
            ]
        })
        .collect();
    crate::csv::write(CSV_HEADER, &rows)
}
