//! The district-industries matrix: every assignment of chapter 二(一)1 is one filled cell and no other
//! cell is filled; totals, order, tooltips, table, CSV, selection and option checks.

use shaoxing_plan_charts::chart::{ChartKind, OptionValue, Options, Rendered, Sort, ThemeChoice};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::hit::hit_test;
use shaoxing_plan_charts::scene::{Rect, Rotation, Shape};
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Theme, ThemeName};

const KIND: ChartKind = ChartKind::DistrictIndustries;

fn render_with(options: &Options, width: f64) -> Rendered {
    KIND.render(options, Theme::get(ThemeName::Light), width, &FixedMetrics)
}

fn render(lang: Lang, sort: Sort, width: f64) -> Rendered {
    render_with(&Options { lang, theme: ThemeChoice::Light, sort, ..Options::default() }, width)
}

fn set(options: &Options, key: &str, value: OptionValue) -> Result<Options, String> {
    KIND.options(options, &[(key.into(), value)]).map_err(|e| e.to_string())
}

fn text(s: &str) -> OptionValue {
    OptionValue::Text(s.into())
}

/// The (district id, industry ids) of data/districts.toml, read from the file itself rather than
/// from the compiled statics.
fn assignments_in_the_data_file() -> Vec<(String, Vec<String>)> {
    let file = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/districts.toml")).unwrap();
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in file.lines() {
        if let Some(id) = line.strip_prefix("id = \"district.") {
            out.push((format!("district.{}", id.trim_end_matches('"')), Vec::new()));
        } else if let Some(list) = line.strip_prefix("industries = [") {
            let ids = list.trim_end_matches(']').split(',').map(|s| s.trim().trim_matches('"').to_string());
            out.last_mut().unwrap().1.extend(ids.filter(|s| !s.is_empty()));
        }
    }
    out
}

fn centre(r: Rect) -> (f64, f64) {
    (r.x + r.w / 2.0, r.y + r.h / 2.0)
}

/// The filled cells as (district id, industry id), found by where each mark lies: in the column of
/// a column heading, and in the row of the last row heading above it.
fn filled_cells(r: &Rendered) -> Vec<(String, String)> {
    let regions = &r.scene.regions;
    let headings: Vec<_> = regions.iter().filter(|g| !is_cell(r, g.mark)).collect();
    let columns: Vec<_> = headings.iter().filter(|g| g.hit.x > 0.0).collect();
    let rows: Vec<_> = headings.iter().filter(|g| g.hit.x == 0.0).collect();
    assert_eq!(columns.len() + rows.len(), 7 + 15);
    let mut out = Vec::new();
    for cell in regions.iter().filter(|g| is_cell(r, g.mark)) {
        let (x, y) = centre(cell.mark);
        let column = columns.iter().find(|c| x >= c.hit.x && x < c.hit.x + c.hit.w).unwrap().datum;
        let row = rows.iter().filter(|h| h.hit.y <= y).max_by(|a, b| a.hit.y.total_cmp(&b.hit.y)).unwrap().datum;
        let (district, industry) = if column.starts_with("district.") { (column, row) } else { (row, column) };
        assert_eq!(industry, cell.datum, "the mark's datum is the industry of its line");
        out.push((district.to_string(), industry.to_string()));
    }
    out
}

/// A cell's mark is a square; headings' marks are text boxes.
fn is_cell(r: &Rendered, mark: Rect) -> bool {
    r.scene.items.iter().any(|i| matches!(i.shape, Shape::Fill { rect, .. } if rect == mark))
}

