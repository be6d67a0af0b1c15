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

use super::{label, Rendered, Table, Tooltip};
use crate::chart::options::MapFill;
use crate::chart::Options;
use crate::data::links::{districts_of, industries_of, Selectable};
use crate::data::model::{District, DistrictKind, Industry, Lang, PlaceKind, Text};
use crate::data::{district, DISTRICTS, INDUSTRIES};
use crate::format;
use crate::geo::plane::{Point, Ring};
use crate::geo::{self, Geometry, Placed};
use crate::order;
use crate::plot::areas::{self, Area};
use crate::plot::fields::{self, tooltip};
use crate::plot::paragraphs::{block, Type};
use crate::plot::parts::{padding, LABEL_SIZE, NARROW};
use crate::plot::{Column, Field};
use crate::scale::Within;
use crate::scene::{Align, Baseline, Rect, Scene};
use crate::text::{fit, lines_height, Line, TextMeasure};
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
const BINHAI: &str = "district.binhai";
const BINHAI_PARENTS: [&str; 3] = ["district.keqiao", "district.yuecheng", "district.shangyu"];

/// Each kind of district: its word in the CSV and its name in the table.
const KINDS: [(DistrictKind, &str, Text); 4] = [
    (DistrictKind::District, "district", Text { zh: "区", en: "District" }),
    (DistrictKind::CountyCity, "county-city", Text { zh: "县级市", en: "County-level city" }),
    (DistrictKind::County, "county", Text { zh: "县", en: "County" }),
    (
        DistrictKind::NewArea,
        "new-area",
        Text { zh: "省级新区（非行政区划）", en: "Provincial new area (not an administrative division)" },
    ),
];

fn kind(d: &District) -> &'static (DistrictKind, &'static str, Text) {
    KINDS.iter().find(|k| k.0 == d.kind).unwrap_or(&KINDS[0])
}

const NOTE_SIZE: f64 = 11.0;
const NONE_NAMED: Text = Text { zh: "（规划未列明）", en: "(none named in the plan)" };

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

fn industry_names(d: &District, lang: Lang) -> Vec<&'static str> {
    industries_of(d).iter().map(|i| i.name.get(lang)).collect()
}

fn industries(d: &District, lang: Lang) -> String {
    format::list_common(&industry_names(d, lang), lang)
}

fn place_names(d: &District, kind: PlaceKind, lang: Lang) -> Vec<&'static str> {
    d.places.iter().filter(|p| p.kind == kind).map(|p| p.name.get(lang)).collect()
}

fn places(d: &District, kind: PlaceKind, lang: Lang) -> String {
    let names = place_names(d, kind, lang);
    if names.is_empty() {
        NONE_NAMED.get(lang).to_string()
    } else {
        format::list(&names, lang)
    }
}

fn count(d: &District) -> usize {
    industries_of(d).len()
}

/// The numbers of industries the districts have, each once, smallest first.
fn counts() -> Vec<usize> {
    let mut counts: Vec<usize> = DISTRICTS.iter().map(count).collect();
    order::sort(&mut counts);
    counts.dedup();
    counts
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

/// "新材料" with what it is: 产业集群, 产业, 地区.
fn selection_name(s: &Selection, lang: Lang) -> String {
    let kind = match s.what {
        Selectable::Cluster(_) => label("（产业集群）", " (cluster)", lang),
        Selectable::Industry(_) => label("（产业）", " (industry)", lang),
        Selectable::District(_) => "",
    };
    format!("{}{kind}", s.what.name(lang))
}

/// How the districts are painted and labelled: the options, the selection and the largest count.
struct Look<'a> {
    options: &'a Options,
    theme: &'a Theme,
    selection: Option<Selection>,
    max: usize,
}

