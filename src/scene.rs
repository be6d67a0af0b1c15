//! A chart's picture as a list of draw operations in CSS pixels, each tagged with the datum it shows,
//! plus the regions that pointer and keyboard interaction address. Backends only paint scenes.

use crate::theme::Color;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x < self.x + self.w && y >= self.y && y < self.y + self.h
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    Center,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// Which way a text runs: along the x axis, or turned a quarter turn anticlockwise so that it reads
/// upwards (column headings too long to set across their column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Rotation {
    #[default]
    None,
    /// Reads from bottom to top; `align` runs along the text (Start: the text rises from `at`) and
    /// `baseline` across it (Top: the text lies to the right of `at`).
    Up,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Fill {
        rect: Rect,
        color: Color,
    },
    Stroke {
        rect: Rect,
        color: Color,
        width: f64,
    },
    Line {
        from: (f64, f64),
        to: (f64, f64),
        color: Color,
        width: f64,
    },
    /// A filled polygon (a map's district). Holes are joined to their outer ring and run the
    /// other way round, so that they stay empty under both fill rules.
    Polygon {
        points: Vec<(f64, f64)>,
        color: Color,
    },
    /// An open polyline; repeat the first point at the end to close it.
    Path {
        points: Vec<(f64, f64)>,
        color: Color,
        width: f64,
    },
    Text {
        at: (f64, f64),
        text: String,
        size: f64,
        bold: bool,
        color: Color,
        align: Align,
        baseline: Baseline,
        rotation: Rotation,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub shape: Shape,
    /// The id of the datum this shape shows (`cluster.new-materials`), if any.
    pub datum: Option<&'static str>,
}

/// What the pointer or keyboard can address: one per datum, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Region {
    pub datum: &'static str,
    /// The area that responds to the pointer: generous, e.g. a whole row.
    pub hit: Rect,
    /// The mark itself, outlined when highlighted.
    pub mark: Rect,
}

/// The exact shape of a region where a rectangle is too coarse (a district on a map): the pointer
/// finds the region only inside these rings (even-odd). Where outlines overlap, the one listed
/// last, drawn on top, wins.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub datum: &'static str,
    pub rings: Vec<Vec<(f64, f64)>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub items: Vec<Item>,
    pub regions: Vec<Region>,
    /// Exact shapes of some regions, by datum, for hit-testing and highlighting.
    pub outlines: Vec<Outline>,
}

impl Scene {
    pub fn new(width: f64, height: f64) -> Scene {
        Scene { width, height, ..Scene::default() }
    }

    pub fn push(&mut self, shape: Shape, datum: Option<&'static str>) {
        self.items.push(Item { shape, datum });
    }

    pub fn fill(&mut self, rect: Rect, color: Color, datum: Option<&'static str>) {
        self.push(Shape::Fill { rect, color }, datum);
    }

    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), color: Color, width: f64) {
        self.push(Shape::Line { from, to, color, width }, None);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        at: (f64, f64),
        text: impl Into<String>,
        size: f64,
        bold: bool,
        color: Color,
        align: Align,
        baseline: Baseline,
        datum: Option<&'static str>,
    ) {
        let rotation = Rotation::None;
        self.push(Shape::Text { at, text: text.into(), size, bold, color, align, baseline, rotation }, datum);
    }

    /// A text that reads upwards from `at` (see [`Rotation::Up`]).
    #[allow(clippy::too_many_arguments)]
    pub fn text_up(
        &mut self,
        at: (f64, f64),
        text: impl Into<String>,
        size: f64,
        bold: bool,
        color: Color,
        align: Align,
        baseline: Baseline,
        datum: Option<&'static str>,
    ) {
        let rotation = Rotation::Up;
        self.push(Shape::Text { at, text: text.into(), size, bold, color, align, baseline, rotation }, datum);
    }

    /// Diagonal hatching inside `rect`, clipped to it: a second cue beside colour.
    pub fn hatch(&mut self, rect: Rect, color: Color, spacing: f64, datum: Option<&'static str>) {
        let Rect { x, y, w, h } = rect;
        let mut offset = spacing;
        // Lines of slope −1: from the left or bottom edge up to the top or right edge.
        while offset < w + h {
            let start = if offset <= h { (x, y + offset) } else { (x + offset - h, y + h) };
            let end = if offset <= w { (x + offset, y) } else { (x + w, y + offset - w) };
            self.push(Shape::Line { from: start, to: end, color, width: 1.0 }, datum);
            offset += spacing;
        }
    }

    /// Moves every shape and region by (dx, dy): used to place a plot inside an export.
    pub fn translate(&mut self, dx: f64, dy: f64) {
        let mv = |r: &mut Rect| {
            r.x += dx;
            r.y += dy;
        };
        for item in &mut self.items {
            match &mut item.shape {
                Shape::Fill { rect, .. } | Shape::Stroke { rect, .. } => mv(rect),
                Shape::Line { from, to, .. } => {
                    *from = (from.0 + dx, from.1 + dy);
                    *to = (to.0 + dx, to.1 + dy);
                }
                Shape::Text { at, .. } => *at = (at.0 + dx, at.1 + dy),
                Shape::Polygon { points, .. } | Shape::Path { points, .. } => {
                    points.iter_mut().for_each(|p| *p = (p.0 + dx, p.1 + dy))
                }
            }
        }
        for region in &mut self.regions {
            mv(&mut region.hit);
            mv(&mut region.mark);
        }
        for outline in &mut self.outlines {
            outline.rings.iter_mut().flatten().for_each(|p| *p = (p.0 + dx, p.1 + dy));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hatching_stays_inside_its_rectangle() {
        let mut scene = Scene::new(100.0, 100.0);
        let rect = Rect { x: 10.0, y: 20.0, w: 50.0, h: 12.0 };
        scene.hatch(rect, Color::rgb(0), 5.0, Some("x"));
        assert!(scene.items.len() > 5);
        for item in &scene.items {
            let Shape::Line { from, to, .. } = item.shape else { panic!("not a line") };
            for (px, py) in [from, to] {
                assert!((10.0..=60.0).contains(&px) && (20.0..=32.0).contains(&py), "{px},{py}");
            }
        }
    }

    #[test]
    fn translate_moves_polygons_and_outlines() {
        let mut scene = Scene::new(10.0, 10.0);
        scene.push(Shape::Polygon { points: vec![(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)], color: Color::rgb(0) }, None);
        scene.outlines.push(Outline { datum: "a", rings: vec![vec![(1.0, 1.0)]] });
        scene.translate(2.0, 3.0);
        assert!(matches!(&scene.items[0].shape, Shape::Polygon { points, .. } if points[1] == (3.0, 3.0)));
        assert_eq!(scene.outlines[0].rings[0][0], (3.0, 4.0));
    }

    #[test]
    fn translate_moves_shapes_and_regions() {
        let mut scene = Scene::new(10.0, 10.0);
        scene.fill(Rect { x: 1.0, y: 2.0, w: 3.0, h: 4.0 }, Color::rgb(0), Some("a"));
        scene.regions.push(Region { datum: "a", hit: Rect::default(), mark: Rect::default() });
        scene.translate(5.0, 7.0);
        assert_eq!(
            scene.items[0].shape,
            Shape::Fill { rect: Rect { x: 6.0, y: 9.0, w: 3.0, h: 4.0 }, color: Color::rgb(0) }
        );
        assert_eq!(scene.regions[0].hit, Rect { x: 5.0, y: 7.0, w: 0.0, h: 0.0 });
    }
}
