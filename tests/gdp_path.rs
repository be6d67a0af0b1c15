//! The gdp-path chart: the figures as stated, the derived yearly increases, and reported values.

use shaoxing_plan_charts::chart::gdp_path::implied_growth;
use shaoxing_plan_charts::chart::{ChartKind, OptionValue, Options, Rendered};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::hit::hit_test;
use shaoxing_plan_charts::scene::{Rect, Shape};
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Theme, ThemeName};

fn render_with(options: &Options, width: f64) -> Rendered {
    ChartKind::GdpPath.render(options, Theme::get(ThemeName::Light), width, &FixedMetrics)
}

fn render(lang: Lang, width: f64) -> Rendered {
    render_with(&Options { lang, ..Options::default() }, width)
}

fn texts(r: &Rendered) -> Vec<String> {
    r.scene
        .items
        .iter()
        .filter_map(|i| if let Shape::Text { text, .. } = &i.shape { Some(text.clone()) } else { None })
        .collect()
}

fn tooltip_of(r: &Rendered, datum: &str) -> String {
    let index = r.scene.regions.iter().position(|x| x.datum == datum).expect("a region");
    let tip = &r.tooltips[index];
    format!("{} | {}", tip.title, tip.lines.iter().map(|(l, v)| format!("{l}: {v}")).collect::<Vec<_>>().join(" | "))
}

fn mark_of(r: &Rendered, datum: &str) -> Rect {
    r.scene.regions.iter().find(|x| x.datum == datum).expect("a region").mark
}

#[test]
fn points_carry_the_figures_as_stated() {
    let zh = texts(&render(Lang::Zh, 720.0));
    for stated in ["6111亿元", "8932亿元", "突破1万亿元", "1.25万亿元左右", "单位：亿元"] {
        assert!(zh.contains(&stated.to_string()), "{stated} in {zh:?}");
    }
    let en = texts(&render(Lang::En, 720.0));
    for stated in ["CNY 611.1 bn", "CNY 893.2 bn", "over CNY 1 trn", "about CNY 1.25 trn", "Unit: CNY bn"] {
        assert!(en.contains(&stated.to_string()), "{stated} in {en:?}");
    }
    // The label of each point is its figure as stated: 突破1万亿元 is never a bare 10000.
    for (lang, datum, expected) in [
        (Lang::Zh, "gdp.2027", "突破1万亿元"),
        (Lang::Zh, "gdp.2030", "1.25万亿元左右"),
        (Lang::En, "gdp.2027", "over CNY 1 trn"),
        (Lang::En, "gdp.2030", "about CNY 1.25 trn"),
    ] {
        let r = render(lang, 720.0);
        let labels: Vec<&str> = r
            .scene
            .items
            .iter()
            .filter(|i| i.datum == Some(datum))
            .filter_map(|i| if let Shape::Text { text, .. } = &i.shape { Some(text.as_str()) } else { None })
            .collect();
        assert_eq!(labels[0], expected, "{labels:?}");
    }
    assert!(!en.iter().any(|t| t == "CNY 1 trn" || t == "CNY 1.25 trn"));
}

#[test]
fn one_region_per_point_in_year_order() {
    for width in [260.0, 720.0] {
        let r = render(Lang::Zh, width);
        let order: Vec<&str> = r.scene.regions.iter().map(|x| x.datum).collect();
        assert_eq!(order, ["gdp.2020", "gdp.2025", "gdp.2027", "gdp.2030"]);
        assert_eq!(r.tooltips.len(), 4);
        // Points rise left to right; the 2030 point is higher than the 2027 one by 2500 of 12500.
        let (a, b, c, d) =
            (mark_of(&r, "gdp.2020"), mark_of(&r, "gdp.2025"), mark_of(&r, "gdp.2027"), mark_of(&r, "gdp.2030"));
        assert!(a.x < b.x && b.x < c.x && c.x < d.x);
        assert!(a.y > b.y && b.y > c.y && c.y > d.y);
        // Years are evenly spaced: 2025→2030 is as wide as 2020→2025.
        assert!(((d.x - b.x) - (b.x - a.x)).abs() <= 1.0);
        // Heights are proportional to the values from a zero baseline.
        let zero = r.scene.items.iter().find_map(|i| match &i.shape {
            Shape::Text { text, at, .. } if text == "0" => Some(at.1),
            _ => None,
        });
        let zero = zero.expect("a zero tick");
        let ratio = (zero - (d.y + 4.5)) / (zero - (b.y + 4.5));
        assert!((ratio - 12500.0 / 8932.0).abs() < 0.02, "ratio {ratio}");
    }
}

