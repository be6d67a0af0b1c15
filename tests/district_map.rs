//! The district-map chart: the schematic keeps the districts' true relative positions without
//! overlaps (but 滨海新区's over its parents), every district says what the plan assigns it, the
//! selection and the count fill mark the right districts, and the GeoJSON path decodes, projects
//! and hit-tests the demo boundaries.

mod common;

use common::{assert_inside, check_golden, export_rendered};
use shaoxing_plan_charts::chart::{with_captions, ChartKind, MapFill, OptionValue, Options, Rendered, ThemeChoice};
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::geo::plane;
use shaoxing_plan_charts::hit::hit_test;
use shaoxing_plan_charts::scene::{Rect, Scene, Shape};
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::{Theme, ThemeName};

const CHART: ChartKind = ChartKind::DistrictMap;
const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/plan/shaoxing-15th-five-year-plan.zh.txt");
const DEMO_GEOMETRY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/geo/shaoxing.geojson");

const PARENTS: [&str; 3] = ["district.keqiao", "district.yuecheng", "district.shangyu"];

fn light() -> &'static Theme {
    Theme::get(ThemeName::Light)
}

fn options(pairs: &[(&str, OptionValue)]) -> Result<Options, shaoxing_plan_charts::Error> {
    let entries: Vec<(String, OptionValue)> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    CHART.options(&Options::default(), &entries)
}

fn text(s: &str) -> OptionValue {
    OptionValue::Text(s.into())
}

fn render(o: &Options, width: f64) -> Rendered {
    CHART.render(o, light(), width, &FixedMetrics)
}

fn with_lang(lang: Lang) -> Options {
    Options { lang, ..Options::default() }
}

fn demo_geometry() -> String {
    std::fs::read_to_string(DEMO_GEOMETRY).expect("www/geo/shaoxing.geojson (node tools/shaoxing-geo.mjs)")
}

fn geo_options(extra: &[(&str, OptionValue)]) -> Options {
    let mut pairs = vec![("geometry", OptionValue::Text(demo_geometry()))];
    pairs.extend(extra.iter().cloned());
    options(&pairs).unwrap()
}

fn mark(r: &Rendered, id: &str) -> Rect {
    r.scene.regions.iter().find(|x| x.datum == id).unwrap_or_else(|| panic!("no region {id}")).mark
}

fn overlap(a: Rect, b: Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

fn centre(r: Rect) -> (f64, f64) {
    (r.x + r.w / 2.0, r.y + r.h / 2.0)
}

fn texts(scene: &Scene) -> Vec<String> {
    scene
        .items
        .iter()
        .filter_map(|i| if let Shape::Text { text, .. } = &i.shape { Some(text.clone()) } else { None })
        .collect()
}

fn tip(r: &Rendered, id: &str) -> String {
    let i = r.scene.regions.iter().position(|x| x.datum == id).unwrap();
    let t = &r.tooltips[i];
    format!("{} | {}", t.title, t.lines.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(" | "))
}

/// The districts drawn with the 2 px outline of a selection.
fn marked(r: &Rendered) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = r
        .scene
        .items
        .iter()
        .filter(|i| matches!(i.shape, Shape::Path { width, color, .. } if width == 2.0 && color == light().text))
        .filter_map(|i| i.datum)
        .collect();
    out.dedup();
    out
}

#[test]
fn the_schematic_has_no_overlaps_and_binhai_runs_right_above_its_parents() {
    for lang in [Lang::Zh, Lang::En] {
        for width in [260.0, 320.0, 479.0, 720.0, 1200.0] {
            let r = render(&with_lang(lang), width);
            assert_eq!(r.scene.regions.len(), 7);
            for a in &r.scene.regions {
                for b in &r.scene.regions {
                    if a.datum >= b.datum {
                        continue;
                    }
                    assert!(!overlap(a.mark, b.mark), "{} and {} at {width}px", a.datum, b.datum);
                }
            }
            // The band ends a tile gap above each parent.
            let band = mark(&r, "district.binhai");
            for parent in PARENTS {
                let gap = mark(&r, parent).y - (band.y + band.h);
                assert!((3.0..=8.0).contains(&gap), "{parent} at {width}px: gap {gap}");
            }
        }
    }
}

