//! `district-map`: which industries each district is to develop (二(一)1), with its services hallmark
//! (专栏2) and its named central towns and functional areas (四(二)1, 四(二)2).
//!
//! Public maps in China need an approved base map, so by default the districts are a **schematic**:
//! equal tiles on a 3 × 2 grid in their true relative positions (柯桥 west of 越城, 上虞 east; 诸暨
//! south-west, 嵊州 south, 新昌 south-east), and 滨海新区 a band along Hangzhou Bay that overlaps the
//! northern parts of its three parents, as the note under the map says. With the `geometry` option
//! (GeoJSON the embedder supplies) the districts are drawn with their real boundaries instead.
//!
//! Selecting a district (click, tap, Enter) shows its industries, hallmark and places under the map;
//! `selected` (a district, or a cluster or industry) marks the districts concerned with fill,
//! hatching and a dark outline, not colour alone. `fill: "count"` shades the districts by how many
//! industries the plan names for them, the number written on each.

use super::parts::{legend, padding, Swatch, HEADING_SIZE, LABEL_SIZE, NARROW};
use super::{label, Rendered, Table, Tooltip};
use crate::chart::options::MapFill;
use crate::chart::Options;
use crate::data::links::Selectable;
use crate::data::model::{District, DistrictKind, Lang, PlaceKind, Text};
use crate::data::{industry, DISTRICTS, INDUSTRIES};
use crate::format;
use crate::geo::plane::{self, Bounds, Point, Ring};
use crate::geo::{Geometry, Projection};
use crate::order;
use crate::scale::Within;
use crate::scene::{Align, Baseline, Outline, Rect, Region, Scene, Shape};
use crate::text::{wrap, TextMeasure};
use crate::theme::{Color, Theme};

pub const TITLE: Text =
    Text { zh: "各地重点发展产业布局", en: "Which industries each district is to develop" };
const DESCRIPTION: Text = Text {
    zh: "“十五五”时期绍兴市各区、县（市）和滨海新区重点发展的产业、服务业标志性成果、中心镇和功能区",
    en: "The industries the plan assigns to Shaoxing's six county-level divisions and Binhai New Area, with their services hallmarks, central towns and functional areas",
};
pub(crate) const SECTIONS: [&str; 4] = ["二(一)1", "专栏2", "四(二)1", "四(二)2"];

/// Where each district sits in the schematic: (column west to east, row north to south).
const GRID: [(&str, usize, usize); 6] = [
    ("district.keqiao", 0, 0),
    ("district.yuecheng", 1, 0),
    ("district.shangyu", 2, 0),
    ("district.zhuji", 0, 1),
    ("district.shengzhou", 1, 1),
    ("district.xinchang", 2, 1),
];
/// 滨海新区 lies along the bay across the north of these three districts.
pub const BINHAI: &str = "district.binhai";
pub const BINHAI_PARENTS: [&str; 3] = ["district.keqiao", "district.yuecheng", "district.shangyu"];

const NOTE_SIZE: f64 = 11.0;
const LIST_SIZE: f64 = 11.0;
const COUNT_SIZE: f64 = 20.0;
const DETAIL_SIZE: f64 = 12.5;

fn kind_name(kind: DistrictKind, lang: Lang) -> &'static str {
    match kind {
        DistrictKind::District => label("区", "District", lang),
        DistrictKind::CountyCity => label("县级市", "County-level city", lang),
        DistrictKind::County => label("县", "County", lang),
        DistrictKind::NewArea => {
            label("省级新区（非行政区划）", "Provincial new area (not an administrative division)", lang)
        }
    }
}

/// The name on the map: in English without "District", "City", "County", "New Area".
fn map_name(d: &District, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => d.name.zh,
        Lang::En => [" New Area", " District", " City", " County"]
            .iter()
            .find_map(|s| d.name.en.strip_suffix(s))
            .unwrap_or(d.name.en),
    }
}

fn district(id: &str) -> Option<&'static District> {
    DISTRICTS.iter().find(|d| d.id == id)
}

fn industry_names(d: &District, lang: Lang) -> Vec<&'static str> {
    d.industries.iter().filter_map(|id| industry(id)).map(|i| i.name.get(lang)).collect()
}

fn industries(d: &District, lang: Lang) -> String {
    format::list_common(&industry_names(d, lang), lang)
}

fn places(d: &District, kind: PlaceKind, lang: Lang) -> String {
    let names: Vec<&str> = d.places.iter().filter(|p| p.kind == kind).map(|p| p.name.get(lang)).collect();
    if names.is_empty() {
        label("（规划未列明）", "(none named in the plan)", lang).to_string()
    } else {
        format::list(&names, lang)
    }
}

fn count(d: &District) -> usize {
    d.industries.iter().filter(|id| industry(id).is_some()).count()
}

/// The plan's sections a district's facts come from, in order, each once.
fn sections(d: &District) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = vec![d.industries_source.section, d.hallmark_source.section];
    for p in d.places {
        if !out.contains(&p.source.section) {
            out.push(p.source.section);
        }
    }
    out
}

fn sections_text(d: &District, lang: Lang) -> String {
    let names: Vec<String> = sections(d).iter().map(|s| format::section(s, lang)).collect();
    names.join(label("；", "; ", lang))
}

