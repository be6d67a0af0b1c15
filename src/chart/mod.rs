//! The chart catalogue. A chart turns the dataset and its options into a [`Rendered`]: a scene of the
//! plot, its texts (title, description, source, text alternative), tooltips, a data table and CSV.

pub mod district_industries;
pub mod district_map;
pub mod gdp_path;
pub mod industry_clusters;
pub mod infrastructure_targets;
pub mod main_indicators;
pub mod major_projects;
pub mod options;

pub(crate) use crate::data::model::label;
use crate::data::model::{Lang, Text};
use crate::error::Error;
pub use crate::plot::fields::{Table, Tooltip};
use crate::plot::paragraphs::{block, Type};
use crate::scale::Within;
use crate::scene::Scene;
use crate::text::TextMeasure;
use crate::theme::Theme;
pub use options::{Accepts, Actual, MapFill, OptionValue, Options, ProjectMeasure, Reported, Sort, ThemeChoice};

/// The widest layout, in CSS pixels. Layout work and memory grow with the width (hatching, ticks,
/// wrapped labels); a container wider than any screen gets a chart this wide rather than exhaust the
/// module's memory.
pub const MAX_WIDTH: f64 = 16384.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    IndustryClusters,
    MajorProjects,
    MainIndicators,
    GdpPath,
    InfrastructureTargets,
    DistrictMap,
    DistrictIndustries,
}

pub struct ChartInfo {
    pub kind: ChartKind,
    pub id: &'static str,
    pub title: Text,
    /// Options this chart takes besides `lang` and `theme`.
    pub options: &'static [&'static str],
}

pub const CHARTS: &[ChartInfo] = &[
    ChartInfo {
        kind: ChartKind::IndustryClusters,
        id: "industry-clusters",
        title: industry_clusters::TITLE,
        options: &["sort", "actuals", "selected"],
    },
    ChartInfo {
        kind: ChartKind::MajorProjects,
        id: "major-projects",
        title: major_projects::TITLE,
        options: &["measure", "actuals"],
    },
    ChartInfo {
        kind: ChartKind::MainIndicators,
        id: "main-indicators",
        title: main_indicators::TITLE,
        options: &["category", "actuals"],
    },
    ChartInfo { kind: ChartKind::GdpPath, id: "gdp-path", title: gdp_path::TITLE, options: &["actuals"] },
    ChartInfo {
        kind: ChartKind::InfrastructureTargets,
        id: "infrastructure-targets",
        title: infrastructure_targets::TITLE,
        options: &["actuals"],
    },
    ChartInfo {
        kind: ChartKind::DistrictMap,
        id: "district-map",
        title: district_map::TITLE,
        options: &["fill", "geometry", "selected"],
    },
    ChartInfo {
        kind: ChartKind::DistrictIndustries,
        id: "district-industries",
        title: district_industries::TITLE,
        options: &["sort", "selected"],
    },
];