#[test]
fn the_schematic_keeps_the_compass_order() {
    for width in [260.0, 720.0] {
        let r = render(&Options::default(), width);
        let c = |id: &str| centre(mark(&r, &format!("district.{id}")));
        assert!(c("zhuji").0 < c("shengzhou").0, "诸暨 west of 嵊州");
        assert!(c("xinchang").0 > c("shengzhou").0, "新昌 east of 嵊州");
        assert!(c("yuecheng").1 < c("shengzhou").1, "越城 north of 嵊州");
        assert!(c("shangyu").0 > c("keqiao").0, "上虞 east of 柯桥");
        assert!(c("keqiao").0 < c("yuecheng").0 && c("yuecheng").0 < c("shangyu").0, "柯桥, 越城, 上虞 west to east");
        assert!(c("zhuji").1 > c("keqiao").1, "诸暨 south of 柯桥");
        assert!(c("xinchang").1 > c("shangyu").1, "新昌 south of 上虞");
        for parent in ["keqiao", "yuecheng", "shangyu"] {
            assert!(
                mark(&r, "district.binhai").y < mark(&r, &format!("district.{parent}")).y,
                "滨海新区 on the bay shore"
            );
        }
        // The band spans the three parents.
        let band = mark(&r, "district.binhai");
        assert!(band.x <= mark(&r, "district.keqiao").x && band.x + band.w >= mark(&r, "district.shangyu").x + 10.0);
    }
}

#[test]
fn the_pointer_finds_each_district_over_its_whole_tile() {
    let r = render(&Options::default(), 720.0);
    for (i, region) in r.scene.regions.iter().enumerate() {
        let m = region.mark;
        for (x, y) in [(m.x + 3.0, m.y + 3.0), (m.x + m.w / 2.0, m.y + m.h / 2.0), (m.x + m.w - 3.0, m.y + m.h - 3.0)] {
            assert_eq!(hit_test(&r.scene, x, y), Some(i), "{} at {x},{y}", region.datum);
        }
    }
    // Between the band and 越城区, and between tiles, nothing.
    let yuecheng = mark(&r, "district.yuecheng");
    assert_eq!(hit_test(&r.scene, yuecheng.x + yuecheng.w / 2.0, yuecheng.y - 2.0), None);
    let zhuji = mark(&r, "district.zhuji");
    assert_eq!(hit_test(&r.scene, zhuji.x + zhuji.w + 2.0, zhuji.y + 10.0), None);
}

/// 二(一)1 as the plan writes it: "<district>重点发展<industries>等产业".
const PLAN_INDUSTRIES: [(&str, &str, &str); 7] = [
    ("district.yuecheng", "越城区", "集成电路、低空经济、医疗器械"),
    ("district.keqiao", "柯桥区", "现代纺织、光电信息、新材料"),
    ("district.shangyu", "上虞区", "绿色化工、新材料、高端装备、具身智能"),
    ("district.zhuji", "诸暨市", "高端装备、智能视觉、航空航天"),
    ("district.shengzhou", "嵊州市", "高端装备、新能源、智能家居"),
    ("district.xinchang", "新昌县", "高端装备、生物医药、低空经济"),
    ("district.binhai", "滨海新区", "生物医药、新能源、泛半导体、智能家居"),
];

