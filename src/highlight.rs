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