impl Look<'_> {
    /// The area of `d`: its fill, marked when the selection concerns it, with `words` from `at`.
    fn area(&self, d: &'static District, rings: Vec<Ring>, bounds: Rect, words: Vec<Line>, at: Point) -> Area {
        let theme = self.theme;
        let marked = self.selection.as_ref().is_some_and(|s| s.districts.contains(&d.id));
        let fill = match self.options.fill {
            MapFill::Selection if marked => theme.series[0],
            // 滨海新区 is lighter than the divisions it overlaps.
            MapFill::Selection if d.id == BINHAI => theme.background.mix(theme.grid, 0.5),
            MapFill::Selection => theme.grid,
            MapFill::Count => self.shade(count(d)),
        };
        Area { datum: d.id, rings, bounds, fill, marked, words, at, over: &[] }
    }

    fn shade(&self, n: usize) -> Color {
        self.theme.shade(if self.max == 0 { 0.0 } else { n as f64 / self.max as f64 })
    }

    /// A tile of `r`, its words from `top` down.
    fn tile(&self, d: &'static District, r: Rect, words: Vec<Line>, top: f64) -> Area {
        self.area(d, vec![areas::ring(r)], r, words, (r.x + r.w / 2.0, top))
    }

    /// The text inside a tile or the band: name, the count (fill "count"), the industries (`list`).
    fn words(&self, d: &'static District, width: f64, list: bool, measure: &dyn TextMeasure) -> Vec<Line> {
        let lang = self.options.lang;
        let mut lines = fit(map_name(d, lang), width, &[LABEL_SIZE, 12.0, 11.0, 10.0], true, measure);
        if self.options.fill == MapFill::Count {
            lines.push(Line { text: count(d).to_string(), size: 20.0, bold: true });
        }
        if list {
            lines.extend(fit(&industries(d, lang), width, &[11.0, 10.0], false, measure));
        }
        lines
    }
}

pub fn render(options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
    let lang = options.lang;
    let pad = padding(width);
    let inner = (width - 2.0 * pad).max(1.0);
    let what = options.selected.and_then(Selectable::find);
    let selection = what.map(|what| Selection { districts: what.districts().iter().map(|d| d.id).collect(), what });
    let look = Look { options, theme, selection, max: DISTRICTS.iter().map(count).max().unwrap_or(0) };
    let mut scene = Scene::new(width, 0.0);
    let y = key(&mut scene, &look, measure);

    let map = match options.geometry.as_deref().and_then(|g| geographic(g, &look, (pad, y), inner, width, measure)) {
        Some(map) => {
            areas::north_arrow(&mut scene, width - pad - 8.0, y, lang, theme);
            map
        }
        None => schematic(&mut scene, &look, (pad, y), inner, measure),
    };
    let geographic = options.geometry.is_some() && !map.areas.is_empty();
    // Borders between districts: the background colour on a map, a muted line around tiles.
    let border = if geographic { theme.background } else { theme.muted };
    areas::draw(&mut scene, &map.areas, border, theme, measure);
    // Notes under the map: what kind of picture this is.
    let mut y = map.bottom + 8.0;
    let note = Type { size: NOTE_SIZE, bold: false, color: theme.muted, step: NOTE_SIZE * 1.4 };
    for text in &map.notes {
        y = block(&mut scene, text.get(lang), (pad, y), inner, &note, None, measure);
    }

    // Districts the supplied geometry lacks: small tiles, so that every district stays reachable.
    let mut extra = Vec::new();
    if !map.missing.is_empty() {
        y += 4.0;
        let heading = label("地理数据中没有的地区：", "Not in the supplied geometry:", lang);
        scene.text((pad, y), heading, NOTE_SIZE, true, theme.text, Align::Start, Baseline::Top, None);
        y += 18.0;
        let tile_w = ((inner - 12.0) / 3.0).min(160.0);
        let words: Vec<Vec<Line>> = map.missing.iter().map(|d| look.words(d, tile_w - 8.0, false, measure)).collect();
        let tile_h = words.iter().map(|w| lines_height(w)).fold(0.0, f64::max) + 8.0;
        let boxes = areas::rows(words.len(), (pad, y), (tile_w, tile_h), width - pad);
        for ((d, words), r) in map.missing.iter().zip(words).zip(&boxes) {
            extra.push(look.tile(d, *r, words, r.y + 4.0));
        }
        areas::draw(&mut scene, &extra, theme.muted, theme, measure);
        y = boxes.last().map_or(y, |r| r.y) + tile_h + 8.0;
    }

    // Regions in the plan's order; 滨海新区 is the last of the outlines, on top.
    let mut all: Vec<&Area> = map.areas.iter().chain(&extra).collect();
    order::sort_by_key(&mut all, |a| a.datum == BINHAI);
    areas::reach(&mut scene, &all, &DISTRICTS.iter().map(|d| d.id).collect::<Vec<_>>());

    // The selection in words, under the map.
    y += 6.0;
    for (text, bold) in look.selection.as_ref().map(|s| details(s, options)).unwrap_or_default() {
        let size = if bold { LABEL_SIZE } else { 12.5 };
        let t = Type { size, bold, color: theme.text, step: (size * 1.45).round() };
        y = block(&mut scene, &text, (pad, y), inner, &t, None, measure);
    }
    scene.height = (y + pad).ceil();

    let shown = scene.regions.iter().filter_map(|r| district(r.datum));
    Rendered {
        title: TITLE.get(lang).to_string(),
        description: DESCRIPTION.get(lang).to_string(),
        source: format::source_line(&SECTIONS, lang),
        alt: alt_text(&look, geographic),
        tooltips: shown.map(|d| tooltip(d.name.get(lang).into(), &TOOLTIP, &d, options)).collect(),
        table: table(&look),
        hint: look.selection.is_none().then(|| SELECT_HINT.get(lang).to_string()),
        scene,
    }
}

