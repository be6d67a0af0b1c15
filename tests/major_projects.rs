//! The major-projects chart (专栏5): what it says, in which order, the totals as stated and as
//! computed, what the pointer finds, progress reports, and its options.

mod common;

use common::{assert_inside, check_golden, export_rendered};
use shaoxing_plan_charts::chart::{with_captions, ChartKind, OptionValue, Options, ProjectMeasure, Rendered};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::hit::hit_test;
use shaoxing_plan_charts::scene::{Rect, Shape};
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Theme, ThemeName};

const CHART: ChartKind = ChartKind::MajorProjects;
const DOMAINS: usize = 10;
const TOTALS: [&str; 3] =
    ["project-total.projects", "project-total.total-investment", "project-total.five-year-investment"];

fn options(lang: Lang, measure: ProjectMeasure) -> Options {
    Options { lang, measure, ..Options::default() }
}

fn render_with(options: &Options, width: f64) -> Rendered {
    CHART.render(options, Theme::get(ThemeName::Light), width, &FixedMetrics)
}

fn render(lang: Lang, measure: ProjectMeasure, width: f64) -> Rendered {
    render_with(&options(lang, measure), width)
}

fn texts(r: &Rendered) -> Vec<String> {
    r.scene
        .items
        .iter()
        .filter_map(|i| if let Shape::Text { text, .. } = &i.shape { Some(text.clone()) } else { None })
        .collect()
}

fn order(r: &Rendered) -> Vec<&'static str> {
    r.scene.regions.iter().map(|r| r.datum).collect()
}

fn index_of(r: &Rendered, datum: &str) -> usize {
    r.scene.regions.iter().position(|x| x.datum == datum).unwrap_or_else(|| panic!("no region for {datum}"))
}

/// The filled rectangles drawn for `datum` with height `h` (bars are 16 or 14 px tall when chosen,
/// 10 px for the other measure; the progress mark is 4 px).
fn fills(r: &Rendered, datum: &str, h: f64) -> Vec<Rect> {
    r.scene
        .items
        .iter()
        .filter(|i| i.datum == Some(datum))
        .filter_map(|i| if let Shape::Fill { rect, .. } = i.shape { (rect.h == h).then_some(rect) } else { None })
        .collect()
}

fn lines(tooltip: &shaoxing_plan_charts::chart::Tooltip) -> String {
    tooltip.lines.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("\n")
}

#[test]
fn bars_and_labels_carry_the_figures_as_the_plan_states_them() {
    let zh = texts(&render(Lang::Zh, ProjectMeasure::Total, 720.0));
    for expected in [
        "先进制造业基地 · 140个",
        "清洁能源保供 · 15个",
        "4205亿元",
        "2970亿元",
        "221亿元",
        "201亿元",
        "总投资",
        "五年计划完成投资",
        "单位：亿元",
    ] {
        assert!(zh.contains(&expected.to_string()), "{expected} not in {zh:?}");
    }
    let en = texts(&render(Lang::En, ProjectMeasure::Total, 720.0));
    for expected in [
        "Advanced manufacturing bases · 140 projects",
        "CNY 420.5 bn",
        "CNY 297 bn",
        "CNY 22.1 bn",
        "Unit: CNY bn",
        "Total investment",
        "Planned for 2026–2030",
    ] {
        assert!(en.contains(&expected.to_string()), "{expected} not in {en:?}");
    }
    // Counting projects: the bars carry the counts, so the labels are the bare names.
    let count = texts(&render(Lang::Zh, ProjectMeasure::Count, 720.0));
    assert!(count.contains(&"140个".to_string()) && count.contains(&"先进制造业基地".to_string()), "{count:?}");
    assert!(count.contains(&"单位：个".to_string()));
    assert!(!count.iter().any(|t| t.contains("4205")), "no money bars when counting: {count:?}");
}

