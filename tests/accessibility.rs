//! What a screen-reader user meets in every chart, in both languages and in every state its options
//! give: the text alternative, the data table, the announcement of each focused mark, and the
//! punctuation of each language; and what every reader sees: the contrast of texts and marks.

use shaoxing_plan_charts::chart::{ChartKind, OptionValue, Options, Rendered, Tooltip, CHARTS};
use shaoxing_plan_charts::data::model::{Lang, Quantity};
use shaoxing_plan_charts::data::{CLUSTERS, FIGURES, PROJECT_DOMAINS};
use shaoxing_plan_charts::format;
use shaoxing_plan_charts::scene::Shape;
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Color, Theme, ThemeName};

const WIDTHS: [f64; 2] = [375.0, 960.0];

/// Every chart in the states its options give: each value of its own options and a selection.
fn variants(lang: Lang) -> Vec<(String, ChartKind, Options)> {
    let mut out = Vec::new();
    for info in CHARTS {
        let base = Options { lang, ..Options::default() };
        let mut sets: Vec<Vec<(String, OptionValue)>> = vec![vec![]];
        for option in info.options {
            let values: &[&str] = match *option {
                "sort" => &["value", "count"],
                "measure" => &["five-year", "count"],
                "category" => &["economy", "innovation", "livelihood", "green", "security"],
                "fill" => &["count"],
                "selected" => &["district.shangyu", "cluster.new-materials", "industry.integrated-circuits"],
                _ => &[],
            };
            for v in values {
                sets.push(vec![(option.to_string(), OptionValue::Text(v.to_string()))]);
            }
        }
        for set in sets {
            // A value another chart's option takes ("count" for sort) is refused here: skip it.
            if let Ok(options) = info.kind.options(&base, &set) {
                out.push((format!("{} {lang:?} {set:?}", info.id), info.kind, options));
            }
        }
    }
    assert!(out.len() > 20, "{}", out.len());
    out
}

fn render(kind: ChartKind, options: &Options, theme: ThemeName, width: f64) -> Rendered {
    kind.render(options, Theme::get(theme), width, &FixedMetrics)
}

/// Half-width ":" ";" "." in Chinese text (a decimal point between digits is no full stop).
fn half_width_marks(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        let decimal =
            *c == '.' && i > 0 && chars[i - 1].is_ascii_digit() && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if matches!(c, ':' | ';' | '.') && !decimal {
            found.push(chars[i.saturating_sub(10)..(i + 10).min(chars.len())].iter().collect());
        }
    }
    found
}

/// Every text a reader meets outside the picture: alternative, tooltips and announcements, table.
fn reader_texts(r: &Rendered, lang: Lang) -> Vec<String> {
    let mut texts = vec![r.title.clone(), r.description.clone(), r.alt.clone(), r.source.clone()];
    for tip in &r.tooltips {
        texts.push(tip.announcement(lang));
        texts.extend(tip.lines.iter().map(|(label, _)| Tooltip::label(label, lang)));
    }
    texts.extend(r.table.columns.iter().cloned());
    texts.extend(r.table.rows.iter().flatten().cloned());
    texts
}

#[test]
fn chinese_texts_use_full_width_punctuation() {
    for (name, kind, options) in variants(Lang::Zh) {
        let r = render(kind, &options, ThemeName::Light, 960.0);
        for text in reader_texts(&r, Lang::Zh) {
            // Section numbers as the plan writes them in English notation (二(一)1) are not punctuation.
            assert_eq!(half_width_marks(&text), Vec::<String>::new(), "{name}: {text}");
        }
    }
    assert!(half_width_marks("目标: 5; 完成.").len() == 3);
    assert!(half_width_marks("增长5.81%").is_empty());
}

#[test]
fn every_focused_mark_is_announced_with_its_name_and_its_figure_as_stated() {
    for lang in [Lang::Zh, Lang::En] {
        for (name, kind, options) in variants(lang) {
            let r = render(kind, &options, ThemeName::Light, 960.0);
            assert_eq!(r.tooltips.len(), r.scene.regions.len(), "{name}");
            for (region, tip) in r.scene.regions.iter().zip(&r.tooltips) {
                let said = tip.announcement(lang);
                assert!(said.starts_with(&tip.title), "{name}: {said}");
                let (first_label, first_value) = &tip.lines[0];
                assert!(
                    said.contains(&format!("{}{first_value}", Tooltip::label(first_label, lang))),
                    "{name}: {said}"
                );
                for doubled in ["。。", "；。", "：。", "..", ";.", ":."] {
                    assert!(!said.contains(doubled), "{name}: {said}");
                }
                // A figure of the plan is read as stated: qualifier, value and unit together.
                for q in stated(region.datum) {
                    let stated = format::quantity(q, lang);
                    assert!(said.contains(&stated), "{name}: {said} lacks {stated}");
                }
            }
        }
    }
}