fn names_of(ids: &[&str], lang: Lang) -> String {
    let names: Vec<&str> = ids.iter().filter_map(|id| district(id)).map(|d| d.name.get(lang)).collect();
    format::list(&names, lang)
}

/// What is selected, and the districts it concerns.
struct Selection {
    what: Selectable,
    districts: Vec<&'static str>,
}

fn selection(options: &Options) -> Option<Selection> {
    let what = Selectable::find(options.selected?)?;
    Some(Selection { districts: what.districts().iter().map(|d| d.id).collect(), what })
}

/// "新材料" with what it is: 产业集群, 产业, 地区.
fn selection_name(s: &Selection, lang: Lang) -> String {
    match s.what {
        Selectable::Cluster(c) => format!("{}{}", c.name.get(lang), label("（产业集群）", " (cluster)", lang)),
        Selectable::Industry(i) => format!("{}{}", i.name.get(lang), label("（产业）", " (industry)", lang)),
        Selectable::District(d) => d.name.get(lang).to_string(),
    }
}

/// `a` blended towards `b` by `t` (0 = a, 1 = b), opaque.
fn mix(a: Color, b: Color, t: f64) -> Color {
    let c = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t.within(0.0, 1.0)).round() as u8;
    Color { r: c(a.r, b.r), g: c(a.g, b.g), b: c(a.b, b.b), a: 1.0 }
}

/// How a district is painted.
#[derive(Clone, Copy)]
struct Paint {
    fill: Color,
    /// Selected or concerned by the selection: hatched and outlined as well as filled.
    marked: bool,
    /// Text drawn on the fill.
    ink: Color,
}

fn paint(d: &District, options: &Options, theme: &Theme, selection: Option<&Selection>, max: usize) -> Paint {
    let marked = selection.is_some_and(|s| s.districts.contains(&d.id));
    let fill = match options.fill {
        MapFill::Selection if marked => theme.series[0],
        // 滨海新区 is lighter than the divisions it overlaps.
        MapFill::Selection if d.id == BINHAI => mix(theme.background, theme.grid, 0.5),
        MapFill::Selection => theme.grid,
        MapFill::Count => shade(count(d), max, theme),
    };
    let ink =
        if theme.text.contrast(&fill) >= theme.background.contrast(&fill) { theme.text } else { theme.background };
    Paint { fill, marked, ink }
}

/// The sequential shade for `n` industries: from the background towards the first series colour.
/// A mid-tone on which neither the text colour nor the background colour reads at 4.5:1 is moved
/// towards the background until one does (the count is written on the district as well).
fn shade(n: usize, max: usize, theme: &Theme) -> Color {
    let mut t = 0.15 + 0.85 * if max == 0 { 0.0 } else { n as f64 / max as f64 };
    let readable = |fill: Color| theme.text.contrast(&fill).max(theme.background.contrast(&fill)) >= 4.5;
    while t > 0.0 && !readable(mix(theme.background, theme.series[0], t)) {
        t -= 0.01;
    }
    mix(theme.background, theme.series[0], t)
}

/// Fills `rings`, hatching them when marked.
fn fill_shape(scene: &mut Scene, rings: &[Ring], p: Paint, theme: &Theme, datum: Option<&'static str>) {
    scene.push(Shape::Polygon { points: plane::joined(rings), color: p.fill }, datum);
    if p.marked {
        for (from, to) in plane::hatch(rings, 6.0) {
            scene.push(Shape::Line { from, to, color: theme.hatch, width: 1.0 }, datum);
        }
    }
}

fn stroke_rings(scene: &mut Scene, rings: &[Ring], color: Color, width: f64, datum: Option<&'static str>) {
    for ring in rings {
        let mut points = ring.clone();
        points.extend(ring.first().copied());
        scene.push(Shape::Path { points, color, width }, datum);
    }
}

fn rect_ring(r: Rect) -> Ring {
    vec![(r.x, r.y), (r.x + r.w, r.y), (r.x + r.w, r.y + r.h), (r.x, r.y + r.h)]
}

/// One line of text in a block: its text, size and weight.
struct Line {
    text: String,
    size: f64,
    bold: bool,
}

impl Line {
    fn height(&self) -> f64 {
        (self.size * 1.3).round()
    }
}

fn widest(lines: &[Line], measure: &dyn TextMeasure) -> f64 {
    lines.iter().map(|l| measure.width(&l.text, l.size, l.bold)).fold(0.0, f64::max)
}

fn lines_height(lines: &[Line]) -> f64 {
    lines.iter().map(Line::height).sum()
}

/// `text` wrapped to `width` at the largest of `sizes` at which every line fits.
fn fitted(text: &str, width: f64, sizes: &[f64], bold: bool, measure: &dyn TextMeasure) -> Vec<Line> {
    let smallest = sizes.last().copied().unwrap_or(10.0);
    let size = sizes
        .iter()
        .copied()
        .find(|s| wrap(text, width, *s, bold, measure).iter().all(|l| measure.width(l, *s, bold) <= width))
        .unwrap_or(smallest);
    wrap(text, width, size, bold, measure).into_iter().map(|text| Line { text, size, bold }).collect()
}

