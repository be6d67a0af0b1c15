//! The overlay drawn above a chart: the highlighted datum and the keyboard focus ring. It is a scene
//! of its own, so hovering repaints only this small layer, never the plot below.

use crate::scene::{Rect, Scene, Shape};
use crate::theme::Theme;

/// What is highlighted: the datum under the pointer or keyboard focus, and whether the chart has
/// keyboard focus (which draws a focus ring).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Highlight {
    pub active: Option<usize>,
    pub keyboard_focus: bool,
}

/// Where a tooltip goes, in plot pixels: beside the point it describes, on the side of the plot with
/// more room. A tooltip right of the middle is anchored by its right edge, one below the middle by
/// its bottom edge, so it stays inside the plot without being measured: measuring it would make the
/// browser lay the page out on every pointer move.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TipPlacement {
    /// Distance of the tooltip's left edge from the plot's left edge, or of its right edge from the
    /// plot's right edge.
    pub horizontal: Edge,
    /// Distance of its top from the plot's top, or of its bottom from the plot's bottom.
    pub vertical: Edge,
    pub max_width: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Edge {
    Start(f64),
    End(f64),
}

/// The widest a tooltip gets, and the narrowest room it is put in beside its point.
const TIP_MAX_WIDTH: f64 = 280.0;
const TIP_MIN_WIDTH: f64 = 140.0;
/// Space kept between a tooltip and the plot's edges.
const TIP_MARGIN: f64 = 4.0;

/// Places a tooltip for `anchor` (a mark, or a pointer as an empty rectangle), `gap` pixels away
/// from it, in a plot `width` × `height`: on the side of the anchor's middle with more room.
pub fn place_tip(anchor: Rect, (gap_x, gap_y): (f64, f64), width: f64, height: f64) -> TipPlacement {
    let (x, y) = (anchor.x + anchor.w / 2.0, anchor.y + anchor.h / 2.0);
    let (horizontal, room) = if x <= width / 2.0 {
        let left = anchor.x + gap_x;
        (Edge::Start(left), width - left - TIP_MARGIN)
    } else {
        let right = anchor.x + anchor.w - gap_x;
        (Edge::End(width - right), right - TIP_MARGIN)
    };
    // Too little room beside the anchor (a phone): the tooltip spans the plot instead.
    let (horizontal, max_width) = if room < TIP_MIN_WIDTH.min(width - 2.0 * TIP_MARGIN) {
        (Edge::Start(TIP_MARGIN), (width - 2.0 * TIP_MARGIN).max(0.0))
    } else {
        (horizontal, room.min(TIP_MAX_WIDTH))
    };
    let vertical =
        if y <= height / 2.0 { Edge::Start(anchor.y + anchor.h + gap_y) } else { Edge::End(height - anchor.y + gap_y) };
    TipPlacement { horizontal, vertical, max_width }
}

