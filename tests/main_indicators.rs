//! The main-indicators chart: the table 主要指标 as the plan states it, row by row, with honest
//! scales, words never drawn as numbers, and the options it takes.

use shaoxing_plan_charts::chart::{ChartKind, OptionValue, Options, Rendered, ThemeChoice};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::hit::hit_test;
use shaoxing_plan_charts::scene::{Rect, Shape};
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Color, Theme, ThemeName};

const KIND: ChartKind = ChartKind::MainIndicators;

fn options(pairs: &[(&str, OptionValue)]) -> Options {
    let entries: Vec<(String, OptionValue)> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    KIND.options(&Options::default(), &entries).unwrap()
}

fn text(s: &str) -> OptionValue {
    OptionValue::Text(s.into())
}

fn render_with(options: &Options, width: f64) -> Rendered {
    KIND.render(options, Theme::get(ThemeName::Light), width, &FixedMetrics)
}

fn render(lang: Lang, width: f64) -> Rendered {
    render_with(&Options { lang, theme: ThemeChoice::Light, ..Options::default() }, width)
}

fn texts(r: &Rendered) -> Vec<String> {
    r.scene
        .items
        .iter()
        .filter_map(|i| if let Shape::Text { text, .. } = &i.shape { Some(text.clone()) } else { None })
        .collect()
}

fn texts_of(r: &Rendered, datum: &str) -> Vec<String> {
    r.scene
        .items
        .iter()
        .filter(|i| i.datum == Some(datum))
        .filter_map(|i| if let Shape::Text { text, .. } = &i.shape { Some(text.clone()) } else { None })
        .collect()
}

fn index(r: &Rendered, datum: &str) -> usize {
    r.scene.regions.iter().position(|x| x.datum == datum).unwrap_or_else(|| panic!("no region {datum}"))
}

fn tip(r: &Rendered, datum: &str, label: &str) -> String {
    let t = &r.tooltips[index(r, datum)];
    t.lines
        .iter()
        .find(|(l, _)| l == label)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("no line {label} in {t:?}"))
}

