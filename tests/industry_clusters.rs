//! The industry-clusters chart: what it says, in which order, and what the pointer finds.

use shaoxing_plan_charts::chart::{ChartKind, OptionValue, Options, Sort, ThemeChoice};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::hit::hit_test;
use shaoxing_plan_charts::scene::Shape;
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Theme, ThemeName};

fn render(lang: Lang, sort: Sort, width: f64) -> shaoxing_plan_charts::chart::Rendered {
    let options = Options { lang, theme: ThemeChoice::Light, sort, ..Options::default() };
    ChartKind::IndustryClusters.render(&options, Theme::get(ThemeName::Light), width, &FixedMetrics)
}

fn texts(r: &shaoxing_plan_charts::chart::Rendered) -> Vec<String> {
    r.scene
        .items
        .iter()
        .filter_map(|i| if let Shape::Text { text, .. } = &i.shape { Some(text.clone()) } else { None })
        .collect()
}

#[test]
fn bars_carry_the_target_as_stated() {
    let zh = texts(&render(Lang::Zh, Sort::Plan, 720.0));
    assert!(zh.contains(&"突破3500亿元".to_string()), "{zh:?}");
    assert!(zh.contains(&"新材料".to_string()));
    assert!(zh.contains(&"传统产业集群".to_string()) && zh.contains(&"新兴产业集群".to_string()));
    assert!(zh.contains(&"单位：亿元".to_string()));
    let en = texts(&render(Lang::En, Sort::Plan, 720.0));
    assert!(en.contains(&"over CNY 350 bn".to_string()), "{en:?}");
    assert!(en.contains(&"New materials".to_string()) || en.iter().any(|t| t.starts_with("New materials")), "{en:?}");
    assert!(en.contains(&"Unit: CNY bn".to_string()));
    // No bare number stands for a qualified target.
    assert!(!zh.contains(&"3500".to_string()) && !en.contains(&"350".to_string()));
}

#[test]
fn sorting_by_value_puts_the_largest_first_and_keeps_plan_order_for_ties() {
    let r = render(Lang::Zh, Sort::Value, 720.0);
    let order: Vec<&str> = r.scene.regions.iter().map(|r| r.datum).collect();
    assert_eq!(order[0], "cluster.new-materials");
    assert_eq!(order[1], "cluster.modern-textiles");
    assert_eq!(order[9], "cluster.new-energy");
    let plan: Vec<&str> = render(Lang::Zh, Sort::Plan, 720.0).scene.regions.iter().map(|r| r.datum).collect();
    assert_eq!(plan[0], "cluster.modern-textiles");
    assert_eq!(plan[2], "cluster.integrated-circuits");
    // 绿色化工 and 集成电路 both target 1400: plan order between them.
    let green = order.iter().position(|d| *d == "cluster.green-chemicals").unwrap();
    let chips = order.iter().position(|d| *d == "cluster.integrated-circuits").unwrap();
    assert!(green < chips);
    // Value order has no group headings: the hatching and legend tell the groups apart.
    assert_eq!(texts(&r).iter().filter(|t| *t == "传统产业集群").count(), 1);
}

#[test]
fn bar_lengths_are_proportional_to_the_targets() {
    let r = render(Lang::En, Sort::Plan, 720.0);
    let width = |id: &str| r.scene.regions.iter().find(|x| x.datum == id).unwrap().mark.w;
    let ratio = width("cluster.new-materials") / width("cluster.new-energy");
    assert!((ratio - 3500.0 / 300.0).abs() < 0.6, "ratio {ratio}");
}

#[test]
fn the_pointer_finds_the_bar_and_its_tooltip() {
    for (width, lang) in [(720.0, Lang::Zh), (320.0, Lang::En)] {
        let r = render(lang, Sort::Plan, width);
        let index = r.scene.regions.iter().position(|x| x.datum == "cluster.new-materials").unwrap();
        let mark = r.scene.regions[index].mark;
        assert_eq!(hit_test(&r.scene, mark.x + mark.w / 2.0, mark.y + mark.h / 2.0), Some(index));
        let tip = &r.tooltips[index];
        let all = format!("{} {:?}", tip.title, tip.lines);
        assert!(all.contains("3500") || all.contains("350 bn"), "{all}");
        assert!(all.contains(if lang == Lang::Zh { "柯桥区" } else { "Keqiao" }), "{all}");
        assert!(all.contains(if lang == Lang::Zh { "碳纤维" } else { "arbon fibre" }), "{all}");
    }
}

#[test]
fn the_text_alternative_and_table_describe_the_data() {
    let r = render(Lang::Zh, Sort::Plan, 720.0);
    assert!(r.alt.contains("新材料") && r.alt.contains("突破3500亿元") && r.alt.contains("新能源"), "{}", r.alt);
    assert!(r.alt.contains("14050亿元"), "{}", r.alt);
    assert_eq!(r.table.rows.len(), 10);
    assert_eq!(r.table.columns.len(), r.table.rows[0].len());
    assert_eq!(r.source, "来源：绍兴市“十五五”规划纲要 专栏1、二（一）1");
    let en = render(Lang::En, Sort::Plan, 720.0);
    assert!(
        en.alt.contains("CNY 1,405 bn") || en.alt.contains("CNY 1.41 trn") || en.alt.contains("CNY 1.4"),
        "{}",
        en.alt
    );
}