/// Draws `lines` from (x, y), aligned as asked, in `color`. Returns the y below them.
#[allow(clippy::too_many_arguments)]
fn draw_lines(
    scene: &mut Scene,
    lines: &[Line],
    x: f64,
    y: f64,
    align: Align,
    color: Color,
    datum: Option<&'static str>,
) -> f64 {
    let mut y = y;
    for line in lines {
        scene.text((x, y), line.text.clone(), line.size, line.bold, color, align, Baseline::Top, datum);
        y += line.height();
    }
    y
}

/// The text inside a schematic tile or the band: name, the count (fill "count"), the industries
/// (when there is room).
fn tile_lines(d: &District, options: &Options, width: f64, list: bool, measure: &dyn TextMeasure) -> Vec<Line> {
    let lang = options.lang;
    let mut lines = fitted(map_name(d, lang), width, &[LABEL_SIZE, 12.0, 11.0, 10.0], true, measure);
    if options.fill == MapFill::Count {
        lines.push(Line { text: count(d).to_string(), size: COUNT_SIZE, bold: true });
    }
    if list {
        lines.extend(fitted(&industries(d, lang), width, &[LIST_SIZE, 10.0], false, measure));
    }
    lines
}

/// A drawn district: its rings in plot pixels, its box, and its label.
struct Placed {
    district: &'static District,
    rings: Vec<Ring>,
    bounds: Rect,
    /// For a map: the centre of the label. For a tile: the top middle of its text.
    label_at: Point,
    /// A tile's text, or None for a map's label (name and count).
    tile: Option<Vec<Line>>,
}

fn rect_of(b: Bounds) -> Rect {
    Rect { x: b.min_x, y: b.min_y, w: b.width(), h: b.height() }
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let pad = padding(width);
    let inner = (width - 2.0 * pad).max(1.0);
    let selection = selection(options);
    let max = DISTRICTS.iter().map(count).max().unwrap_or(0);
    let mut scene = Scene::new(width, 0.0);

    // Legend: what the marks mean.
    let mut y = pad;
    let marked_swatch = |s: &mut Scene, r: Rect| {
        let p = Paint { fill: theme.series[0], marked: true, ink: theme.background };
        fill_shape(s, &[rect_ring(r)], p, theme, None);
        s.push(Shape::Stroke { rect: r, color: theme.text, width: 2.0 }, None);
    };
    let plain_swatch = |s: &mut Scene, r: Rect| s.fill(r, theme.grid, None);
    let marked_name = selection.as_ref().map(|s| match s.what {
        Selectable::District(_) => label("所选地区", "Selected district", lang).to_string(),
        _ => format!("{}{}", label("发展所选：", "Developing ", lang), selection_name(s, lang)),
    });
    let mut entries: Vec<(&str, Swatch)> = Vec::new();
    let counts: Vec<usize> = {
        let mut c: Vec<usize> = DISTRICTS.iter().map(count).collect();
        order::sort(&mut c);
        c.dedup();
        c
    };
    let count_names: Vec<String> = counts
        .iter()
        .map(|n| match lang {
            Lang::Zh => format!("{n}个产业"),
            Lang::En => format!("{n} industries"),
        })
        .collect();
    type Draw = Box<dyn Fn(&mut Scene, Rect)>;
    let count_swatches: Vec<Draw> = counts
        .iter()
        .map(|n| {
            let color = shade(*n, max, theme);
            Box::new(move |s: &mut Scene, r: Rect| s.fill(r, color, None)) as Draw
        })
        .collect();
    if options.fill == MapFill::Count {
        let heading = label(
            "颜色深浅：规划为各地列举的重点产业数（计算值）",
            "Shade: number of industries the plan names for the district (derived count)",
            lang,
        );
        for line in wrap(heading, inner, HEADING_SIZE, true, measure) {
            scene.text((pad, y), line, HEADING_SIZE, true, theme.text, Align::Start, Baseline::Top, None);
            y += 18.0;
        }
        y += 4.0;
        for (name, swatch) in count_names.iter().zip(&count_swatches) {
            entries.push((name.as_str(), swatch.as_ref()));
        }
    }
    if let Some(name) = &marked_name {
        entries.push((name.as_str(), &marked_swatch));
        if options.fill == MapFill::Selection {
            entries.push((label("其他地区", "Other districts", lang), &plain_swatch));
        }
    }
    if !entries.is_empty() {
        y = legend(&mut scene, &entries, width, y, measure, theme);
    }

    // The map.
    let painted = |d: &District| paint(d, options, theme, selection.as_ref(), max);
    let geo = options.geometry.as_deref().and_then(|g| geographic(g, pad, y, inner));
    if geo.is_some() {
        north_arrow(&mut scene, width - pad - 8.0, y, lang, theme);
    }
    let (placed, bottom, band, notes, missing) = match geo {
        Some(map) => (map.placed, map.bottom, map.band, map.notes, map.missing),
        None => {
            let s = schematic(&mut scene, options, pad, y, inner, width < NARROW, theme, measure);
            (s.placed, s.bottom, false, vec![SCHEMATIC_NOTE], Vec::new())
        }
    };
    let is_geographic = options.geometry.is_some() && !placed.is_empty();
    draw_map(&mut scene, &placed, band, is_geographic, options, theme, &painted, measure);
    y = bottom + 8.0;

    // Notes under the map: what kind of picture this is.
    for note in notes.iter().map(|n| n.get(lang)) {
        for line in wrap(note, inner, NOTE_SIZE, false, measure) {
            scene.text((pad, y), line, NOTE_SIZE, false, theme.muted, Align::Start, Baseline::Top, None);
            y += NOTE_SIZE * 1.4;
        }
    }

    // Districts the supplied geometry lacks: small tiles, so that every district stays reachable.
    let mut extra: Vec<Placed> = Vec::new();
    if !missing.is_empty() {
        y += 4.0;
        let heading = label("地理数据中没有的地区：", "Not in the supplied geometry:", lang);
        scene.text((pad, y), heading, NOTE_SIZE, true, theme.text, Align::Start, Baseline::Top, None);
        y += 18.0;
        let tile_w = ((inner - 12.0) / 3.0).min(160.0);
        let tiles: Vec<Vec<Line>> =
            missing.iter().map(|d| tile_lines(d, options, tile_w - 8.0, false, measure)).collect();
        let tile_h = tiles.iter().map(|l| lines_height(l)).fold(0.0, f64::max) + 8.0;
        let mut x = pad;
        for (d, lines) in missing.iter().zip(tiles) {
            if x + tile_w > width - pad + 0.5 {
                x = pad;
                y += tile_h + 6.0;
            }
            let r = Rect { x, y, w: tile_w, h: tile_h };
            extra.push(Placed {
                district: d,
                rings: vec![rect_ring(r)],
                bounds: r,
                label_at: (x + tile_w / 2.0, y + 4.0),
                tile: Some(lines),
            });
            x += tile_w + 6.0;
        }
        draw_map(&mut scene, &extra, false, false, options, theme, &painted, measure);
        y += tile_h + 8.0;
    }

    // Regions in the plan's order; the band (滨海新区) is listed last among the outlines, on top.
    let all: Vec<&Placed> = placed.iter().chain(&extra).collect();
    for d in DISTRICTS {
        if let Some(p) = all.iter().find(|p| p.district.id == d.id) {
            scene.regions.push(Region { datum: d.id, hit: p.bounds, mark: p.bounds });
        }
    }
    let mut outlined: Vec<&&Placed> = all.iter().collect();
    order::sort_by_key(&mut outlined, |p| p.district.id == BINHAI);
    scene.outlines = outlined.iter().map(|p| Outline { datum: p.district.id, rings: p.rings.clone() }).collect();

    // The selection in words, under the map.
    y += 6.0;
    y = details(&mut scene, selection.as_ref(), options, pad, y, inner, theme, measure);
    scene.height = (y + pad).ceil();

    let shown: Vec<&District> = DISTRICTS.iter().filter(|d| scene.regions.iter().any(|r| r.datum == d.id)).collect();
    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&SECTIONS, lang),
        alt: alt_text(options, is_geographic, selection.as_ref()),
        tooltips: shown.iter().map(|d| tooltip(d, options)).collect(),
        table: table(options, selection.as_ref()),
        hint: selection.is_none().then(|| SELECT_HINT.get(lang).to_string()),
        scene,
    }
}

