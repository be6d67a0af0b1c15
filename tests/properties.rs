//! Property tests of everything an embedder can pass: option values of any shape, `actuals`, GeoJSON
//! text (arbitrary bytes, arbitrary JSON, mutations of the demo boundaries) and every chart laid out
//! with any valid options at any width. None may panic (a panic kills the module for the whole page);
//! bad input gets an error that says something.
//!
//! Each property runs a fixed number of cases (`CASES`, or PROPTEST_CASES from the environment), so
//! the suite stays bounded; docs/testing.md states how many inputs that is, and a test below checks it.

use std::sync::{Arc, OnceLock};

use proptest::prelude::*;
use proptest::test_runner::Config;

use shaoxing_plan_charts::chart::{
    with_captions, Actual, ChartKind, MapFill, OptionValue, Options, ProjectMeasure, Reported, ThemeChoice, CHARTS,
};
use shaoxing_plan_charts::data::links::selectable_ids;
use shaoxing_plan_charts::data::model::Lang;
use shaoxing_plan_charts::geo::json::{self, Json};
use shaoxing_plan_charts::geo::{geojson, Geometry, GeometryError};
use shaoxing_plan_charts::highlight::{overlay, Highlight};
use shaoxing_plan_charts::hit::hit_test;
use shaoxing_plan_charts::render::to_svg;
use shaoxing_plan_charts::text::FixedMetrics;
use shaoxing_plan_charts::theme::Theme;

/// Cases per property; docs/testing.md states the total (checked below).
const CASES: u32 = 256;

fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: None, ..Config::default() }
}

fn demo_geojson() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/geo/shaoxing.geojson")).unwrap()
    })
}

fn demo_document() -> &'static Json {
    static DOCUMENT: OnceLock<Json> = OnceLock::new();
    DOCUMENT.get_or_init(|| json::parse(demo_geojson()).unwrap())
}

fn demo_geometry() -> Arc<Geometry> {
    static GEOMETRY: OnceLock<Arc<Geometry>> = OnceLock::new();
    GEOMETRY.get_or_init(|| Arc::new(geojson::parse(demo_geojson()).unwrap())).clone()
}

fn kinds() -> impl Strategy<Value = ChartKind> {
    proptest::sample::select(CHARTS.iter().map(|c| c.kind).collect::<Vec<_>>())
}

/// Numbers an embedder may pass where a number or a word goes.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        Just(1e12),
        Just(1e12 + 1.0),
        2020.0..2040.0f64,
        (2020i32..2040).prop_map(f64::from),
        any::<f64>(),
    ]
}

/// Words from the options' vocabulary, and anything else.
fn word() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = [
        "lang",
        "theme",
        "sort",
        "measure",
        "category",
        "fill",
        "geometry",
        "selected",
        "actuals",
        "zh",
        "en",
        "light",
        "dark",
        "auto",
        "plan",
        "value",
        "count",
        "total",
        "five-year",
        "all",
        "economy",
        "selection",
        "year",
        "value",
        "",
        "null",
        "undefined",
        "__proto__",
        "constructor",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    known.extend(selectable_ids().iter().map(|s| s.to_string()));
    for info in CHARTS {
        known.extend(info.kind.targets().iter().map(|s| s.to_string()));
    }
    prop_oneof![
        3 => proptest::sample::select(known),
        1 => any::<String>(),
        1 => "<img src=x onerror=alert\\(1\\)>|[\\PC]{0,40}",
    ]
}

/// Any value the browser glue can hand to validation.
fn option_value() -> impl Strategy<Value = OptionValue> {
    let leaf = prop_oneof![
        word().prop_map(OptionValue::Text),
        number().prop_map(OptionValue::Number),
        any::<bool>().prop_map(OptionValue::Bool),
        proptest::sample::select(vec!["null", "undefined", "a function", "a <div> element", "Symbol(x)"])
            .prop_map(|s| OptionValue::Other(s.into())),
    ];
    leaf.prop_recursive(4, 48, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(OptionValue::List),
            proptest::collection::vec((word(), inner), 0..8).prop_map(OptionValue::Map),
        ]
    })
}