#[test]
fn the_totals_block_shows_each_stated_total_next_to_the_computed_sum() {
    let zh = texts(&render(Lang::Zh, ProjectMeasure::Total, 720.0));
    for expected in [
        "合计",
        "重大项目：652个（计算值） · 规划表述：652个",
        "总投资：17148亿元（计算值） · 规划表述：约1.7万亿元",
        "“十五五”计划投资：10629亿元（计算值） · 规划表述：超1万亿元",
    ] {
        assert!(zh.contains(&expected.to_string()), "{expected} not in {zh:?}");
    }
    let en = texts(&render(Lang::En, ProjectMeasure::Total, 1200.0));
    for expected in [
        "Major projects: 652 projects (computed) · stated in the plan: 652 projects",
        "Total investment: CNY 1.71 trn (computed) · stated in the plan: about CNY 1.7 trn",
        "Investment planned for 2026–2030: CNY 1.06 trn (computed) · stated in the plan: over CNY 1 trn",
    ] {
        assert!(en.contains(&expected.to_string()), "{expected} not in {en:?}");
    }
    // A qualified total never appears without its qualifier, whatever the width.
    for width in [260.0, 320.0, 480.0, 720.0] {
        for lang in [Lang::Zh, Lang::En] {
            let all = texts(&render(lang, ProjectMeasure::FiveYear, width)).join("\n");
            assert!(!all.contains("：1.7万亿元") && !all.contains("：1万亿元"), "{all}");
            assert!(!all.contains(": CNY 1.7 trn") && !all.contains(": CNY 1 trn"), "{all}");
            assert!(all.contains("约1.7万亿元") || all.contains("about CNY 1.7 trn"), "{all}");
        }
    }
    // At phone widths the stated total goes on its own, indented line under the computed sum.
    let narrow = texts(&render(Lang::Zh, ProjectMeasure::Total, 320.0));
    assert!(narrow.contains(&"总投资：17148亿元（计算值）".to_string()), "{narrow:?}");
    assert!(narrow.contains(&"规划表述：约1.7万亿元".to_string()), "{narrow:?}");
    // On the narrowest phones a figure moves whole to the next line rather than break.
    let en = texts(&render(Lang::En, ProjectMeasure::Total, 260.0));
    for figure in ["CNY 1.71 trn (computed)", "about CNY 1.7 trn", "CNY 1.06 trn (computed)", "over CNY 1 trn"] {
        assert!(en.iter().any(|t| t.ends_with(figure)), "{figure} broken in {en:?}");
    }
}

#[test]
fn domains_are_sorted_largest_first_by_the_chosen_measure_and_followed_by_the_totals() {
    let total = order(&render(Lang::Zh, ProjectMeasure::Total, 720.0));
    assert_eq!(total.len(), DOMAINS + TOTALS.len());
    assert_eq!(
        &total[..4],
        ["project.advanced-manufacturing", "project.transport", "project.urban-renewal", "project.public-facilities"]
    );
    assert_eq!(total[DOMAINS - 1], "project.clean-energy");
    assert_eq!(&total[DOMAINS..], TOTALS);
    let five = order(&render(Lang::Zh, ProjectMeasure::FiveYear, 720.0));
    // 2970, 2079, 1375, 1249, 870 …: 交通强省 falls behind 城市有机更新 on five-year investment.
    assert_eq!(&five[..3], ["project.advanced-manufacturing", "project.urban-renewal", "project.transport"]);
    assert_eq!(five[4], "project.sci-tech-foundations");
    // 水网安澜提升 (349) stays just ahead of 农业农村优先 (347).
    let water = five.iter().position(|d| *d == "project.water-network").unwrap();
    let farms = five.iter().position(|d| *d == "project.agriculture-rural").unwrap();
    assert_eq!(farms, water + 1);
    let count = order(&render(Lang::En, ProjectMeasure::Count, 720.0));
    assert_eq!(&count[..3], ["project.advanced-manufacturing", "project.urban-renewal", "project.public-facilities"]);
    assert_eq!(count[3], "project.culture-tourism");
    assert_eq!(count[DOMAINS - 2], "project.digital-economy-ai");
    assert_eq!(count[DOMAINS - 1], "project.clean-energy");
}

