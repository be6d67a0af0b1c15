//! The infrastructure-targets chart: physical targets in panels by unit, as the plan states them.

use shaoxing_plan_charts::chart::{ChartKind, OptionValue, Options, Rendered};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::hit::hit_test;
use shaoxing_plan_charts::scene::{Rect, Shape};
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Theme, ThemeName};

const ORDER: [&str; 7] = [
    "transport.rail-conventional-km",
    "transport.rail-high-speed-km",
    "transport.metro-km",
    "transport.expressway-km",
    "energy.new-storage-capacity-2027",
    "energy.solar-new-capacity",
    "energy.public-charging-points",
];

fn render_with(options: &Options, width: f64) -> Rendered {
    ChartKind::InfrastructureTargets.render(options, Theme::get(ThemeName::Light), width, &FixedMetrics)
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

fn mark(r: &Rendered, datum: &str) -> Rect {
    r.scene.regions.iter().find(|x| x.datum == datum).expect("a region").mark
}

fn tooltip(r: &Rendered, datum: &str) -> String {
    let index = r.scene.regions.iter().position(|x| x.datum == datum).expect("a region");
    let tip = &r.tooltips[index];
    format!("{} | {}", tip.title, tip.lines.iter().map(|(l, v)| format!("{l}: {v}")).collect::<Vec<_>>().join(" | "))
}

#[test]
fn bars_carry_the_figures_as_stated_in_panels_by_unit() {
    let zh = texts(&render(Lang::Zh, 720.0));
    for stated in [
        "180.5公里",
        "240.1公里",
        "超100公里",
        "662公里",
        "破百万千瓦†",
        "力争290万千瓦",
        "超过1.8万个",
        "单位：公里",
        "单位：万千瓦",
        "单位：万个",
    ] {
        assert!(zh.contains(&stated.to_string()), "{stated} in {zh:?}");
    }
    let en = texts(&render(Lang::En, 720.0));
    for stated in [
        "180.5 km",
        "over 100 km",
        "662 km",
        "over 1 GW†",
        "striving for 2.9 GW",
        "over 18,000 charging points",
        "Unit: km",
        "Unit: MW",
        "Unit: charging points",
    ] {
        assert!(en.contains(&stated.to_string()), "{stated} in {en:?}");
    }
    // Headings come in the order of the panels.
    let headings: Vec<&String> = zh.iter().filter(|t| t.starts_with("单位：")).collect();
    assert_eq!(headings, ["单位：公里", "单位：万千瓦", "单位：万个"]);
    // Qualified figures are never bare numbers.
    for bare in ["100公里", "290万千瓦", "1.8万个", "百万千瓦"] {
        assert!(!zh.contains(&bare.to_string()), "{bare}");
    }
}

#[test]
fn one_region_per_physical_target_in_the_plans_order() {
    for width in [260.0, 720.0] {
        let r = render(Lang::Zh, width);
        let order: Vec<&str> = r.scene.regions.iter().map(|x| x.datum).collect();
        assert_eq!(order, ORDER);
        assert_eq!(r.tooltips.len(), 7);
    }
    assert_eq!(ChartKind::InfrastructureTargets.targets(), ORDER);
}

#[test]
fn each_unit_has_its_own_axis() {
    let r = render(Lang::Zh, 720.0);
    let w = |id| mark(&r, id).w;
    // Within a panel, bars are proportional: 662 / 180.5.
    let ratio = w("transport.expressway-km") / w("transport.rail-conventional-km");
    assert!((ratio - 662.0 / 180.5).abs() < 0.05, "{ratio}");
    assert!((w("energy.solar-new-capacity") / w("energy.new-storage-capacity-2027") - 2.9).abs() < 0.05);
    // Across panels they are not: the one charging-point bar fills most of its own axis although
    // 1.8 is far smaller than 662.
    assert!(w("energy.public-charging-points") > 0.6 * w("transport.expressway-km"));
    // Each panel has its own tick labels starting at zero.
    assert_eq!(texts(&r).iter().filter(|t| *t == "0").count(), 3);
}

#[test]
fn figures_not_for_2030_say_so_and_are_hatched() {
    let zh = texts(&render(Lang::Zh, 720.0));
    assert!(zh.contains(&"新型储能容量（2027年）".to_string()), "{zh:?}");
    assert!(zh.iter().any(|t| t.starts_with("累计开通城市轨道交通")), "{zh:?}");
    assert!(zh.join("").contains("累计开通城市轨道交通里程（未注年份）"));
    assert!(zh.contains(&"其他年份或未注年份".to_string()));
    let r = render(Lang::Zh, 720.0);
    let hatching = |id: &str| {
        r.scene.items.iter().filter(|i| i.datum == Some(id) && matches!(i.shape, Shape::Line { .. })).count()
    };
    assert!(hatching("energy.new-storage-capacity-2027") > 3);
    assert!(hatching("transport.metro-km") > 3);
    assert_eq!(hatching("transport.expressway-km"), 0);
    let en = texts(&render(Lang::En, 1200.0));
    assert!(en.contains(&"New-type energy storage capacity (2027)".to_string()), "{en:?}");
    assert!(en.contains(&"Urban rail transit in operation (cumulative) (no year stated)".to_string()), "{en:?}");
}

#[test]
fn tooltips_name_the_target_its_year_and_the_plans_words() {
    let r = render(Lang::Zh, 720.0);
    let storage = tooltip(&r, "energy.new-storage-capacity-2027");
    assert!(storage.starts_with("新型储能容量 | 2027年目标: 破百万千瓦 | 类别: 能源"), "{storage}");
    assert!(storage.contains("注: 规划原文未写单位，此处按“万千瓦”理解"), "{storage}");
    assert!(storage.contains("出处: 四（三）2") && storage.contains("新型储能容量破百万城市"), "{storage}");
    let rail = tooltip(&r, "transport.rail-high-speed-km");
    assert_eq!(rail, "高速铁路里程 | 2030年目标: 240.1公里 | 类别: 交通 | 出处: 专栏7 | 规划原文: 全市普通铁路里程达 180.5 公里、高速铁路里程达 240.1 公里");
    let metro = tooltip(&r, "transport.metro-km");
    assert!(metro.contains("目标（规划未注年份）: 超100公里"), "{metro}");
    let en = render(Lang::En, 320.0);
    let solar = tooltip(&en, "energy.solar-new-capacity");
    assert!(solar.starts_with("New solar PV capacity | 2030 target: striving for 2.9 GW | Area: Energy"), "{solar}");
    assert!(solar.contains("Source: Chapter 4, section 3, item 2"), "{solar}");
    assert!(!solar.contains("Note"));
    // The pointer over a bar finds it, on a phone and a desktop.
    for r in [&en, &r] {
        for id in ORDER {
            let m = mark(r, id);
            let index = hit_test(&r.scene, m.x + m.w / 2.0, m.y + m.h / 2.0).unwrap();
            assert_eq!(r.scene.regions[index].datum, id);
        }
    }
}

#[test]
fn texts_table_and_csv() {
    let r = render(Lang::Zh, 720.0);
    assert_eq!(r.source, "来源：绍兴市“十五五”规划纲要 专栏7、四（三）2");
    assert!(r.alt.contains("7项基础设施实物目标，分为3组"), "{}", r.alt);
    assert!(r.alt.contains("最大为高速公路总里程662公里，最小为累计开通城市轨道交通里程超100公里"), "{}", r.alt);
    assert!(r.alt.contains("数值不相加"), "{}", r.alt);
    let en = render(Lang::En, 720.0);
    assert!(en.alt.contains("in km (4 targets): largest Total expressway length, 662 km; smallest"), "{}", en.alt);
    assert_eq!(
        en.source,
        "Source: Outline of Shaoxing's 15th Five-Year Plan (2026–2030), Box 7; Chapter 4, section 3, item 2"
    );
    assert_eq!(r.table.columns, ["指标", "年份", "目标（规划所述）", "单位", "类别", "出处"]);
    assert_eq!(r.table.rows.len(), 7);
    assert_eq!(r.table.rows[2], ["累计开通城市轨道交通里程", "未注年份", "超100公里", "公里", "交通", "专栏7"]);
    assert_eq!(r.table.rows[6], ["公共充电桩", "2030", "超过1.8万个", "万个", "能源", "四（三）2"]);

    let csv = ChartKind::InfrastructureTargets.csv(&Options::default());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(lines[0], "id,group,name_zh,name_en,year,value,unit_zh,unit_en,qualifier_zh,qualifier_en,stated_zh,stated_en,section,quote,reported_year,reported_value,reported_share_of_target");
    assert_eq!(lines[2], "transport.rail-high-speed-km,transport,高速铁路里程,High-speed railway length,2030,240.1,公里,km,,,240.1公里,240.1 km,专栏7,全市普通铁路里程达 180.5 公里、高速铁路里程达 240.1 公里,,,");
    assert!(lines[3].starts_with("transport.metro-km,transport,累计开通城市轨道交通里程,Urban rail transit in operation (cumulative),,100,公里,km,超,over,超100公里,over 100 km,专栏7,"), "{}", lines[3]);
}

fn with_actuals(id: &str, year: f64, value: f64) -> Result<Options, shaoxing_plan_charts::Error> {
    let report = OptionValue::Map(vec![
        ("year".into(), OptionValue::Number(year)),
        ("value".into(), OptionValue::Number(value)),
    ]);
    let actuals = OptionValue::Map(vec![(id.into(), OptionValue::List(vec![report]))]);
    ChartKind::InfrastructureTargets.options(&Options::default(), &[("actuals".into(), actuals)])
}

#[test]
fn reported_values_are_drawn_on_the_bar_with_the_share_covered() {
    let options = with_actuals("transport.expressway-km", 2027.0, 600.0).unwrap();
    let r = render_with(&options, 720.0);
    let t = tooltip(&r, "transport.expressway-km");
    assert!(t.contains("最新实际值: 2027年：600公里（已完成目标进程的91%）"), "{t}");
    let bar = mark(&r, "transport.expressway-km");
    let reported: Vec<f64> = r
        .scene
        .items
        .iter()
        .filter(|i| i.datum == Some("transport.expressway-km"))
        .filter_map(|i| if let Shape::Fill { rect, .. } = i.shape { (rect.h == 4.0).then_some(rect.w) } else { None })
        .collect();
    assert_eq!(reported.len(), 1);
    assert!((reported[0] / bar.w - 600.0 / 662.0).abs() < 0.01);
    assert!(texts(&r).contains(&"最新实际值".to_string()));
    assert_eq!(r.table.columns[3], "最新实际值");
    assert_eq!(r.table.rows[3][3], "2027年：600公里（已完成目标进程的91%）");
    assert_eq!(r.table.rows[0][3], "—");
    let csv = ChartKind::InfrastructureTargets.csv(&options);
    assert!(csv.lines().any(|l| l.starts_with("transport.expressway-km,") && l.ends_with(",2027,600,0.9063")), "{csv}");
    // Charging points are reported in the plan's unit, 万个.
    let r = render_with(&with_actuals("energy.public-charging-points", 2026.0, 1.2).unwrap(), 720.0);
    assert!(tooltip(&r, "energy.public-charging-points").contains("2026年：1.2万个（已完成目标进程的67%）"));
    // A report beyond the target stays inside the plot, on a phone too.
    for width in [260.0, 720.0] {
        let r = render_with(&with_actuals("energy.solar-new-capacity", 2030.0, 900.0).unwrap(), width);
        for item in &r.scene.items {
            if let Shape::Fill { rect, .. } = item.shape {
                assert!(rect.x + rect.w <= width, "{rect:?}");
            }
        }
        // The stated figure moves past the reported mark rather than under it.
        let reported_end =
            r.scene.items.iter().filter(|i| i.datum == Some("energy.solar-new-capacity")).filter_map(|i| {
                match i.shape {
                    Shape::Fill { rect, .. } if rect.h == 4.0 => Some(rect.x + rect.w),
                    _ => None,
                }
            });
        let reported_end = reported_end.fold(0.0, f64::max);
        let label_x = r.scene.items.iter().find_map(|i| match &i.shape {
            Shape::Text { text, at, .. } if text == "力争290万千瓦" => Some(at.0),
            _ => None,
        });
        assert!(label_x.unwrap() > reported_end, "{label_x:?} {reported_end}");
    }
}

#[test]
fn options_are_validated() {
    let e = with_actuals("urban.high-quality-showcases", 2026.0, 10.0).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("Option \"actuals\" names \"urban.high-quality-showcases\", which is not a target of chart \"infrastructure-targets\". Its targets: {}.", ORDER.join(", "))
    );
    let e = with_actuals("transport.metro-km", 2024.0, 10.0).unwrap_err();
    assert!(e.to_string().contains("year must be a whole number from 2025 to 2035"), "{e}");
    let e = with_actuals("transport.metro-km", 2026.0, f64::NAN).unwrap_err();
    assert!(e.to_string().contains("value must be a finite number"), "{e}");
    let e = ChartKind::InfrastructureTargets
        .options(&Options::default(), &[("sort".into(), OptionValue::Text("value".into()))])
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Unknown option \"sort\" for chart \"infrastructure-targets\". Allowed options: lang, theme, actuals."
    );
}

#[test]
fn a_unit_the_plan_leaves_out_is_marked_and_explained_under_the_chart() {
    for (lang, value, note) in [
        (Lang::Zh, "破百万千瓦†", "† 新型储能容量：规划原文未写单位，此处按“万千瓦”理解"),
        (
            Lang::En,
            "over 1 GW†",
            "† New-type energy storage capacity: The plan writes no unit here; read as 万千瓦 (10 MW)",
        ),
    ] {
        let r = render(lang, 720.0);
        let all = texts(&r);
        assert!(all.iter().any(|t| t == value), "{all:?}");
        assert!(all.join(" ").contains(note), "{all:?}");
        // Only the storage figure is marked.
        assert_eq!(all.iter().filter(|t| t.ends_with('†')).count(), 1, "{all:?}");
    }
}