#[test]
fn every_district_shows_its_industries_as_the_plan_lists_them() {
    let plan: Option<String> =
        std::fs::read_to_string(PLAN).ok().map(|t| t.chars().filter(|c| !c.is_whitespace()).collect());
    if plan.is_none() {
        println!("SKIPPED: the plan's text is not at {PLAN}; the lists were checked against the data only.");
    }
    let r = render(&Options::default(), 720.0);
    let order: Vec<&str> = r.scene.regions.iter().map(|x| x.datum).collect();
    assert_eq!(order, PLAN_INDUSTRIES.map(|(id, _, _)| id), "regions in the plan's order");
    for (id, name, list) in PLAN_INDUSTRIES {
        if let Some(plan) = &plan {
            assert!(plan.contains(&format!("{name}重点发展{list}等产业")), "{name}: {list} is not the plan's list");
        }
        let t = tip(&r, id);
        assert!(t.starts_with(&format!("{name} | 重点产业: {list} |")), "{t}");
        // The schematic writes the list on the tile too, at desktop widths.
        assert!(texts(&r.scene).contains(&list.to_string()), "{name} tile");
        // The table has it as well.
        let row = r.table.rows.iter().find(|row| row[0] == name).unwrap();
        assert_eq!(row[2], list);
    }
    assert!(tip(&r, "district.yuecheng").contains("服务业标志性成果: 重点打造全省现代服务业高质量发展样板区"));
    assert!(tip(&r, "district.zhuji").contains("省级中心镇: 店口镇 | 功能区: 诸暨智能视觉之城"));
    let binhai = tip(&r, "district.binhai");
    assert!(binhai.contains("省级中心镇: （规划未列明）"), "{binhai}");
    assert!(binhai.contains("不是行政区划"), "{binhai}");
    assert!(binhai.contains("出处: 二（一）1；专栏2；四（二）1"), "{binhai}");
}

#[test]
fn english_tooltips_and_labels() {
    let r = render(&with_lang(Lang::En), 720.0);
    let t = tip(&r, "district.keqiao");
    assert!(
        t.starts_with(
            "Keqiao District | Industries to develop: Modern textiles, optoelectronic information and new materials |"
        ),
        "{t}"
    );
    assert!(t.contains("Provincial central towns: Pingshui Town"), "{t}");
    assert!(t.contains("Source: Chapter 2, section 1, item 1; Box 2; Chapter 4, section 2, item 1"), "{t}");
    let labels = texts(&r.scene);
    assert!(labels.contains(&"Keqiao".to_string()) && labels.contains(&"Binhai".to_string()), "{labels:?}");
    assert!(labels.iter().any(|l| l.starts_with("A diagram, not a map")), "{labels:?}");
    assert!(labels.contains(&"Hangzhou Bay".to_string()));
    assert_eq!(r.title, "Which industries each district is to develop");
}

#[test]
fn a_selected_district_shows_its_details_under_the_map_and_in_the_table() {
    let o = options(&[("selected", text("district.shangyu"))]).unwrap();
    let r = render(&o, 720.0);
    assert_eq!(marked(&r), ["district.shangyu"]);
    let all = texts(&r.scene);
    for line in [
        "上虞区（已选）",
        "重点产业：绿色化工、新材料、高端装备、具身智能",
        "服务业标志性成果：加快形成总部经济新地标",
        "省级中心镇：丰惠镇",
        "功能区：上虞未来城",
    ] {
        assert!(all.contains(&line.to_string()), "{line} not in {all:?}");
    }
    assert!(all.contains(&"所选地区".to_string()), "legend");
    assert_eq!(r.table.columns.last().unwrap(), "所选：上虞区");
    let selected: Vec<&str> =
        r.table.rows.iter().filter(|row| row.last().unwrap() == "已选").map(|row| row[0].as_str()).collect();
    assert_eq!(selected, ["上虞区"]);
    assert!(r.alt.contains("已选：上虞区，重点产业：绿色化工、新材料、高端装备、具身智能。"), "{}", r.alt);
    // Hatching inside the marked district as well as its outline: not colour alone.
    let hatch = r
        .scene
        .items
        .iter()
        .filter(|i| i.datum == Some("district.shangyu") && matches!(i.shape, Shape::Line { .. }))
        .count();
    assert!(hatch > 10, "{hatch}");
    let en = render(&Options { lang: Lang::En, ..o }, 360.0);
    assert!(
        texts(&en.scene).iter().any(|t| t.starts_with("Industries to develop: Green chemicals")),
        "{:?}",
        texts(&en.scene)
    );
}