/// The figures a datum stands for, where the data give it one (clusters, project domains, figures).
fn stated(datum: &str) -> Vec<&'static Quantity> {
    let mut out = Vec::new();
    out.extend(CLUSTERS.iter().filter(|c| c.id == datum).map(|c| &c.target));
    out.extend(PROJECT_DOMAINS.iter().filter(|d| d.id == datum).flat_map(|d| [&d.projects, &d.total_investment]));
    out.extend(FIGURES.iter().filter(|f| f.id == datum).map(|f| &f.value));
    out
}

/// The numbers in a text: runs of digits, with separators and a decimal point inside them.
fn numbers(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() || (!current.is_empty() && (c == '.' || c == ',')) {
            current.push(c);
        } else if !current.is_empty() {
            // An ordinal or a name ("14th", "5G") is no figure.
            let word = c.is_ascii_alphabetic();
            out.extend(current.trim_end_matches(['.', ',']).replace(',', "").parse::<f64>().ok().filter(|_| !word));
            current.clear();
        }
    }
    out
}

/// The same figure, maybe in a unit ten or a thousand times larger (30.6 亿斤 is 3.06 billion jin).
fn same_figure(a: f64, b: f64) -> bool {
    (-4..=4).any(|k| (a - b * 10f64.powi(k)).abs() <= 1e-9 * a.abs().max(1.0))
}

#[test]
fn the_data_table_holds_every_mark_and_its_figure() {
    for lang in [Lang::Zh, Lang::En] {
        for (name, kind, options) in variants(lang) {
            let r = render(kind, &options, ThemeName::Light, 960.0);
            assert!(!r.table.rows.is_empty(), "{name}");
            for row in &r.table.rows {
                assert_eq!(row.len(), r.table.columns.len(), "{name}: {row:?}");
            }
            let cells: Vec<&String> = r.table.rows.iter().flatten().collect();
            for (region, tip) in r.scene.regions.iter().zip(&r.tooltips) {
                // Every number the mark's tooltip gives is in a cell (the unit may have a column of
                // its own); the plan's wording, quoted in tooltips, goes with the source in the CSV.
                for (label, value) in &tip.lines {
                    let quote = label == "规划原文" || label.starts_with("Plan's") || label.starts_with("The plan's");
                    for number in numbers(value).into_iter().filter(|_| !quote) {
                        let found = cells.iter().any(|c| numbers(c).iter().any(|n| same_figure(*n, number)));
                        assert!(found, "{name}: {} {label}: {value}", tip.title);
                    }
                }
                for q in stated(region.datum) {
                    let stated = format::quantity(q, lang);
                    assert!(cells.iter().any(|c| c.contains(&stated)), "{name}: {stated}");
                }
            }
        }
    }
}