pub fn overlay(plot: &Scene, highlight: Highlight, theme: &Theme) -> Scene {
    let mut scene = Scene::new(plot.width, plot.height);
    let active = highlight.active.and_then(|i| plot.regions.get(i));
    let outline = active.and_then(|region| plot.outlines.iter().find(|o| o.datum == region.datum));
    if let (Some(region), Some(outline)) = (active, outline) {
        // A district on a map: its own shape is tinted and outlined, not its bounding box.
        let datum = Some(region.datum);
        scene.push(Shape::Polygon { points: crate::geo::plane::joined(&outline.rings), color: theme.highlight }, datum);
        for ring in &outline.rings {
            let mut points = ring.clone();
            points.extend(ring.first().copied());
            scene.push(Shape::Path { points, color: theme.text, width: 2.0 }, datum);
        }
    } else if let Some(region) = active {
        scene.fill(region.hit, theme.highlight, Some(region.datum));
        let m = region.mark;
        let outline = Rect { x: m.x - 1.0, y: m.y - 1.0, w: m.w + 2.0, h: m.h + 2.0 };
        scene.push(Shape::Stroke { rect: outline, color: theme.text, width: 2.0 }, Some(region.datum));
    }
    if highlight.keyboard_focus {
        let ring = match active {
            Some(region) => region.hit,
            None => Rect { x: 0.0, y: 0.0, w: plot.width, h: plot.height },
        };
        let inset = Rect { x: ring.x + 1.0, y: ring.y + 1.0, w: ring.w - 2.0, h: ring.h - 2.0 };
        scene.push(Shape::Stroke { rect: inset, color: theme.focus, width: 2.0 }, None);
    }
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tooltip_opens_towards_the_middle_of_the_plot() {
        let (w, h) = (800.0, 400.0);
        let pointer = |x, y| Rect { x, y, w: 0.0, h: 0.0 };
        let top_left = place_tip(pointer(100.0, 50.0), (14.0, 16.0), w, h);
        assert_eq!((top_left.horizontal, top_left.vertical), (Edge::Start(114.0), Edge::Start(66.0)));
        assert_eq!(top_left.max_width, 280.0);
        let bottom_right = place_tip(pointer(700.0, 350.0), (14.0, 16.0), w, h);
        assert_eq!((bottom_right.horizontal, bottom_right.vertical), (Edge::End(114.0), Edge::End(66.0)));
        // A mark: beside its near edge, below or above it.
        let bar = Rect { x: 500.0, y: 300.0, w: 200.0, h: 20.0 };
        let tip = place_tip(bar, (8.0, 8.0), w, h);
        assert_eq!((tip.horizontal, tip.vertical), (Edge::End(108.0), Edge::End(108.0)));
        // Never wider than the room beside the point.
        let near_middle = place_tip(pointer(240.0, 50.0), (14.0, 16.0), 500.0, h);
        assert_eq!(near_middle.horizontal, Edge::Start(254.0));
        assert_eq!(near_middle.max_width, 500.0 - 254.0 - 4.0);
    }

    #[test]
    fn on_a_narrow_plot_a_tooltip_spans_it() {
        let tip = place_tip(Rect { x: 130.0, y: 300.0, w: 0.0, h: 0.0 }, (14.0, 16.0), 260.0, 600.0);
        assert_eq!(tip.horizontal, Edge::Start(4.0));
        assert_eq!(tip.max_width, 252.0);
        assert_eq!(tip.vertical, Edge::Start(316.0));
        let tiny = place_tip(Rect { x: 1.0, y: 1.0, w: 0.0, h: 0.0 }, (14.0, 16.0), 1.0, 1.0);
        assert_eq!(tiny.max_width, 0.0);
    }
    use crate::scene::Region;
    use crate::theme::LIGHT;

    fn plot() -> Scene {
        let mut s = Scene::new(200.0, 100.0);
        s.regions.push(Region {
            datum: "a",
            hit: Rect { x: 0.0, y: 0.0, w: 200.0, h: 30.0 },
            mark: Rect { x: 50.0, y: 5.0, w: 80.0, h: 20.0 },
        });
        s
    }

    #[test]
    fn nothing_active_draws_nothing() {
        assert!(overlay(&plot(), Highlight::default(), &LIGHT).items.is_empty());
        assert!(overlay(&plot(), Highlight { active: Some(9), keyboard_focus: false }, &LIGHT).items.is_empty());
    }

    #[test]
    fn an_outlined_region_is_tinted_and_outlined_in_its_own_shape() {
        let mut p = plot();
        p.outlines
            .push(crate::scene::Outline { datum: "a", rings: vec![vec![(50.0, 5.0), (130.0, 5.0), (50.0, 25.0)]] });
        let hover = overlay(&p, Highlight { active: Some(0), keyboard_focus: false }, &LIGHT);
        assert!(matches!(&hover.items[0].shape, Shape::Polygon { points, .. } if points.len() == 4));
        assert!(matches!(&hover.items[1].shape, Shape::Path { points, .. } if points.len() == 4));
    }

    #[test]
    fn the_active_mark_is_outlined_and_focus_adds_a_ring() {
        let hover = overlay(&plot(), Highlight { active: Some(0), keyboard_focus: false }, &LIGHT);
        assert_eq!(hover.items.len(), 2);
        assert!(hover.items.iter().all(|i| i.datum == Some("a")));
        let focused = overlay(&plot(), Highlight { active: Some(0), keyboard_focus: true }, &LIGHT);
        assert_eq!(focused.items.len(), 3);
        let ring = overlay(&plot(), Highlight { active: None, keyboard_focus: true }, &LIGHT);
        assert!(matches!(ring.items[0].shape, Shape::Stroke { color, .. } if color == LIGHT.focus));
    }
}
