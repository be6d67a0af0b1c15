//! Interaction as pure functions over a scene: which datum is under the pointer, and where the
//! keyboard focus goes next.

use crate::scene::Scene;

/// The index of the region under (x, y), in CSS pixels of the plot. A region with an outline is
/// found only inside it (the topmost outline first); the others by their `hit` rectangle.
pub fn hit_test(scene: &Scene, x: f64, y: f64) -> Option<usize> {
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    if let Some(outline) = scene.outlines.iter().rev().find(|o| crate::geo::plane::contains(&o.rings, x, y)) {
        return scene.regions.iter().position(|r| r.datum == outline.datum);
    }
    let outlined = |datum: &str| scene.outlines.iter().any(|o| o.datum == datum);
    scene.regions.iter().position(|r| r.hit.contains(x, y) && !outlined(r.datum))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Next,
    Previous,
    First,
    Last,
}

/// The region the keyboard focus moves to from `current` (None: nothing focused yet).
pub fn step(count: usize, current: Option<usize>, key: Key) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let last = count - 1;
    Some(match (key, current) {
        (Key::First, _) | (Key::Next, None) => 0,
        (Key::Last, _) | (Key::Previous, None) => last,
        (Key::Next, Some(i)) => (i + 1).min(last),
        (Key::Previous, Some(i)) => i.saturating_sub(1).min(last),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{Rect, Region};

    fn scene() -> Scene {
        let mut s = Scene::new(100.0, 60.0);
        for (i, datum) in ["a", "b", "c"].into_iter().enumerate() {
            let y = i as f64 * 20.0;
            s.regions.push(Region {
                datum,
                hit: Rect { x: 0.0, y, w: 100.0, h: 20.0 },
                mark: Rect { x: 10.0, y: y + 5.0, w: 50.0, h: 10.0 },
            });
        }
        s
    }

    #[test]
    fn the_row_under_the_pointer_is_found() {
        let s = scene();
        assert_eq!(hit_test(&s, 5.0, 5.0), Some(0));
        assert_eq!(hit_test(&s, 99.0, 39.9), Some(1));
        assert_eq!(hit_test(&s, 50.0, 40.0), Some(2));
        assert_eq!(hit_test(&s, 50.0, 60.0), None);
        assert_eq!(hit_test(&s, -1.0, 5.0), None);
        assert_eq!(hit_test(&s, f64::NAN, 5.0), None);
    }

    #[test]
    fn outlines_are_hit_exactly_and_the_topmost_wins() {
        use crate::scene::Outline;
        let mut s = scene();
        // A triangle over the first two rows, and a square above it on top.
        s.outlines.push(Outline { datum: "a", rings: vec![vec![(0.0, 0.0), (100.0, 0.0), (0.0, 40.0)]] });
        s.outlines.push(Outline { datum: "c", rings: vec![vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]] });
        assert_eq!(hit_test(&s, 5.0, 5.0), Some(2));
        assert_eq!(hit_test(&s, 20.0, 5.0), Some(0));
        // Outside the triangle, a's rectangle does not count, b's does.
        assert_eq!(hit_test(&s, 90.0, 15.0), None);
        assert_eq!(hit_test(&s, 90.0, 25.0), Some(1));
        // c has an outline, so its row rectangle no longer counts.
        assert_eq!(hit_test(&s, 90.0, 45.0), None);
    }

    #[test]
    fn keys_move_and_stop_at_the_ends() {
        assert_eq!(step(3, None, Key::Next), Some(0));
        assert_eq!(step(3, None, Key::Previous), Some(2));
        assert_eq!(step(3, Some(0), Key::Next), Some(1));
        assert_eq!(step(3, Some(2), Key::Next), Some(2));
        assert_eq!(step(3, Some(0), Key::Previous), Some(0));
        assert_eq!(step(3, Some(1), Key::Last), Some(2));
        assert_eq!(step(3, Some(1), Key::First), Some(0));
        assert_eq!(step(0, None, Key::Next), None);
        assert_eq!(step(2, Some(7), Key::Previous), Some(1));
    }
}