struct Layout {
    placed: Vec<Placed>,
    bottom: f64,
}

/// The schematic: six equal tiles, and 滨海新区 a band across the top, under the words 杭州湾 (the
/// bay shore), above 柯桥区, 越城区 and 上虞区, whose northern parts it covers.
#[allow(clippy::too_many_arguments)]
fn schematic(
    scene: &mut Scene,
    options: &Options,
    x0: f64,
    y0: f64,
    width: f64,
    narrow: bool,
    theme: &Theme,
    measure: &dyn TextMeasure,
) -> Layout {
    let gap = if narrow { 4.0 } else { 6.0 };
    let inset = if narrow { 4.0 } else { 8.0 };
    let tile_w = ((width - 2.0 * gap) / 3.0).floor();
    let list = tile_w - 2.0 * inset >= 130.0;
    let lines_of = |d: &District| tile_lines(d, options, tile_w - 2.0 * inset, list, measure);
    let content =
        GRID.iter().filter_map(|(id, _, _)| district(id)).map(|d| lines_height(&lines_of(d))).fold(0.0, f64::max);
    // Tiles are at least about half as high as wide, so that the grid reads as a map.
    let area = (content + 2.0 * inset).max((tile_w * 0.45).round());

    // The bay above the band, and which way is north.
    let bay = label("杭 州 湾", "Hangzhou Bay", options.lang);
    scene.text((x0 + width / 2.0, y0), bay, NOTE_SIZE, false, theme.muted, Align::Center, Baseline::Top, None);
    north_arrow(scene, x0 + width - 8.0, y0, options.lang, theme);
    let y0 = y0 + 18.0;

    let band_lines =
        district(BINHAI).map(|d| tile_lines(d, options, width - 2.0 * inset, list, measure)).unwrap_or_default();
    // Binhai's band runs above the three districts whose north it covers; the note says so. Drawn
    // overlapping them, the band made their tiles look cut open.
    let band_h = (lines_height(&band_lines) + 2.0 * inset).round();
    let row0 = y0 + band_h + gap;
    let mut placed = Vec::new();
    for (id, col, row) in GRID {
        let Some(d) = district(id) else { continue };
        let x = x0 + col as f64 * (tile_w + gap);
        let y = row0 + row as f64 * (area + gap);
        let r = Rect { x, y, w: tile_w, h: area };
        let lines = lines_of(d);
        let top = (y + (area - lines_height(&lines)) / 2.0).round();
        placed.push(Placed {
            district: d,
            rings: vec![rect_ring(r)],
            bounds: r,
            label_at: (x + tile_w / 2.0, top),
            tile: Some(lines),
        });
    }
    if let Some(d) = district(BINHAI) {
        let w = 3.0 * tile_w + 2.0 * gap;
        let r = Rect { x: x0, y: y0, w, h: band_h };
        placed.push(Placed {
            district: d,
            rings: vec![rect_ring(r)],
            bounds: r,
            label_at: (x0 + w / 2.0, y0 + inset),
            tile: Some(band_lines),
        });
    }
    Layout { placed, bottom: row0 + 2.0 * area + gap }
}

