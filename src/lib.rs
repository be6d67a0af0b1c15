//! Interactive, bilingual, cited charts of Shaoxing's 15th Five-Year Plan (2026–2030).
//!
//! The pipeline, one module per step: [`data`] (the plan's figures) → [`chart`] (options and a chart's
//! content) → [`scale`] and layout → [`scene`] (draw operations in CSS pixels, tagged with their datum)
//! → [`render`] (any plotters backend: SVG natively, canvas in the browser). Interaction is pure
//! hit-testing over the scene ([`hit`]). Only [`web`] knows about the browser. See ARCHITECTURE.md.

pub mod chart;
pub mod citation;
pub mod csv;
pub mod data;
pub mod error;
pub mod format;
pub mod geo;
pub mod highlight;
pub mod hit;
pub mod order;
pub mod plot;
pub mod progress;
pub mod render;
pub mod scale;
pub mod scene;
pub mod text;
pub mod theme;

#[cfg(target_arch = "wasm32")]
mod web;

pub use error::Error;

/// The library's version, as in Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
