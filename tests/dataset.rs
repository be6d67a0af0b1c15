//! The dataset against the plan: every quote is in the text, stated totals equal their parts, every
//! reference resolves, and the lists are as long as the plan says.

use std::collections::HashSet;

use shaoxing_plan_charts::data::model::*;
use shaoxing_plan_charts::data::*;

const PLAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/plan/shaoxing-15th-five-year-plan.zh.txt");

/// The plan's text as quotes are matched against it: glitches of the PDF conversion repaired
/// (see shared/plan/README.md) and all whitespace removed, so quotes may cross page breaks.
fn normalise(text: &str) -> String {
    let squashed: String = text.replace(" and ", "和").chars().filter(|c| !c.is_whitespace()).collect();
    squashed.replace('の', "的").replace("PM_{2.5}", "PM2.5")
}

/// Every (record id, source) pair in the dataset.
fn all_sources() -> Vec<(String, Source)> {
    let mut out: Vec<(String, Source)> = Vec::new();
    out.extend(INDICATORS.iter().map(|x| (x.id.to_string(), x.source)));
    out.extend(CLUSTERS.iter().map(|x| (x.id.to_string(), x.source)));
    out.extend(INDUSTRIES.iter().map(|x| (x.id.to_string(), x.source)));
    for d in DISTRICTS {
        out.push((format!("{} industries", d.id), d.industries_source));
        out.push((format!("{} hallmark", d.id), d.hallmark_source));
        out.extend(d.places.iter().map(|p| (p.id.to_string(), p.source)));
    }
    out.extend(PROJECT_DOMAINS.iter().map(|x| (x.id.to_string(), x.source)));
    out.extend(PROJECT_TOTALS.iter().map(|x| (x.id.to_string(), x.source)));
    out.extend(FIGURES.iter().map(|x| (x.id.to_string(), x.source)));
    out.extend(NAMES.iter().map(|x| (x.id.to_string(), x.source)));
    out
}

#[test]
fn every_quote_appears_verbatim_in_the_plan() {
    let Ok(plan) = std::fs::read_to_string(PLAN) else {
        // In CI an unchecked quote must not pass as checked; on a machine without the text, say so.
        assert!(std::env::var_os("CI").is_none(), "the plan's text is not at {PLAN}: CI cannot check the quotes");
        println!("SKIPPED: the plan's text is not at {PLAN}; quotes were not checked against it.");
        return;
    };
    let plan = normalise(&plan);
    let sources = all_sources();
    assert!(sources.len() > 150, "only {} sourced records", sources.len());
    let missing: Vec<String> = sources
        .iter()
        .filter(|(_, s)| !plan.contains(&normalise(s.quote)))
        .map(|(id, s)| format!("{id}: {}", s.quote))
        .collect();
    assert!(missing.is_empty(), "quotes not found in the plan:\n{}", missing.join("\n"));
    println!("checked {} quotes against the plan", sources.len());
}

#[test]
fn ids_are_unique_across_the_dataset() {
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(CATEGORIES.iter().map(|x| x.id));
    ids.extend(INDICATORS.iter().map(|x| x.id));
    ids.extend(CLUSTERS.iter().map(|x| x.id));
    ids.extend(INDUSTRIES.iter().map(|x| x.id));
    ids.extend(DISTRICTS.iter().map(|x| x.id));
    ids.extend(DISTRICTS.iter().flat_map(|d| d.places.iter().map(|p| p.id)));
    ids.extend(PROJECT_DOMAINS.iter().map(|x| x.id));
    ids.extend(PROJECT_TOTALS.iter().map(|x| x.id));
    ids.extend(FIGURES.iter().map(|x| x.id));
    ids.extend(NAMES.iter().map(|x| x.id));
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len());
    assert!(ids.iter().all(|id| id.is_ascii() && id.contains('.')));
}