/// A small arrow pointing up with 北 / N beside it, its tip at (x, y).
fn north_arrow(scene: &mut Scene, x: f64, y: f64, lang: Lang, theme: &Theme) {
    scene.push(Shape::Line { from: (x, y + 1.0), to: (x, y + 14.0), color: theme.muted, width: 1.0 }, None);
    scene.push(Shape::Line { from: (x, y + 1.0), to: (x - 3.0, y + 6.0), color: theme.muted, width: 1.0 }, None);
    scene.push(Shape::Line { from: (x, y + 1.0), to: (x + 3.0, y + 6.0), color: theme.muted, width: 1.0 }, None);
    let n = label("北", "N", lang);
    scene.text((x - 6.0, y + 1.0), n, NOTE_SIZE, true, theme.muted, Align::End, Baseline::Top, None);
}

/// With nothing selected, how to select: on screen only, under the map.
const SELECT_HINT: Text = Text {
    zh: "点击、轻触或用键盘（Tab、方向键、回车）选择一个地区，查看其重点产业、服务业标志性成果、中心镇和功能区。",
    en: "Select a district (click, tap, or Tab, arrow keys and Enter) to see its industries, services hallmark, central towns and functional areas.",
};

pub const SCHEMATIC_NOTE: Text = Text {
    zh: "示意图，不是地图：方块只表示各地的相对位置，不表示边界和面积。滨海新区不是行政区划，位于越城区、柯桥区、上虞区北部沿杭州湾一带，与这三地部分重叠。",
    en: "A diagram, not a map: the tiles show where the districts lie relative to each other, not their boundaries or areas. Binhai New Area is not an administrative division; it lies along Hangzhou Bay across the north of Keqiao, Yuecheng and Shangyu, and overlaps parts of them.",
};

struct GeoLayout {
    placed: Vec<Placed>,
    bottom: f64,
    /// 滨海新区 is drawn schematically over its parents.
    band: bool,
    notes: Vec<Text>,
    missing: Vec<&'static District>,
}

const GEO_NOTE: Text = Text {
    zh: "边界来自嵌入本图的页面提供的地理数据（等距圆柱投影）。",
    en: "Boundaries from the geometry supplied by the page that embeds this chart (equirectangular projection).",
};
const BAND_NOTE: Text = Text {
    zh: "滨海新区不是行政区划，地理数据中没有其边界：图中以越城区、柯桥区、上虞区北部的一条带示意其位置，不表示实际范围。",
    en: "Binhai New Area is not an administrative division and the geometry has no boundary for it: a band across the north of Keqiao, Yuecheng and Shangyu shows roughly where it lies, not its extent.",
};

/// The districts with the boundaries of `geometry`, projected into the plot.
fn geographic(geometry: &Geometry, x0: f64, y0: f64, width: f64) -> Option<GeoLayout> {
    let bounds = geometry.bounds()?;
    let max_height = (width * 1.15).within(200.0, 720.0);
    let (projection, height) = Projection::fit(bounds, x0, y0, width, max_height);
    let mut placed: Vec<Placed> = Vec::new();
    for shape in &geometry.districts {
        let rings: Vec<Ring> = shape.polygons.iter().flatten().map(|r| projection.ring(r)).collect();
        let Some(b) = Bounds::of(rings.iter().flatten()) else { continue };
        let label_at = plane::label_point(&rings).unwrap_or((b.min_x + b.width() / 2.0, b.min_y + b.height() / 2.0));
        placed.push(Placed { district: shape.district, rings, bounds: rect_of(b), label_at, tile: None });
    }
    let mut notes = vec![GEO_NOTE];
    let mut band = false;
    if geometry.shape(BINHAI).is_none() {
        // 滨海新区 over the northern third of its parents' combined extent.
        let parents: Vec<usize> =
            (0..placed.len()).filter(|i| BINHAI_PARENTS.contains(&placed[*i].district.id)).collect();
        let extent = Bounds::of(parents.iter().flat_map(|i| placed[*i].rings.iter().flatten()));
        if let (Some(extent), Some(binhai)) = (extent, district(BINHAI)) {
            let cut = extent.min_y + extent.height() / 3.0;
            let rings: Vec<Ring> = parents
                .iter()
                .flat_map(|i| placed[*i].rings.iter().map(|r| plane::clip_at(r, cut, true)))
                .filter(|r| !r.is_empty())
                .collect();
            if let Some(b) = Bounds::of(rings.iter().flatten()) {
                // The parents' labels move to the part of them south of the band.
                for i in &parents {
                    let south: Vec<Ring> = placed[*i]
                        .rings
                        .iter()
                        .map(|r| plane::clip_at(r, cut, false))
                        .filter(|r| !r.is_empty())
                        .collect();
                    if let Some(p) = plane::label_point(&south) {
                        placed[*i].label_at = p;
                    }
                }
                let label_at = plane::label_point(&rings).unwrap_or((b.min_x + b.width() / 2.0, b.min_y));
                placed.push(Placed { district: binhai, rings, bounds: rect_of(b), label_at, tile: None });
                notes.push(BAND_NOTE);
                band = true;
            }
        }
    }
    let missing: Vec<&'static District> =
        DISTRICTS.iter().filter(|d| !placed.iter().any(|p| p.district.id == d.id)).collect();
    Some(GeoLayout { placed, bottom: y0 + height, band, notes, missing })
}