#[test]
fn actual_segment_is_solid_and_planned_segment_dashed() {
    let r = render(Lang::Zh, 720.0);
    let lines = |datum: &str| {
        r.scene
            .items
            .iter()
            .filter(|i| i.datum == Some(datum))
            .filter_map(|i| if let Shape::Line { width, .. } = i.shape { Some(width) } else { None })
            .collect::<Vec<f64>>()
    };
    // One solid line into 2025; many short dashes into 2027 and 2030.
    assert_eq!(lines("gdp.2025"), vec![3.0]);
    assert!(lines("gdp.2027").len() >= 4, "{:?}", lines("gdp.2027"));
    assert!(lines("gdp.2030").len() >= 8, "{:?}", lines("gdp.2030"));
    // Planned markers are hollow (outlined), actual markers filled.
    let strokes = |datum: &str| {
        r.scene.items.iter().filter(|i| i.datum == Some(datum) && matches!(i.shape, Shape::Stroke { .. })).count()
    };
    assert_eq!(strokes("gdp.2020"), 0);
    assert_eq!(strokes("gdp.2030"), 1);
    let legend = texts(&r);
    assert!(legend.contains(&"实际值".to_string()) && legend.contains(&"规划目标".to_string()));
}

#[test]
fn implied_yearly_increases_are_computed_and_labelled_as_derived() {
    let near = |a: Option<f64>, b: f64| (a.unwrap() - b).abs() < 1e-9;
    assert!(near(implied_growth(2020, 6111.0, 2025, 8932.0), (8932.0f64 / 6111.0).powf(0.2) - 1.0));
    assert!((implied_growth(2020, 6111.0, 2025, 8932.0).unwrap() - 0.0789).abs() < 5e-5);
    assert!((implied_growth(2025, 8932.0, 2030, 12500.0).unwrap() - 0.0695).abs() < 5e-5);
    assert!((implied_growth(2025, 8932.0, 2027, 10000.0).unwrap() - 0.0581).abs() < 5e-5);
    assert_eq!(implied_growth(2025, 8932.0, 2025, 9000.0), None);
    assert_eq!(implied_growth(2025, 0.0, 2030, 9000.0), None);
    assert_eq!(implied_growth(2025, f64::NAN, 2030, 9000.0), None);

    let zh = texts(&render(Lang::Zh, 720.0));
    assert!(zh.contains(&"按所列数值推算的年均增幅（计算值）".to_string()), "{zh:?}");
    assert!(zh.contains(&"2020—2025年（实际）：7.89%".to_string()), "{zh:?}");
    assert!(zh.contains(&"2025—2027年（至突破1万亿元）：高于5.81%".to_string()), "{zh:?}");
    assert!(zh.contains(&"2025—2030年（至1.25万亿元左右）：约6.95%".to_string()), "{zh:?}");
    assert!(zh.iter().any(|t| t.starts_with("对照 · 规划GDP增长预期目标") && t.ends_with("：6%")), "{zh:?}");
    let en = texts(&render(Lang::En, 1200.0));
    assert!(en.contains(&"Implied average yearly increase of the stated figures (derived)".to_string()), "{en:?}");
    assert!(en.contains(&"2025–2030 (to about CNY 1.25 trn): about 6.95%".to_string()), "{en:?}");
    assert!(en.contains(&"2025–2027 (to over CNY 1 trn): more than 5.81%".to_string()), "{en:?}");
    // Beside the stated target, a note that the two may not be the same measure; the chart claims no
    // price basis for the plan's target, which the plan does not state.
    assert!(zh.iter().any(|t| t.starts_with("计算值由所列地区生产总值总量推算，含价格变动")), "{zh:?}");
    assert!(en.iter().any(|t| t.starts_with("The derived rates come from the stated GDP totals")), "{en:?}");
    let all = format!("{zh:?}{en:?}");
    for word in ["名义", "实际价格", "nominal", "real terms", "constant prices"] {
        assert!(!all.contains(word), "{word}");
    }
}

