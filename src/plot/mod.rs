//! The plot grammar: the layer between a chart's data and its scene. A chart says which figures it
//! shows, with which marks and which words; the layouts here place them, and the fields here turn the
//! same words into the tooltip, the data table and the CSV.

pub mod areas;
pub mod bars;
pub mod cells;
pub mod fields;
pub mod headings;
pub mod lines;
pub mod notes;
pub mod paragraphs;
pub mod parts;
pub mod symbols;
pub mod tracks;

pub use bars::{Bar, Bars, Key, Paint, Panel, Panels, Row};
pub use fields::{Column, Field};