/// The legend from the top of the plot: the shade of each count under a heading (fill "count"),
/// and the marks of the selection. Returns the y below it.
fn key(scene: &mut Scene, look: &Look, measure: &dyn TextMeasure) -> f64 {
    let (lang, theme) = (look.options.lang, look.theme);
    let mut keys: Vec<(String, Color, bool)> = Vec::new();
    let counted = look.options.fill == MapFill::Count;
    for n in if counted { counts() } else { Vec::new() } {
        let name = match lang {
            Lang::Zh => format!("{n}个产业"),
            Lang::En => format!("{n} industries"),
        };
        keys.push((name, look.shade(n), false));
    }
    if let Some(s) = &look.selection {
        let name = match s.what {
            Selectable::District(_) => label("所选地区", "Selected district", lang).to_string(),
            _ => format!("{}{}", label("发展所选：", "Developing ", lang), selection_name(s, lang)),
        };
        keys.push((name, theme.series[0], true));
        if !counted {
            keys.push((label("其他地区", "Other districts", lang).into(), theme.grid, false));
        }
    }
    let heading = counted.then(|| {
        let zh = "颜色深浅：规划为各地列举的重点产业数（计算值）";
        label(zh, "Shade: number of industries the plan names for the district (derived count)", lang)
    });
    areas::legend(scene, heading, &keys, measure, theme)
}

/// The districts as drawn: their areas, the y below them, the notes under them, and those the
/// supplied geometry lacks.
struct Map {
    areas: Vec<Area>,
    bottom: f64,
    notes: Vec<Text>,
    missing: Vec<&'static District>,
}

/// The schematic: six equal tiles, and 滨海新区 a band across the top, under the words 杭州湾 (the
/// bay shore), above 柯桥区, 越城区 and 上虞区, whose northern parts it covers.
fn schematic(scene: &mut Scene, look: &Look, (x0, y0): Point, width: f64, measure: &dyn TextMeasure) -> Map {
    let (gap, inset) = if scene.width < NARROW { (4.0, 4.0) } else { (6.0, 8.0) };
    let tile_w = ((width - 2.0 * gap) / 3.0).floor();
    let list = tile_w - 2.0 * inset >= 130.0;
    let tiles: Vec<_> = GRID
        .iter()
        .filter_map(|&(id, col, row)| {
            district(id).map(|d| (d, col, row, look.words(d, tile_w - 2.0 * inset, list, measure)))
        })
        .collect();
    let content = tiles.iter().map(|t| lines_height(&t.3)).fold(0.0, f64::max);
    // Tiles are at least about half as high as wide, so that the grid reads as a map.
    let area = (content + 2.0 * inset).max((tile_w * 0.45).round());

    // The bay above the band, and which way is north.
    let (lang, muted) = (look.options.lang, look.theme.muted);
    let bay = label("杭 州 湾", "Hangzhou Bay", lang);
    scene.text((x0 + width / 2.0, y0), bay, NOTE_SIZE, false, muted, Align::Center, Baseline::Top, None);
    areas::north_arrow(scene, x0 + width - 8.0, y0, lang, look.theme);
    let y0 = y0 + 18.0;

    let band = district(BINHAI).map(|d| (d, look.words(d, width - 2.0 * inset, list, measure)));
    // Binhai's band runs above the three districts whose north it covers; the note says so. Drawn
    // overlapping them, the band made their tiles look cut open.
    let band_h = (band.as_ref().map_or(0.0, |(_, words)| lines_height(words)) + 2.0 * inset).round();
    let row0 = y0 + band_h + gap;
    let mut areas: Vec<Area> = Vec::new();
    for (d, col, row, words) in tiles {
        let r = Rect { x: x0 + col as f64 * (tile_w + gap), y: row0 + row as f64 * (area + gap), w: tile_w, h: area };
        let top = (r.y + (area - lines_height(&words)) / 2.0).round();
        areas.push(look.tile(d, r, words, top));
    }
    if let Some((d, words)) = band {
        areas.push(look.tile(d, Rect { x: x0, y: y0, w: 3.0 * tile_w + 2.0 * gap, h: band_h }, words, y0 + inset));
    }
    Map { areas, bottom: row0 + 2.0 * area + gap, notes: vec![SCHEMATIC_NOTE], missing: Vec::new() }
}