#[test]
fn every_assignment_is_exactly_one_filled_cell_and_no_other_cell_is_filled() {
    let expected = assignments_in_the_data_file();
    assert_eq!(expected.len(), 7);
    let mut pairs: Vec<(String, String)> =
        expected.iter().flat_map(|(d, is)| is.iter().map(move |i| (d.clone(), i.clone()))).collect();
    pairs.sort();
    assert_eq!(pairs.len(), 23);
    let fill = Theme::get(ThemeName::Light).series[0];
    for lang in [Lang::Zh, Lang::En] {
        for sort in [Sort::Plan, Sort::Value] {
            for width in [260.0, 360.0, 479.0, 480.0, 720.0, 1200.0] {
                let r = render(lang, sort, width);
                let mut found = filled_cells(&r);
                found.sort();
                assert_eq!(found, pairs, "{lang:?} {sort:?} {width}");
                // The only other filled square in the mark colour is the legend's swatch.
                let marks = r
                    .scene
                    .items
                    .iter()
                    .filter(|i| matches!(i.shape, Shape::Fill { color, .. } if color == fill))
                    .count();
                assert_eq!(marks, 23 + 1, "{lang:?} {sort:?} {width}");
            }
        }
    }
}

#[test]
fn the_plan_sentence_and_the_data_agree() {
    // 二(一)1, word for word: the districts in the order the plan names them.
    const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/plan/shaoxing-15th-five-year-plan.zh.txt");
    let Ok(plan) = std::fs::read_to_string(PLAN) else {
        println!("SKIPPED: the plan's text is not at {PLAN}; the sentence was not checked against it.");
        return;
    };
    let plan: String = plan.chars().filter(|c| !c.is_whitespace()).collect();
    for (district, industries) in [
        ("越城区", "集成电路、低空经济、医疗器械"),
        ("柯桥区", "现代纺织、光电信息、新材料"),
        ("上虞区", "绿色化工、新材料、高端装备、具身智能"),
        ("诸暨市", "高端装备、智能视觉、航空航天"),
        ("嵊州市", "高端装备、新能源、智能家居"),
        ("新昌县", "高端装备、生物医药、低空经济"),
        ("滨海新区", "生物医药、新能源、泛半导体、智能家居"),
    ] {
        assert!(plan.contains(&format!("{district}重点发展{industries}等产业")), "{district}");
        let r = render(Lang::Zh, Sort::Plan, 720.0);
        let index = r.table.columns.iter().position(|c| c == district).unwrap();
        let named: Vec<&str> =
            r.table.rows.iter().filter(|row| row[index] == "重点发展").map(|row| row[0].as_str()).collect();
        let mut expected: Vec<&str> = industries.split('、').collect();
        expected.sort();
        let mut named = named;
        named.sort();
        assert_eq!(named, expected, "{district}");
    }
}

fn datums(r: &Rendered, prefix: &str) -> Vec<&'static str> {
    r.scene.regions.iter().map(|g| g.datum).filter(|d| d.starts_with(prefix)).collect()
}

const PLAN_INDUSTRIES: [&str; 15] = [
    "industry.modern-textiles",
    "industry.green-chemicals",
    "industry.integrated-circuits",
    "industry.pan-semiconductors",
    "industry.low-altitude-economy",
    "industry.medical-devices",
    "industry.biomedicine",
    "industry.high-end-equipment",
    "industry.new-materials",
    "industry.smart-vision",
    "industry.smart-home",
    "industry.new-energy",
    "industry.optoelectronic-information",
    "industry.embodied-ai",
    "industry.aerospace",
];

#[test]
fn plan_order_groups_industries_by_box_1_cluster_with_the_others_last() {
    let r = render(Lang::Zh, Sort::Plan, 720.0);
    let districts = datums(&r, "district.");
    assert_eq!(
        districts,
        [
            "district.yuecheng",
            "district.keqiao",
            "district.shangyu",
            "district.zhuji",
            "district.shengzhou",
            "district.xinchang",
            "district.binhai"
        ]
    );
    // Wide: the column headings come first, in order.
    assert_eq!(r.scene.regions.iter().take(15).map(|g| g.datum).collect::<Vec<_>>(), PLAN_INDUSTRIES);
    // Narrow: the row headings, in the same order.
    let narrow = render(Lang::Zh, Sort::Plan, 360.0);
    let rows: Vec<&str> = narrow
        .scene
        .regions
        .iter()
        .filter(|g| g.datum.starts_with("industry.") && g.hit.x == 0.0)
        .map(|g| g.datum)
        .collect();
    assert_eq!(rows, PLAN_INDUSTRIES);
    let zh = texts(&r);
    for heading in ["集成电路", "生物医药", "其他（专栏1未列）"] {
        assert!(zh.contains(&heading.to_string()), "{heading}: {zh:?}");
    }
    assert!(texts(&render(Lang::En, Sort::Plan, 720.0)).contains(&"Not in Box 1".to_string()));
}