#[test]
fn the_chosen_measure_is_drawn_first_and_taller_and_lengths_are_proportional() {
    let r = render(Lang::Zh, ProjectMeasure::Total, 720.0);
    let main = fills(&r, "project.advanced-manufacturing", 16.0);
    let other = fills(&r, "project.advanced-manufacturing", 10.0);
    assert_eq!((main.len(), other.len()), (1, 1));
    assert!(main[0].y < other[0].y, "the chosen measure comes first");
    assert!((main[0].w / other[0].w - 4205.0 / 2970.0).abs() < 0.02, "{} / {}", main[0].w, other[0].w);
    let clean = fills(&r, "project.clean-energy", 16.0)[0];
    assert!((main[0].w / clean.w - 4205.0 / 221.0).abs() < 0.6, "{} / {}", main[0].w, clean.w);

    // With five-year chosen, the five-year bar (2970) is the tall one, above the total (4205).
    let r = render(Lang::Zh, ProjectMeasure::FiveYear, 720.0);
    let main = fills(&r, "project.advanced-manufacturing", 16.0)[0];
    let other = fills(&r, "project.advanced-manufacturing", 10.0)[0];
    assert!(main.y < other.y && main.w < other.w);
    assert!((other.w / main.w - 4205.0 / 2970.0).abs() < 0.02);
    // The five-year bar is hatched (lines over it), the total bar is not.
    let hatched = |datum: &str, rect: Rect| {
        r.scene.items.iter().any(|i| {
            i.datum == Some(datum)
                && matches!(i.shape, Shape::Line { from, .. } if from.1 >= rect.y && from.1 <= rect.y + rect.h)
        })
    };
    assert!(hatched("project.advanced-manufacturing", main));
    assert!(!hatched("project.advanced-manufacturing", other));

    let r = render(Lang::En, ProjectMeasure::Count, 720.0);
    let bars = fills(&r, "project.advanced-manufacturing", 16.0);
    assert_eq!(bars.len(), 1);
    assert!(fills(&r, "project.advanced-manufacturing", 10.0).is_empty(), "one bar per domain when counting");
    let urban = fills(&r, "project.urban-renewal", 16.0)[0];
    assert!((bars[0].w / urban.w - 140.0 / 137.0).abs() < 0.02);
}

#[test]
fn derived_figures_match_hand_computed_sums_and_are_labelled_as_derived() {
    // 4205+1021+764+3747+751+221+3122+392+968+1957 = 17148; 2970+870+474+1375+349+201+2079+347+715+1249 = 10629;
    // 140+44+27+51+40+15+137+41+53+104 = 652.
    let r = render(Lang::Zh, ProjectMeasure::Total, 720.0);
    let rows = &r.table.rows;
    assert_eq!(rows.len(), DOMAINS + 2);
    assert_eq!(rows[DOMAINS], vec!["合计（10个领域相加，计算值）", "652个", "17148亿元", "10629亿元", "62%", "专栏5"]);
    assert_eq!(rows[DOMAINS + 1], vec!["合计（规划表述）", "652个", "约1.7万亿元", "超1万亿元", "—", "专栏5"]);
    assert_eq!(rows[0], vec!["先进制造业基地", "140个", "4205亿元", "2970亿元", "71%", "专栏5"]);
    assert!(r.table.columns.contains(&"五年计划投资占总投资（计算值）".to_string()));
    let en = render(Lang::En, ProjectMeasure::Total, 720.0);
    assert_eq!(en.table.rows[DOMAINS][0], "Total (sum of the 10 domains, computed)");
    assert_eq!(&en.table.rows[DOMAINS + 1][1..4], ["652 projects", "about CNY 1.7 trn", "over CNY 1 trn"]);
    for row in r.table.rows.iter().chain(&en.table.rows) {
        assert_eq!(row.len(), r.table.columns.len());
    }
}