/// Whether a computed sum agrees with a total stated as `q`: exactly, about (to the stated
/// precision), or over.
fn agrees(sum: f64, q: &Quantity, unit: &str) -> bool {
    let stated = q.value_in(unit).expect("the total converts to the parts' unit");
    match q.qualifier.map(|x| x.meaning) {
        None => (sum - stated).abs() < 1e-9,
        Some(Meaning::Over) | Some(Meaning::AtLeast) => sum > stated,
        // "约1.7万亿": the stated figure is rounded to its last digit, here 0.1 万亿 = 1000 亿.
        Some(Meaning::About) => {
            let digits = format!("{}", q.value).split('.').nth(1).map_or(0, str::len);
            let step = 10f64.powi(-(digits as i32)) * stated / q.value;
            (sum - stated).abs() <= step / 2.0
        }
        other => panic!("no rule for a total qualified as {other:?}"),
    }
}

#[test]
fn major_project_totals_equal_the_sum_of_the_domains() {
    assert_eq!(PROJECT_DOMAINS.len(), 10, "专栏5 has 10 domains");
    let sum = |measure: Measure| -> f64 {
        PROJECT_DOMAINS
            .iter()
            .map(|d| match measure {
                Measure::Projects => d.projects.value,
                Measure::TotalInvestment => d.total_investment.value_in("cny-100m").unwrap(),
                Measure::FiveYearInvestment => d.five_year_investment.value_in("cny-100m").unwrap(),
            })
            .sum()
    };
    assert_eq!(sum(Measure::Projects), 652.0);
    for measure in [Measure::Projects, Measure::TotalInvestment, Measure::FiveYearInvestment] {
        let total = PROJECT_TOTALS.iter().find(|t| t.measure == measure).expect("each measure has a stated total");
        let unit = if measure == Measure::Projects { "projects" } else { "cny-100m" };
        assert!(
            agrees(sum(measure), &total.stated, unit),
            "{measure:?}: sum {} vs stated {:?}",
            sum(measure),
            total.stated
        );
    }
}

#[test]
fn the_indicator_table_has_25_indicators_in_26_rows() {
    assert_eq!(INDICATORS.len(), 26);
    let numbers: HashSet<u32> = INDICATORS.iter().map(|i| i.number).collect();
    assert_eq!(numbers, (1..=25).collect());
    let fourteen: Vec<&Indicator> = INDICATORS.iter().filter(|i| i.number == 14).collect();
    assert_eq!(fourteen.len(), 2);
    assert!(fourteen.iter().all(|i| i.sub.is_some()));
    let categories: HashSet<&str> = CATEGORIES.iter().map(|c| c.id).collect();
    assert_eq!(categories.len(), 5);
    assert!(INDICATORS.iter().all(|i| categories.contains(i.category)));
    let binding = INDICATORS.iter().filter(|i| i.attribute == Attribute::Binding).count();
    assert_eq!(binding, 6, "indicators 20 to 25 are 约束性");
    // The table's notes are kept: * (2024 actuals), [] (five-year totals) and words.
    let cells = || INDICATORS.iter().flat_map(|i| [i.y2025, i.y2030, i.plan_period]).flatten();
    assert!(cells().any(|c| matches!(c, Cell::Number { actual_2024: true, .. })));
    assert!(cells().any(|c| matches!(c, Cell::Number { cumulative: true, .. })));
    let words: Vec<&str> = cells().filter_map(|c| if let Cell::Words(t) = c { Some(t.zh) } else { None }).collect();
    assert!(words.iter().any(|w| w.contains("稳定")), "{words:?}");
    assert!(words.iter().any(|w| w.contains("完成省下达目标")), "{words:?}");
    assert!(words.iter().any(|w| w.contains("与经济增长")), "{words:?}");
}