/// With nothing selected, how to select: on screen only, under the map.
const SELECT_HINT: Text = Text {
    zh: "点击、轻触或用键盘（Tab、方向键、回车）选择一个地区，查看其重点产业、服务业标志性成果、中心镇和功能区。",
    en: "Select a district (click, tap, or Tab, arrow keys and Enter) to see its industries, services hallmark, central towns and functional areas.",
};
const SCHEMATIC_NOTE: Text = Text {
    zh: "示意图，不是地图：方块只表示各地的相对位置，不表示边界和面积。滨海新区不是行政区划，位于越城区、柯桥区、上虞区北部沿杭州湾一带，与这三地部分重叠。",
    en: "A diagram, not a map: the tiles show where the districts lie relative to each other, not their boundaries or areas. Binhai New Area is not an administrative division; it lies along Hangzhou Bay across the north of Keqiao, Yuecheng and Shangyu, and overlaps parts of them.",
};
const GEO_NOTE: Text = Text {
    zh: "边界来自嵌入本图的页面提供的地理数据（等距圆柱投影）。",
    en: "Boundaries from the geometry supplied by the page that embeds this chart (equirectangular projection).",
};
const BAND_NOTE: Text = Text {
    zh: "滨海新区不是行政区划，地理数据中没有其边界：图中以越城区、柯桥区、上虞区北部的一条带示意其位置，不表示实际范围。",
    en: "Binhai New Area is not an administrative division and the geometry has no boundary for it: a band across the north of Keqiao, Yuecheng and Shangyu shows roughly where it lies, not its extent.",
};

/// The districts with the boundaries of `geometry`, projected into the plot, each labelled with its
/// name (and count) about its label point, inside the plot (`right` its right edge).
fn geographic(
    geometry: &Geometry,
    look: &Look,
    (x0, y0): Point,
    width: f64,
    right: f64,
    measure: &dyn TextMeasure,
) -> Option<Map> {
    let (mut placed, height) = geometry.place(x0, y0, width, (width * 1.15).within(200.0, 720.0))?;
    let mut notes = vec![GEO_NOTE];
    let binhai = district(BINHAI).filter(|_| geometry.shape(BINHAI).is_none());
    let band = binhai.and_then(|d| geo::band(&mut placed, d, &BINHAI_PARENTS));
    let banded = band.is_some();
    if let Some(band) = band {
        placed.push(band);
        notes.push(BAND_NOTE);
    }
    let missing = DISTRICTS.iter().filter(|d| !placed.iter().any(|p| p.district.id == d.id)).collect();
    let mut areas = Vec::new();
    for Placed { district: d, rings, bounds: b, label_at } in placed {
        let mut words = vec![Line { text: map_name(d, look.options.lang).to_string(), size: 12.0, bold: true }];
        if look.options.fill == MapFill::Count {
            words.push(Line { text: count(d).to_string(), size: 16.0, bold: true });
        }
        let at = areas::centred(&words, label_at, right, measure);
        let bounds = Rect { x: b.min_x, y: b.min_y, w: b.width(), h: b.height() };
        let mut area = look.area(d, rings, bounds, words, at);
        if banded && d.id == BINHAI {
            area.over = &BINHAI_PARENTS;
        }
        areas.push(area);
    }
    Some(Map { areas, bottom: y0 + height, notes, missing })
}

/// The selection in words, as (text, bold) lines: a district's industries, hallmark and places, or
/// the districts that develop the selected cluster or industry.
fn details(s: &Selection, options: &Options) -> Vec<(String, bool)> {
    let lang = options.lang;
    let pairs = match s.what {
        Selectable::District(d) => tooltip(String::new(), &TOOLTIP[..4], &d, options).lines,
        what => {
            let districts =
                if s.districts.is_empty() { NONE_NAMED.get(lang).into() } else { names_of(&s.districts, lang) };
            let mut pairs = vec![(label("布局地区", "Developed in", lang).to_string(), districts)];
            if let Selectable::Cluster(_) = what {
                let names: Vec<&str> = what.industries().iter().map(|i| i.name.get(lang)).collect();
                let heading =
                    label("二（一）1所列相关产业", "Industries of the cluster in Chapter 2, section 1, item 1", lang);
                pairs.push((heading.into(), format::list_common(&names, lang)));
            }
            pairs
        }
    };
    let title = format!("{}{}", selection_name(s, lang), label("（已选）", " (selected)", lang));
    let lines = pairs.into_iter().map(|(name, value)| (Tooltip::label(&name, lang) + &value, false));
    std::iter::once((title, true)).chain(lines).collect()
}

