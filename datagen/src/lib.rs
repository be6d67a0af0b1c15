//! Reads the plan's figures from `data/*.toml`, checks them, and compiles them into Rust statics
//! (for the library) and JSON (for `dataset()` in the browser).
//!
//! Every error names the file, the record and the field, because the people who edit these files
//! are not expected to read Rust.

pub mod check;
mod emit;
pub mod schema;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;

pub use emit::{to_json, to_rust};
use schema::*;

/// A problem in a data file, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// Path relative to the crate, e.g. `data/clusters.toml`.
    pub file: String,
    /// e.g. `[[cluster]] #3 (id "cluster.new-materials")`.
    pub record: Option<String>,
    /// e.g. `target.unit`.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(record) = &self.record {
            write!(f, ", record {record}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The text of every data file, keyed by its path relative to the crate (`data/units.toml`).
pub type Sources = BTreeMap<String, String>;

/// Reads every `.toml` file of `data_dir` (and of its `figures/` folder).
pub fn read_sources(data_dir: &Path) -> Result<Sources, DataError> {
    let mut sources = Sources::new();
    for sub in ["", "figures"] {
        let dir = data_dir.join(sub);
        let entries = std::fs::read_dir(&dir).map_err(|e| DataError {
            file: dir.display().to_string(),
            record: None,
            field: None,
            message: format!("cannot read the folder: {e}"),
        })?;
        let mut names: Vec<_> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        names.sort();
        for path in names {
            let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
            let key = if sub.is_empty() { format!("data/{name}") } else { format!("data/{sub}/{name}") };
            let text = std::fs::read_to_string(&path).map_err(|e| DataError {
                file: key.clone(),
                record: None,
                field: None,
                message: format!("cannot read the file: {e}"),
            })?;
            sources.insert(key, text);
        }
    }
    Ok(sources)
}

/// Parses and checks all files. Returns every error found, not just the first.
pub fn compile(sources: &Sources) -> Result<Dataset, Vec<DataError>> {
    let mut loader = Loader { sources, errors: Vec::new(), read: Vec::new() };
    let units: UnitsFile = loader.file("data/units.toml");
    let qualifiers: QualifiersFile = loader.file("data/qualifiers.toml");
    let indicators: IndicatorsFile = loader.file("data/indicators.toml");
    let clusters: ClustersFile = loader.file("data/clusters.toml");
    let industries: IndustriesFile = loader.file("data/industries.toml");
    let districts: DistrictsFile = loader.file("data/districts.toml");
    let projects: ProjectsFile = loader.file("data/projects.toml");
    let groups: GroupsFile = loader.file("data/groups.toml");
    let names: NamesFile = loader.file("data/names.toml");
    let figure_names: Vec<String> = sources.keys().filter(|k| k.starts_with("data/figures/")).cloned().collect();
    let mut figures = Vec::new();
    let mut figure_origin = Vec::new();
    for name in &figure_names {
        let file: FiguresFile = loader.file(name);
        figure_origin.push((name.clone(), file.figure.len()));
        figures.extend(file.figure);
    }
    let Loader { mut errors, read, .. } = loader;
    for name in sources.keys().filter(|k| !read.contains(k)) {
        errors.push(DataError {
            file: name.clone(),
            record: None,
            field: None,
            message: "the dataset does not read this file; data/README.md lists the files it reads".into(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let data = Dataset {
        units: units.unit,
        qualifiers: qualifiers.qualifier,
        categories: indicators.category,
        indicators: indicators.indicator,
        clusters: clusters.cluster,
        industries: industries.industry,
        districts: districts.district,
        project_domains: projects.domain,
        project_totals: projects.total,
        groups: groups.group,
        figures,
        names: names.name,
    };
    let errors = check::check(&data, &figure_origin);
    if errors.is_empty() {
        Ok(data)
    } else {
        Err(errors)
    }
}

struct Loader<'a> {
    sources: &'a Sources,
    errors: Vec<DataError>,
    read: Vec<String>,
}

impl Loader<'_> {
    /// Parses one file; on error records it and returns an empty file so that the others are still checked.
    fn file<T: DeserializeOwned + Default>(&mut self, name: &str) -> T {
        self.read.push(name.to_string());
        let Some(text) = self.sources.get(name) else {
            self.errors.push(DataError {
                file: name.to_string(),
                record: None,
                field: None,
                message: "the file is missing".into(),
            });
            return T::default();
        };
        parse(name, text).unwrap_or_else(|e| {
            self.errors.push(e);
            T::default()
        })
    }
}

/// Parses one file, turning the TOML library's error into one that names the record and field.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, DataError> {
    toml::from_str::<T>(text).map_err(|e| {
        let offset = e.span().map(|s| s.start).unwrap_or(0);
        let (record, field) = locate(text, offset);
        DataError { file: file.to_string(), record, field, message: e.message().trim().to_string() }
    })
}

/// Finds the `[[table]]` record that contains byte `offset`, and the key written on that line.
fn locate(text: &str, offset: usize) -> (Option<String>, Option<String>) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut record: Option<(&str, usize, Option<&str>)> = None;
    let mut field = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let header = trimmed.strip_prefix("[[").and_then(|h| h.strip_suffix("]]"));
        // A nested table (`[[district.place]]`) stays inside its parent record.
        let top_level = header.filter(|h| !h.contains('.'));
        if pos > offset && top_level.is_some() {
            break; // the record that holds the error ends here
        }
        if let Some(h) = header {
            let n = counts.entry(h).or_default();
            *n += 1;
            if top_level.is_some() {
                record = Some((h, *n, None));
            }
        } else if let Some((key, value)) = trimmed.split_once('=') {
            if let (Some((_, _, id @ None)), "id") = (&mut record, key.trim()) {
                *id = Some(value.trim().trim_matches('"'));
            }
            if (pos..pos + line.len()).contains(&offset) {
                field = Some(key.trim().to_string());
            }
        }
        pos += line.len();
    }
    let record = record.map(|(header, n, id)| match id {
        Some(id) => format!("[[{header}]] #{n} (id \"{id}\")"),
        None => format!("[[{header}]] #{n}"),
    });
    (record, field)
}

#[cfg(test)]
mod tests;
