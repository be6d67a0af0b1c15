//! Scales map data values to CSS pixels, and back (for hit-testing and axes).

/// A linear map from `domain` to `range`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    pub fn invert(&self, pixel: f64) -> f64 {
        Linear::new(self.range, self.domain).map(pixel)
    }
}

/// `f64::clamp` without its check of the bounds, which formats them with `core`'s float formatting
/// and so would take that into the `.wasm`. A NaN value becomes `low`.
pub trait Within {
    fn within(self, low: f64, high: f64) -> f64;
}

impl Within for f64 {
    fn within(self, low: f64, high: f64) -> f64 {
        self.max(low).min(high)
    }
}

/// A "nice" step for about `count` ticks over `span`: 1, 2 or 5 times a power of ten.
pub fn nice_step(span: f64, count: usize) -> f64 {
    if !(span.is_finite() && span > 0.0) || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Ticks from 0 to at least `max`, about `count` of them: the domain of a bar chart's value axis.
pub fn ticks_from_zero(max: f64, count: usize) -> Vec<f64> {
    let step = nice_step(max, count.max(1));
    let n = (max / step).ceil().max(1.0) as usize;
    (0..=n).map(|i| i as f64 * step).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_maps_and_inverts() {
        let s = Linear::new((0.0, 4000.0), (100.0, 500.0));
        assert_eq!(s.map(0.0), 100.0);
        assert_eq!(s.map(2000.0), 300.0);
        assert_eq!(s.invert(300.0), 2000.0);
        assert_eq!(Linear::new((1.0, 1.0), (0.0, 10.0)).map(5.0), 0.0);
    }

    #[test]
    fn nice_ticks_cover_the_maximum() {
        assert_eq!(ticks_from_zero(3500.0, 4), vec![0.0, 1000.0, 2000.0, 3000.0, 4000.0]);
        assert_eq!(ticks_from_zero(350.0, 4), vec![0.0, 100.0, 200.0, 300.0, 400.0]);
        assert_eq!(ticks_from_zero(3500.0, 2), vec![0.0, 2000.0, 4000.0]);
        assert_eq!(ticks_from_zero(0.0, 4), vec![0.0, 1.0]);
        assert_eq!(nice_step(f64::NAN, 3), 1.0);
        assert_eq!(ticks_from_zero(7.5, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0]);
    }
}
