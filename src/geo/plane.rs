//! Plane geometry on rings of points (x right, y down, as on screen): containment, areas, bounds,
//! clipping at a horizontal line, hatching inside a shape, and a good point for a label.
//!
//! A shape is a list of rings; a point is inside when it is inside an odd number of them, so holes
//! and several separate parts need no special treatment.

use crate::scale::Within;

pub type Point = (f64, f64);
pub type Ring = Vec<Point>;

/// Whether (x, y) is inside `rings` (even-odd rule; rings are open or closed).
pub fn contains(rings: &[Ring], x: f64, y: f64) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + n - 1) % n]);
            // Half-open in y, so that a vertex on the ray counts once.
            if (a.1 > y) != (b.1 > y) {
                let cross = a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0);
                if x < cross {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

/// Twice the signed area of a ring: positive when it runs clockwise on screen (y down).
pub fn twice_area(ring: &[Point]) -> f64 {
    let n = ring.len();
    let mut sum = 0.0;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        sum += a.0 * b.1 - b.0 * a.1;
    }
    sum
}

/// The area of a shape, holes subtracted (even-odd).
pub fn area(rings: &[Ring]) -> f64 {
    let mut sum = 0.0;
    for ring in rings {
        let a = twice_area(ring).abs() / 2.0;
        sum += if depth(rings, ring) % 2 == 0 { a } else { -a };
    }
    sum
}

/// The centre of mass of a ring, if it has an area.
pub fn centroid(ring: &[Point]) -> Option<Point> {
    let n = ring.len();
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (p, q) = (ring[i], ring[(i + 1) % n]);
        let cross = p.0 * q.1 - q.0 * p.1;
        a += cross;
        cx += (p.0 + q.0) * cross;
        cy += (p.1 + q.1) * cross;
    }
    (a.abs() > f64::EPSILON).then(|| (cx / (3.0 * a), cy / (3.0 * a)))
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl Bounds {
    /// The box around the points of `rings`, if they have any.
    pub fn of(rings: &[Ring]) -> Option<Bounds> {
        let mut bounds = None;
        for &(x, y) in rings.iter().flatten() {
            bounds = Bounds::around(bounds, Bounds { min_x: x, min_y: y, max_x: x, max_y: y });
        }
        bounds
    }

    /// The box around `a`, if there is one, and `b`.
    pub fn around(a: Option<Bounds>, b: Bounds) -> Option<Bounds> {
        let Some(a) = a else { return Some(b) };
        Some(Bounds {
            min_x: a.min_x.min(b.min_x),
            min_y: a.min_y.min(b.min_y),
            max_x: a.max_x.max(b.max_x),
            max_y: a.max_y.max(b.max_y),
        })
    }

    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }

    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }
}

/// How many other rings of `rings` contain `ring` (by its first point): even for an outer ring,
/// odd for a hole.
fn depth(rings: &[Ring], ring: &[Point]) -> usize {
    let Some(&(x, y)) = ring.first() else { return 0 };
    let mut count = 0;
    for other in rings {
        count += usize::from(!std::ptr::eq(other.as_slice(), ring) && contains(std::slice::from_ref(other), x, y));
    }
    count
}

/// One polygon that a single fill paints as `rings` under the even-odd rule, for backends that fill
/// one point list: outer rings run one way, holes the other, and each ring is reached from the
/// first ring's start and left back to it along the same line (which adds no area).
pub fn joined(rings: &[Ring]) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::new();
    let Some(start) = rings.iter().find_map(|r| r.first().copied()) else { return out };
    for ring in rings.iter().filter(|r| r.len() >= 3) {
        let reverse = (twice_area(ring) > 0.0) != (depth(rings, ring) % 2 == 0);
        if !out.is_empty() {
            out.push(start);
        }
        let n = ring.len();
        for i in 0..=n {
            // The ring and its first point again, backwards when it runs the wrong way.
            let i = i % n;
            out.push(ring[if reverse { n - 1 - i } else { i }]);
        }
    }
    out
}