/// Paints the districts: fills (marked ones hatched), borders, 滨海新区's band over its parents,
/// outlines of the marked districts, and the labels.
#[allow(clippy::too_many_arguments)]
fn draw_map(
    scene: &mut Scene,
    placed: &[Placed],
    band: bool,
    geographic: bool,
    options: &Options,
    theme: &Theme,
    painted: &dyn Fn(&District) -> Paint,
    measure: &dyn TextMeasure,
) {
    let is_band = |p: &Placed| band && p.district.id == BINHAI;
    // Borders between districts: the background colour on a map, a muted line around tiles.
    let border = if geographic { theme.background } else { theme.muted };
    for p in placed.iter().filter(|p| !is_band(p)) {
        fill_shape(scene, &p.rings, painted(p.district), theme, Some(p.district.id));
        stroke_rings(scene, &p.rings, border, 1.0, Some(p.district.id));
    }
    for p in placed.iter().filter(|p| is_band(p)) {
        fill_shape(scene, &p.rings, painted(p.district), theme, Some(p.district.id));
        // The parents' borders show through the band: it overlaps them.
        for parent in placed.iter().filter(|q| BINHAI_PARENTS.contains(&q.district.id)) {
            stroke_rings(scene, &parent.rings, border, 1.0, Some(parent.district.id));
        }
        stroke_rings(scene, &p.rings, theme.text, 1.0, Some(p.district.id));
    }
    for p in placed.iter().filter(|p| painted(p.district).marked) {
        stroke_rings(scene, &p.rings, theme.text, 2.0, Some(p.district.id));
    }
    for p in placed {
        let paint = painted(p.district);
        let datum = Some(p.district.id);
        let map_lines;
        let (lines, x, top) = match &p.tile {
            Some(lines) => (lines, p.label_at.0, p.label_at.1),
            None => {
                // On a map: the name (and count) centred on the label point, kept inside the plot.
                let mut lines =
                    vec![Line { text: map_name(p.district, options.lang).to_string(), size: 12.0, bold: true }];
                if options.fill == MapFill::Count {
                    lines.push(Line { text: count(p.district).to_string(), size: 16.0, bold: true });
                }
                let half = widest(&lines, measure) / 2.0;
                let x = p.label_at.0.within(half + 2.0, (scene.width - half - 2.0).max(half + 2.0));
                let top = (p.label_at.1 - lines_height(&lines) / 2.0).max(0.0);
                map_lines = lines;
                (&map_lines, x, top)
            }
        };
        if paint.marked {
            // The text of a hatched district sits on a plain patch of its fill, to stay legible.
            let w = widest(lines, measure) + 6.0;
            let backing = Rect { x: x - w / 2.0, y: top - 1.0, w, h: lines_height(lines) + 1.0 };
            scene.fill(backing, paint.fill, datum);
        }
        draw_lines(scene, lines, x, top, Align::Center, paint.ink, datum);
    }
}