type D = &'static District;

fn hallmark(d: &D, _: &Options, lang: Lang) -> Option<String> {
    Some(d.hallmark.get(lang).into())
}

const PRIORITIES: Field<D> =
    Field::new(Text { zh: "重点产业", en: "Industries to develop" }, |d, _, lang| Some(industries(d, lang)));
const HALLMARK: Field<D> = Field::new(Text { zh: "服务业标志性成果", en: "Services hallmark" }, hallmark);
const TOWNS: Field<D> = Field::new(Text { zh: "省级中心镇", en: "Provincial central towns" }, |d, _, lang| {
    Some(places(d, PlaceKind::CentralTown, lang))
});
const AREAS: Field<D> = Field::new(Text { zh: "功能区", en: "Functional areas" }, |d, _, lang| {
    Some(places(d, PlaceKind::FunctionalArea, lang))
});
const COUNT: Field<D> = Field::new(Text { zh: "列举的产业数", en: "Industries named" }, |d, options, lang| {
    (options.fill == MapFill::Count).then(|| format!("{}{}", count(d), label("（计算值）", " (derived)", lang)))
});
const NOTE: Field<D> = Field::new(Text { zh: "说明", en: "Note" }, |d, _, lang| {
    let parents = names_of(&BINHAI_PARENTS, lang);
    (d.id == BINHAI).then(|| match lang {
        Lang::Zh => format!("省级新区，不是行政区划；位于{parents}北部"),
        Lang::En => format!("A provincial new area, not an administrative division, across the north of {parents}"),
    })
});
/// The plan's sections a district's facts come from, in order, each place's once.
const SOURCE: Field<D> = Field::new(Text { zh: "出处", en: "Source" }, |d, _, lang| {
    let mut sections = vec![d.industries_source.section, d.hallmark_source.section];
    for p in d.places {
        if !sections.contains(&p.source.section) {
            sections.push(p.source.section);
        }
    }
    let names: Vec<String> = sections.iter().map(|s| format::section(s, lang)).collect();
    Some(names.join(label("；", "; ", lang)))
});
const TOOLTIP: [&Field<D>; 7] = [&PRIORITIES, &HALLMARK, &TOWNS, &AREAS, &COUNT, &NOTE, &SOURCE];

const NAME: Field<D> = Field::new(Text { zh: "地区", en: "District" }, |d, _, lang| Some(d.name.get(lang).into()));
const KIND: Field<D> = Field::new(Text { zh: "类型", en: "Kind" }, |d, _, lang| Some(kind(d).2.get(lang).into()));
const COUNTED: Field<D> =
    Field::new(Text { zh: "列举的产业数（计算值）", en: "Industries named (derived)" }, |d, _, _| {
        Some(count(d).to_string())
    });
const HALLMARK_BOX: Field<D> =
    Field::new(Text { zh: "服务业标志性成果（专栏2）", en: "Services hallmark (Box 2)" }, hallmark);

/// The districts' facts, with the count (fill "count") and whether each is selected or concerned.
fn table(look: &Look) -> Table {
    let (options, lang) = (look.options, look.options.lang);
    let mut columns = vec![&NAME, &KIND, &PRIORITIES, &HALLMARK_BOX, &TOWNS, &AREAS, &SOURCE];
    if options.fill == MapFill::Count {
        columns.insert(3, &COUNTED);
    }
    let mut table = fields::table(&columns, &DISTRICTS.iter().collect::<Vec<D>>(), options);
    if let Some(s) = &look.selection {
        table.columns.push(format!("{}{}", label("所选：", "Selected: ", lang), selection_name(s, lang)));
        let yes = match s.what {
            Selectable::District(_) => label("已选", "selected", lang),
            _ => label("发展", "develops it", lang),
        };
        for (row, d) in table.rows.iter_mut().zip(DISTRICTS) {
            row.push(if s.districts.contains(&d.id) { yes } else { "" }.into());
        }
    }
    table
}