#[test]
fn tooltips_give_the_figures_the_section_and_the_plan_wording() {
    let r = render(Lang::Zh, ProjectMeasure::Total, 720.0);
    assert_eq!(r.tooltips.len(), r.scene.regions.len());
    let tip = &r.tooltips[index_of(&r, "project.advanced-manufacturing")];
    assert_eq!(tip.title, "先进制造业基地");
    let text = lines(tip);
    for expected in [
        "重大项目=140个",
        "总投资=4205亿元",
        "五年计划完成投资=2970亿元",
        "五年计划投资占总投资（计算值）=71%",
        "出处=专栏5",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
    assert!(text.contains("安排重大项目140个，总投资4205亿元，五年计划完成投资2970亿元"), "{text}");

    let en = render(Lang::En, ProjectMeasure::FiveYear, 320.0);
    let tip = &en.tooltips[index_of(&en, "project.transport")];
    assert_eq!(tip.title, "Transport (building a strong transport province)");
    let text = lines(tip);
    assert!(text.contains("Major projects=51 projects") && text.contains("Total investment=CNY 374.7 bn"), "{text}");
    assert!(
        text.contains("Planned for 2026–2030=CNY 137.5 bn") && text.contains("=37%") && text.contains("Source=Box 5"),
        "{text}"
    );

    let total = &r.tooltips[index_of(&r, "project-total.total-investment")];
    assert_eq!(total.title, "合计：总投资");
    assert_eq!(total.lines[0], ("规划表述".to_string(), "约1.7万亿元".to_string()));
    assert_eq!(total.lines[1], ("10个领域相加（计算值）".to_string(), "17148亿元".to_string()));
    assert!(lines(total).contains("总投资约1.7万亿元"));
    let five = &en.tooltips[index_of(&en, "project-total.five-year-investment")];
    assert_eq!(five.lines[0].1, "over CNY 1 trn");
    assert_eq!(five.lines[1], ("Sum of the 10 domains (computed)".to_string(), "CNY 1.06 trn".to_string()));
}

#[test]
fn the_pointer_finds_the_bars_and_the_totals() {
    for (width, lang) in [(720.0, Lang::Zh), (320.0, Lang::En), (1200.0, Lang::En)] {
        let r = render(lang, ProjectMeasure::Total, width);
        for datum in ["project.culture-tourism", "project-total.five-year-investment"] {
            let index = index_of(&r, datum);
            let mark = r.scene.regions[index].mark;
            assert_eq!(
                hit_test(&r.scene, mark.x + mark.w / 2.0, mark.y + mark.h / 2.0),
                Some(index),
                "{datum} at {width}"
            );
        }
        // Rows do not overlap: each region's hit box starts below the one before.
        for pair in r.scene.regions.windows(2) {
            assert!(pair[1].hit.y >= pair[0].hit.y + pair[0].hit.h - 0.01, "{:?}", pair);
        }
    }
}

#[test]
fn the_text_alternative_names_the_extremes_and_the_totals() {
    let zh = render(Lang::Zh, ProjectMeasure::Total, 720.0).alt;
    for expected in [
        "按总投资从大到小",
        "先进制造业基地，4205亿元",
        "清洁能源保供，221亿元",
        "17148亿元",
        "10629亿元",
        "约1.7万亿元",
        "超1万亿元",
        "计算值",
    ] {
        assert!(zh.contains(expected), "{expected} not in {zh}");
    }
    let count = render(Lang::En, ProjectMeasure::Count, 720.0).alt;
    for expected in [
        "by number of projects",
        "Advanced manufacturing bases, 140 projects",
        "Clean energy supply, 15 projects",
        "(computed) 652 projects",
        "about CNY 1.7 trn",
    ] {
        assert!(count.contains(expected), "{expected} not in {count}");
    }
    let r = render(Lang::En, ProjectMeasure::FiveYear, 720.0);
    assert!(r.alt.contains("Clean energy supply, CNY 20.1 bn"), "{}", r.alt);
    assert_eq!(r.source, "Source: Outline of Shaoxing's 15th Five-Year Plan (2026–2030), Box 5");
    assert_eq!(render(Lang::Zh, ProjectMeasure::Count, 720.0).source, "来源：绍兴市“十五五”规划纲要 专栏5");
}

#[test]
fn csv_has_domains_computed_sums_and_stated_totals_with_provenance() {
    let csv = CHART.csv(&Options::default());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + DOMAINS + 1 + TOTALS.len());
    assert_eq!(
        lines[0],
        "id,row,number,name_zh,name_en,projects,total_investment,five_year_investment,investment_unit_zh,investment_unit_en,\
five_year_share_of_total,qualifier_zh,qualifier_en,stated_zh,stated_en,section,quote,reported_year,reported_value,reported_share_of_target"
    );
    assert_eq!(
        lines[1],
        "project.advanced-manufacturing,domain,1,先进制造业基地,Advanced manufacturing bases,140,4205,2970,亿元,CNY 100 million,0.7063,,,,,\
专栏5,先进制造业基地领域。安排重大项目140个，总投资4205亿元，五年计划完成投资2970亿元,,,"
    );
    assert!(lines[2].starts_with("project.transport,domain,4,"), "sorted by total investment: {}", lines[2]);
    assert_eq!(lines[11], "project-total.computed-sum,computed-sum,,10个领域相加（计算值）,Sum of the 10 domains (computed),652,17148,10629,亿元,CNY 100 million,0.6198,,,,,专栏5,,,,");
    assert_eq!(lines[12], "project-total.projects,stated-total,,重大项目,Major projects,652,,,,,,,,652个,652 projects,专栏5,共652个重大项目,,,");
    assert_eq!(
        lines[13],
        "project-total.total-investment,stated-total,,总投资,Total investment,,17000,,亿元,CNY 100 million,,约,about,约1.7万亿元,about CNY 1.7 trn,专栏5,总投资约1.7万亿元,,,"
    );
    assert!(
        lines[14].starts_with("project-total.five-year-investment,stated-total,,“十五五”计划投资,"),
        "{}",
        lines[14]
    );
    assert!(
        lines[14].contains(",,,10000,亿元,CNY 100 million,,超,over,超1万亿元,over CNY 1 trn,专栏5,"),
        "{}",
        lines[14]
    );
    // The CSV follows the chosen order.
    let count = CHART.csv(&options(Lang::Zh, ProjectMeasure::Count));
    assert!(count.split("\r\n").nth(2).unwrap().starts_with("project.urban-renewal,"), "{count}");
}