/// The block under the map: the selected district's industries, hallmark and places, or the
/// districts that develop the selected cluster or industry; nothing without a selection.
#[allow(clippy::too_many_arguments)]
fn details(
    scene: &mut Scene,
    selection: Option<&Selection>,
    options: &Options,
    x: f64,
    y: f64,
    width: f64,
    theme: &Theme,
    measure: &dyn TextMeasure,
) -> f64 {
    let lang = options.lang;
    let mut lines: Vec<(String, bool)> = Vec::new();
    match selection.map(|s| (s, s.what)) {
        None => return y,
        Some((_, Selectable::District(d))) => {
            lines.push((format!("{}{}", d.name.get(lang), label("（已选）", " (selected)", lang)), true));
            lines.push((
                format!("{}{}", label("重点产业：", "Industries to develop: ", lang), industries(d, lang)),
                false,
            ));
            lines.push((
                format!("{}{}", label("服务业标志性成果：", "Services hallmark: ", lang), d.hallmark.get(lang)),
                false,
            ));
            lines.push((
                format!(
                    "{}{}",
                    label("省级中心镇：", "Provincial central towns: ", lang),
                    places(d, PlaceKind::CentralTown, lang)
                ),
                false,
            ));
            lines.push((
                format!(
                    "{}{}",
                    label("功能区：", "Functional areas: ", lang),
                    places(d, PlaceKind::FunctionalArea, lang)
                ),
                false,
            ));
        }
        Some((s, what)) => {
            lines.push((format!("{}{}", selection_name(s, lang), label("（已选）", " (selected)", lang)), true));
            let districts = if s.districts.is_empty() {
                label("（规划未列明）", "(none named in the plan)", lang).to_string()
            } else {
                names_of(&s.districts, lang)
            };
            lines.push((format!("{}{}", label("布局地区：", "Developed in: ", lang), districts), false));
            if let Selectable::Cluster(c) = what {
                let names: Vec<&str> =
                    INDUSTRIES.iter().filter(|i| i.cluster == Some(c.id)).map(|i| i.name.get(lang)).collect();
                lines.push((
                    format!(
                        "{}{}",
                        label(
                            "二（一）1所列相关产业：",
                            "Industries of the cluster in Chapter 2, section 1, item 1: ",
                            lang
                        ),
                        { format::list_common(&names, lang) }
                    ),
                    false,
                ));
            }
        }
    }
    let mut y = y;
    for (text, bold) in lines {
        let size = if bold { LABEL_SIZE } else { DETAIL_SIZE };
        for line in wrap(&text, width, size, bold, measure) {
            scene.text((x, y), line, size, bold, theme.text, Align::Start, Baseline::Top, None);
            y += (size * 1.45).round();
        }
    }
    y
}

fn tooltip(d: &District, options: &Options) -> Tooltip {
    let lang = options.lang;
    let mut lines = vec![
        (label("重点产业", "Industries to develop", lang).into(), industries(d, lang)),
        (label("服务业标志性成果", "Services hallmark", lang).into(), d.hallmark.get(lang).into()),
        (label("省级中心镇", "Provincial central towns", lang).into(), places(d, PlaceKind::CentralTown, lang)),
        (label("功能区", "Functional areas", lang).into(), places(d, PlaceKind::FunctionalArea, lang)),
    ];
    if options.fill == MapFill::Count {
        lines.push((
            label("列举的产业数", "Industries named", lang).into(),
            format!("{}{}", count(d), label("（计算值）", " (derived)", lang)),
        ));
    }
    if d.id == BINHAI {
        let parents = names_of(&BINHAI_PARENTS, lang);
        let note = match lang {
            Lang::Zh => format!("省级新区，不是行政区划；位于{parents}北部"),
            Lang::En => format!("A provincial new area, not an administrative division, across the north of {parents}"),
        };
        lines.push((label("说明", "Note", lang).into(), note));
    }
    lines.push((label("出处", "Source", lang).into(), sections_text(d, lang)));
    Tooltip { title: d.name.get(lang).to_string(), lines }
}

fn table(options: &Options, selection: Option<&Selection>) -> Table {
    let lang = options.lang;
    let mut columns: Vec<String> = [
        label("地区", "District", lang),
        label("类型", "Kind", lang),
        label("重点产业", "Industries to develop", lang),
        label("服务业标志性成果（专栏2）", "Services hallmark (Box 2)", lang),
        label("省级中心镇", "Provincial central towns", lang),
        label("功能区", "Functional areas", lang),
        label("出处", "Source", lang),
    ]
    .map(String::from)
    .to_vec();
    let mut rows: Vec<Vec<String>> = DISTRICTS
        .iter()
        .map(|d| {
            vec![
                d.name.get(lang).into(),
                kind_name(d.kind, lang).into(),
                industries(d, lang),
                d.hallmark.get(lang).into(),
                places(d, PlaceKind::CentralTown, lang),
                places(d, PlaceKind::FunctionalArea, lang),
                sections_text(d, lang),
            ]
        })
        .collect();
    if options.fill == MapFill::Count {
        columns.insert(3, label("列举的产业数（计算值）", "Industries named (derived)", lang).into());
        for (row, d) in rows.iter_mut().zip(DISTRICTS) {
            row.insert(3, count(d).to_string());
        }
    }
    if let Some(s) = selection {
        columns.push(format!("{}{}", label("所选：", "Selected: ", lang), selection_name(s, lang)));
        let (yes, no) = match s.what {
            Selectable::District(_) => (label("已选", "selected", lang), ""),
            _ => (label("发展", "develops it", lang), ""),
        };
        for (row, d) in rows.iter_mut().zip(DISTRICTS) {
            row.push(if s.districts.contains(&d.id) { yes } else { no }.into());
        }
    }
    Table { columns, rows }
}