#[test]
fn the_text_alternative_says_what_the_chart_shows_its_extremes_and_totals() {
    // Per chart and language: the kind of chart and what it shows, the largest and smallest
    // figures and the totals, as the data give them.
    let expected: &[(&str, Lang, &[&str])] = &[
        (
            "industry-clusters",
            Lang::Zh,
            &["横向条形图", "最大为新材料，突破3500亿元", "最小为新能源，突破300亿元", "相加超过14050亿元"],
        ),
        (
            "industry-clusters",
            Lang::En,
            &[
                "Horizontal bar chart",
                "Largest: New materials, over CNY 350 bn",
                "smallest: New energy, over CNY 30 bn",
                "over CNY 1,405 bn",
            ],
        ),
        (
            "major-projects",
            Lang::Zh,
            &["横向条形图", "最大为先进制造业基地，4205亿元", "最小为清洁能源保供，221亿元", "652个"],
        ),
        (
            "major-projects",
            Lang::En,
            &[
                "Horizontal bar chart",
                "Largest: Advanced manufacturing bases, CNY 420.5 bn",
                "smallest: Clean energy supply, CNY 22.1 bn",
                "652 projects",
                "about CNY 1.7 trn",
            ],
        ),
        ("main-indicators", Lang::Zh, &["25项主要指标（26行）", "约束性6项", "养老机构护理型床位占比", "森林覆盖率"]),
        (
            "main-indicators",
            Lang::En,
            &[
                "25 main indicators (26 rows)",
                "6 binding, 19 expected",
                "the largest change",
                "the smallest is forest cover",
            ],
        ),
        ("gdp-path", Lang::Zh, &["折线图", "2030年1.25万亿元左右（目标）", "6%"]),
        (
            "gdp-path",
            Lang::En,
            &["Line chart", "2020 CNY 611.1 bn (actual)", "2030 about CNY 1.25 trn (target)", "6% a year"],
        ),
        (
            "infrastructure-targets",
            Lang::Zh,
            &["横向条形图", "最大为高速公路总里程662公里", "最小为累计开通城市轨道交通里程超100公里", "数值不相加"],
        ),
        (
            "infrastructure-targets",
            Lang::En,
            &[
                "Horizontal bar chart",
                "largest total expressway length, 662 km",
                "smallest urban rail transit",
                "nothing is added up",
            ],
        ),
        (
            "district-map",
            Lang::Zh,
            &["示意图", "上虞区、滨海新区各4个", "共15个不同产业（计算值）", "高端装备由4个地区发展"],
        ),
        (
            "district-map",
            Lang::En,
            &[
                "Diagram of Shaoxing's 7 districts",
                "4 for Shangyu District and Binhai New Area",
                "15 different industries in all",
                "high-end equipment is developed by the most districts, 4",
            ],
        ),
        ("district-industries", Lang::Zh, &["矩阵图", "共23处（计算值）", "列出产业最多的是上虞区、滨海新区（各4个）"]),
        (
            "district-industries",
            Lang::En,
            &[
                "Matrix of the 15 priority industries",
                "23 in all",
                "named the most industries, 4 each",
                "high-end equipment is named for the most districts, 4",
            ],
        ),
    ];
    for info in CHARTS {
        for lang in [Lang::Zh, Lang::En] {
            let (_, _, parts) = expected
                .iter()
                .find(|(id, l, _)| *id == info.id && *l == lang)
                .unwrap_or_else(|| panic!("no expectation for {} {lang:?}", info.id));
            let options = Options { lang, ..Options::default() };
            let alt = render(info.kind, &options, ThemeName::Light, 960.0).alt;
            for part in *parts {
                assert!(alt.contains(part), "{} {lang:?}: «{part}» not in {alt}", info.id);
            }
        }
    }
}

/// Whether (x, y) is inside the polygon (even-odd rule).
fn inside(points: &[(f64, f64)], (x, y): (f64, f64)) -> bool {
    let mut inside = false;
    for (i, &(x1, y1)) in points.iter().enumerate() {
        let (x2, y2) = points[(i + 1) % points.len()];
        if (y1 > y) != (y2 > y) && x < x1 + (y - y1) / (y2 - y1) * (x2 - x1) {
            inside = !inside;
        }
    }
    inside
}

/// The colour a text at `at` stands on: the last opaque fill drawn before it there, else the background.
fn ground(items: &[shaoxing_plan_charts::scene::Item], at: (f64, f64), background: Color) -> Color {
    items
        .iter()
        .rev()
        .find_map(|item| match &item.shape {
            Shape::Fill { rect, color } if color.a == 1.0 && rect.contains(at.0, at.1) => Some(*color),
            Shape::Polygon { points, color } if color.a == 1.0 && inside(points, at) => Some(*color),
            _ => None,
        })
        .unwrap_or(background)
}