#[test]
fn count_order_puts_the_most_first_and_keeps_cluster_groups_together() {
    let r = render(Lang::Zh, Sort::Value, 720.0);
    assert_eq!(
        datums(&r, "district."),
        [
            "district.shangyu",
            "district.binhai",
            "district.yuecheng",
            "district.keqiao",
            "district.zhuji",
            "district.shengzhou",
            "district.xinchang"
        ]
    );
    let columns: Vec<&str> = r.scene.regions.iter().take(15).map(|g| g.datum).collect();
    assert_eq!(
        columns,
        [
            "industry.high-end-equipment",   // 4 districts
            "industry.low-altitude-economy", // 2
            "industry.biomedicine",          // 2, with 医疗器械 (1) of its cluster
            "industry.medical-devices",
            "industry.new-materials",   // 2
            "industry.smart-home",      // 2
            "industry.new-energy",      // 2
            "industry.modern-textiles", // 1 each, in 专栏1's order
            "industry.green-chemicals",
            "industry.integrated-circuits",
            "industry.pan-semiconductors",
            "industry.smart-vision",
            "industry.optoelectronic-information", // no cluster: last
            "industry.embodied-ai",
            "industry.aerospace",
        ]
    );
    let csv = KIND.csv(&Options { sort: Sort::Value, ..Options::default() });
    let second = csv.split("\r\n").nth(1).unwrap();
    assert!(second.starts_with("district.shangyu,上虞区,Shangyu District,industry.high-end-equipment,"), "{second}");
}

fn texts(r: &Rendered) -> Vec<String> {
    r.scene
        .items
        .iter()
        .filter_map(|i| if let Shape::Text { text, .. } = &i.shape { Some(text.clone()) } else { None })
        .collect()
}

#[test]
fn totals_count_industries_per_district_and_districts_per_industry() {
    let r = render(Lang::Zh, Sort::Plan, 720.0);
    let last = r.table.rows.last().unwrap();
    assert_eq!(last[0], "产业数（计算值）");
    assert_eq!(&last[2..], ["3", "3", "4", "3", "3", "3", "4", "23"]);
    let count = |name: &str| {
        let row = r.table.rows.iter().find(|row| row[0] == name).unwrap();
        row.last().unwrap().clone()
    };
    assert_eq!(count("高端装备"), "4");
    assert_eq!(count("新材料"), "2");
    assert_eq!(count("低空经济"), "2");
    assert_eq!(count("生物医药"), "2");
    assert_eq!(count("具身智能"), "1");
    let sum: usize = r.table.rows[..15].iter().map(|row| row.last().unwrap().parse::<usize>().unwrap()).sum();
    assert_eq!(sum, 23);
    // The picture carries the same totals: the grand total, and "合计" labels.
    let t = texts(&r);
    assert!(t.contains(&"23".to_string()) && t.iter().filter(|s| *s == "合计").count() == 2, "{t:?}");
    assert_eq!(t.iter().filter(|s| *s == "4").count(), 2 + 1, "两个地区各4个产业，高端装备4个地区");
    assert!(t.contains(&"按专栏1产业集群分组；合计为计数（计算值）".to_string()));
}