#[test]
fn a_selected_cluster_or_industry_marks_the_districts_that_develop_it() {
    let r = render(&options(&[("selected", text("cluster.new-materials"))]).unwrap(), 720.0);
    assert_eq!(marked(&r), ["district.keqiao", "district.shangyu"]);
    let all = texts(&r.scene);
    assert!(all.contains(&"布局地区：柯桥区、上虞区".to_string()), "{all:?}");
    assert!(all.contains(&"发展所选：新材料（产业集群）".to_string()), "{all:?}");
    let r = render(&options(&[("selected", text("industry.high-end-equipment"))]).unwrap(), 720.0);
    assert_eq!(marked(&r), ["district.shangyu", "district.zhuji", "district.shengzhou", "district.xinchang"]);
    let develops: Vec<&str> =
        r.table.rows.iter().filter(|row| row.last().unwrap() == "发展").map(|row| row[0].as_str()).collect();
    assert_eq!(develops, ["上虞区", "诸暨市", "嵊州市", "新昌县"]);
    // 泛半导体 belongs to the integrated-circuits cluster: 越城区 and 滨海新区.
    let r = render(&options(&[("selected", text("cluster.integrated-circuits"))]).unwrap(), 720.0);
    assert_eq!(marked(&r), ["district.yuecheng", "district.binhai"]);
    let none = render(&Options::default(), 720.0);
    assert!(marked(&none).is_empty());
    assert!(none.hint.is_some_and(|h| h.starts_with("点击、轻触或用键盘")));
}

#[test]
fn the_count_fill_shades_by_the_number_of_industries_and_writes_it() {
    let o = options(&[("fill", text("count"))]).unwrap();
    assert_eq!(o.fill, MapFill::Count);
    let r = render(&o, 720.0);
    let all = texts(&r.scene);
    assert_eq!(all.iter().filter(|t| *t == "4").count(), 2, "上虞区 and 滨海新区 name 4 industries");
    assert_eq!(all.iter().filter(|t| *t == "3").count(), 5);
    assert!(all.contains(&"3个产业".to_string()) && all.contains(&"4个产业".to_string()), "legend");
    assert!(all.iter().any(|t| t.contains("计算值")), "the count is labelled as derived");
    let fill = |id: &str| {
        r.scene
            .items
            .iter()
            .find_map(|i| match &i.shape {
                Shape::Polygon { color, .. } if i.datum == Some(id) => Some(*color),
                _ => None,
            })
            .unwrap()
    };
    assert!(fill("district.shangyu").luminance() < fill("district.yuecheng").luminance(), "more is darker");
    assert_eq!(fill("district.yuecheng"), fill("district.xinchang"));
    assert!(tip(&r, "district.binhai").contains("列举的产业数: 4（计算值）"));
    assert_eq!(r.table.columns[3], "列举的产业数（计算值）");
    assert_eq!(r.table.rows[2][3], "4");
}

#[test]
fn the_text_alternative_counts_from_the_data() {
    let r = render(&Options::default(), 720.0);
    assert!(r.alt.starts_with("示意图："), "{}", r.alt);
    assert!(r.alt.contains("上虞区、滨海新区各4个；越城区、柯桥区、诸暨市、嵊州市、新昌县各3个"), "{}", r.alt);
    // 15 distinct industries; 高端装备 in 4 districts.
    assert!(
        r.alt.contains("共15个不同产业（计算值），其中高端装备由4个地区发展，最多：上虞区、诸暨市、嵊州市、新昌县。"),
        "{}",
        r.alt
    );
    let en = render(&with_lang(Lang::En), 720.0);
    assert!(
        en.alt.contains(
            "15 different industries in all (derived); high-end equipment is developed by the most districts, 4"
        ),
        "{}",
        en.alt
    );
    assert_eq!(r.source, "来源：绍兴市“十五五”规划纲要 二（一）1、专栏2、四（二）1、四（二）2");
}

