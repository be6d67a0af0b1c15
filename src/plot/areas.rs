//! Areas on a plane: the districts of a map, or the tiles of a diagram. Each is filled, and hatched
//! as well when marked (a cue besides colour); borders part them, the marked ones are outlined, and
//! its words are written on each, on a plain patch of the fill where it is hatched. Each area gets a
//! region (its box) and an outline (its rings), by which pointer and keyboard find it.

use crate::data::model::label;
use crate::data::model::Lang;
use crate::geo::plane::{self, Point, Ring};
use crate::plot::paragraphs::{block, Type};
use crate::plot::parts::{legend as key, padding, Swatch, HEADING_SIZE};
use crate::scale::Within;
use crate::scene::{Align, Baseline, Outline, Rect, Region, Scene, Shape};
use crate::text::{lines_height, lines_width, Line, TextMeasure};
use crate::theme::{Color, Theme};

pub struct Area {
    pub datum: &'static str,
    pub rings: Vec<Ring>,
    pub bounds: Rect,
    pub fill: Color,
    /// Selected, or concerned by the selection: hatched and outlined as well as filled.
    pub marked: bool,
    /// Its words, centred across `at`, the top middle of their block.
    pub words: Vec<Line>,
    pub at: Point,
    /// The areas it lies over, drawn before it: their borders show through it, and its own border
    /// is in the text colour.
    pub over: &'static [&'static str],
}

/// The ring of a rectangle.
pub fn ring(r: Rect) -> Ring {
    vec![(r.x, r.y), (r.x + r.w, r.y), (r.x + r.w, r.y + r.h), (r.x, r.y + r.h)]
}

/// Fills `rings` in `color`, hatching them when `marked`.
fn fill(scene: &mut Scene, rings: &[Ring], color: Color, marked: bool, theme: &Theme, datum: Option<&'static str>) {
    scene.push(Shape::Polygon { points: plane::joined(rings), color }, datum);
    if marked {
        for (from, to) in plane::hatch(rings, 6.0) {
            scene.push(Shape::Line { from, to, color: theme.hatch, width: 1.0 }, datum);
        }
    }
}

fn stroke(scene: &mut Scene, area: &Area, color: Color, width: f64) {
    for ring in &area.rings {
        let mut points = ring.clone();
        points.extend(ring.first().copied());
        scene.push(Shape::Path { points, color, width }, Some(area.datum));
    }
}

/// Draws `areas` in order, parted by borders in `border`; then the outlines of the marked ones, and
/// the words of all, each in the text or the background colour, whichever reads better on its fill.
pub fn draw(scene: &mut Scene, areas: &[Area], border: Color, theme: &Theme, measure: &dyn TextMeasure) {
    for area in areas {
        fill(scene, &area.rings, area.fill, area.marked, theme, Some(area.datum));
        if area.over.is_empty() {
            stroke(scene, area, border, 1.0);
        } else {
            for under in areas.iter().filter(|a| area.over.contains(&a.datum)) {
                stroke(scene, under, border, 1.0);
            }
            stroke(scene, area, theme.text, 1.0);
        }
    }
    for area in areas.iter().filter(|a| a.marked) {
        stroke(scene, area, theme.text, 2.0);
    }
    for area in areas {
        let datum = Some(area.datum);
        let ink = theme.ink_on(area.fill);
        let ((x, mut y), w, h) = (area.at, lines_width(&area.words, measure), lines_height(&area.words));
        if area.marked {
            scene.fill(Rect { x: x - (w + 6.0) / 2.0, y: y - 1.0, w: w + 6.0, h: h + 1.0 }, area.fill, datum);
        }
        for line in &area.words {
            scene.text((x, y), line.text.clone(), line.size, line.bold, ink, Align::Center, Baseline::Top, datum);
            y += line.height();
        }
    }
}

/// The regions of `areas`, in the order of `order` (data ids), and their outlines in the order of
/// `areas`: the last is on top where outlines overlap.
pub fn reach(scene: &mut Scene, areas: &[&Area], order: &[&'static str]) {
    for id in order {
        if let Some(a) = areas.iter().find(|a| a.datum == *id) {
            scene.regions.push(Region { datum: a.datum, hit: a.bounds, mark: a.bounds });
        }
    }
    scene.outlines.extend(areas.iter().map(|a| Outline { datum: a.datum, rings: a.rings.clone() }));
}

/// Where words centred on `(x, y)` start, kept inside a plot `width` wide: the top middle of their block.
pub fn centred(words: &[Line], (x, y): Point, width: f64, measure: &dyn TextMeasure) -> Point {
    let half = lines_width(words, measure) / 2.0;
    (x.within(half + 2.0, (width - half - 2.0).max(half + 2.0)), (y - lines_height(words) / 2.0).max(0.0))
}

/// A legend of fills from the top of the plot, under a heading if any: each entry's name, colour and
/// whether it is marked (hatched and outlined, as a marked area is). Returns the y below it.
pub fn legend(
    scene: &mut Scene,
    heading: Option<&str>,
    keys: &[(String, Color, bool)],
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> f64 {
    let width = scene.width;
    let pad = padding(width);
    let mut y = pad;
    if let Some(heading) = heading {
        let t = Type { size: HEADING_SIZE, bold: true, color: theme.text, step: 18.0 };
        y = block(scene, heading, (pad, y), (width - 2.0 * pad).max(1.0), &t, None, measure) + 4.0;
    }
    if keys.is_empty() {
        return y;
    }
    let swatch = |&(_, color, marked): &(String, Color, bool)| {
        move |s: &mut Scene, r: Rect| {
            if marked {
                fill(s, &[ring(r)], color, true, theme, None);
                s.push(Shape::Stroke { rect: r, color: theme.text, width: 2.0 }, None);
            } else {
                s.fill(r, color, None);
            }
        }
    };
    let swatches: Vec<_> = keys.iter().map(swatch).collect();
    let entries: Vec<(&str, Swatch)> =
        keys.iter().zip(&swatches).map(|((name, ..), s)| (name.as_str(), s as Swatch)).collect();
    key(scene, &entries, width, y, measure, theme)
}

/// A small arrow pointing up with 北 / N beside it, its tip at (x, y).
pub fn north_arrow(scene: &mut Scene, x: f64, y: f64, lang: Lang, theme: &Theme) {
    for to in [(x, y + 14.0), (x - 3.0, y + 6.0), (x + 3.0, y + 6.0)] {
        scene.push(Shape::Line { from: (x, y + 1.0), to, color: theme.muted, width: 1.0 }, None);
    }
    let n = label("北", "N", lang);
    scene.text((x - 6.0, y + 1.0), n, 11.0, true, theme.muted, Align::End, Baseline::Top, None);
}

/// `n` boxes `w` × `h` in rows from (x0, y), 6 px apart, each row ending before `right`.
pub fn rows(n: usize, (x0, mut y): Point, (w, h): (f64, f64), right: f64) -> Vec<Rect> {
    let mut x = x0;
    let mut boxes = Vec::new();
    for _ in 0..n {
        if x + w > right + 0.5 {
            x = x0;
            y += h + 6.0;
        }
        boxes.push(Rect { x, y, w, h });
        x += w + 6.0;
    }
    boxes
}