#[test]
fn texts_have_4_5_to_1_and_marks_3_to_1_against_what_is_behind_them() {
    for theme_name in [ThemeName::Light, ThemeName::Dark] {
        let theme = Theme::get(theme_name);
        for lang in [Lang::Zh, Lang::En] {
            for (name, kind, options) in variants(lang) {
                for width in WIDTHS {
                    let r = render(kind, &options, theme_name, width);
                    for (i, item) in r.scene.items.iter().enumerate() {
                        match &item.shape {
                            Shape::Text { color, text, at, .. } => {
                                let ratio = color.contrast(&ground(&r.scene.items[..i], *at, theme.background));
                                assert!(ratio >= 4.5, "{name} {theme_name:?} {width}: «{text}» {ratio:.2}");
                            }
                            // A mark that shows a datum (not a tint behind it) must stand out from
                            // the background; a fill in the background colour is a knock-out, such
                            // as an open diamond's inside.
                            Shape::Fill { color, rect }
                                if item.datum.is_some() && color.a == 1.0 && *color != theme.background =>
                            {
                                let ratio = color.contrast(&theme.background);
                                assert!(ratio >= 3.0, "{name} {theme_name:?}: mark at {rect:?} {ratio:.2}");
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
    }
}
#[test]
fn on_phones_every_mark_answers_a_finger_within_a_44_px_target() {
    use shaoxing_plan_charts::hit::{touch_target, touch_test, TOUCH_TARGET};
    for lang in [Lang::Zh, Lang::En] {
        for (name, kind, options) in variants(lang) {
            for width in [320.0, 375.0] {
                let r = render(kind, &options, ThemeName::Light, width);
                for (i, region) in r.scene.regions.iter().enumerate() {
                    let target = touch_target(region);
                    assert!(target.w >= TOUCH_TARGET && target.h >= TOUCH_TARGET, "{name}: {target:?}");
                    let m = region.mark;
                    let (cx, cy) = (m.x + m.w / 2.0, m.y + m.h / 2.0);
                    assert_eq!(touch_test(&r.scene, cx, cy), Some(i), "{name} {width}: {}", region.datum);
                    // Nowhere within a finger's reach of the mark is dead: a tap there means this
                    // mark or a nearer one.
                    let reach = TOUCH_TARGET / 2.0 - 1.0;
                    for (x, y) in [(cx, cy - reach), (cx, cy + reach), (cx - reach, cy), (cx + reach, cy)] {
                        if (0.0..r.scene.width).contains(&x) && (0.0..r.scene.height).contains(&y) {
                            assert!(
                                touch_test(&r.scene, x, y).is_some(),
                                "{name} {width}: ({x}, {y}) near {}",
                                region.datum
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_second_series_is_hatched_and_a_selection_outlined_not_told_by_colour_alone() {
    for theme_name in [ThemeName::Light, ThemeName::Dark] {
        let theme = Theme::get(theme_name);
        for (name, kind, options) in variants(Lang::En) {
            let r = render(kind, &options, theme_name, 960.0);
            let items = &r.scene.items;
            // Fills of each series colour, and whether hatch lines follow them.
            let fills = |series: Color| {
                items.iter().enumerate().filter(move |(_, item)| {
                    matches!(item.shape, Shape::Fill { color, rect } if color == series && rect.w >= 3.0 && rect.h >= 3.0)
                })
            };
            let hatched = |i: usize| {
                items[i + 1..]
                    .iter()
                    .take_while(|next| matches!(next.shape, Shape::Line { .. }))
                    .any(|next| matches!(next.shape, Shape::Line { color, .. } if color == theme.hatch))
            };
            // Where both series are drawn, the second is hatched: the two differ by more than hue.
            let first = fills(theme.series[0]).count();
            let plain_second: Vec<usize> = fills(theme.series[1]).map(|(i, _)| i).filter(|i| !hatched(*i)).collect();
            assert!(
                first == 0 || plain_second.is_empty(),
                "{name} {theme_name:?}: {} plain fills of the second series",
                plain_second.len()
            );
            assert!(
                first + fills(theme.series[1]).count() > 0
                    || kind == ChartKind::DistrictMap
                    || kind == ChartKind::GdpPath
                    || kind == ChartKind::DistrictIndustries,
                "{name}: no series drawn"
            );
            if let Some(selected) = options.selected {
                // Something the selection concerns is outlined in the text colour.
                let outlined = items.iter().any(|item| {
                    matches!(item.shape, Shape::Stroke { color, width, .. } if color == theme.text && width >= 2.0)
                        || matches!(item.shape, Shape::Path { color, width, .. } if color == theme.text && width >= 2.0)
                });
                assert!(outlined, "{name}: nothing outlined for {selected}");
            }
        }
    }
}
