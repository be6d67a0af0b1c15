//! Marks that stand for one value, and their legend swatches: diamonds (where a row starts, and where
//! it is to be), squares on a line (filled for what was, hollow for what is planned), crosses
//! (reported values). Each is told apart by shape as well as by colour. The legend also shows a
//! cell's square and the outline of a selection.

use crate::plot::parts::selection_outline;
use crate::scene::{Rect, Scene, Shape};
use crate::theme::{Color, Theme};

/// Half-diagonals of the open and the filled diamond.
pub const OPEN: f64 = 6.0;
pub const FILLED: f64 = 5.0;

/// A legend swatch (see [`super::Key::Symbol`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Symbol {
    /// An open diamond in the text colour.
    OpenDiamond,
    /// A filled diamond in the first series colour.
    FilledDiamond,
    /// A tag's box: filled in the text colour, or outlined.
    Tag { filled: bool },
    /// A line through a square: solid through a filled one, or (planned) dashed through a hollow one.
    Line { planned: bool },
    /// A cross in the text colour.
    Cross,
    /// A cell's mark: a square in the first series colour.
    Cell,
    /// The outline of a selected mark.
    Selected,
}

impl Symbol {
    /// Draws the swatch in the legend's 14 × 14 square `r`.
    pub fn swatch(self, scene: &mut Scene, r: Rect, theme: &Theme) {
        let centre = (r.x + r.w / 2.0, r.y + r.h / 2.0);
        match self {
            Symbol::OpenDiamond => {
                open_diamond(scene, centre, theme, None);
                open_outline(scene, centre, theme, None);
            }
            Symbol::FilledDiamond => filled_diamond(scene, centre, FILLED + 1.0, theme.series[0], None),
            Symbol::Tag { filled: true } => scene.fill(r, theme.text, None),
            Symbol::Tag { filled: false } => {
                scene.push(Shape::Stroke { rect: r, color: theme.muted, width: 1.0 }, None)
            }
            Symbol::Line { planned } => {
                let (from, to) = ((r.x, centre.1), (r.x + r.w, centre.1));
                if planned {
                    dashed(scene, from, to, theme.series[0], 2.0, None);
                } else {
                    scene.push(Shape::Line { from, to, color: theme.series[0], width: 3.0 }, None);
                }
                square(scene, centre, planned, theme, None);
            }
            Symbol::Cross => {
                cross(scene, centre, theme, None);
            }
            Symbol::Cell => scene.fill(inset(r, 1.0), theme.series[0], None),
            Symbol::Selected => selection_outline(scene, inset(r, 3.0), theme, None),
        }
    }
}

fn inset(r: Rect, by: f64) -> Rect {
    Rect { x: r.x + by, y: r.y + by, w: r.w - 2.0 * by, h: r.h - 2.0 * by }
}

/// A diamond's outline: four lines whose corners fall on whole pixels, crisp at any pixel ratio.
fn diamond(scene: &mut Scene, (cx, cy): (f64, f64), r: f64, color: Color, width: f64, datum: Option<&'static str>) {
    let corners = [(cx + r, cy), (cx, cy + r), (cx - r, cy), (cx, cy - r), (cx + r, cy)];
    for pair in corners.windows(2) {
        scene.push(Shape::Line { from: pair[0], to: pair[1], color, width }, datum);
    }
}

/// A filled diamond: one-pixel rows, smoothed by its outline.
pub fn filled_diamond(scene: &mut Scene, (cx, cy): (f64, f64), r: f64, color: Color, datum: Option<&'static str>) {
    let rows = (2.0 * r).ceil() as usize;
    for i in 0..rows {
        let top = cy - r + i as f64;
        let half = (r - (top + 0.5 - cy).abs()).max(0.0);
        scene.fill(Rect { x: cx - half, y: top, w: 2.0 * half, h: 1.0 }, color, datum);
    }
    diamond(scene, (cx, cy), r - 0.5, color, 1.0, datum);
}

/// The inside of an open diamond, cleared (a bar may run beneath it). Its outline, [`open_outline`],
/// is drawn after any filled diamond at the same place, so that it stays in sight.
pub fn open_diamond(scene: &mut Scene, at: (f64, f64), theme: &Theme, datum: Option<&'static str>) {
    filled_diamond(scene, at, OPEN + 1.5, theme.background, datum);
}

pub fn open_outline(scene: &mut Scene, at: (f64, f64), theme: &Theme, datum: Option<&'static str>) {
    diamond(scene, at, OPEN, theme.text, 2.0, datum);
}

/// A 9 px square about `(x, y)`: filled in the first series colour, or hollow (`planned`).
pub fn square(
    scene: &mut Scene,
    (x, y): (f64, f64),
    planned: bool,
    theme: &Theme,
    datum: Option<&'static str>,
) -> Rect {
    let rect = Rect { x: (x - 4.5).round(), y: (y - 4.5).round(), w: 9.0, h: 9.0 };
    if planned {
        scene.fill(rect, theme.background, datum);
        let ring = Rect { x: rect.x + 1.0, y: rect.y + 1.0, w: 7.0, h: 7.0 };
        scene.push(Shape::Stroke { rect: ring, color: theme.series[0], width: 2.0 }, datum);
    } else {
        scene.fill(rect, theme.series[0], datum);
    }
    rect
}

/// A cross in the text colour about `(x, y)`, unlike either square.
pub fn cross(scene: &mut Scene, (x, y): (f64, f64), theme: &Theme, datum: Option<&'static str>) -> Rect {
    let r = 5.0;
    for (from, to) in [((x - r, y - r), (x + r, y + r)), ((x - r, y + r), (x + r, y - r))] {
        scene.push(Shape::Line { from, to, color: theme.text, width: 2.0 }, datum);
    }
    Rect { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r }
}

/// A dashed line drawn as short segments, so that every backend shows the dashes.
pub fn dashed(
    scene: &mut Scene,
    from: (f64, f64),
    to: (f64, f64),
    color: Color,
    width: f64,
    datum: Option<&'static str>,
) {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt();
    if !(length.is_finite() && length > 0.0) {
        return;
    }
    let (dash, gap) = (6.0, 4.0);
    let mut at = 0.0;
    while at < length {
        let end = (at + dash).min(length);
        let p = |t: f64| (from.0 + dx * t / length, from.1 + dy * t / length);
        scene.push(Shape::Line { from: p(at), to: p(end), color, width }, datum);
        at += dash + gap;
    }
}