fn report(year: f64, value: f64) -> OptionValue {
    OptionValue::Map(vec![("year".into(), OptionValue::Number(year)), ("value".into(), OptionValue::Number(value))])
}

fn with_actuals(measure: &str, reports: Vec<(&str, Vec<OptionValue>)>) -> Options {
    let actuals =
        OptionValue::Map(reports.into_iter().map(|(id, list)| (id.to_string(), OptionValue::List(list))).collect());
    CHART
        .options(
            &Options::default(),
            &[("measure".into(), OptionValue::Text(measure.into())), ("actuals".into(), actuals)],
        )
        .unwrap()
}

#[test]
fn reported_investment_is_drawn_on_the_five_year_bar_with_the_share_covered() {
    let options = with_actuals(
        "total",
        vec![("project.advanced-manufacturing", vec![report(2026.0, 600.0), report(2027.0, 1485.0)])],
    );
    let r = render_with(&options, 720.0);
    let index = index_of(&r, "project.advanced-manufacturing");
    let text = lines(&r.tooltips[index]);
    assert!(text.contains("最新实际值=2027年：1485亿元（已完成目标进程的50%）"), "{text}");
    // The reported bar runs along the five-year bar (10 px in total mode) to half its length.
    let five = fills(&r, "project.advanced-manufacturing", 10.0)[0];
    let mark = fills(&r, "project.advanced-manufacturing", 4.0);
    assert_eq!(mark.len(), 1);
    assert!((mark[0].w / five.w - 0.5).abs() < 0.01, "{} of {}", mark[0].w, five.w);
    assert!((mark[0].y + 2.0 - (five.y + five.h / 2.0)).abs() < 0.01, "centred on the five-year bar");
    assert!(texts(&r).contains(&"已完成投资（最新实际值）".to_string()), "legend entry");
    let en = render_with(&Options { lang: Lang::En, ..options.clone() }, 720.0);
    assert!(texts(&en).contains(&"Invested so far (reported)".to_string()));
    assert!(r.table.columns.contains(&"最新实际值".to_string()));
    assert!(r.table.rows[0].contains(&"2027年：1485亿元（已完成目标进程的50%）".to_string()));
    let csv = CHART.csv(&options);
    assert!(
        csv.lines().any(|l| l.starts_with("project.advanced-manufacturing,") && l.ends_with(",2027,1485,0.5")),
        "{csv}"
    );
    // Domains without a report show none.
    assert!(fills(&r, "project.transport", 4.0).is_empty());

    // With five-year chosen, the mark sits on the tall five-year bar.
    let options = with_actuals("five-year", vec![("project.urban-renewal", vec![report(2028.0, 1663.2)])]);
    let r = render_with(&options, 720.0);
    let five = fills(&r, "project.urban-renewal", 16.0)[0];
    let mark = fills(&r, "project.urban-renewal", 4.0)[0];
    assert!((mark.w / five.w - 0.8).abs() < 0.01, "{} of {}", mark.w, five.w);
    assert!(
        lines(&r.tooltips[index_of(&r, "project.urban-renewal")]).contains("2028年：1663.2亿元（已完成目标进程的80%）")
    );

    // Counting projects has no money axis: the report is in the tooltip and table, not drawn.
    let options = with_actuals("count", vec![("project.advanced-manufacturing", vec![report(2027.0, 1485.0)])]);
    let r = render_with(&options, 720.0);
    assert!(fills(&r, "project.advanced-manufacturing", 4.0).is_empty());
    assert!(!texts(&r).contains(&"已完成投资（最新实际值）".to_string()));
    assert!(lines(&r.tooltips[index_of(&r, "project.advanced-manufacturing")]).contains("已完成目标进程的50%"));
}