/// The part of a ring on one side of the horizontal line at `y0`: above it (smaller y, north on a
/// map) with `keep_above`, else below. Sutherland–Hodgman; a concave ring may come back with
/// zero-width joins along the line, which neither fill nor containment notices.
pub fn clip_at(ring: &[Point], y0: f64, keep_above: bool) -> Ring {
    let inside = |p: &Point| if keep_above { p.1 <= y0 } else { p.1 >= y0 };
    let n = ring.len();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let (prev, cur) = (ring[(i + n - 1) % n], ring[i]);
        let cross = || {
            let t = (y0 - prev.1) / (cur.1 - prev.1);
            (prev.0 + t * (cur.0 - prev.0), y0)
        };
        match (inside(&prev), inside(&cur)) {
            (true, true) => out.push(cur),
            (true, false) => out.push(cross()),
            (false, true) => {
                out.push(cross());
                out.push(cur);
            }
            (false, false) => {}
        }
    }
    if out.len() < 3 {
        out.clear();
    }
    out
}

/// Diagonal hatching inside a shape: segments of the lines x + y = c, `spacing` apart, that lie
/// inside `rings` (even-odd). The same direction as `Scene::hatch`.
pub fn hatch(rings: &[Ring], spacing: f64) -> Vec<(Point, Point)> {
    let mut out = Vec::new();
    let Some(b) = Bounds::of(rings) else { return out };
    if spacing.is_nan() || spacing <= 0.0 {
        return out;
    }
    let mut c = (b.min_x + b.min_y) + spacing;
    let mut crossings: Vec<f64> = Vec::new();
    while c < b.max_x + b.max_y {
        crossings.clear();
        for ring in rings {
            let n = ring.len();
            for i in 0..n {
                let (p, q) = (ring[i], ring[(i + 1) % n]);
                let (fp, fq) = (p.0 + p.1 - c, q.0 + q.1 - c);
                if (fp > 0.0) != (fq > 0.0) {
                    let t = fp / (fp - fq);
                    crossings.push(p.0 + t * (q.0 - p.0));
                }
            }
        }
        // As many crossings as the boundary has edges: an embedder's GeoJSON may have thousands.
        crate::order::sort_numbers(&mut crossings);
        for pair in crossings.chunks_exact(2) {
            let (x1, x2) = (pair[0], pair[1]);
            if x2 - x1 > 0.5 {
                out.push(((x1, c - x1), (x2, c - x2)));
            }
        }
        c += spacing;
    }
    out
}

/// The distance from `p` to the nearest edge of `rings`.
pub fn distance_to_edges(rings: &[Ring], p: Point) -> f64 {
    let mut best = f64::INFINITY;
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let length2 = dx * dx + dy * dy;
            let t =
                if length2 > 0.0 { (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length2).within(0.0, 1.0) } else { 0.0 };
            let (cx, cy) = (a.0 + t * dx - p.0, a.1 + t * dy - p.1);
            best = best.min(cx * cx + cy * cy);
        }
    }
    best.sqrt()
}