#[test]
fn csv_has_one_row_per_district_with_sources() {
    let csv = CHART.csv(&Options::default());
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 8);
    assert_eq!(
        lines[0],
        "id,name_zh,name_en,kind,adcode,industry_ids,industries_zh,industries_en,industry_count,cluster_ids,hallmark_zh,hallmark_en,central_towns_zh,central_towns_en,functional_areas_zh,functional_areas_en,industries_section,industries_quote,hallmark_section,hallmark_quote,places_sections"
    );
    assert!(
        lines[3].starts_with("district.shangyu,上虞区,Shangyu District,district,330604,industry.green-chemicals;industry.new-materials;industry.high-end-equipment;industry.embodied-ai,绿色化工;新材料;高端装备;具身智能,"),
        "{}",
        lines[3]
    );
    assert!(
        lines[3].contains(",4,cluster.green-chemicals;cluster.high-end-equipment;cluster.new-materials,"),
        "{}",
        lines[3]
    );
    assert!(lines[7].starts_with("district.binhai,滨海新区,Binhai New Area,new-area,,"), "{}", lines[7]);
    assert!(lines[7].ends_with(",专栏2,滨海新区：积极争取国家汽车流通消费改革试点。,四(二)1"), "{}", lines[7]);
}

#[test]
fn options_are_validated_with_clear_messages() {
    let e = options(&[("fill", text("area"))]).unwrap_err();
    assert_eq!(e.to_string(), "Option \"fill\" must be one of \"selection\", \"count\"; got \"area\" (a string).");
    let e = options(&[("actuals", OptionValue::Map(vec![]))]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Unknown option \"actuals\" for chart \"district-map\". Allowed options: lang, theme, fill, geometry, selected."
    );
    let e = options(&[("selected", text("district.hangzhou"))]).unwrap_err();
    assert!(e.to_string().starts_with("A selection must be the id of a cluster, an industry or a district"));
    let e = options(&[("geometry", OptionValue::Number(3.0))]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Option \"geometry\" must be GeoJSON: a FeatureCollection object, its JSON text, or null; got 3 (a number)."
    );
    let e = options(&[("geometry", text("geo/shaoxing.geojson"))]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Option \"geometry\" must be GeoJSON (an object, or its JSON text, not a file name or URL); the text is not valid JSON: expected a value but found 'g' at line 1, column 1."
    );
    let e = options(&[("geometry", text("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"杭州市\"},\"geometry\":null}]}"))]).unwrap_err();
    assert!(
        e.to_string().starts_with("Option \"geometry\" has no feature for a district of Shaoxing. Name each feature by properties.name (越城区 or 越城"),
        "{e}"
    );
    assert!(e.to_string().contains("越城区 330602") && e.to_string().ends_with("Its features are: 杭州市."), "{e}");
    let e = options(&[("geometry", text("{\"type\":\"Topology\"}"))]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Option \"geometry\" is not GeoJSON that the map can draw: the document is of type \"Topology\"; give a FeatureCollection whose features name the districts."
    );
    let cleared = CHART.options(&geo_options(&[]), &[("geometry".into(), OptionValue::Other("null".into()))]).unwrap();
    assert!(cleared.geometry.is_none());
}

#[test]
fn the_demo_geometry_decodes_and_matches_the_six_divisions() {
    let o = geo_options(&[]);
    let g = o.geometry.as_ref().unwrap();
    let ids: Vec<&str> = g.districts.iter().map(|d| d.district.id).collect();
    assert_eq!(
        ids,
        [
            "district.yuecheng",
            "district.keqiao",
            "district.shangyu",
            "district.zhuji",
            "district.shengzhou",
            "district.xinchang"
        ]
    );
    let b = g.bounds().unwrap();
    // Shaoxing: about 119.9°–121.2° E, 29.2°–30.3° N.
    assert!(b.min_x > 119.8 && b.max_x < 121.3 && b.min_y > 29.2 && b.max_y < 30.4, "{b:?}");
    // 诸暨市 is the largest division, 越城区 the smallest.
    let area = |id: &str| plane::area(&g.shape(id).unwrap().polygons.iter().flatten().cloned().collect::<Vec<_>>());
    for d in &ids[1..] {
        assert!(area("district.yuecheng") < area(d));
        assert!(area("district.zhuji") >= area(d));
    }
}