#[test]
fn clusters_districts_and_names_are_complete() {
    assert_eq!(CLUSTERS.len(), 10);
    assert_eq!(CLUSTERS.iter().filter(|c| c.kind == ClusterKind::Traditional).count(), 2);
    let new_materials = cluster("cluster.new-materials").expect("新材料 is a cluster");
    assert_eq!(new_materials.target.value, 3500.0);
    assert_eq!(new_materials.target.qualifier.map(|q| q.zh), Some("突破"));
    assert!(CLUSTERS.iter().all(|c| c.target.qualifier.is_some() && !c.focus.is_empty()));

    let names: Vec<&str> = DISTRICTS.iter().map(|d| d.name.zh).collect();
    assert_eq!(names, ["越城区", "柯桥区", "上虞区", "诸暨市", "嵊州市", "新昌县", "滨海新区"]);
    for d in DISTRICTS {
        assert!(!d.industries.is_empty(), "{}", d.id);
        assert!(d.industries.iter().all(|i| industry(i).is_some()), "{}", d.id);
        assert!(!d.hallmark.zh.is_empty());
    }
    for i in INDUSTRIES {
        if let Some(c) = i.cluster {
            assert!(cluster(c).is_some(), "{} links to a missing cluster {c}", i.id);
        }
    }
    assert!(DISTRICTS.iter().flat_map(|d| d.places).any(|p| p.kind == PlaceKind::CentralTown));
    assert!(DISTRICTS.iter().flat_map(|d| d.places).any(|p| p.kind == PlaceKind::FunctionalArea));
    let items = NAMES.iter().filter(|n| n.list == NameList::MajorItem).count();
    assert_eq!(items, 10, "专栏9 lists ten major items");
    assert!(NAMES.iter().any(|n| n.list == NameList::Lab));
    assert!(NAMES.iter().any(|n| n.list == NameList::Platform));
}

#[test]
fn the_gdp_path_and_headline_targets_are_there() {
    let figure = |id: &str| FIGURES.iter().find(|f| f.id == id).unwrap_or_else(|| panic!("no figure {id}"));
    let gdp: Vec<&Figure> = FIGURES.iter().filter(|f| f.group == "gdp-path").collect();
    assert!(gdp.len() >= 4, "{gdp:?}");
    let in_yi = |f: &Figure| f.value.value_in("cny-100m").unwrap();
    let years: Vec<u16> = gdp.iter().filter_map(|f| f.year).collect();
    for year in [2025, 2027, 2030] {
        assert!(years.contains(&year), "GDP path lacks {year}: {years:?}");
    }
    let target_2030 = figure("gdp.2030");
    assert_eq!(in_yi(target_2030), 12500.0);
    assert_eq!(target_2030.value.qualifier.map(|q| q.zh), Some("左右"));
    assert!(FIGURES.len() >= 50, "only {} figures", FIGURES.len());
    let groups: HashSet<&str> = GROUPS.iter().map(|g| g.id).collect();
    assert!(FIGURES.iter().all(|f| groups.contains(f.group)));
    for group in ["transport", "energy", "education", "health", "elderly-care", "industry", "agriculture"] {
        assert!(FIGURES.iter().any(|f| f.group == group), "no figure in group {group}");
    }
}

#[test]
fn every_name_and_unit_has_both_languages() {
    for u in UNITS {
        assert!(!u.id.is_empty());
    }
    let texts = CLUSTERS
        .iter()
        .map(|c| c.name)
        .chain(INDICATORS.iter().map(|i| i.name))
        .chain(FIGURES.iter().map(|f| f.name))
        .chain(NAMES.iter().map(|n| n.name))
        .chain(DISTRICTS.iter().map(|d| d.name))
        .chain(INDUSTRIES.iter().map(|i| i.name));
    for t in texts {
        assert!(!t.zh.trim().is_empty() && !t.en.trim().is_empty(), "{t:?}");
        assert!(t.en.is_ascii() || !t.en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{t:?}");
    }
}

#[test]
fn the_json_export_holds_every_record() {
    let json = DATASET_JSON;
    assert!(json.starts_with('{') && json.ends_with('}'));
    for c in CLUSTERS {
        assert!(json.contains(&format!("\"id\":\"{}\"", c.id)));
    }
    for key in [
        "\"indicators\":",
        "\"clusters\":",
        "\"districts\":",
        "\"project_domains\":",
        "\"figures\":",
        "\"names\":",
        "\"quote\":",
    ] {
        assert!(json.contains(key), "{key}");
    }
}