#[test]
fn tooltips_give_the_figure_its_section_and_the_inferred_years() {
    let r = render(Lang::Zh, 720.0);
    let t2027 = tooltip_of(&r, "gdp.2027");
    assert!(t2027.starts_with("2027年地区生产总值 | 阶段目标: 突破1万亿元"), "{t2027}");
    assert!(t2027.contains("2025—2027年年均增幅（计算值）: 高于5.81%"), "{t2027}");
    assert!(t2027.contains("出处: 一（三）3"), "{t2027}");
    assert!(t2027.contains("在2027年全市地区生产总值突破1万亿元的基础上"), "{t2027}");
    let t2030 = tooltip_of(&r, "gdp.2030");
    assert!(t2030.contains("目标: 1.25万亿元左右") && t2030.contains("约6.95%") && t2030.contains(": 6%"), "{t2030}");
    let t2020 = tooltip_of(&r, "gdp.2020");
    assert!(
        t2020.contains("实际值: 6111亿元") && t2020.contains("年份为推定") && t2020.contains("出处: 一（一）"),
        "{t2020}"
    );
    assert!(!t2027.contains("年份为推定"));
    let t2025 = tooltip_of(&r, "gdp.2025");
    assert!(t2025.contains("人均地区生产总值: 16.4万元左右") && t2025.contains("7.89%"), "{t2025}");
    let en = render(Lang::En, 320.0);
    let t = tooltip_of(&en, "gdp.2030");
    assert!(t.starts_with("GDP, 2030 | Target: about CNY 1.25 trn"), "{t}");
    assert!(t.contains("Source: Chapter 1, section 3, item 3"), "{t}");
    let t = tooltip_of(&en, "gdp.2020");
    assert!(t.contains("Years inferred"), "{t}");
    // The pointer over a mark finds it.
    for datum in ["gdp.2020", "gdp.2027", "gdp.2030"] {
        let m = mark_of(&en, datum);
        let index = hit_test(&en.scene, m.x + m.w / 2.0, m.y + m.h / 2.0).unwrap();
        assert_eq!(en.scene.regions[index].datum, datum);
    }
}