#[test]
fn a_report_beyond_the_plan_stretches_the_axis_and_stays_inside() {
    let options = with_actuals("total", vec![("project.clean-energy", vec![report(2030.0, 9000.0)])]);
    for width in [260.0, 720.0] {
        let r = render_with(&options, width);
        assert_inside(&r.scene, "report of 9000");
        let mark = fills(&r, "project.clean-energy", 4.0)[0];
        let total = fills(&r, "project.advanced-manufacturing", if width < 480.0 { 14.0 } else { 16.0 })[0];
        assert!(mark.w > total.w * 2.0, "9000 is more than twice 4205: {} vs {}", mark.w, total.w);
    }
    assert!(lines(&render_with(&options, 720.0).tooltips[DOMAINS - 1]).contains("9000亿元"));
}

#[test]
fn options_are_checked_with_clear_messages() {
    let set = |key: &str, value: OptionValue| CHART.options(&Options::default(), &[(key.to_string(), value)]);
    assert_eq!(set("measure", OptionValue::Text("five-year".into())).unwrap().measure, ProjectMeasure::FiveYear);
    assert_eq!(set("measure", OptionValue::Text("count".into())).unwrap().measure, ProjectMeasure::Count);
    assert_eq!(
        set("measure", OptionValue::Text("sum".into())).unwrap_err().to_string(),
        "Option \"measure\" must be one of \"total\", \"five-year\", \"count\"; got \"sum\" (a string)."
    );
    assert_eq!(
        set("measure", OptionValue::Number(1.0)).unwrap_err().to_string(),
        "Option \"measure\" must be one of \"total\", \"five-year\", \"count\"; got 1 (a number)."
    );
    assert_eq!(
        set("sort", OptionValue::Text("value".into())).unwrap_err().to_string(),
        "Unknown option \"sort\" for chart \"major-projects\". Allowed options: lang, theme, measure, actuals."
    );
    let actuals = |id: &str| OptionValue::Map(vec![(id.to_string(), OptionValue::List(vec![report(2026.0, 1.0)]))]);
    let e = set("actuals", actuals("cluster.new-materials")).unwrap_err().to_string();
    assert!(e.starts_with("Option \"actuals\" names \"cluster.new-materials\", which is not a target of chart \"major-projects\". Its targets: project.advanced-manufacturing, project.sci-tech-foundations,"), "{e}");
    assert!(e.ends_with("project.public-facilities."), "{e}");
    // The stated totals are not targets that progress is reported against.
    assert!(set("actuals", actuals("project-total.total-investment")).is_err());
    assert_eq!(CHART.targets().len(), DOMAINS);
}