/// A report `{ year, value }` that is often valid and often not.
fn report() -> impl Strategy<Value = OptionValue> {
    let field = |name: &'static str| {
        prop_oneof![
            4 => number().prop_map(move |n| Some((name.to_string(), OptionValue::Number(n)))),
            1 => option_value().prop_map(move |v| Some((name.to_string(), v))),
            1 => Just(None),
        ]
    };
    (field("year"), field("value"), proptest::option::weighted(0.1, (word(), option_value()))).prop_map(
        |(year, value, extra)| OptionValue::Map(year.into_iter().chain(value).chain(extra).collect::<Vec<_>>()),
    )
}

/// An `actuals` object aimed at a chart's targets, with mistakes of every kind.
fn actuals_value(kind: ChartKind) -> impl Strategy<Value = OptionValue> {
    let mut ids = kind.targets();
    ids.push("cluster.steel");
    let id = proptest::sample::select(ids).prop_map(String::from);
    let reports = prop_oneof![
        6 => proptest::collection::vec(report(), 0..14).prop_map(OptionValue::List),
        1 => option_value(),
    ];
    prop_oneof![
        8 => proptest::collection::vec((id, reports), 0..5).prop_map(OptionValue::Map),
        1 => option_value(),
    ]
}

fn check_error(kind: ChartKind, e: &shaoxing_plan_charts::Error) {
    let message = e.to_string();
    assert!(message.len() > 20 && message.ends_with(['.', ')']), "{}: unclear message {message:?}", kind.info().id);
}

fn check_options(kind: ChartKind, options: &Options) {
    for actual in &options.actuals {
        assert!(kind.targets().contains(&actual.datum), "{} is not a target", actual.datum);
        assert!(actual.points.windows(2).all(|w| w[0].year < w[1].year), "years sorted and distinct");
        assert!(actual.points.iter().all(|p| p.value.is_finite() && (2025..=2035).contains(&p.year)));
    }
}

proptest! {
    #![proptest_config(config(CASES))]

    /// Any key with any value, for every chart: a valid result or a clear error, never a panic.
    #[test]
    fn option_validation_never_panics(kind in kinds(), entries in proptest::collection::vec((word(), option_value()), 0..6)) {
        match kind.options(&Options::default(), &entries) {
            Ok(options) => check_options(kind, &options),
            Err(e) => check_error(kind, &e),
        }
    }

    /// `actuals` near the valid shape: every entry checked, valid results sorted and finite, and the
    /// chart draws them.
    #[test]
    fn actuals_are_validated_and_drawn(
        (kind, actuals) in kinds().prop_flat_map(|k| (Just(k), actuals_value(k))),
        width in 200.0..1400.0f64,
    ) {
        match kind.options(&Options::default(), &[("actuals".to_string(), actuals)]) {
            Ok(options) => {
                check_options(kind, &options);
                draw(kind, &options, width);
            }
            Err(e) => check_error(kind, &e),
        }
    }

    /// Arbitrary bytes are not GeoJSON, and say so.
    #[test]
    fn geojson_from_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = check_geometry(geojson::parse(&text));
    }

    /// Arbitrary JSON documents, shaped like GeoJSON or not.
    #[test]
    fn geojson_from_arbitrary_json(document in geojson_like()) {
        let _ = check_geometry(geojson::parse(&write_json(&document)));
    }

    /// The demo boundaries with bytes deleted, inserted or replaced: an error naming a place, or
    /// boundaries the map draws.
    #[test]
    fn geojson_byte_mutations(edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 1..6)) {
        let mut bytes = demo_geojson().as_bytes().to_vec();
        for (at, op, byte) in edits {
            let i = at.index(bytes.len());
            match op {
                0 => { bytes.remove(i); }
                1 => bytes.insert(i, byte),
                _ => bytes[i] = byte,
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(geometry) = check_geometry(geojson::parse(&text)) {
            draw_map(geometry);
        }
    }

    /// The demo boundaries with one value anywhere in the tree replaced by arbitrary JSON.
    #[test]
    fn geojson_tree_mutations(path in proptest::collection::vec(any::<prop::sample::Index>(), 0..10), replacement in json_value()) {
        let mut document = demo_document().clone();
        replace_at(&mut document, &path, replacement);
        if let Ok(geometry) = check_geometry(geojson::parse(&write_json(&document))) {
            draw_map(geometry);
        }
    }

    /// Every chart, with any valid combination of options, at any width: no panic, and a scene of
    /// finite size for a finite width.
    #[test]
    fn every_chart_draws_with_any_valid_options(
        (kind, options) in kinds().prop_flat_map(|k| (Just(k), valid_options(k))),
        width in prop_oneof![Just(0.0), Just(1.0), Just(2.0), Just(10000.0), Just(f64::NAN), Just(-20.0), Just(f64::INFINITY), 0.0..2000.0f64],
    ) {
        draw(kind, &options, width);
    }
}

proptest! {
    #![proptest_config(config(CASES))]

    /// Any text in an SVG export stays text: every `<` opens one of the elements the exporter writes.
    #[test]
    fn svg_exports_escape_any_text(title in word(), description in word(), text in word()) {
        use shaoxing_plan_charts::scene::{Align, Baseline, Scene};
        let theme = Theme::get(shaoxing_plan_charts::theme::ThemeName::Light);
        let mut scene = Scene::new(200.0, 100.0);
        scene.text((10.0, 10.0), text.clone(), 12.0, false, theme.text, Align::Start, Baseline::Top, None);
        let svg = to_svg(&scene, theme.background, &title, &description);
        for tag in svg.split('<').skip(1) {
            let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '?').collect();
            prop_assert!(
                ["svg", "/svg", "title", "/title", "desc", "/desc", "rect", "text", "/text", "?xml"].contains(&name.as_str()),
                "<{} in {:?}", name, svg
            );
        }
    }
}