#[test]
fn texts_table_and_csv() {
    let r = render(Lang::Zh, 720.0);
    assert_eq!(r.title, "地区生产总值：从“十四五”到2030年");
    assert!(
        r.description.contains("6111亿元") && r.description.contains("推定") && r.description.contains("突破1万亿元"),
        "{}",
        r.description
    );
    assert_eq!(r.source, "来源：绍兴市“十五五”规划纲要 一（一）、一（三）3、主要指标");
    assert!(
        r.alt.starts_with("折线图")
            && r.alt.contains("2030年1.25万亿元左右（目标）")
            && r.alt.contains("7.89%")
            && r.alt.contains("6%"),
        "{}",
        r.alt
    );
    assert_eq!(
        r.table.columns,
        ["年份", "类型", "地区生产总值（规划所述）", "按所列数值推算的年均增幅（计算值）", "出处"]
    );
    assert_eq!(r.table.rows.len(), 4);
    assert_eq!(r.table.rows[0], ["2020（推定）", "实际值", "6111亿元", "—", "一（一）"]);
    assert_eq!(r.table.rows[2], ["2027", "阶段目标", "突破1万亿元", "2025—2027年 高于5.81%", "一（三）3"]);
    let en = render(Lang::En, 720.0);
    assert!(en.alt.contains("2027 over CNY 1 trn (milestone)"), "{}", en.alt);
    assert_eq!(en.source, "Source: Outline of Shaoxing's 15th Five-Year Plan (2026–2030), Chapter 1, section 1; Chapter 1, section 3, item 3; Table of main indicators");

    let csv = ChartKind::GdpPath.csv(&Options::default());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 6, "{csv}");
    assert_eq!(
        lines[0],
        "id,kind,name_zh,name_en,year,year_inferred,value,unit_zh,unit_en,qualifier_zh,qualifier_en,stated_zh,stated_en,value_cny_100m,derived_from_year,derived_avg_yearly_increase,section,quote,reported_year,reported_value,reported_share_of_target"
    );
    assert_eq!(lines[1], "gdp.2020,actual,地区生产总值,GDP,2020,yes,6111,亿元,CNY 100 million,,,6111亿元,CNY 611.1 bn,6111,,,一(一),地区生产总值从6111亿元增加至8932亿元,,,");
    assert_eq!(
        lines[4],
        "gdp.2030,target,地区生产总值,GDP,2030,no,1.25,万亿元,CNY trillion,左右,about,1.25万亿元左右,about CNY 1.25 trn,12500,2025,0.0695,一(三)3,到2030年，地区生产总值达到1.25万亿元左右,,,"
    );
    assert!(lines[2].contains(",2020,0.0789,"), "{}", lines[2]);
    assert!(lines[3].contains(",10000,2025,0.0581,"), "{}", lines[3]);
    assert!(
        lines[5].starts_with("gdp-per-capita.2025,actual,人均地区生产总值,GDP per capita,2025,,16.4,万元"),
        "{}",
        lines[5]
    );
}

fn report(year: f64, value: f64) -> OptionValue {
    OptionValue::Map(vec![("year".into(), OptionValue::Number(year)), ("value".into(), OptionValue::Number(value))])
}

fn with_actuals(id: &str, reports: Vec<OptionValue>) -> Result<Options, shaoxing_plan_charts::Error> {
    let actuals = OptionValue::Map(vec![(id.into(), OptionValue::List(reports))]);
    ChartKind::GdpPath.options(&Options::default(), &[("actuals".into(), actuals)])
}