impl ChartKind {
    pub fn from_id(id: &str) -> Result<ChartKind, Error> {
        CHARTS
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.kind)
            .ok_or_else(|| Error::UnknownChart { id: id.to_string(), known: CHARTS.iter().map(|c| c.id).collect() })
    }

    pub fn info(self) -> &'static ChartInfo {
        // Every kind has exactly one entry in CHARTS (checked by a test).
        CHARTS.iter().find(|c| c.kind == self).unwrap_or(&CHARTS[0])
    }

    /// Validates `entries` and applies them on top of `base`.
    pub fn options(self, base: &Options, entries: &[(String, OptionValue)]) -> Result<Options, Error> {
        let info = self.info();
        let targets = self.targets();
        let categories = self.categories();
        let sorts = self.sorts();
        let accepts =
            Accepts { chart: info.id, options: info.options, targets: &targets, categories: &categories, sorts };
        options::apply(&accepts, base, entries)
    }

    /// The words `sort` takes for this chart.
    pub fn sorts(self) -> &'static [(&'static str, Sort)] {
        match self {
            ChartKind::DistrictIndustries => district_industries::SORTS,
            _ => options::SORTS,
        }
    }

    /// The values `category` takes for this chart: (option value, category id).
    pub fn categories(self) -> Vec<(&'static str, &'static str)> {
        match self {
            ChartKind::MainIndicators => main_indicators::categories(),
            _ => Vec::new(),
        }
    }

    /// The ids of the figures this chart shows as targets: what `actuals` may report on.
    pub fn targets(self) -> Vec<&'static str> {
        match self {
            ChartKind::IndustryClusters => crate::data::CLUSTERS.iter().map(|c| c.id).collect(),
            ChartKind::MajorProjects => crate::data::PROJECT_DOMAINS.iter().map(|d| d.id).collect(),
            ChartKind::MainIndicators => main_indicators::targets(),
            ChartKind::GdpPath => gdp_path::targets(),
            ChartKind::InfrastructureTargets => infrastructure_targets::targets(),
            // The map shows no targets: nothing for `actuals` to report on.
            ChartKind::DistrictMap => Vec::new(),
            // Nothing here is a numeric target.
            ChartKind::DistrictIndustries => Vec::new(),
        }
    }

    /// The words an option of this chart takes (the first is its default), or `None` for options
    /// that take other values (`selected`, `geometry`, `actuals`) or that the chart does not take.
    pub fn choices(self, option: &str) -> Option<Vec<&'static str>> {
        fn words<T>(list: &[(&'static str, T)]) -> Vec<&'static str> {
            list.iter().map(|(word, _)| *word).collect()
        }
        if !options::COMMON.contains(&option) && !self.info().options.contains(&option) {
            return None;
        }
        match option {
            "lang" => Some(words(options::LANGS)),
            "theme" => Some(words(options::THEMES)),
            "sort" => Some(words(self.sorts())),
            "measure" => Some(words(options::MEASURES)),
            "fill" => Some(words(options::FILLS)),
            "category" => Some(std::iter::once("all").chain(self.categories().into_iter().map(|(w, _)| w)).collect()),
            _ => None,
        }
    }

    /// The places in the plan that the chart's figures come from, as its source line names them.
    pub fn sections(self) -> Vec<&'static str> {
        match self {
            ChartKind::IndustryClusters => industry_clusters::SECTIONS.to_vec(),
            ChartKind::MajorProjects => vec![major_projects::SECTION],
            ChartKind::MainIndicators => vec![main_indicators::SECTION],
            ChartKind::GdpPath => crate::data::gdp::sections(),
            ChartKind::InfrastructureTargets => infrastructure_targets::sections(),
            ChartKind::DistrictMap => district_map::SECTIONS.to_vec(),
            ChartKind::DistrictIndustries => district_industries::SECTIONS.to_vec(),
        }
    }

    /// Lays the chart out for a plot `width` CSS pixels wide, at most [`MAX_WIDTH`]: a wider
    /// container gets a chart of that width.
    pub fn render(self, options: &Options, theme: &Theme, width: f64, measure: &dyn TextMeasure) -> Rendered {
        let width = if width.is_nan() { 0.0 } else { width.within(0.0, MAX_WIDTH) };
        match self {
            ChartKind::IndustryClusters => industry_clusters::render(options, theme, width, measure),
            ChartKind::MajorProjects => major_projects::render(options, theme, width, measure),
            ChartKind::MainIndicators => main_indicators::render(options, theme, width, measure),
            ChartKind::GdpPath => gdp_path::render(options, theme, width, measure),
            ChartKind::InfrastructureTargets => infrastructure_targets::render(options, theme, width, measure),
            ChartKind::DistrictMap => district_map::render(options, theme, width, measure),
            ChartKind::DistrictIndustries => district_industries::render(options, theme, width, measure),
        }
    }

    /// The chart's data in its current order, with provenance columns.
    pub fn csv(self, options: &Options) -> String {
        match self {
            ChartKind::IndustryClusters => industry_clusters::csv(options),
            ChartKind::MajorProjects => major_projects::csv(options),
            ChartKind::MainIndicators => main_indicators::csv(options),
            ChartKind::GdpPath => gdp_path::csv(options),
            ChartKind::InfrastructureTargets => infrastructure_targets::csv(options),
            ChartKind::DistrictMap => district_map::csv(options),
            ChartKind::DistrictIndustries => district_industries::csv(options),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub scene: Scene,
    pub title: String,
    pub description: String,
    pub source: String,
    /// A text alternative: what the chart shows, its largest and smallest values, the totals.
    pub alt: String,
    /// One per region of the scene, in the same order.
    pub tooltips: Vec<Tooltip>,
    pub table: Table,
    /// How to use the chart on screen ("select a district…"): shown under the plot, never exported.
    pub hint: Option<String>,
}

const TITLE_SIZE: f64 = 17.0;
const DESCRIPTION_SIZE: f64 = 13.0;
const SOURCE_SIZE: f64 = 11.0;

/// The plot with its title and description above and its source line below, as one scene: what
/// `toSvg()` and `toPng()` export, so that a picture cut from the page still says what and whence.
pub fn with_captions(rendered: &Rendered, theme: &Theme, measure: &dyn TextMeasure) -> Scene {
    let width = rendered.scene.width;
    let pad = 12.0;
    let inner = width - 2.0 * pad;
    let mut out = Scene::new(width, 0.0);
    let mut y = pad;
    let title = Type { size: TITLE_SIZE, bold: true, color: theme.text, step: TITLE_SIZE * 1.35 };
    y = block(&mut out, &rendered.title, (pad, y), inner, &title, None, measure);
    let description = Type { size: DESCRIPTION_SIZE, bold: false, color: theme.muted, step: DESCRIPTION_SIZE * 1.4 };
    y = block(&mut out, &rendered.description, (pad, y), inner, &description, None, measure) + 4.0;
    let mut plot = rendered.scene.clone();
    plot.translate(0.0, y.round());
    y += plot.height.round();
    out.items.extend(plot.items);
    out.regions.extend(plot.regions);
    out.outlines.extend(plot.outlines);
    let source = Type { size: SOURCE_SIZE, bold: false, color: theme.muted, step: SOURCE_SIZE * 1.4 };
    y = block(&mut out, &rendered.source, (pad, y), inner, &source, None, measure);
    out.height = (y + pad).ceil();
    out
}

/// The width, in CSS pixels, of the static pictures that stand in for a chart before (or without)
/// WebAssembly: `pkg/static/<id>.<lang>.svg`.
pub const STATIC_WIDTH: f64 = 720.0;

/// A chart's static picture: default options in `lang`, light theme, laid out at [`STATIC_WIDTH`] with
/// fixed text metrics, with its title, description and source, as a standalone SVG document.
pub fn static_svg(kind: ChartKind, lang: Lang) -> String {
    let options = Options { lang, theme: ThemeChoice::Light, ..Options::default() };
    let theme = Theme::get(crate::theme::ThemeName::Light);
    let rendered = kind.render(&options, theme, STATIC_WIDTH, &crate::text::FixedMetrics);
    let scene = with_captions(&rendered, theme, &crate::text::FixedMetrics);
    crate::render::to_svg(&scene, theme.background, &rendered.title, &rendered.alt)
}

/// Every chart's static picture in both languages, by file name (`industry-clusters.en.svg`, …).
pub fn static_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for info in CHARTS {
        for (lang, code) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
            files.push((format!("{}.{code}.svg", info.id), static_svg(info.kind, lang)));
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_listed_once_and_ids_resolve() {
        for info in CHARTS {
            assert_eq!(ChartKind::from_id(info.id), Ok(info.kind));
            assert_eq!(info.kind.info().id, info.id);
            assert_eq!(CHARTS.iter().filter(|c| c.kind == info.kind).count(), 1);
        }
        let e = ChartKind::from_id("pie").unwrap_err();
        assert_eq!(e.to_string(), "Unknown chart id \"pie\". Known charts: industry-clusters, major-projects, main-indicators, gdp-path, infrastructure-targets, district-map, district-industries.");
    }

    #[test]
    fn the_sections_are_those_of_the_source_line() {
        for info in CHARTS {
            let sections = info.kind.sections();
            assert!(!sections.is_empty(), "{}", info.id);
            for lang in [Lang::Zh, Lang::En] {
                let options = Options { lang, ..Options::default() };
                let rendered = info.kind.render(
                    &options,
                    Theme::get(crate::theme::ThemeName::Light),
                    720.0,
                    &crate::text::FixedMetrics,
                );
                assert_eq!(rendered.source, crate::format::source_line(&sections, lang), "{}", info.id);
            }
        }
    }

    #[test]
    fn choices_list_the_words_each_option_takes_and_validation_accepts_them() {
        assert_eq!(ChartKind::IndustryClusters.choices("sort"), Some(vec!["plan", "value"]));
        assert_eq!(ChartKind::DistrictIndustries.choices("sort"), Some(vec!["plan", "count"]));
        assert_eq!(ChartKind::MajorProjects.choices("sort"), None, "not an option of the chart");
        assert_eq!(ChartKind::GdpPath.choices("theme"), Some(vec!["light", "dark", "auto"]));
        assert_eq!(ChartKind::DistrictMap.choices("geometry"), None);
        let categories = ChartKind::MainIndicators.choices("category").unwrap();
        assert_eq!(categories[0], "all");
        assert_eq!(categories.len(), 6);
        for info in CHARTS {
            for name in options::COMMON.iter().chain(info.options) {
                for word in info.kind.choices(name).unwrap_or_default() {
                    let entries = [(name.to_string(), OptionValue::Text(word.into()))];
                    assert!(info.kind.options(&Options::default(), &entries).is_ok(), "{} {name}={word}", info.id);
                }
            }
        }
    }

    #[test]
    fn a_container_wider_than_any_screen_gets_a_chart_of_the_widest_layout() {
        let theme = Theme::get(crate::theme::ThemeName::Light);
        for info in CHARTS {
            for (width, laid_out) in [
                (1.0, 1.0),
                (375.0, 375.0),
                (1e4, 1e4),
                (1e7, MAX_WIDTH),
                (f64::INFINITY, MAX_WIDTH),
                (f64::NAN, 0.0),
                (-5.0, 0.0),
            ] {
                let rendered = info.kind.render(&Options::default(), theme, width, &crate::text::FixedMetrics);
                assert_eq!(rendered.scene.width, laid_out, "{} at {width}", info.id);
            }
        }
    }
}