/// A point well inside the shape, far from its edges, for its label: the centre of mass of a
/// concave shape may lie outside it (柯桥区 wraps around 越城区). A coarse grid search, refined twice.
pub fn label_point(rings: &[Ring]) -> Option<Point> {
    let b = Bounds::of(rings)?;
    let score = |p: Point| if contains(rings, p.0, p.1) { distance_to_edges(rings, p) } else { -1.0 };
    let mut best: Option<(Point, f64)> = None;
    let (mut centre, mut half_w, mut half_h, mut steps) =
        (((b.min_x + b.max_x) / 2.0, (b.min_y + b.max_y) / 2.0), b.width() / 2.0, b.height() / 2.0, 16);
    for _ in 0..3 {
        for i in 0..steps {
            for j in 0..steps {
                let fx = (i as f64 + 0.5) / steps as f64 * 2.0 - 1.0;
                let fy = (j as f64 + 0.5) / steps as f64 * 2.0 - 1.0;
                let p = (centre.0 + fx * half_w, centre.1 + fy * half_h);
                let s = score(p);
                if s >= 0.0 && best.is_none_or(|(_, d)| s > d) {
                    best = Some((p, s));
                }
            }
        }
        let Some((p, _)) = best else { break };
        centre = p;
        half_w /= steps as f64 / 2.0;
        half_h /= steps as f64 / 2.0;
        steps = 8;
    }
    best.map(|(p, _)| p).or_else(|| rings.iter().find_map(|r| centroid(r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, size: f64) -> Ring {
        vec![(x, y), (x + size, y), (x + size, y + size), (x, y + size)]
    }

    /// A "C": the square 0..30 without 10..30 × 10..20.
    fn c_shape() -> Ring {
        vec![(0.0, 0.0), (30.0, 0.0), (30.0, 10.0), (10.0, 10.0), (10.0, 20.0), (30.0, 20.0), (30.0, 30.0), (0.0, 30.0)]
    }

    #[test]
    fn containment_with_holes_and_parts() {
        let rings = vec![square(0.0, 0.0, 10.0), square(3.0, 3.0, 4.0), square(20.0, 0.0, 5.0)];
        assert!(contains(&rings, 1.0, 1.0));
        assert!(!contains(&rings, 5.0, 5.0), "inside the hole");
        assert!(contains(&rings, 22.0, 2.0));
        assert!(!contains(&rings, 15.0, 2.0));
        assert!((area(&rings) - (100.0 - 16.0 + 25.0)).abs() < 1e-9);
        assert!(!contains(&[c_shape()], 20.0, 15.0));
        assert!(contains(&[c_shape()], 20.0, 5.0));
    }

    #[test]
    fn joined_rings_fill_like_the_rings() {
        let rings = vec![square(0.0, 0.0, 10.0), square(3.0, 3.0, 4.0)];
        let one = joined(&rings);
        for (x, y) in [(1.0, 1.0), (5.0, 5.0), (8.5, 4.0), (11.0, 1.0)] {
            assert_eq!(contains(std::slice::from_ref(&one), x, y), contains(&rings, x, y), "{x},{y}");
        }
        // The hole runs the other way round from its outer ring, so the areas subtract.
        assert!((twice_area(&one).abs() / 2.0 - 84.0).abs() < 1e-9);
    }

    #[test]
    fn clipping_keeps_one_side_of_a_line() {
        let north = clip_at(&square(0.0, 0.0, 10.0), 4.0, true);
        assert!((twice_area(&north).abs() / 2.0 - 40.0).abs() < 1e-9);
        let south = clip_at(&c_shape(), 15.0, false);
        assert!((twice_area(&south).abs() / 2.0 - (30.0 * 15.0 - 20.0 * 5.0)).abs() < 1e-9);
        assert!(clip_at(&square(0.0, 0.0, 10.0), -1.0, true).is_empty());
    }

    #[test]
    fn hatching_stays_inside() {
        let shape = vec![c_shape()];
        let lines = hatch(&shape, 5.0);
        assert!(lines.len() > 8);
        for (a, b) in lines {
            let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
            assert!(contains(&shape, mid.0, mid.1), "{a:?} {b:?}");
            assert!(((a.0 + a.1) - (b.0 + b.1)).abs() < 1e-9);
        }
    }

    #[test]
    fn a_label_point_lies_inside_even_where_the_centroid_does_not() {
        let c = vec![c_shape()];
        let centroid = centroid(&c[0]).unwrap();
        assert!((centroid.0 - 95.0 / 7.0).abs() < 1e-9 && (centroid.1 - 15.0).abs() < 1e-9, "{centroid:?}");
        assert!(!contains(&c, centroid.0, centroid.1), "the centroid is in the notch");
        let p = label_point(&c).unwrap();
        assert!(contains(&c, p.0, p.1));
        assert!(distance_to_edges(&c, p) >= 4.0, "{p:?}");
        assert!(label_point(&[]).is_none());
    }
}