/// The horizontal track of a row's scale: (x of its lower end, x of its upper end).
fn track(r: &Rendered, datum: &str) -> (f64, f64) {
    let grid = Theme::get(ThemeName::Light).grid;
    r.scene
        .items
        .iter()
        .filter(|i| i.datum == Some(datum))
        .find_map(|i| match i.shape {
            Shape::Line { from, to, color, .. } if color == grid && from.1 == to.1 => Some((from.0, to.0)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no track for {datum}"))
}

/// The mean y of the lines and one-pixel rows of a row's marks of `color` and line `width`: the
/// middle of a diamond.
fn middle_y(r: &Rendered, datum: &str, color: Color) -> f64 {
    let ys: Vec<f64> = r
        .scene
        .items
        .iter()
        .filter(|i| i.datum == Some(datum))
        .filter_map(|i| match i.shape {
            Shape::Line { from, color: c, width, .. } if c == color && width == 2.0 => Some(from.1),
            Shape::Fill { rect, color: c } if c == color && rect.h == 1.0 => Some(rect.y + 0.5),
            _ => None,
        })
        .collect();
    assert!(!ys.is_empty(), "no marks of {color:?} in {datum}");
    ys.iter().sum::<f64>() / ys.len() as f64
}

/// The centre x of the 2025 open diamond (drawn in the text colour, 2 px wide) of a row.
fn open_centre(r: &Rendered, datum: &str) -> Option<f64> {
    let theme = Theme::get(ThemeName::Light);
    let xs: Vec<f64> = r
        .scene
        .items
        .iter()
        .filter(|i| i.datum == Some(datum))
        .filter_map(|i| match i.shape {
            Shape::Line { from, color, width, .. } if color == theme.text && width == 2.0 => Some(from.0),
            _ => None,
        })
        .collect();
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

/// The centre x of the 2030 filled diamond (one-pixel rows in the first series colour) of a row.
fn filled_centre(r: &Rendered, datum: &str) -> Option<f64> {
    let theme = Theme::get(ThemeName::Light);
    let rows: Vec<Rect> = r
        .scene
        .items
        .iter()
        .filter(|i| i.datum == Some(datum))
        .filter_map(|i| match i.shape {
            Shape::Fill { rect, color } if color == theme.series[0] && rect.h == 1.0 => Some(rect),
            _ => None,
        })
        .collect();
    (!rows.is_empty()).then(|| rows.iter().map(|r| r.x + r.w / 2.0).sum::<f64>() / rows.len() as f64)
}

fn bars(r: &Rendered, datum: &str) -> Vec<Rect> {
    let theme = Theme::get(ThemeName::Light);
    r.scene
        .items
        .iter()
        .filter(|i| i.datum == Some(datum))
        .filter_map(|i| match i.shape {
            Shape::Fill { rect, color } if color == theme.series[1] => Some(rect),
            _ => None,
        })
        .collect()
}

#[test]
fn every_row_is_shown_in_the_plans_order_under_its_category() {
    let r = render(Lang::Zh, 720.0);
    let order: Vec<&str> = r.scene.regions.iter().map(|x| x.datum).collect();
    assert_eq!(order.len(), 26);
    assert_eq!(order[0], "indicator.gdp-growth");
    assert_eq!(order[13], "indicator.doctors-per-1000");
    assert_eq!(order[14], "indicator.nurses-per-1000");
    assert_eq!(order[25], "indicator.grain-production-capacity");
    assert_eq!(r.tooltips.len(), 26);
    let all = texts(&r);
    for heading in ["经济发展", "创新驱动", "民生福祉", "绿色低碳", "安全保障"] {
        assert_eq!(all.iter().filter(|t| *t == heading).count(), 1, "{heading}");
    }
    // Indicator 14's name stands once, above its two sub-rows.
    assert_eq!(all.iter().filter(|t| t.starts_with("每千人拥有医护人员数")).count(), 1);
    assert!(all.contains(&"执业医师数".to_string()) && all.contains(&"注册护士数".to_string()));
    // Numbers 1 to 25 in the label size (scale ends are smaller), 14 once.
    let numbers: Vec<String> = r
        .scene
        .items
        .iter()
        .filter_map(|i| match &i.shape {
            Shape::Text { text, size, .. } if *size == 13.0 && text.parse::<u32>().is_ok() => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(numbers, (1..=25).map(|n| n.to_string()).collect::<Vec<_>>());
    // Rows are stacked top to bottom in that order, without overlapping.
    for pair in r.scene.regions.windows(2) {
        assert!(pair[0].hit.y + pair[0].hit.h <= pair[1].hit.y + 0.001, "{pair:?}");
    }
}

#[test]
fn figures_are_labelled_as_the_table_states_them() {
    let zh = render(Lang::Zh, 720.0);
    let has = |datum: &str, t: &str| texts_of(&zh, datum).iter().any(|x| x == t);
    assert!(has("indicator.gdp-growth", "2025年：6.5") && has("indicator.gdp-growth", "年均：6"));
    assert!(has("indicator.urbanisation-rate", "2025年：75") && has("indicator.urbanisation-rate", "2030年：78左右"));
    assert!(has("indicator.land-use-per-gdp-decline", "2025年：5.2*（2024年实绩）"));
    assert!(has("indicator.land-use-per-gdp-decline", "五年累计：[18]"));
    assert!(
        has("indicator.rd-spending-growth", "2025年：8.5以上") && has("indicator.rd-spending-growth", "年均：8.5左右")
    );
    assert!(has("indicator.urban-unemployment-rate", "2025年：5以内"));
    assert!(has("indicator.doctors-per-1000", "2025年：3.72*") && has("indicator.doctors-per-1000", "2030年：4左右"));
    assert!(has("indicator.childcare-enrolment-increase", "五年累计：[5]"));
    assert!(
        has("indicator.forest-cover", "2025年：不低于47.56") && has("indicator.forest-cover", "2030年：不低于47.6")
    );
    assert!(
        has("indicator.water-use-per-gdp-decline", "2021—2025年累计：[25]")
            && has("indicator.water-use-per-gdp-decline", "五年累计：[14]")
    );
    assert!(has("indicator.grain-production-capacity", "2030年：30.6以上"));
    assert!(has("indicator.pm25-concentration", "2025年：28"));
    // Units follow the names as in the table, 个百分点 for indicator 16.
    assert!(has("indicator.gdp-growth", "地区生产总值（GDP）增长（%）"), "{:?}", texts_of(&zh, "indicator.gdp-growth"));
    assert!(texts_of(&zh, "indicator.childcare-enrolment-increase").concat().contains("（个百分点）"));
    assert!(has("indicator.urban-rural-income-ratio", "城乡居民收入倍差"));
    // The notes explain * and [].
    assert!(texts(&zh).iter().any(|t| t.contains("* 2024年实绩") && t.contains("[ ] 五年累计")));
    // Attributes in words.
    assert!(has("indicator.forest-cover", "约束性") && has("indicator.gdp-growth", "预期性"));

    let en = render(Lang::En, 720.0);
    let has = |datum: &str, t: &str| texts_of(&en, datum).iter().any(|x| x == t);
    assert!(has("indicator.urbanisation-rate", "2030: about 78"));
    assert!(has("indicator.land-use-per-gdp-decline", "5-year total: [18]"));
    assert!(has("indicator.rd-spending-growth", "2025: at least 8.5"));
    assert!(has("indicator.forest-cover", "2025: no less than 47.56"));
    assert!(has("indicator.urban-unemployment-rate", "Yearly: no more than 5"));
    assert!(has("indicator.forest-cover", "Binding") && has("indicator.gdp-growth", "Expected"));
    assert!(texts_of(&en, "indicator.childcare-enrolment-increase").concat().contains("(percentage points)"));
    // No qualified figure stands as a bare number.
    for bare in ["78", "2030: 78", "8.5", "47.6", "30.6"] {
        assert!(!texts(&en).iter().any(|t| t == bare), "{bare}");
    }
}

#[test]
fn cells_in_words_are_written_out_and_never_drawn_as_zero() {
    let r = render(Lang::Zh, 720.0);
    let words = texts_of(&r, "indicator.co2-per-gdp-reduction");
    assert!(
        words.contains(&"2025年：完成省下达目标".to_string()) && words.contains(&"2030年：完成省下达目标".to_string()),
        "{words:?}"
    );
    assert!(texts_of(&r, "indicator.trade-national-share").contains(&"“十五五”时期：稳定 (2025年为基准)".to_string()));
    assert!(texts_of(&r, "indicator.disposable-income-growth").contains(&"2025年：与经济增长基本同步".to_string()));
    assert!(texts_of(&r, "indicator.good-water-share").contains(&"2025年：优良水质比例100%".to_string()));
    assert!(texts_of(&r, "indicator.pm25-concentration").contains(&"2030年：完成省下达目标".to_string()));
    for datum in [
        "indicator.co2-per-gdp-reduction",
        "indicator.trade-national-share",
        "indicator.disposable-income-growth",
        "indicator.good-water-share",
    ] {
        // No scale, no marker, no bar: only the badge and text.
        let drawn = r
            .scene
            .items
            .iter()
            .filter(|i| i.datum == Some(datum))
            .filter(|i| matches!(i.shape, Shape::Line { .. }))
            .count();
        assert_eq!(drawn, 0, "{datum} draws lines");
        assert!(bars(&r, datum).is_empty());
        assert!(!texts_of(&r, datum).iter().any(|t| t == "0"), "{datum} has a scale");
    }
    // PM2.5 has a scale for its 2025 value only: one open diamond, no target.
    assert!(open_centre(&r, "indicator.pm25-concentration").is_some());
    assert!(filled_centre(&r, "indicator.pm25-concentration").is_none());
}

#[test]
fn each_row_has_its_own_honest_scale_from_zero() {
    let r = render(Lang::Zh, 720.0);
    // 常住人口城镇化率: 75 → 78左右 on 0–80.
    let (x0, x1) = track(&r, "indicator.urbanisation-rate");
    assert!(texts_of(&r, "indicator.urbanisation-rate").contains(&"80".to_string()));
    let at = |x: f64| (x - x0) / (x1 - x0) * 80.0;
    assert!((at(open_centre(&r, "indicator.urbanisation-rate").unwrap()) - 75.0).abs() < 0.5);
    assert!((at(filled_centre(&r, "indicator.urbanisation-rate").unwrap()) - 78.0).abs() < 0.5);
    // 单位GDP建设用地: the five-year total [18] as a hatched bar on 0–20; the yearly 2024 rate 5.2 measures
    // something else, so it is written out, not drawn on the total's scale.
    let (x0, x1) = track(&r, "indicator.land-use-per-gdp-decline");
    let bar = bars(&r, "indicator.land-use-per-gdp-decline");
    assert_eq!(bar.len(), 1);
    assert!((bar[0].w / (x1 - x0) - 18.0 / 20.0).abs() < 0.01, "{bar:?} on {x0}..{x1}");
    assert_eq!(open_centre(&r, "indicator.land-use-per-gdp-decline"), None);
    let hatched = r
        .scene
        .items
        .iter()
        .filter(|i| i.datum == Some("indicator.land-use-per-gdp-decline"))
        .filter(|i| matches!(i.shape, Shape::Line { width, .. } if width == 1.0))
        .count();
    assert!(hatched > 10, "the cumulative bar is hatched");
    // GDP: the yearly 6 as a plain bar on 0–8.
    let (x0, x1) = track(&r, "indicator.gdp-growth");
    let bar = bars(&r, "indicator.gdp-growth");
    assert!((bar[0].w / (x1 - x0) - 6.0 / 8.0).abs() < 0.01);
    // 城乡居民收入倍差 falls: the target sits left of the 2025 value.
    assert!(
        filled_centre(&r, "indicator.urban-rural-income-ratio").unwrap()
            < open_centre(&r, "indicator.urban-rural-income-ratio").unwrap()
    );
}

#[test]
fn percentage_changes_are_derived_in_percentage_points() {
    let r = render(Lang::Zh, 720.0);
    assert_eq!(tip(&r, "indicator.nursing-care-beds-share", "2025—2030年变化（计算值）"), "+9个百分点");
    assert_eq!(tip(&r, "indicator.strategic-emerging-industries-share", "2025—2030年变化（计算值）"), "+3.5个百分点");
    assert_eq!(tip(&r, "indicator.digital-economy-share", "2025—2030年变化（计算值）"), "+1.6个百分点");
    assert_eq!(tip(&r, "indicator.urbanisation-rate", "2025—2030年变化（计算值）"), "约+3个百分点");
    assert_eq!(tip(&r, "indicator.forest-cover", "2025—2030年变化（计算值）"), "+0.04个百分点");
    // Not for other units, nor for words.
    for datum in [
        "indicator.high-value-invention-patents",
        "indicator.urban-rural-income-ratio",
        "indicator.gdp-growth",
        "indicator.co2-per-gdp-reduction",
    ] {
        assert!(!r.tooltips[index(&r, datum)].lines.iter().any(|(l, _)| l.contains("计算值")), "{datum}");
    }
    let en = render(Lang::En, 720.0);
    assert_eq!(tip(&en, "indicator.urbanisation-rate", "Change 2025–2030 (derived)"), "about +3 percentage points");
    // The text alternative names the largest and smallest changes.
    assert!(
        r.alt.contains("养老机构护理型床位占比") && r.alt.contains("+9个百分点") && r.alt.contains("森林覆盖率"),
        "{}",
        r.alt
    );
    assert!(
        r.alt.contains("25项主要指标（26行）") && r.alt.contains("约束性6项") && r.alt.contains("预期性19项"),
        "{}",
        r.alt
    );
    assert!(r.alt.contains("9个单元格为文字表述"), "{}", r.alt);
    assert!(en.alt.contains("25 main indicators (26 rows)") && en.alt.contains("6 binding, 19 expected"), "{}", en.alt);
}

#[test]
fn tooltips_give_every_cell_as_stated_with_notes_and_the_plans_row() {
    let r = render(Lang::Zh, 720.0);
    let t = &r.tooltips[index(&r, "indicator.land-use-per-gdp-decline")];
    assert_eq!(t.title, "单位GDP建设用地使用面积下降率");
    assert_eq!(tip(&r, "indicator.land-use-per-gdp-decline", "2025年"), "5.2%*（2024年实绩）");
    assert_eq!(tip(&r, "indicator.land-use-per-gdp-decline", "2030年"), "—");
    assert_eq!(tip(&r, "indicator.land-use-per-gdp-decline", "“十五五”年均/累计"), "[18%]（2026—2030年五年累计）");
    assert_eq!(tip(&r, "indicator.land-use-per-gdp-decline", "属性"), "预期性");
    assert_eq!(tip(&r, "indicator.land-use-per-gdp-decline", "出处"), "主要指标");
    assert!(tip(&r, "indicator.land-use-per-gdp-decline", "规划原文").contains("5.2* — [18]"));

    assert_eq!(r.tooltips[index(&r, "indicator.nurses-per-1000")].title, "每千人拥有医护人员数：注册护士数");
    assert_eq!(tip(&r, "indicator.nurses-per-1000", "2030年"), "5个左右");
    assert_eq!(tip(&r, "indicator.forest-cover", "2025年"), "不低于47.56%");
    assert_eq!(tip(&r, "indicator.forest-cover", "属性"), "约束性");
    assert_eq!(tip(&r, "indicator.gdp-growth", "“十五五”年均/累计"), "6%（年均）");
    assert_eq!(
        tip(&r, "indicator.childcare-enrolment-increase", "“十五五”年均/累计"),
        "[5个百分点]（2026—2030年五年累计）"
    );
    assert_eq!(tip(&r, "indicator.water-use-per-gdp-decline", "2025年"), "[25%]（2021—2025年五年累计）");
    assert_eq!(tip(&r, "indicator.pm25-concentration", "2030年"), "完成省下达目标");
    assert_eq!(tip(&r, "indicator.grain-production-capacity", "2030年"), "30.6亿斤以上");

    let en = render(Lang::En, 320.0);
    assert_eq!(tip(&en, "indicator.urbanisation-rate", "2030"), "about 78%");
    assert_eq!(tip(&en, "indicator.land-use-per-gdp-decline", "2025"), "5.2%* (2024 actual)");
    assert_eq!(tip(&en, "indicator.grain-production-capacity", "2025"), "at least 3.06 billion jin");
    assert_eq!(tip(&en, "indicator.forest-cover", "Source"), "Table of main indicators");
    assert_eq!(tip(&en, "indicator.co2-per-gdp-reduction", "2030"), "meet the target set by the province");
}

#[test]
fn the_pointer_finds_each_row() {
    for (width, lang) in [(720.0, Lang::Zh), (320.0, Lang::En), (260.0, Lang::Zh)] {
        let r = render(lang, width);
        for (i, region) in r.scene.regions.iter().enumerate() {
            let m = region.mark;
            assert_eq!(hit_test(&r.scene, m.x + m.w / 2.0, m.y + m.h / 2.0), Some(i), "{} at {width}px", region.datum);
            assert!(m.w > 0.0 && m.h > 0.0);
        }
    }
}

#[test]
fn narrow_rows_stack_the_name_above_the_figures() {
    let r = render(Lang::Zh, 320.0);
    let i = index(&r, "indicator.urbanisation-rate");
    let region = &r.scene.regions[i];
    let name_y = r
        .scene
        .items
        .iter()
        .find_map(|x| match &x.shape {
            Shape::Text { text, at, .. } if text.starts_with("常住人口城镇化率") => Some(at.1),
            _ => None,
        })
        .unwrap();
    assert!(region.mark.y > name_y + 8.0, "figures below the name");
    let wide = render(Lang::Zh, 720.0);
    let region = &wide.scene.regions[i];
    assert!(region.mark.x > 300.0, "figures beside the name when wide");
}

#[test]
fn the_table_is_the_exact_companion() {
    let r = render(Lang::Zh, 720.0);
    assert_eq!(r.table.rows.len(), 26);
    assert!(r.table.rows.iter().all(|row| row.len() == r.table.columns.len()));
    assert_eq!(r.table.columns[0], "指标");
    let row = r.table.rows.iter().find(|row| row[0] == "单位GDP建设用地使用面积下降率").unwrap();
    assert_eq!(
        row[1..].to_vec(),
        ["5", "经济发展", "%", "预期性", "5.2*（2024年实绩）", "—", "[18]（2026—2030年五年累计）", "—", "主要指标"]
    );
    let row = r.table.rows.iter().find(|row| row[0] == "常住人口城镇化率").unwrap();
    assert_eq!(row[5..8].to_vec(), ["75", "78左右", "—"]);
    assert_eq!(row[8], "约+3个百分点");
    let row = r.table.rows.iter().find(|row| row[0] == "城乡居民收入倍差").unwrap();
    assert_eq!(row[3], "—", "a ratio has no unit");
    assert_eq!(r.title, "绍兴市“十五五”主要指标");
    assert_eq!(r.source, "来源：绍兴市“十五五”规划纲要 主要指标");
    let en = render(Lang::En, 720.0);
    assert_eq!(en.source, "Source: Outline of Shaoxing's 15th Five-Year Plan (2026–2030), Table of main indicators");
    assert!(en
        .table
        .rows
        .iter()
        .any(|row| row[0] == "Medical staff per 1,000 people: Registered nurses" && row[5] == "4.44* (2024 actual)"));
}

#[test]
fn csv_has_every_cell_with_marks_and_provenance() {
    let csv = KIND.csv(&Options::default());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 27);
    assert_eq!(
        lines[0],
        "id,number,category,name_zh,name_en,sub_zh,sub_en,unit_zh,unit_en,attribute,\
y2025_value,y2025_mark,y2025_stated_zh,y2025_stated_en,y2030_value,y2030_mark,y2030_stated_zh,y2030_stated_en,\
plan_period_value,plan_period_mark,plan_period_kind,plan_period_stated_zh,plan_period_stated_en,\
change_pp_derived,section,quote,reported_year,reported_value,reported_share_of_target"
    );
    let land = lines.iter().find(|l| l.starts_with("indicator.land-use-per-gdp-decline,")).unwrap();
    assert!(land.contains(",5,economy,单位GDP建设用地使用面积下降率,"), "{land}");
    assert!(land.contains(",%,%,expected,5.2,*,5.2*,5.2*,,,,,18,[],five-year-total,[18],[18],,主要指标,"), "{land}");
    let urban = lines.iter().find(|l| l.starts_with("indicator.urbanisation-rate,")).unwrap();
    assert!(urban.contains(",75,,75,75,78,,78左右,about 78,,,,,,3,主要指标,"), "{urban}");
    let co2 = lines.iter().find(|l| l.starts_with("indicator.co2-per-gdp-reduction,")).unwrap();
    assert!(co2.contains(",binding,,,完成省下达目标,meet the target set by the province,,,完成省下达目标,"), "{co2}");
    let trade = lines.iter().find(|l| l.starts_with("indicator.trade-national-share,")).unwrap();
    assert!(trade.contains(",words,稳定 (2025年为基准),stable (2025 as the baseline),"), "{trade}");
    let nurses = lines.iter().find(|l| l.starts_with("indicator.nurses-per-1000,")).unwrap();
    assert!(
        nurses.contains(
            ",14,livelihood,每千人拥有医护人员数,Medical staff per 1,000 people,注册护士数,Registered nurses,"
        ) || nurses.contains("\"Medical staff per 1,000 people\""),
        "{nurses}"
    );
}

fn report(id: &str, points: &[(f64, f64)]) -> (String, OptionValue) {
    let list = points
        .iter()
        .map(|(y, v)| {
            OptionValue::Map(vec![("year".into(), OptionValue::Number(*y)), ("value".into(), OptionValue::Number(*v))])
        })
        .collect();
    (id.into(), OptionValue::List(list))
}

fn with_actuals(reports: Vec<(String, OptionValue)>) -> Options {
    options(&[("actuals", OptionValue::Map(reports))])
}

#[test]
fn reported_values_are_drawn_on_the_rows_scale_with_the_share_covered() {
    let o = with_actuals(vec![
        report("indicator.urbanisation-rate", &[(2026.0, 75.8), (2027.0, 76.5)]),
        report("indicator.land-use-per-gdp-decline", &[(2027.0, 9.0)]),
        report("indicator.gdp-growth", &[(2026.0, 5.8)]),
    ]);
    let r = render_with(&o, 720.0);
    // From the 2025 baseline 75 to the target 78: 76.5 is half the way.
    assert_eq!(tip(&r, "indicator.urbanisation-rate", "最新实际值"), "2027年：76.5%（已完成目标进程的50%）");
    // A five-year total is counted from zero.
    assert_eq!(tip(&r, "indicator.land-use-per-gdp-decline", "最新实际值"), "2027年：9%（已完成目标进程的50%）");
    // A yearly rate is compared with the yearly target, not travelled towards.
    assert_eq!(tip(&r, "indicator.gdp-growth", "最新实际值"), "2026年：5.8%（年均目标6%）");
    assert!(texts(&r).contains(&"最新实际值".to_string()), "legend entry");
    // The reported bar runs from zero to 76.5 on the row's 0–80 scale.
    let (x0, x1) = track(&r, "indicator.urbanisation-rate");
    let theme = Theme::get(ThemeName::Light);
    let reported: Vec<Rect> = r
        .scene
        .items
        .iter()
        .filter(|i| i.datum == Some("indicator.urbanisation-rate"))
        .filter_map(|i| match i.shape {
            Shape::Fill { rect, color } if color == theme.text && rect.h == 4.0 => Some(rect),
            _ => None,
        })
        .collect();
    assert_eq!(reported.len(), 1);
    assert_eq!(reported[0].x, x0);
    assert!((reported[0].w / (x1 - x0) * 80.0 - 76.5).abs() < 0.3, "{:?}", reported[0]);
    assert!(r.table.columns.contains(&"最新实际值".to_string()));
    let csv = KIND.csv(&o);
    assert!(
        csv.lines().any(|l| l.starts_with("indicator.urbanisation-rate,") && l.ends_with(",2027,76.5,0.5")),
        "{csv}"
    );
    assert!(
        csv.lines().any(|l| l.starts_with("indicator.land-use-per-gdp-decline,") && l.ends_with(",2027,9,0.5")),
        "{csv}"
    );
    assert!(csv.lines().any(|l| l.starts_with("indicator.gdp-growth,") && l.ends_with(",2026,5.8,")), "{csv}");
    let en = render_with(&Options { lang: Lang::En, ..o }, 720.0);
    assert_eq!(tip(&en, "indicator.gdp-growth", "Latest reported"), "2026: 5.8% (yearly target 6%)");
}

#[test]
fn reports_beyond_the_scale_or_below_zero_stay_inside() {
    let o = with_actuals(vec![
        report("indicator.urbanisation-rate", &[(2028.0, 95.0)]),
        report("indicator.gdp-growth", &[(2026.0, -3.5)]),
    ]);
    for width in [260.0, 480.0, 1200.0] {
        let r = render_with(&o, width);
        for item in &r.scene.items {
            match item.shape {
                Shape::Fill { rect, .. } => assert!(rect.x >= 0.0 && rect.x + rect.w <= width, "{rect:?}"),
                Shape::Line { from, to, .. } => assert!(from.0 >= 0.0 && to.0 <= width + 1.0),
                _ => {}
            }
        }
        // The row's scale grows to hold the report: 0–100, and −4 to 8 for the negative growth.
        assert!(texts_of(&r, "indicator.urbanisation-rate").contains(&"100".to_string()));
        assert!(texts_of(&r, "indicator.gdp-growth").contains(&"-4".to_string()));
    }
    // Values too small to draw do not break the scale.
    let tiny = with_actuals(vec![
        report("indicator.gdp-growth", &[(2026.0, -5e-324)]),
        report("indicator.forest-cover", &[(2026.0, 1e-300)]),
    ]);
    let r = render_with(&tiny, 720.0);
    assert!(texts_of(&r, "indicator.gdp-growth").contains(&"8".to_string()));
    assert!(tip(&r, "indicator.gdp-growth", "最新实际值").starts_with("2026年："));
}

#[test]
fn targets_are_the_rows_with_a_numeric_2030_or_plan_period_figure() {
    let targets = KIND.targets();
    assert_eq!(targets.len(), 21);
    assert!(targets.contains(&"indicator.gdp-growth") && targets.contains(&"indicator.nurses-per-1000"));
    assert!(
        !targets.contains(&"indicator.pm25-concentration") && !targets.contains(&"indicator.co2-per-gdp-reduction")
    );
    let e = KIND
        .options(
            &Options::default(),
            &[report("indicator.pm25-concentration", &[(2026.0, 27.0)])]
                .map(|(k, v)| ("actuals".to_string(), OptionValue::Map(vec![(k, v)]))),
        )
        .unwrap_err();
    assert!(e.to_string().starts_with("Option \"actuals\" names \"indicator.pm25-concentration\", which is not a target of chart \"main-indicators\". Its targets: indicator.gdp-growth, "), "{e}");
}

#[test]
fn the_category_option_shows_one_group() {
    let o = options(&[("category", text("livelihood"))]);
    assert_eq!(o.category, Some("category.livelihood"));
    let r = render_with(&o, 720.0);
    let order: Vec<&str> = r.scene.regions.iter().map(|x| x.datum).collect();
    assert_eq!(order.len(), 9);
    assert_eq!(order[0], "indicator.urban-unemployment-rate");
    assert_eq!(order[8], "indicator.cultural-industries-growth");
    assert_eq!(r.title, "绍兴市“十五五”主要指标：民生福祉");
    assert!(!texts(&r).contains(&"经济发展".to_string()));
    assert!(r.alt.contains("8项主要指标（9行）"), "{}", r.alt);
    assert!(r.description.starts_with("民生福祉类8项主要指标的2025年值"), "{}", r.description);
    assert_eq!(r.table.rows.len(), 9);
    assert_eq!(KIND.csv(&o).split("\r\n").filter(|l| !l.is_empty()).count(), 10);
    let green = render_with(&options(&[("category", text("green")), ("lang", text("en"))]), 360.0);
    assert_eq!(green.scene.regions.len(), 5);
    assert_eq!(green.title, "Main indicators of Shaoxing's 15th Five-Year Plan: Green and low-carbon development");
    assert!(
        green.description.starts_with("The 5 main indicators of green and low-carbon development: "),
        "{}",
        green.description
    );
    let all = render_with(&options(&[("category", text("all"))]), 720.0);
    assert_eq!(all.scene.regions.len(), 26);
}

#[test]
fn invalid_options_say_what_is_allowed() {
    let err = |pairs: &[(&str, OptionValue)]| {
        let entries: Vec<(String, OptionValue)> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        KIND.options(&Options::default(), &entries).unwrap_err().to_string()
    };
    assert_eq!(
        err(&[("category", text("economic"))]),
        "Option \"category\" must be one of \"all\", \"economy\", \"innovation\", \"livelihood\", \"green\", \"security\"; got \"economic\" (a string)."
    );
    assert!(err(&[("category", OptionValue::Number(1.0))]).ends_with("got 1 (a number)."));
    assert_eq!(
        err(&[("sort", text("value"))]),
        "Unknown option \"sort\" for chart \"main-indicators\". Allowed options: lang, theme, category, actuals."
    );
    assert!(err(&[("actuals", OptionValue::Map(vec![report("indicator.gdp-growth", &[(2040.0, 5.0)])]))])
        .contains("year must be a whole number from 2025 to 2035"));
    // The other chart does not take a category.
    let e =
        ChartKind::IndustryClusters.options(&Options::default(), &[("category".into(), text("economy"))]).unwrap_err();
    assert!(e.to_string().starts_with("Unknown option \"category\" for chart \"industry-clusters\""));
}

#[test]
fn a_2025_value_on_its_2030_target_dodges_it_and_labels_stay_in_the_plans_order() {
    let theme = Theme::get(ThemeName::Light);
    for lang in [Lang::Zh, Lang::En] {
        let r = render(lang, 720.0);
        // 城乡居民收入倍差 1.61 → 1.6左右 and 人均预期寿命 82.5 → 82.7 fall on the same pixels of their scales.
        for datum in ["indicator.urban-rural-income-ratio", "indicator.life-expectancy"] {
            let (open, filled) = (open_centre(&r, datum).unwrap(), filled_centre(&r, datum).unwrap());
            assert!((open - filled).abs() < 6.0, "{datum}: {open} {filled}");
            let (above, below) = (middle_y(&r, datum, theme.text), middle_y(&r, datum, theme.series[0]));
            assert!(below - above >= 12.0, "{datum}: the diamonds must not overlap ({above} {below})");
        }
        // Far apart, they share the track.
        let datum = "indicator.urbanisation-rate";
        assert!((middle_y(&r, datum, theme.text) - middle_y(&r, datum, theme.series[0])).abs() < 1.0);
        // Labels read 2025 before 2030 even where the 2030 target is the smaller number.
        let left_of = |text: &str| {
            r.scene
                .items
                .iter()
                .find_map(|i| match &i.shape {
                    Shape::Text { text: t, at, .. } if t == text => Some(at.0),
                    _ => None,
                })
                .unwrap_or_else(|| panic!("no label {text}"))
        };
        let (y2025, y2030) = match lang {
            Lang::Zh => ("2025年：1.61", "2030年：1.6左右"),
            Lang::En => ("2025: 1.61", "2030: about 1.6"),
        };
        assert!(left_of(y2025) < left_of(y2030));
    }
}

#[test]
fn one_category_is_counted_in_the_singular() {
    let o = Options { lang: Lang::En, ..options(&[("category", text("security"))]) };
    let alt = render_with(&o, 720.0).alt;
    assert!(
        alt.starts_with(
            "Chart-table of the 1 main indicator (1 row) of Shaoxing's 15th Five-Year Plan in 1 category ("
        ),
        "{alt}"
    );
    assert!(alt.contains("1 row shows the 2025 value") && alt.contains("0 rows show a yearly"), "{alt}");
    assert!(!alt.contains("1 rows") && !alt.contains("1 categories"), "{alt}");
}