#[test]
fn every_measure_fits_from_phone_to_desktop_with_and_without_reports() {
    let reports = vec![
        ("project.advanced-manufacturing", vec![report(2027.0, 1485.0)]),
        ("project.clean-energy", vec![report(2027.0, 260.0)]),
    ];
    for measure in ["total", "five-year", "count"] {
        let with = with_actuals(measure, reports.clone());
        for lang in [Lang::Zh, Lang::En] {
            for base in [Options { actuals: vec![], ..with.clone() }, with.clone()] {
                let options = Options { lang, ..base };
                for width in [260.0, 286.0, 320.0, 375.0, 479.0, 480.0, 600.0, 720.0, 1024.0, 1200.0] {
                    let theme = Theme::get(ThemeName::Light);
                    let r = CHART.render(&options, theme, width, &FixedMetrics);
                    let what = format!("{measure} {lang:?} actuals={} at {width}px", !options.actuals.is_empty());
                    assert_inside(&r.scene, &what);
                    assert_inside(&with_captions(&r, theme, &FixedMetrics), &what);
                    assert_eq!(r.tooltips.len(), r.scene.regions.len(), "{what}");
                    assert_eq!(r.scene.regions.len(), DOMAINS + TOTALS.len(), "{what}");
                }
            }
        }
    }
}

/// Golden pictures of the measures and states that tests/golden.rs (default options) does not draw.
#[test]
fn other_measures_match_their_golden_svgs() {
    let cases = [
        ("major-projects.zh.light.wide.five-year-actuals", Lang::Zh, "five-year", 720.0, true),
        ("major-projects.en.light.narrow.count", Lang::En, "count", 360.0, false),
        ("major-projects.en.dark.wide.total-actuals", Lang::En, "total", 720.0, true),
    ];
    let mut failures = Vec::new();
    for (name, lang, measure, width, reports) in cases {
        let list = if reports {
            vec![
                ("project.advanced-manufacturing", vec![report(2026.0, 600.0), report(2027.0, 1485.0)]),
                ("project.clean-energy", vec![report(2027.0, 260.0)]),
            ]
        } else {
            vec![]
        };
        let mut options = Options { lang, ..with_actuals(measure, list) };
        if name.contains(".dark.") {
            options.theme = shaoxing_plan_charts::chart::ThemeChoice::Dark;
        }
        let theme = Theme::get(options.theme.resolve(false));
        let r = CHART.render(&options, theme, width, &FixedMetrics);
        failures.extend(check_golden(name, &export_rendered(&r, theme)));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
