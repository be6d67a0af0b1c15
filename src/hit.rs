//! Interaction as pure functions over a scene: which datum is under the pointer, and where the
//! keyboard focus goes next.

use crate::scene::{Rect, Region, Scene};

/// The least width and height of a touch target, in CSS pixels (WCAG 2.5.5): a finger tip.
pub const TOUCH_TARGET: f64 = 44.0;

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

/// The area in which a tap means `region`: its hit area, and at least a [`TOUCH_TARGET`] square
/// about the middle of its mark, so that a thin bar or a small tile is as easy to tap as a wide one.
pub fn touch_target(region: &Region) -> Rect {
    let (m, hit, half) = (region.mark, region.hit, TOUCH_TARGET / 2.0);
    let (cx, cy) = (m.x + m.w / 2.0, m.y + m.h / 2.0);
    let (left, top) = (hit.x.min(cx - half), hit.y.min(cy - half));
    let (right, bottom) = ((hit.x + hit.w).max(cx + half), (hit.y + hit.h).max(cy + half));
    Rect { x: left, y: top, w: right - left, h: bottom - top }
}

/// The region a tap at (x, y) means: the one under the finger as [`hit_test`] finds it, else, among
/// the regions whose [`touch_target`] holds the point, the one whose mark is nearest.
pub fn touch_test(scene: &Scene, x: f64, y: f64) -> Option<usize> {
    hit_test(scene, x, y).or_else(|| {
        let distance = |r: &Region| {
            let m = r.mark;
            let dx = (m.x - x).max(x - (m.x + m.w)).max(0.0);
            let dy = (m.y - y).max(y - (m.y + m.h)).max(0.0);
            dx * dx + dy * dy
        };
        scene
            .regions
            .iter()
            .enumerate()
            .filter(|(_, r)| touch_target(r).contains(x, y))
            .min_by(|(_, a), (_, b)| distance(a).total_cmp(&distance(b)))
            .map(|(i, _)| i)
    })
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
    fn a_tap_near_a_small_mark_finds_it_and_the_nearest_of_two_wins() {
        let mut s = Scene::new(200.0, 200.0);
        // A thin bar 4 px tall, alone: a finger 20 px above or below it still means it.
        let thin = Rect { x: 50.0, y: 100.0, w: 60.0, h: 4.0 };
        s.regions.push(Region { datum: "thin", hit: thin, mark: thin });
        assert_eq!(hit_test(&s, 60.0, 82.0), None);
        assert_eq!(touch_test(&s, 60.0, 82.0), Some(0));
        assert_eq!(touch_test(&s, 60.0, 123.0), Some(0));
        assert_eq!(touch_test(&s, 60.0, 130.0), None);
        let target = touch_target(&s.regions[0]);
        assert_eq!(target, Rect { x: 50.0, y: 80.0, w: 60.0, h: TOUCH_TARGET });
        // A second small mark 16 px below: between the two, the nearer mark wins.
        let other = Rect { x: 50.0, y: 120.0, w: 60.0, h: 4.0 };
        s.regions.push(Region { datum: "other", hit: other, mark: other });
        assert_eq!(touch_test(&s, 60.0, 108.0), Some(0));
        assert_eq!(touch_test(&s, 60.0, 117.0), Some(1));
        // The finger's exact hit always wins over a nearer mark's slop.
        assert_eq!(touch_test(&s, 60.0, 121.0), Some(1));
        assert_eq!(touch_test(&s, f64::NAN, 100.0), None);
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