#[test]
fn tooltips_name_district_industry_cluster_and_the_plan_s_words() {
    let r = render(Lang::Zh, Sort::Plan, 720.0);
    let tip = |title: &str| {
        let i = r.tooltips.iter().position(|t| t.title == title).unwrap_or_else(|| panic!("no tooltip {title}"));
        (r.scene.regions[i].clone(), r.tooltips[i].clone())
    };
    let (region, cell) = tip("越城区 · 集成电路");
    assert_eq!(region.datum, "industry.integrated-circuits");
    assert_eq!(cell.lines[0], ("专栏1集群".to_string(), "集成电路".to_string()));
    assert_eq!(
        cell.lines[1],
        ("规划原文".to_string(), "支持越城区重点发展集成电路、低空经济、医疗器械等产业".to_string())
    );
    assert_eq!(cell.lines[2], ("出处".to_string(), "二（一）1".to_string()));
    let (_, cell) = tip("滨海新区 · 泛半导体");
    assert_eq!(cell.lines[0].1, "集成电路");
    assert_eq!(cell.lines[1].1, "滨海新区重点发展生物医药、新能源、泛半导体、智能家居等产业");
    let (_, cell) = tip("上虞区 · 具身智能");
    assert_eq!(cell.lines[0].1, "其他（专栏1未列）");
    // Row headings carry the district's 专栏2 hallmark.
    let (region, district) = tip("柯桥区");
    assert_eq!(region.datum, "district.keqiao");
    let line = |t: &shaoxing_plan_charts::chart::Tooltip, label: &str| {
        t.lines.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone()).unwrap()
    };
    assert_eq!(line(&district, "专栏2 一地一特色"), "全力打造“数智轻纺城”，服务业总量力争进入全省前十");
    assert_eq!(line(&district, "重点发展产业"), "现代纺织、光电信息、新材料");
    assert_eq!(line(&district, "产业数（计算值）"), "3");
    assert_eq!(line(&district, "出处"), "二（一）1；专栏2");
    let (_, industry) = tip("高端装备");
    assert_eq!(line(&industry, "布局地区"), "上虞区、诸暨市、嵊州市、新昌县");
    assert_eq!(line(&industry, "地区数（计算值）"), "4");

    let en = render(Lang::En, Sort::Plan, 360.0);
    let i = en.tooltips.iter().position(|t| t.title == "Keqiao District · New materials").unwrap();
    assert_eq!(en.scene.regions[i].datum, "industry.new-materials");
    assert_eq!(en.tooltips[i].lines[0], ("Box 1 cluster".to_string(), "New materials".to_string()));
    assert_eq!(en.tooltips[i].lines[1].1, "柯桥区重点发展现代纺织、光电信息、新材料等产业");
    assert_eq!(en.tooltips[i].lines[2].1, "Chapter 2, section 1, item 1");
    let j = en.tooltips.iter().position(|t| t.title == "Binhai New Area").unwrap();
    assert!(en.tooltips[j].lines.contains(&(
        "Box 2 hallmark".into(),
        "Seeking to host a national pilot for reform of car distribution and consumption".into()
    )));
}

#[test]
fn regions_run_row_by_row_and_the_pointer_finds_cells_and_headings() {
    for (lang, width) in [(Lang::Zh, 720.0), (Lang::En, 720.0), (Lang::Zh, 360.0), (Lang::En, 300.0)] {
        let r = render(lang, Sort::Plan, width);
        // 15 industry headings + 7 district headings + 23 cells.
        assert_eq!(r.scene.regions.len(), 45);
        assert_eq!(r.tooltips.len(), 45);
        for (index, region) in r.scene.regions.iter().enumerate() {
            let (x, y) = centre(region.hit);
            assert_eq!(hit_test(&r.scene, x, y), Some(index), "{lang:?} {width}: {}", region.datum);
        }
        // Reading order: top to bottom, and left to right within a line.
        for pair in r.scene.regions.windows(2) {
            let (a, b) = (pair[0].hit, pair[1].hit);
            assert!(b.y > a.y || (b.y == a.y && b.x > a.x) || b.y >= a.y + a.h - 0.5, "{pair:?}");
        }
        // The last region is the last cell of the last row: 滨海新区's 新能源 (wide), 诸暨市's 航空航天 (narrow).
        let last = r.scene.regions.last().unwrap().datum;
        let expected = if width < 480.0 { "industry.aerospace" } else { "industry.new-energy" };
        assert_eq!(last, expected, "{lang:?} {width}");
    }
}