/// Lays out, exports, hit-tests and highlights a chart as the browser does.
fn draw(kind: ChartKind, options: &Options, width: f64) {
    let theme = Theme::get(options.theme.resolve(false));
    let rendered = kind.render(options, theme, width, &FixedMetrics);
    let scene = &rendered.scene;
    if width.is_finite() && width >= 0.0 {
        assert!(scene.height.is_finite() && scene.height >= 0.0, "{}: height {}", kind.info().id, scene.height);
    }
    assert_eq!(rendered.tooltips.len(), scene.regions.len(), "{}: a tooltip per region", kind.info().id);
    let svg = to_svg(&with_captions(&rendered, theme, &FixedMetrics), theme.background, &rendered.title, &rendered.alt);
    assert!(svg.starts_with("<svg"));
    for (x, y) in [(0.0, 0.0), (width / 2.0, scene.height / 2.0), (f64::NAN, 1.0), (-1.0, 1e9)] {
        let _ = hit_test(scene, x, y);
    }
    for active in [None, Some(0), Some(scene.regions.len()), Some(usize::MAX)] {
        let _ = overlay(scene, Highlight { active, keyboard_focus: true }, theme);
    }
    let _ = kind.csv(options);
}

fn draw_map(geometry: Geometry) {
    let options = Options { geometry: Some(Arc::new(geometry)), ..Options::default() };
    draw(ChartKind::DistrictMap, &options, 320.0);
}

/// Valid options for `kind`, in any combination.
fn valid_options(kind: ChartKind) -> impl Strategy<Value = Options> {
    let targets = kind.targets();
    let actuals = if targets.is_empty() {
        Just(Vec::new()).boxed()
    } else {
        let point = (2025u16..=2035, prop_oneof![Just(0.0), Just(-1e12), Just(1e12), Just(1e-300), -5e3..5e4f64]);
        proptest::collection::vec((proptest::sample::select(targets), proptest::collection::vec(point, 0..12)), 0..6)
            .prop_map(|entries| {
                entries
                    .into_iter()
                    .map(|(datum, points)| {
                        let mut points: Vec<Reported> =
                            points.into_iter().map(|(year, value)| Reported { year, value }).collect();
                        points.sort_by_key(|p| p.year);
                        points.dedup_by_key(|p| p.year);
                        Actual { datum, points }
                    })
                    .collect()
            })
            .boxed()
    };
    let mut categories: Vec<Option<&'static str>> = vec![None];
    categories.extend(kind.categories().iter().map(|(_, id)| Some(*id)));
    let mut selections: Vec<Option<&'static str>> = vec![None];
    selections.extend(selectable_ids().into_iter().map(Some));
    (
        any::<bool>(),
        proptest::sample::select(vec![ThemeChoice::Light, ThemeChoice::Dark]),
        proptest::sample::select(kind.sorts().iter().map(|(_, s)| *s).collect::<Vec<_>>()),
        proptest::sample::select(vec![ProjectMeasure::Total, ProjectMeasure::FiveYear, ProjectMeasure::Count]),
        proptest::sample::select(categories),
        actuals,
        proptest::sample::select(selections),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(en, theme, sort, measure, category, actuals, selected, count, geometry)| Options {
            lang: if en { Lang::En } else { Lang::Zh },
            theme,
            sort,
            measure,
            category,
            actuals,
            selected,
            fill: if count { MapFill::Count } else { MapFill::Selection },
            geometry: geometry.then(demo_geometry),
        })
}

