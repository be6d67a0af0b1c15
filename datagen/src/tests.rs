//! A small, valid dataset, and the errors an editor gets when one field of it goes wrong.

use super::*;

fn valid() -> Sources {
    let files = [
        ("data/units.toml", "[[unit]]\nid = \"cny-100m\"\nzh = \"亿元\"\nen = \"CNY 100 million\"\n\n[[unit]]\nid = \"cny-1t\"\nzh = \"万亿元\"\nen = \"CNY trillion\"\nbase = \"cny-100m\"\nfactor = 10000\n\n[[unit]]\nid = \"percent\"\nzh = \"%\"\nen = \"%\"\n\n[[unit]]\nid = \"projects\"\nzh = \"个\"\nen = \"projects\"\n"),
        ("data/qualifiers.toml", "[[qualifier]]\nzh = \"突破\"\nposition = \"prefix\"\nmeaning = \"over\"\nen = \"over\"\n"),
        ("data/indicators.toml", "[[category]]\nid = \"category.economy\"\nname_zh = \"经济发展\"\nname_en = \"Economy\"\n\n[[indicator]]\nid = \"indicator.gdp-growth\"\ncategory = \"category.economy\"\nnumber = 1\nname_zh = \"地区生产总值增长\"\nname_en = \"GDP growth\"\nunit = \"percent\"\nattribute = \"expected\"\ny2025 = { value = 6.5 }\nplan_period = { text_zh = \"稳定\", text_en = \"stable\" }\nsource = { section = \"主要指标\", quote = \"增长 6.5 — 稳定\" }\n"),
        ("data/clusters.toml", "[[cluster]]\nid = \"cluster.new-materials\"\nkind = \"emerging\"\nname_zh = \"新材料\"\nname_en = \"New materials\"\ntarget = { value = 3500, unit = \"cny-100m\", qualifier = \"突破\" }\nyear = 2030\nfocus_zh = [\"碳纤维\"]\nfocus_en = [\"Carbon fibre\"]\nsource = { section = \"专栏1\", quote = \"产业规模突破3500亿元\" }\n"),
        ("data/industries.toml", "[[industry]]\nid = \"industry.new-materials\"\nname_zh = \"新材料\"\nname_en = \"New materials\"\ncluster = \"cluster.new-materials\"\nsource = { section = \"二(一)1\", quote = \"柯桥区重点发展新材料\" }\n"),
        ("data/districts.toml", "[[district]]\nid = \"district.keqiao\"\nname_zh = \"柯桥区\"\nname_en = \"Keqiao District\"\nkind = \"district\"\nadcode = 330603\nindustries = [\"industry.new-materials\"]\nindustries_source = { section = \"二(一)1\", quote = \"柯桥区重点发展新材料\" }\nhallmark_zh = \"数智轻纺城\"\nhallmark_en = \"Digital textile city\"\nhallmark_source = { section = \"专栏2\", quote = \"全力打造数智轻纺城\" }\n\n[[district.place]]\nid = \"place.pingshui\"\nkind = \"central-town\"\nname_zh = \"平水镇\"\nname_en = \"Pingshui Town\"\nsource = { section = \"四(二)2\", quote = \"柯桥区平水镇\" }\n"),
        ("data/projects.toml", "[[domain]]\nid = \"project.manufacturing\"\nnumber = 1\nname_zh = \"先进制造业基地\"\nname_en = \"Manufacturing\"\nprojects = { value = 140, unit = \"projects\" }\ntotal_investment = { value = 4205, unit = \"cny-100m\" }\nfive_year_investment = { value = 2970, unit = \"cny-100m\" }\nsource = { section = \"专栏5\", quote = \"安排重大项目140个，总投资4205亿元，五年计划完成投资2970亿元\" }\n\n[[total]]\nid = \"project-total.projects\"\nmeasure = \"projects\"\nname_zh = \"重大项目\"\nname_en = \"Major projects\"\nstated = { value = 652, unit = \"projects\" }\nsource = { section = \"专栏5\", quote = \"共652个重大项目\" }\n"),
        ("data/groups.toml", "[[group]]\nid = \"gdp-path\"\nname_zh = \"地区生产总值\"\nname_en = \"GDP path\"\n"),
        ("data/names.toml", "[[name]]\nid = \"lab.jianhu\"\nlist = \"lab\"\nname_zh = \"鉴湖实验室\"\nname_en = \"Jianhu Laboratory\"\nsource = { section = \"专栏3\", quote = \"鉴湖实验室\" }\n"),
        ("data/figures/economy.toml", "[[figure]]\nid = \"gdp.2030\"\ngroup = \"gdp-path\"\nname_zh = \"地区生产总值\"\nname_en = \"GDP\"\nyear = 2030\nkind = \"target\"\nvalue = { value = 1.25, unit = \"cny-1t\" }\nsource = { section = \"一(三)3\", quote = \"地区生产总值达到1.25万亿元左右\" }\n"),
    ];
    files.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Replaces `from` by `to` in one file and returns the errors, which must exist.
fn errors_after(file: &str, from: &str, to: &str) -> Vec<DataError> {
    let mut sources = valid();
    let text = sources.get_mut(file).unwrap();
    assert!(text.contains(from), "fixture {file} lacks {from:?}");
    *text = text.replacen(from, to, 1);
    compile(&sources).expect_err("the broken file must not compile")
}

fn only(errors: Vec<DataError>) -> String {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors[0].to_string()
}

#[test]
fn the_valid_fixture_compiles_to_rust_and_json() {
    let data = compile(&valid()).unwrap_or_else(|e| panic!("{e:#?}"));
    let json = to_json(&data);
    let rust = with_json_slices_resolved(&to_rust(&data), &json);
    assert!(rust.contains("pub static CLUSTERS: &[Cluster] = &["));
    assert!(rust.contains(
        "target: Quantity { value: 3500.0, unit: &UNIT_0, qualifier: Some(&QUALIFIER_0), as_written: None }"
    ));
    assert!(rust.contains("plan_period: Some(Cell::Words(Text { zh: \"稳定\", en: \"stable\" }))"));
    assert!(rust.contains("places: &[Place { id: \"place.pingshui\", kind: PlaceKind::CentralTown"));
    assert!(json.starts_with("{\"units\":[{\"id\":\"cny-100m\""), "{json}");
    assert!(json.contains("\"qualifier\":\"突破\""));
}

/// The generated Rust with every `json(start, end)` replaced by the literal it stands for.
fn with_json_slices_resolved(rust: &str, json: &str) -> String {
    let mut out = String::new();
    let mut rest = rust;
    while let Some(at) = rest.find("json(") {
        out.push_str(&rest[..at]);
        let close = at + rest[at..].find(')').unwrap();
        let (start, end) = rest[at + 5..close].split_once(", ").unwrap();
        out.push_str(&format!("{:?}", &json[start.parse::<usize>().unwrap()..end.parse::<usize>().unwrap()]));
        rest = &rest[close + 1..];
    }
    out + rest
}

#[test]
fn strings_point_into_the_json_unless_json_escapes_them() {
    let sources = valid();
    let data = compile(&sources).unwrap_or_else(|e| panic!("{e:#?}"));
    let rust = to_rust(&data);
    assert!(!rust.contains("\"稳定\""), "a plain string is a slice of the JSON, not a literal");
    assert!(rust.contains("zh: json("));

    let mut quoted = sources.clone();
    let clusters = quoted.get_mut("data/clusters.toml").unwrap();
    *clusters = clusters.replacen(r#"name_en = "New materials""#, r#"name_en = "New \"materials\"""#, 1);
    let data = compile(&quoted).unwrap_or_else(|e| panic!("{e:#?}"));
    assert!(to_rust(&data).contains(r#""New \"materials\"""#), "a string JSON escapes stays a literal");
}

#[test]
fn a_missing_field_names_file_record_and_field() {
    let message = only(errors_after("data/clusters.toml", "name_en = \"New materials\"\n", ""));
    assert!(
        message.starts_with("data/clusters.toml, record [[cluster]] #1 (id \"cluster.new-materials\")"),
        "{message}"
    );
    assert!(message.contains("name_en"), "{message}");
}

#[test]
fn a_wrong_type_names_the_field() {
    let message = only(errors_after("data/clusters.toml", "year = 2030", "year = \"2030\""));
    assert!(
        message.starts_with("data/clusters.toml, record [[cluster]] #1 (id \"cluster.new-materials\"), field `year`"),
        "{message}"
    );
}

#[test]
fn a_misspelt_field_is_an_error_not_ignored() {
    let message = only(errors_after("data/industries.toml", "cluster = ", "clustre = "));
    assert!(message.contains("[[industry]] #1 (id \"industry.new-materials\")"), "{message}");
    assert!(message.contains("clustre"), "{message}");
}

#[test]
fn an_unknown_unit_lists_the_known_ones() {
    let message = only(errors_after("data/clusters.toml", "unit = \"cny-100m\"", "unit = \"yuan\""));
    assert_eq!(
        message,
        "data/clusters.toml, record [[cluster]] #1 (id \"cluster.new-materials\"), field `target.unit`: unknown unit \"yuan\"; known units: cny-100m, cny-1t, percent, projects"
    );
}

#[test]
fn a_number_missing_from_its_quote_is_caught() {
    let message = only(errors_after("data/projects.toml", "value = 2970", "value = 2907"));
    assert!(
        message.contains("field `five_year_investment.value`: the number 2907 does not appear in the quote"),
        "{message}"
    );
}

#[test]
fn dangling_references_are_caught() {
    let message = only(errors_after(
        "data/industries.toml",
        "cluster = \"cluster.new-materials\"",
        "cluster = \"cluster.old-materials\"",
    ));
    assert!(message.contains("field `cluster`: there is no [[cluster]]"), "{message}");
    let message = only(errors_after(
        "data/districts.toml",
        "industries = [\"industry.new-materials\"]",
        "industries = [\"industry.textiles\"]",
    ));
    assert!(message.contains("record [[district]] #1 (id \"district.keqiao\"), field `industries`"), "{message}");
    let message =
        only(errors_after("data/indicators.toml", "category = \"category.economy\"", "category = \"category.growth\""));
    assert!(message.contains("field `category`"), "{message}");
}

#[test]
fn duplicate_and_malformed_ids_are_caught() {
    let message = only(errors_after("data/names.toml", "id = \"lab.jianhu\"", "id = \"cluster.new-materials\""));
    assert!(message.contains("already used by data/clusters.toml, record [[cluster]] #1"), "{message}");
    let message = only(errors_after("data/names.toml", "id = \"lab.jianhu\"", "id = \"Lab Jianhu\""));
    assert!(message.contains("is not a valid id"), "{message}");
}

#[test]
fn nested_place_errors_name_the_place() {
    let message = only(errors_after("data/districts.toml", "kind = \"central-town\"", "kind = \"town\""));
    assert!(
        message.contains("field `place[1].kind`: \"town\" is not allowed; use one of: central-town, functional-area"),
        "{message}"
    );
}

#[test]
fn words_and_numbers_in_one_cell_are_refused() {
    let message = only(errors_after(
        "data/indicators.toml",
        "y2025 = { value = 6.5 }",
        "y2025 = { value = 6.5, text_zh = \"稳定\", text_en = \"stable\" }",
    ));
    assert!(message.contains("field `y2025`: a cell is either"), "{message}");
}

#[test]
fn english_names_in_chinese_and_empty_names_are_caught() {
    let message =
        only(errors_after("data/names.toml", "name_en = \"Jianhu Laboratory\"", "name_en = \"鉴湖 Laboratory\""));
    assert!(message.contains("field `name_en`"), "{message}");
    let message = only(errors_after("data/names.toml", "name_zh = \"鉴湖实验室\"", "name_zh = \"\""));
    assert!(message.contains("field `name_zh`: the Chinese text is empty"), "{message}");
}

#[test]
fn sections_must_be_written_the_documented_way() {
    let message = only(errors_after("data/names.toml", "section = \"专栏3\"", "section = \"Box 3\""));
    assert!(message.contains("field `source.section`"), "{message}");
}

#[test]
fn a_toml_syntax_error_names_the_file_and_record() {
    let message = only(errors_after("data/figures/economy.toml", "year = 2030", "year = = 2030"));
    assert!(message.starts_with("data/figures/economy.toml, record [[figure]] #1 (id \"gdp.2030\")"), "{message}");
}

#[test]
fn unknown_and_missing_files_are_reported() {
    let mut sources = valid();
    sources.insert("data/clusterz.toml".into(), String::new());
    sources.remove("data/names.toml");
    let errors = compile(&sources).expect_err("must fail");
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(text.contains(&"data/names.toml: the file is missing".to_string()), "{text:?}");
    assert!(text.iter().any(|t| t.starts_with("data/clusterz.toml: the dataset does not read this file")), "{text:?}");
}

#[test]
fn numbers_are_written_as_the_plan_writes_them_and_words_become_variants() {
    assert_eq!(check::minimal_decimal(3300.0), "3300");
    assert_eq!(check::minimal_decimal(1.25), "1.25");
    assert_eq!(emit::variant("five_year_investment"), "FiveYearInvestment");
    assert_eq!(emit::variant("at-least"), "AtLeast");
}