#[test]
fn reported_values_are_drawn_on_the_line_with_the_share_covered() {
    let options = with_actuals("gdp.2030", vec![report(2027.0, 10200.0), report(2026.0, 9500.0)]).unwrap();
    let r = render_with(&options, 720.0);
    // The 2026 report gets a stop of its own between 2025 and 2027; the 2027 one joins the milestone.
    let order: Vec<&str> = r.scene.regions.iter().map(|x| x.datum).collect();
    assert_eq!(order, ["gdp.2020", "gdp.2025", "gdp.2030", "gdp.2027", "gdp.2030"]);
    assert_eq!(r.tooltips[2].title, "2026年实际值（报告）");
    let lines = &r.tooltips[2].lines;
    assert_eq!(lines[0], ("地区生产总值".to_string(), "9500亿元".to_string()));
    // (9500 − 8932) / (10000 − 8932) = 53%; (9500 − 8932) / (12500 − 8932) = 16%.
    assert!(lines.contains(&("距2027年突破1万亿元目标".to_string(), "已完成目标进程的53%".to_string())), "{lines:?}");
    assert!(
        lines.contains(&("距2030年1.25万亿元左右目标".to_string(), "已完成目标进程的16%".to_string())),
        "{lines:?}"
    );
    // (10200 − 8932) / (12500 − 8932) = 35.5%.
    assert_eq!(r.tooltips[4].title, "2030年地区生产总值");
    let t2030 = format!("{:?}", r.tooltips[4].lines);
    assert!(t2030.contains("(\"最新实际值\", \"2027年：10200亿元（已完成目标进程的36%）"), "{t2030}");
    let t2027 = &r.tooltips[3];
    assert!(t2027.lines.contains(&("2027年实际值（报告）".to_string(), "10200亿元".to_string())), "{t2027:?}");
    // Two crosses (two lines each) and a solid line from 2025 through both reports.
    let reported_line = r
        .scene
        .items
        .iter()
        .filter(|i| matches!(i.shape, Shape::Line { width, .. } if width == 1.0) && i.datum == Some("gdp.2030"))
        .count();
    assert_eq!(reported_line, 2);
    let crosses = r.scene.items.iter().filter(|i| i.datum.is_some() && matches!(i.shape, Shape::Line { width, color, .. } if width == 2.0 && color == Theme::get(ThemeName::Light).text)).count();
    assert_eq!(crosses, 4);
    assert!(texts(&r).contains(&"报告的实际值".to_string()));
    assert_eq!(r.table.columns[3], "最新实际值");
    assert_eq!(r.table.rows[3][3], "2027年：10200亿元（已完成目标进程的36%）");
    assert_eq!(r.table.rows[2][3], "—");
    let csv = ChartKind::GdpPath.csv(&options);
    assert!(csv.lines().any(|l| l.starts_with("gdp.2030,") && l.ends_with(",2027,10200,0.3554")), "{csv}");
    // The 2026 cross sits between 2025 and 2027 at 9500.
    let cross = r.scene.regions[2].mark;
    let (b, c) = (mark_of(&r, "gdp.2025"), mark_of(&r, "gdp.2027"));
    assert!((cross.x + cross.w / 2.0 - (b.x + c.x + 9.0) / 2.0).abs() <= 1.5);
    assert!(cross.y + 5.0 < b.y + 4.5 && cross.y + 5.0 > c.y + 4.5);
}

#[test]
fn a_report_after_2030_widens_the_year_axis_and_stays_inside() {
    let options = with_actuals("gdp.2027", vec![report(2033.0, 16000.0)]).unwrap();
    for width in [260.0, 720.0] {
        let r = render_with(&options, width);
        assert_eq!(r.scene.regions.len(), 5);
        let last = &r.scene.regions[4];
        assert_eq!(r.tooltips[4].title, "2033年实际值（报告）");
        assert!(last.mark.x + last.mark.w <= width && last.mark.y >= 0.0);
        let texts = texts(&r);
        assert!(texts.contains(&"2033".to_string()), "{texts:?}");
    }
    // A report of 2027 GDP on the milestone: 119% of the way from 8932 to 10000.
    let options = with_actuals("gdp.2027", vec![report(2027.0, 10200.0)]).unwrap();
    let r = render_with(&options, 720.0);
    assert!(tooltip_of(&r, "gdp.2027").contains("已完成目标进程的119%"));
}

#[test]
fn options_are_validated() {
    let e = with_actuals("gdp.2020", vec![]).unwrap_err();
    assert_eq!(e.to_string(), "Option \"actuals\" names \"gdp.2020\", which is not a target of chart \"gdp-path\". Its targets: gdp.2027, gdp.2030.");
    let e = with_actuals("gdp.2030", vec![report(2019.0, 1.0)]).unwrap_err();
    assert!(e.to_string().contains("year must be a whole number from 2025 to 2035"), "{e}");
    let e = with_actuals("gdp.2030", vec![report(2026.0, f64::INFINITY)]).unwrap_err();
    assert!(e.to_string().contains("value must be a finite number"), "{e}");
    let e = ChartKind::GdpPath
        .options(&Options::default(), &[("sort".into(), OptionValue::Text("value".into()))])
        .unwrap_err();
    assert_eq!(e.to_string(), "Unknown option \"sort\" for chart \"gdp-path\". Allowed options: lang, theme, actuals.");
    assert_eq!(ChartKind::GdpPath.targets(), ["gdp.2027", "gdp.2030"]);
}