#[test]
fn wide_screens_have_districts_as_rows_and_phones_the_transpose() {
    let wide = render(Lang::En, Sort::Plan, 480.0);
    let narrow = render(Lang::En, Sort::Plan, 479.0);
    assert_eq!(wide.scene.regions[0].datum, "industry.modern-textiles");
    assert_eq!(narrow.scene.regions[0].datum, "district.yuecheng");
    // English column headings read upwards; Chinese ones stack their characters.
    let up = |r: &Rendered| {
        r.scene.items.iter().filter(|i| matches!(i.shape, Shape::Text { rotation: Rotation::Up, .. })).count()
    };
    assert!(up(&render(Lang::En, Sort::Plan, 720.0)) >= 15);
    assert_eq!(up(&render(Lang::Zh, Sort::Plan, 720.0)), 0);
    let zh = texts(&render(Lang::Zh, Sort::Plan, 720.0));
    assert!(zh.contains(&"航".to_string()) && zh.contains(&"越城区".to_string()));
}

#[test]
fn the_text_alternative_names_the_busiest_district_and_the_widest_spread_industry() {
    let zh = render(Lang::Zh, Sort::Plan, 720.0);
    assert_eq!(
        zh.alt,
        "矩阵图：规划二（一）1为7个地区列出的15个重点发展产业，共23处（计算值）。列出产业最多的是上虞区、滨海新区（各4个）；布局地区最多的产业是高端装备（4个地区：上虞区、诸暨市、嵊州市、新昌县）。9个产业只列在1个地区。"
    );
    let en = render(Lang::En, Sort::Plan, 720.0);
    assert!(
        en.alt.contains("Shangyu District and Binhai New Area are named the most industries, 4 each"),
        "{}",
        en.alt
    );
    assert!(en.alt.contains("High-end equipment is named for the most districts, 4"), "{}", en.alt);
    assert_eq!(zh.source, "来源：绍兴市“十五五”规划纲要 二（一）1、专栏1、专栏2");
    assert_eq!(zh.title, "各地重点发展产业一览表");
    assert_eq!(en.title, "Priority industries by district: the full table");
}

#[test]
fn the_table_is_the_matrix_with_words_in_its_cells() {
    let r = render(Lang::En, Sort::Plan, 720.0);
    assert_eq!(r.table.columns.len(), 2 + 7 + 1);
    assert_eq!(r.table.columns[0], "Industry");
    assert_eq!(r.table.columns[2], "Yuecheng District");
    assert_eq!(r.table.rows.len(), 16);
    assert!(r.table.rows.iter().all(|row| row.len() == r.table.columns.len()));
    let new_materials = r.table.rows.iter().find(|row| row[0] == "New materials").unwrap();
    assert_eq!(new_materials[1], "New materials");
    assert_eq!(&new_materials[2..], ["—", "Priority", "Priority", "—", "—", "—", "—", "2"]);
    let aerospace = r.table.rows.iter().find(|row| row[0] == "Aerospace").unwrap();
    assert_eq!(aerospace[1], "Not in Box 1");
}

#[test]
fn csv_has_one_row_per_assignment_with_cluster_section_and_quote() {
    let csv = KIND.csv(&Options::default());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 23);
    assert_eq!(
        lines[0],
        "district_id,district_zh,district_en,industry_id,industry_zh,industry_en,cluster_id,cluster_zh,cluster_en,section,quote"
    );
    assert_eq!(
        lines[1],
        "district.yuecheng,越城区,Yuecheng District,industry.integrated-circuits,集成电路,Integrated circuits,cluster.integrated-circuits,集成电路,Integrated circuits,二(一)1,支持越城区重点发展集成电路、低空经济、医疗器械等产业"
    );
    assert!(lines.contains(
        &"district.keqiao,柯桥区,Keqiao District,industry.optoelectronic-information,光电信息,Optoelectronic information,,其他（专栏1未列）,Not in Box 1,二(一)1,柯桥区重点发展现代纺织、光电信息、新材料等产业"
    ));
}