#[test]
fn csv_has_provenance_columns_and_one_row_per_cluster() {
    let csv = ChartKind::IndustryClusters.csv(&Options::default());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 11);
    assert!(lines[0].starts_with("id,group,name_zh,name_en,year,value,unit_zh"));
    assert!(lines[0].ends_with("section,quote,reported_year,reported_value,reported_share_of_target"));
    let new_materials = lines.iter().find(|l| l.starts_with("cluster.new-materials,")).unwrap();
    assert!(
        new_materials.contains(",3500,亿元,CNY 100 million,突破,over,突破3500亿元,over CNY 350 bn,"),
        "{new_materials}"
    );
    assert!(new_materials.contains(",专栏1,"), "{new_materials}");
}

fn with_actuals(value: f64) -> Options {
    let report = OptionValue::Map(vec![
        ("year".into(), OptionValue::Number(2027.0)),
        ("value".into(), OptionValue::Number(value)),
    ]);
    let actuals = OptionValue::Map(vec![("cluster.new-materials".into(), OptionValue::List(vec![report]))]);
    ChartKind::IndustryClusters.options(&Options::default(), &[("actuals".into(), actuals)]).unwrap()
}

#[test]
fn reported_values_are_drawn_against_the_target_with_the_share_covered() {
    let options = with_actuals(2100.0);
    let r = ChartKind::IndustryClusters.render(&options, Theme::get(ThemeName::Light), 720.0, &FixedMetrics);
    let index = r.scene.regions.iter().position(|x| x.datum == "cluster.new-materials").unwrap();
    let line = r.tooltips[index].lines.iter().find(|(label, _)| label == "最新实际值").expect("a progress line");
    assert_eq!(line.1, "2027年：2100亿元（已完成目标进程的60%）");
    // The reported bar is 60% of the target bar.
    let mark = r.scene.regions[index].mark;
    let bars: Vec<f64> = r
        .scene
        .items
        .iter()
        .filter(|i| i.datum == Some("cluster.new-materials"))
        .filter_map(|i| if let Shape::Fill { rect, .. } = i.shape { (rect.h == 4.0).then_some(rect.w) } else { None })
        .collect();
    assert_eq!(bars.len(), 1);
    assert!((bars[0] / mark.w - 0.6).abs() < 0.01, "{} of {}", bars[0], mark.w);
    assert!(texts(&r).contains(&"最新实际值".to_string()));
    assert!(r.table.columns.contains(&"最新实际值".to_string()));
    let csv = ChartKind::IndustryClusters.csv(&options);
    assert!(csv.lines().any(|l| l.starts_with("cluster.new-materials,") && l.ends_with(",2027,2100,0.6")), "{csv}");
}

#[test]
fn a_reported_value_beyond_the_target_stays_inside_the_plot() {
    let r =
        ChartKind::IndustryClusters.render(&with_actuals(5200.0), Theme::get(ThemeName::Light), 320.0, &FixedMetrics);
    for item in &r.scene.items {
        if let Shape::Fill { rect, .. } = item.shape {
            assert!(rect.x + rect.w <= r.scene.width, "{rect:?}");
        }
    }
}

#[test]
fn a_selected_district_outlines_the_clusters_it_develops() {
    let selected = OptionValue::Text("district.shangyu".into());
    let options = ChartKind::IndustryClusters.options(&Options::default(), &[("selected".into(), selected)]).unwrap();
    let r = ChartKind::IndustryClusters.render(&options, Theme::get(ThemeName::Light), 720.0, &FixedMetrics);
    let outlined: Vec<&str> =
        r.scene.items.iter().filter(|i| matches!(i.shape, Shape::Stroke { .. })).filter_map(|i| i.datum).collect();
    assert_eq!(outlined, ["cluster.green-chemicals", "cluster.high-end-equipment", "cluster.new-materials"]);
    let bold: Vec<&str> = r
        .scene
        .items
        .iter()
        .filter_map(|i| if let Shape::Text { text, bold: true, .. } = &i.shape { Some(text.as_str()) } else { None })
        .collect();
    assert!(bold.contains(&"新材料") && !bold.contains(&"新能源"), "{bold:?}");
    let none = ChartKind::IndustryClusters
        .options(&options, &[("selected".into(), OptionValue::Other("null".into()))])
        .unwrap();
    assert_eq!(none.selected, None);
    let e = ChartKind::IndustryClusters
        .options(&options, &[("selected".into(), OptionValue::Text("x".into()))])
        .unwrap_err();
    assert!(e.to_string().starts_with(
        "A selection must be the id of a cluster, an industry or a district, or null; got \"x\" (a string)."
    ));
}