/// A parse result must be boundaries with at least one ring of three points per polygon, or an
/// error with a message.
fn check_geometry(result: Result<Geometry, GeometryError>) -> Result<Geometry, ()> {
    match result {
        Ok(geometry) => {
            assert!(!geometry.districts.is_empty());
            for d in &geometry.districts {
                for polygon in &d.polygons {
                    assert!(!polygon.is_empty() && polygon.iter().all(|ring| ring.len() >= 3));
                }
            }
            Ok(geometry)
        }
        Err(e) => {
            let message = shaoxing_plan_charts::Error::from(e).to_string();
            assert!(message.starts_with("Option \"geometry\"") && message.len() > 40, "{message}");
            Err(())
        }
    }
}

fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![number().prop_filter("JSON numbers are finite", |n| n.is_finite()), -200.0..200.0f64]
            .prop_map(Json::Number),
        word().prop_map(Json::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            proptest::collection::vec((word(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

/// JSON that looks like GeoJSON: collections of features with names and polygons, wrong in places.
fn geojson_like() -> impl Strategy<Value = Json> {
    let position = prop_oneof![
        4 => (100.0..140.0f64, 20.0..40.0f64).prop_map(|(x, y)| Json::Array(vec![Json::Number(x), Json::Number(y)])),
        1 => json_value(),
    ];
    let ring = proptest::collection::vec(position, 0..8).prop_map(Json::Array);
    let polygon = proptest::collection::vec(ring, 0..3).prop_map(Json::Array);
    let geometry = (
        proptest::sample::select(vec!["Polygon", "MultiPolygon", "GeometryCollection", "Point"]),
        proptest::collection::vec(polygon.clone(), 0..3),
        polygon,
    )
        .prop_map(|(kind, many, one)| {
            let coordinates = if kind == "MultiPolygon" { Json::Array(many) } else { one };
            Json::Object(vec![
                ("type".into(), Json::String(kind.into())),
                ("coordinates".into(), coordinates),
                ("geometries".into(), Json::Array(vec![])),
            ])
        });
    let name = prop_oneof![
        proptest::sample::select(vec![
            "越城区",
            "柯桥",
            "Shangyu District",
            "zhuji",
            "新昌县",
            "嵊州市",
            "滨海新区",
            "杭州市"
        ])
        .prop_map(|s| Json::String(s.into())),
        json_value(),
    ];
    let adcode = prop_oneof![
        Just(Json::Number(330602.0)),
        Just(Json::String("330683".into())),
        Just(Json::Number(-1.0)),
        Just(Json::Number(1e300)),
        json_value(),
    ];
    let feature = (name, adcode, prop_oneof![4 => geometry, 1 => json_value()]).prop_map(|(name, adcode, geometry)| {
        Json::Object(vec![
            ("type".into(), Json::String("Feature".into())),
            ("properties".into(), Json::Object(vec![("name".into(), name), ("adcode".into(), adcode)])),
            ("geometry".into(), geometry),
        ])
    });
    prop_oneof![
        4 => proptest::collection::vec(feature, 0..8).prop_map(|features| Json::Object(vec![
            ("type".into(), Json::String("FeatureCollection".into())),
            ("features".into(), Json::Array(features)),
        ])),
        1 => json_value(),
    ]
}

/// Replaces the value reached by following `path` (an index into each array or object in turn).
fn replace_at(document: &mut Json, path: &[prop::sample::Index], replacement: Json) {
    let child = match (document, path.first()) {
        (Json::Array(items), Some(step)) if !items.is_empty() => {
            let i = step.index(items.len());
            &mut items[i]
        }
        (Json::Object(members), Some(step)) if !members.is_empty() => {
            let i = step.index(members.len());
            &mut members[i].1
        }
        (here, _) => {
            *here = replacement;
            return;
        }
    };
    replace_at(child, &path[1..], replacement)
}

fn write_json(value: &Json) -> String {
    let mut out = String::new();
    write_into(value, &mut out);
    out
}

fn write_into(value: &Json, out: &mut String) {
    match value {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(&format!("{n:e}")),
        Json::String(s) => write_string(s, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_into(item, out);
            }
            out.push(']');
        }
        Json::Object(members) => {
            out.push('{');
            for (i, (name, item)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(name, out);
                out.push(':');
                write_into(item, out);
            }
            out.push('}');
        }
    }
}

fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[test]
fn the_json_writer_round_trips_the_demo_boundaries() {
    let document = json::parse(demo_geojson()).unwrap();
    assert_eq!(json::parse(&write_json(&document)).unwrap(), document);
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    for text in ["[".repeat(1_000_000), "{\"a\":".repeat(1_000_000), format!("{}1{}", "[".repeat(64), "]".repeat(64))] {
        check_geometry(geojson::parse(&text)).unwrap_err();
    }
    // Collections of collections, as deep as JSON allows.
    let mut geometry = r#"{"type":"Polygon","coordinates":[[[120,30],[121,30],[121,31]]]}"#.to_string();
    for _ in 0..25 {
        geometry = format!(r#"{{"type":"GeometryCollection","geometries":[{geometry}]}}"#);
    }
    let text = format!(r#"{{"type":"Feature","properties":{{"name":"越城区"}},"geometry":{geometry}}}"#);
    draw_map(check_geometry(geojson::parse(&text)).unwrap());
}

#[test]
fn huge_numbers_and_coordinate_counts_get_an_error() {
    for number in ["1e309", "-1e400", "123456789e999999999999", &"9".repeat(100_000)] {
        let text = format!(r#"{{"type":"FeatureCollection","features":[{number}]}}"#);
        let message = shaoxing_plan_charts::Error::from(geojson::parse(&text).unwrap_err()).to_string();
        assert!(message.contains("too large"), "{message}");
    }
    // A ring going round a triangle `n` times: 3n points, none repeating the one before.
    let ring = |n: usize| -> String {
        let points = vec!["[120,30],[121,30],[121,31]"; n].join(",");
        format!(
            r#"{{"type":"Feature","properties":{{"name":"越城区"}},"geometry":{{"type":"Polygon","coordinates":[[{points}]]}}}}"#
        )
    };
    let message =
        shaoxing_plan_charts::Error::from(geojson::parse(&ring(geojson::MAX_POINTS / 3 + 1)).unwrap_err()).to_string();
    assert!(message.contains("simplify"), "{message}");
    draw_map(geojson::parse(&ring(2_000)).unwrap());
}

/// docs/testing.md says how many properties there are, how many cases each runs, and so how many
/// generated inputs a run tries: counted here from this file, so that the page cannot drift.
#[test]
fn the_testing_page_states_how_many_inputs_a_run_tries() {
    let source = include_str!("properties.rs");
    // The blocks of properties; the macro's name is split so that this line is not one of them.
    let opening = concat!("proptest", "! {");
    let properties: u32 = source
        .split(opening)
        .skip(1)
        .map(|block| block.split("\n}\n").next().unwrap_or("").matches("#[test]").count() as u32)
        .sum();
    let words =
        ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    let stated = format!(
        "{} properties of {} generated cases each, {} inputs per run",
        words.get(properties as usize).copied().unwrap_or("many"),
        CASES,
        properties * CASES
    );
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/testing.md")).unwrap();
    let page = page.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(properties >= 8, "found {properties} properties");
    assert!(page.contains(&stated), "docs/testing.md should say \"{stated}\"");
}
