//! The plan's figures, compiled from `data/*.toml` by `build.rs` (see `data/README.md`).

pub mod gdp;
pub mod indicator;
pub mod links;
pub mod model;

use model::*;

include!(concat!(env!("OUT_DIR"), "/dataset.rs"));

/// The whole dataset as JSON (field names as in the TOML files), for `dataset()` in the browser.
pub const DATASET_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.json"));

/// The dataset's text between two byte offsets of `DATASET_JSON`: the generated statics point into
/// the JSON rather than repeat its strings, so the `.wasm` carries every text of the plan once.
const fn json(start: usize, end: usize) -> &'static str {
    let (head, _) = DATASET_JSON.as_bytes().split_at(end);
    let (_, text) = head.split_at(start);
    match std::str::from_utf8(text) {
        Ok(text) => text,
        Err(_) => panic!("a dataset string does not lie on UTF-8 boundaries of the dataset's JSON"),
    }
}

pub fn cluster(id: &str) -> Option<&'static Cluster> {
    CLUSTERS.iter().find(|c| c.id == id)
}

pub fn industry(id: &str) -> Option<&'static Industry> {
    INDUSTRIES.iter().find(|i| i.id == id)
}

pub fn district(id: &str) -> Option<&'static District> {
    DISTRICTS.iter().find(|d| d.id == id)
}

/// The districts that the plan assigns an industry of this cluster to, in the plan's order.
pub fn districts_of_cluster(cluster_id: &str) -> Vec<&'static District> {
    DISTRICTS
        .iter()
        .filter(|d| d.industries.iter().any(|i| industry(i).and_then(|i| i.cluster) == Some(cluster_id)))
        .collect()
}

impl Quantity {
    /// The value in `unit` (or its base unit), when the two convert: 1.25 万亿元 → 12500 亿元.
    pub fn value_in(&self, unit_id: &str) -> Option<f64> {
        if self.unit.id == unit_id {
            return Some(self.value);
        }
        match self.unit.base {
            Some((base, factor)) if base == unit_id => Some(self.value * factor),
            _ => None,
        }
    }
}
