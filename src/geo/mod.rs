//! Maps in pure Rust: a small JSON reader, GeoJSON boundaries matched to the plan's districts, a
//! projection, and the plane geometry that drawing and hit-testing a map need. The library bundles
//! no boundaries: an embedder passes its own (an approved base map) as the `geometry` option.

pub mod geojson;
pub mod json;
pub mod plane;

pub use geojson::{band, DistrictShape, Geometry, GeometryError, Placed, Projection};