#[test]
fn a_selected_industry_outlines_its_column_districts_and_cells() {
    for (id, width) in [("industry.new-materials", 720.0), ("cluster.new-materials", 360.0)] {
        let options = set(&Options::default(), "selected", text(id)).unwrap();
        let r = render_with(&options, width);
        let mut outlined: Vec<&str> =
            r.scene.items.iter().filter(|i| matches!(i.shape, Shape::Stroke { .. })).filter_map(|i| i.datum).collect();
        outlined.sort();
        assert_eq!(
            outlined,
            [
                "district.keqiao",
                "district.shangyu",
                "industry.new-materials", // the heading
                "industry.new-materials", // 柯桥区's cell
                "industry.new-materials", // 上虞区's cell
            ],
            "{id}"
        );
        let bold: Vec<String> = r
            .scene
            .items
            .iter()
            .filter_map(|i| match &i.shape {
                Shape::Text { text, bold: true, .. } if i.datum.is_some() => Some(text.clone()),
                _ => None,
            })
            .collect();
        // Column headings stack their characters: 新材料 wide, the districts narrow.
        let expected = if width >= 480.0 { "新材料柯桥区上虞区" } else { "柯桥区上虞区新材料" };
        assert_eq!(bold.concat(), expected, "{bold:?}");
        assert!(texts(&r).contains(&"已选：新材料".to_string()));
    }
    // A district: its row, its industries' headings and its cells.
    let options = set(&Options::default(), "selected", text("district.zhuji")).unwrap();
    let r = render_with(&options, 720.0);
    let outlined =
        r.scene.items.iter().filter(|i| matches!(i.shape, Shape::Stroke { .. }) && i.datum.is_some()).count();
    assert_eq!(outlined, 1 + 3 + 3);
}

#[test]
fn options_sort_by_plan_or_count_and_take_no_actuals() {
    let o = set(&Options::default(), "sort", text("count")).unwrap();
    assert_eq!(o.sort, Sort::Value);
    assert_eq!(set(&o, "sort", text("plan")).unwrap().sort, Sort::Plan);
    assert_eq!(
        set(&o, "sort", text("value")).unwrap_err(),
        "Option \"sort\" must be one of \"plan\", \"count\"; got \"value\" (a string)."
    );
    assert_eq!(
        set(&o, "sort", OptionValue::Number(1.0)).unwrap_err(),
        "Option \"sort\" must be one of \"plan\", \"count\"; got 1 (a number)."
    );
    assert_eq!(
        set(&o, "actuals", OptionValue::Map(vec![])).unwrap_err(),
        "Unknown option \"actuals\" for chart \"district-industries\". Allowed options: lang, theme, sort, selected."
    );
    assert!(set(&o, "selected", text("district.nowhere")).unwrap_err().starts_with("A selection must be the id"));
    // industry-clusters keeps its own words.
    let e = ChartKind::IndustryClusters.options(&Options::default(), &[("sort".into(), text("count"))]).unwrap_err();
    assert_eq!(e.to_string(), "Option \"sort\" must be one of \"plan\", \"value\"; got \"count\" (a string).");
    assert!(KIND.targets().is_empty());
}

#[test]
fn on_a_phone_a_groups_rows_are_set_in_beside_a_rule_that_ends_with_the_group() {
    let r = render(Lang::En, Sort::Plan, 375.0);
    let muted = Theme::get(ThemeName::Light).muted;
    let name_at = |name: &str| {
        r.scene
            .items
            .iter()
            .find_map(|i| match &i.shape {
                Shape::Text { text, at, .. } if text == name => Some(*at),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no row {name}"))
    };
    let rules: Vec<Rect> = r
        .scene
        .items
        .iter()
        .filter_map(|i| match i.shape {
            Shape::Fill { rect, color } if color == muted && rect.w == 2.0 => Some(rect),
            _ => None,
        })
        .collect();
    // Three groups have headings: integrated circuits, biomedicine and the industries not in Box 1.
    assert_eq!(rules.len(), 3, "{rules:?}");
    let ruled = |(_, y): (f64, f64)| rules.iter().any(|r| y >= r.y && y <= r.y + r.h);
    // 泛半导体 is in the integrated-circuits group; 低空经济, a cluster of its own, comes next.
    let (member, single) = (name_at("Pan-semiconductors"), name_at("Low-altitude economy"));
    assert!(member.0 > single.0, "members are indented: {member:?} {single:?}");
    assert!(ruled(member) && !ruled(single));
    assert!(ruled(name_at("Aerospace")) && !ruled(name_at("New energy")));
}