/// Each district's own centroid, where it lies inside the district (a concave one's may not), and
/// its label point, are found by the pointer as that district; 滨海新区 over its parents' north.
#[test]
fn the_demo_geometry_is_projected_inside_the_plot_and_hit_tested_right() {
    let o = geo_options(&[]);
    for width in [260.0, 360.0, 720.0, 1200.0] {
        let r = render(&o, width);
        assert_eq!(r.scene.regions.len(), 7, "every district is reachable");
        let polygons: Vec<&Vec<(f64, f64)>> = r
            .scene
            .items
            .iter()
            .filter_map(|i| if let Shape::Polygon { points, .. } = &i.shape { Some(points) } else { None })
            .collect();
        assert!(polygons.len() >= 7);
        for (x, y) in polygons.iter().flat_map(|p| p.iter()) {
            assert!(*x >= 0.0 && *x <= width && *y >= 0.0 && *y <= r.scene.height, "{x},{y} at {width}px");
        }
        let mut checked_centroids = 0;
        for outline in r.scene.outlines.iter().filter(|o| o.datum != "district.binhai") {
            let index = r.scene.regions.iter().position(|x| x.datum == outline.datum);
            let inner = plane::label_point(&outline.rings).unwrap();
            let binhai = r.scene.outlines.iter().find(|o| o.datum == "district.binhai").unwrap();
            if !plane::contains(&binhai.rings, inner.0, inner.1) {
                assert_eq!(hit_test(&r.scene, inner.0, inner.1), index, "{} at its label point", outline.datum);
            }
            let largest = outline
                .rings
                .iter()
                .max_by(|a, b| plane::twice_area(a).abs().total_cmp(&plane::twice_area(b).abs()))
                .unwrap();
            let c = plane::centroid(largest).unwrap();
            if plane::contains(&outline.rings, c.0, c.1) && !plane::contains(&binhai.rings, c.0, c.1) {
                assert_eq!(hit_test(&r.scene, c.0, c.1), index, "{} at its centroid, {width}px", outline.datum);
                checked_centroids += 1;
            }
        }
        assert!(checked_centroids >= 5, "{checked_centroids} centroids checked at {width}px");
        // 滨海新区's band lies over the north of its parents and wins there.
        let band = mark(&r, "district.binhai");
        let parents = PARENTS.map(|id| mark(&r, id));
        assert!(parents.iter().all(|p| band.y <= p.y + 1.0));
        let binhai_index = r.scene.regions.iter().position(|x| x.datum == "district.binhai");
        let binhai = r.scene.outlines.iter().find(|o| o.datum == "district.binhai").unwrap();
        let p = plane::label_point(&binhai.rings).unwrap();
        assert_eq!(hit_test(&r.scene, p.0, p.1), binhai_index);
        assert!(!overlap(band, mark(&r, "district.zhuji")) || band.y + band.h <= mark(&r, "district.zhuji").y + 1.0);
        assert!(texts(&r.scene).iter().any(|t| t.starts_with("滨海新区不是行政区划，地理数据中没有其边界")));
        assert!(r.alt.starts_with("地图："), "{}", r.alt);
    }
}

#[test]
fn geometry_with_only_some_districts_lists_the_others_beside_the_map() {
    let json = demo_geometry();
    // Keep the first feature (越城区) only.
    let first_end = json.find("]]]}},\n").unwrap() + 5;
    let one = format!("{}]}}", &json[..first_end]);
    let o = options(&[("geometry", OptionValue::Text(one)), ("lang", text("en"))]).unwrap();
    let r = render(&o, 720.0);
    assert_eq!(r.scene.regions.len(), 7);
    assert!(texts(&r.scene).contains(&"Not in the supplied geometry:".to_string()));
    // 滨海新区 still overlaps 越城区's north, its one parent here.
    assert!(overlap(mark(&r, "district.binhai"), mark(&r, "district.yuecheng")));
    for region in &r.scene.regions {
        let index = r.scene.regions.iter().position(|x| x.datum == region.datum);
        let outline = r.scene.outlines.iter().find(|o| o.datum == region.datum).unwrap();
        let p = plane::label_point(&outline.rings).unwrap();
        if region.datum != "district.yuecheng" {
            assert_eq!(hit_test(&r.scene, p.0, p.1), index, "{}", region.datum);
        }
    }
}