/// What the chart shows in words: the counts per district, the industries shared most, the selection.
fn alt_text(options: &Options, geographic: bool, selection: Option<&Selection>) -> String {
    let lang = options.lang;
    let mut by_count: Vec<(usize, Vec<&str>)> = Vec::new();
    for d in DISTRICTS {
        let n = count(d);
        match by_count.iter_mut().find(|(c, _)| *c == n) {
            Some((_, names)) => names.push(d.name.get(lang)),
            None => by_count.push((n, vec![d.name.get(lang)])),
        }
    }
    order::sort_by_key(&mut by_count, |(n, _)| std::cmp::Reverse(*n));
    let distinct: Vec<&str> = {
        let mut ids: Vec<&str> = DISTRICTS.iter().flat_map(|d| d.industries.iter().copied()).collect();
        order::sort(&mut ids);
        ids.dedup();
        ids
    };
    let sharing = |id: &str| DISTRICTS.iter().filter(|d| d.industries.contains(&id)).count();
    let most = distinct.iter().map(|id| sharing(id)).max().unwrap_or(0);
    let most_shared: Vec<&str> = INDUSTRIES
        .iter()
        .filter(|i| distinct.contains(&i.id) && sharing(i.id) == most)
        .map(|i| i.name.get(lang))
        .collect();
    let where_most: Vec<&str> = DISTRICTS
        .iter()
        .filter(|d| d.industries.iter().any(|id| sharing(id) == most))
        .map(|d| d.name.get(lang))
        .collect();
    let mut text = match lang {
        Lang::Zh => {
            let groups: Vec<String> = by_count
                .iter()
                .map(|(n, names)| {
                    format!("{}{}{}个", format::list(names, lang), if names.len() > 1 { "各" } else { "" }, n)
                })
                .collect();
            format!(
                "{}：绍兴市{}个地区（6个区、县（市）和滨海新区）重点发展的产业。规划列举的重点产业数：{}。共{}个不同产业（计算值），其中{}由{}个地区发展，最多：{}。",
                if geographic { "地图" } else { "示意图" },
                DISTRICTS.len(),
                groups.join("；"),
                distinct.len(),
                format::list(&most_shared, lang),
                most,
                format::list(&where_most, lang),
            )
        }
        Lang::En => {
            let groups: Vec<String> =
                by_count.iter().map(|(n, names)| format!("{} for {}", n, format::list(names, lang))).collect();
            format!(
                "{} of Shaoxing's {} districts (six county-level divisions and Binhai New Area) with the industries the plan assigns to each. Industries named: {}. {} different industries in all (derived); {} is developed by the most districts, {}: {}.",
                if geographic { "Map" } else { "Diagram" },
                DISTRICTS.len(),
                groups.join("; "),
                distinct.len(),
                // Mid-sentence: the industries' names begin in lower case.
                format::lower(&format::list_common(&most_shared, lang), lang),
                most,
                format::list(&where_most, lang),
            )
        }
    };
    if let Some(s) = selection {
        let detail = match s.what {
            Selectable::District(d) => {
                format!("{}{}", label("，重点产业：", ", industries: ", lang), industries(d, lang))
            }
            _ => format!("{}{}", label("，布局地区：", ", developed in ", lang), names_of(&s.districts, lang)),
        };
        text += &format!(
            "{}{}{}{}",
            label("已选：", " Selected: ", lang),
            selection_name(s, lang),
            detail,
            label("。", ".", lang)
        );
    }
    text
}

/// Columns of the CSV: each district's facts in both languages, with their sources.
const CSV_HEADER: &[&str] = &[
    "id",
    "name_zh",
    "name_en",
    "kind",
    "adcode",
    "industry_ids",
    "industries_zh",
    "industries_en",
    "industry_count",
    "cluster_ids",
    "hallmark_zh",
    "hallmark_en",
    "central_towns_zh",
    "central_towns_en",
    "functional_areas_zh",
    "functional_areas_en",
    "industries_section",
    "industries_quote",
    "hallmark_section",
    "hallmark_quote",
    "places_sections",
];

pub fn csv(_options: &Options) -> String {
    let rows: Vec<Vec<String>> = DISTRICTS
        .iter()
        .map(|d| {
            let clusters: Vec<&str> = Selectable::District(d).clusters().iter().map(|c| c.id).collect();
            let place_sections: Vec<&str> = {
                let mut s: Vec<&str> = d.places.iter().map(|p| p.source.section).collect();
                s.dedup();
                s
            };
            let list = |kind: PlaceKind, lang: Lang| {
                let names: Vec<&str> = d.places.iter().filter(|p| p.kind == kind).map(|p| p.name.get(lang)).collect();
                names.join(";")
            };
            vec![
                d.id.into(),
                d.name.zh.into(),
                d.name.en.into(),
                match d.kind {
                    DistrictKind::District => "district",
                    DistrictKind::CountyCity => "county-city",
                    DistrictKind::County => "county",
                    DistrictKind::NewArea => "new-area",
                }
                .into(),
                d.adcode.map_or(String::new(), |c| c.to_string()),
                d.industries.join(";"),
                industry_names(d, Lang::Zh).join(";"),
                industry_names(d, Lang::En).join(";"),
                count(d).to_string(),
                clusters.join(";"),
                d.hallmark.zh.into(),
                d.hallmark.en.into(),
                list(PlaceKind::CentralTown, Lang::Zh),
                list(PlaceKind::CentralTown, Lang::En),
                list(PlaceKind::FunctionalArea, Lang::Zh),
                list(PlaceKind::FunctionalArea, Lang::En),
                d.industries_source.section.into(),
                d.industries_source.quote.into(),
                d.hallmark_source.section.into(),
                d.hallmark_source.quote.into(),
                place_sections.join(";"),
            ]
        })
        .collect();
    crate::csv::write(CSV_HEADER, &rows)
}