/// What the chart shows in words: the counts per district, the industries shared most, the selection.
fn alt_text(look: &Look, geographic: bool) -> String {
    let lang = look.options.lang;
    let names = |keep: &dyn Fn(&'static District) -> bool| -> Vec<&str> {
        DISTRICTS.iter().filter(|d| keep(d)).map(|d| d.name.get(lang)).collect()
    };
    let sharing = |i: &Industry| districts_of(i).len();
    let named: Vec<&Industry> = INDUSTRIES.iter().filter(|i| sharing(i) > 0).collect();
    let most = named.iter().map(|i| sharing(i)).max().unwrap_or(0);
    let most_shared: Vec<&str> = named.iter().filter(|i| sharing(i) == most).map(|i| i.name.get(lang)).collect();
    let where_most = format::list(&names(&|d| industries_of(d).iter().any(|i| sharing(i) == most)), lang);
    let by_count = counts().into_iter().rev().map(|n| (n, names(&|d| count(d) == n)));
    let (districts, kinds) = (DISTRICTS.len(), named.len());
    let mut text = match lang {
        Lang::Zh => {
            let groups: Vec<String> = by_count
                .map(|(n, names)| {
                    format!("{}{}{n}个", format::list(&names, lang), if names.len() > 1 { "各" } else { "" })
                })
                .collect();
            format!(
                "{}：绍兴市{districts}个地区（6个区、县（市）和滨海新区）重点发展的产业。规划列举的重点产业数：{}。共{kinds}个不同产业（计算值），其中{}由{most}个地区发展，最多：{where_most}。",
                if geographic { "地图" } else { "示意图" },
                groups.join("；"),
                format::list(&most_shared, lang),
            )
        }
        Lang::En => {
            let groups: Vec<String> =
                by_count.map(|(n, names)| format!("{n} for {}", format::list(&names, lang))).collect();
            format!(
                "{} of Shaoxing's {districts} districts (six county-level divisions and Binhai New Area) with the industries the plan assigns to each. Industries named: {}. {kinds} different industries in all (derived); {} is developed by the most districts, {most}: {where_most}.",
                if geographic { "Map" } else { "Diagram" },
                groups.join("; "),
                // Mid-sentence: the industries' names begin in lower case.
                format::lower(&format::list_common(&most_shared, lang), lang),
            )
        }
    };
    if let Some(s) = &look.selection {
        let detail = match s.what {
            Selectable::District(d) => {
                format!("{}{}", label("，重点产业：", ", industries: ", lang), industries(d, lang))
            }
            _ => format!("{}{}", label("，布局地区：", ", developed in ", lang), names_of(&s.districts, lang)),
        };
        let (selected, end) = (label("已选：", " Selected: ", lang), label("。", ".", lang));
        text += &format!("{selected}{}{detail}{end}", selection_name(s, lang));
    }
    text
}

/// The CSV: each district's facts in both languages, with their sources.
const CSV: &[Column<D>] = &[
    Column::One("id", |d| d.id.into()),
    Column::Both("name", |d, lang| d.name.get(lang).into()),
    Column::One("kind", |d| kind(d).1.into()),
    Column::One("adcode", |d| d.adcode.map_or(String::new(), |c| c.to_string())),
    Column::One("industry_ids", |d| d.industries.join(";")),
    Column::Both("industries", |d, lang| industry_names(d, lang).join(";")),
    Column::One("industry_count", |d| count(d).to_string()),
    Column::One("cluster_ids", |d| {
        let clusters = Selectable::District(d).clusters();
        clusters.iter().map(|c| c.id).collect::<Vec<_>>().join(";")
    }),
    Column::Both("hallmark", |d, lang| d.hallmark.get(lang).into()),
    Column::Both("central_towns", |d, lang| place_names(d, PlaceKind::CentralTown, lang).join(";")),
    Column::Both("functional_areas", |d, lang| place_names(d, PlaceKind::FunctionalArea, lang).join(";")),
    Column::One("industries_section", |d| d.industries_source.section.into()),
    Column::One("industries_quote", |d| d.industries_source.quote.into()),
    Column::One("hallmark_section", |d| d.hallmark_source.section.into()),
    Column::One("hallmark_quote", |d| d.hallmark_source.quote.into()),
    Column::One("places_sections", |d| {
        let mut sections: Vec<&str> = d.places.iter().map(|p| p.source.section).collect();
        sections.dedup();
        sections.join(";")
    }),
];

pub fn csv(options: &Options) -> String {
    fields::csv(CSV, &DISTRICTS.iter().collect::<Vec<D>>(), options)
}