#[test]
fn a_binhai_feature_in_the_geometry_is_drawn_as_given() {
    let square = |name: &str, x: f64| {
        format!(
            r#"{{"type":"Feature","properties":{{"name":"{name}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},30],[{},30],[{},30.2],[{x},30.2],[{x},30]]]}}}}"#,
            x + 0.2,
            x + 0.2
        )
    };
    let json = format!(
        r#"{{"type":"FeatureCollection","features":[{},{}]}}"#,
        square("越城区", 120.5),
        square("滨海新区", 120.8)
    );
    let r = render(&options(&[("geometry", OptionValue::Text(json))]).unwrap(), 720.0);
    assert!(!overlap(mark(&r, "district.binhai"), mark(&r, "district.yuecheng")));
    assert!(!texts(&r.scene).iter().any(|t| t.starts_with("滨海新区不是行政区划，地理数据中没有其边界")));
}

#[test]
fn nothing_is_clipped_with_geometry_selection_or_counts() {
    let cases = [
        geo_options(&[]),
        geo_options(&[("fill", text("count")), ("selected", text("district.keqiao"))]),
        options(&[("fill", text("count")), ("selected", text("cluster.biomedicine"))]).unwrap(),
        options(&[("selected", text("district.binhai"))]).unwrap(),
    ];
    for base in cases {
        for lang in [Lang::Zh, Lang::En] {
            for width in [260.0, 286.0, 320.0, 375.0, 479.0, 480.0, 720.0, 1200.0] {
                let o = Options { lang, ..base.clone() };
                let r = render(&o, width);
                let what = format!(
                    "{lang:?} fill {:?} selected {:?} geometry {} at {width}px",
                    o.fill,
                    o.selected,
                    o.geometry.is_some()
                );
                assert_inside(&r.scene, &what);
                assert_inside(&with_captions(&r, light(), &FixedMetrics), &what);
                assert_eq!(r.tooltips.len(), r.scene.regions.len());
            }
        }
    }
}

/// Golden pictures of what tests/golden.rs (default options) does not draw: the map with the demo
/// boundaries, a selection, the count fill.
#[test]
fn maps_match_their_golden_svgs() {
    let cases = [
        (
            "district-map.zh.light.wide.geometry-new-materials",
            geo_options(&[("selected", text("cluster.new-materials"))]),
            720.0,
        ),
        (
            "district-map.en.light.wide.geometry-count",
            geo_options(&[("lang", text("en")), ("fill", text("count"))]),
            720.0,
        ),
        (
            "district-map.en.dark.narrow.geometry-selected",
            geo_options(&[("lang", text("en")), ("theme", text("dark")), ("selected", text("district.shengzhou"))]),
            360.0,
        ),
        (
            "district-map.zh.light.wide.count-selected",
            options(&[("fill", text("count")), ("selected", text("district.yuecheng"))]).unwrap(),
            720.0,
        ),
        (
            "district-map.en.dark.narrow.selected",
            options(&[("lang", text("en")), ("theme", text("dark")), ("selected", text("industry.smart-home"))])
                .unwrap(),
            360.0,
        ),
    ];
    let mut failures = Vec::new();
    for (name, options, width) in cases {
        let theme = Theme::get(options.theme.resolve(false));
        let r = CHART.render(&options, theme, width, &FixedMetrics);
        failures.extend(check_golden(name, &export_rendered(&r, theme)));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_theme_choice_is_honoured() {
    let o = options(&[("theme", text("dark"))]).unwrap();
    assert_eq!(o.theme, ThemeChoice::Dark);
}

#[test]
fn how_to_select_is_a_hint_for_the_screen_not_part_of_the_picture() {
    for lang in [Lang::Zh, Lang::En] {
        let r = render(&with_lang(lang), 720.0);
        let hint = r.hint.clone().expect("a hint with nothing selected");
        assert!(hint.contains(if lang == Lang::Zh { "选择一个地区" } else { "Select a district" }), "{hint}");
        let drawn = shaoxing_plan_charts::render::to_svg(&r.scene, light().background, &r.title, &r.description);
        assert!(!drawn.contains(&hint[..12]), "the hint is not drawn");
    }
    let selected = Options { selected: Some("district.yuecheng"), ..Options::default() };
    assert_eq!(render(&selected, 720.0).hint, None);
}
