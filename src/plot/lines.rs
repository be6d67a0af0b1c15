//! Lines over a year axis, on a value axis from zero: segments (solid, dashed for what is planned,
//! thin for what was reported since), markers at the points (filled or hollow squares, crosses), each
//! point's figure written beside it, horizontal grid lines with the value ticks and the unit above
//! them, a tick for every year and labels for the years that matter. Pointer and keyboard reach the
//! chosen points in reading order, each through the column of the plot about it.

use super::bars::{draw_legend, Laid};
use super::symbols::{cross, dashed, square};
use super::Key;
use crate::chart::parts::{padding, widest, TICK_SIZE, VALUE_SIZE};
use crate::data::model::Lang;
use crate::format;
use crate::scale::{ticks_from_zero, Linear, Within};
use crate::scene::{Align, Baseline, Rect, Region, Scene, Shape};
use crate::text::TextMeasure;
use crate::theme::Theme;

pub struct Lines<'a> {
    pub legend: Vec<(&'a str, Key)>,
    /// Values × factor are in the axis unit, which `unit` names above the value axis.
    pub factor: f64,
    pub unit: &'a str,
    /// The years labelled under the axis besides its ends (where the labels do not overlap).
    pub labelled: Vec<u16>,
    /// Drawn in this order, under the dots.
    pub segments: Vec<Segment>,
    /// Drawn in this order; the year axis spans them.
    pub dots: Vec<Dot>,
    /// The dots (indices) that pointer and keyboard reach, in reading order; each region is the
    /// column of the plot from halfway to the stop before it to halfway to the one after.
    pub stops: Vec<usize>,
}

/// A value in a year.
pub type At = (u16, f64);

pub struct Segment {
    pub from: At,
    pub to: At,
    pub stroke: Stroke,
    pub datum: &'static str,
}

pub enum Stroke {
    /// 3 px in the first series colour: what was.
    Solid,
    /// 2 px dashes in the first series colour: what is planned.
    Dashed,
    /// 1 px in the text colour: what has been reported since.
    Thin,
}

pub struct Dot {
    pub at: At,
    pub marker: Marker,
    pub datum: &'static str,
    pub label: Option<(String, Side)>,
}

pub enum Marker {
    Filled,
    Hollow,
    Cross,
}

/// Where a point's label stands: away from the line, which rises left to right.
pub enum Side {
    BelowRight,
    AboveLeft,
}

impl Lines<'_> {
    pub fn lay_out(self, width: f64, lang: Lang, measure: &dyn TextMeasure, theme: &Theme) -> Laid {
        let pad = padding(width);
        let mut scene = Scene::new(width, 0.0);
        let y = draw_legend(&mut scene, &self.legend, width, measure, theme);

        // Years across, the values up from zero.
        let (mut first, mut last, mut max) = (u16::MAX, 0, 0.0f64);
        for dot in &self.dots {
            (first, last, max) = (first.min(dot.at.0), last.max(dot.at.0), max.max(dot.at.1));
        }
        let first = first.min(last);
        let last = last.max(first + 1);
        let plot_height = (width * 0.5).within(200.0, 320.0);
        let ticks = ticks_from_zero(max * self.factor, (plot_height / 50.0).within(3.0, 6.0) as usize);
        let mut tick_labels = Vec::new();
        for t in &ticks {
            tick_labels.push(format::number(*t, 2, lang));
        }
        let left = (pad + widest(tick_labels.iter().map(String::as_str), TICK_SIZE, false, measure) + 8.0).round();
        // Room for the last year's label, centred under its point.
        let right = width - pad - (measure.width(&last.to_string(), TICK_SIZE, false) / 2.0 + 2.0).max(8.0);
        let xs = Linear::new((f64::from(first), f64::from(last)), (left + 6.0, right));

        // The unit above the value axis, then room for the labels above the highest points.
        let unit = format!("{}{}", crate::chart::label("单位：", "Unit: ", lang), self.unit);
        scene.text((pad, y), unit, TICK_SIZE, false, theme.muted, Align::Start, Baseline::Top, None);
        let top = y + TICK_SIZE + 24.0;
        let bottom = top + plot_height;
        let ys = Linear::new((0.0, *ticks.last().unwrap_or(&1.0)), (bottom, top));
        for (t, text) in ticks.iter().zip(tick_labels) {
            let ty = ys.map(*t).round() + 0.5;
            scene.line((left, ty), (right, ty), if *t == 0.0 { theme.muted } else { theme.grid }, 1.0);
            scene.text((left - 6.0, ty), text, TICK_SIZE, false, theme.muted, Align::End, Baseline::Middle, None);
        }
        self.draw_years(&mut scene, &xs, (first, last), bottom, measure, theme);

        let at = |(year, value): At| (xs.map(f64::from(year)), ys.map(value * self.factor));
        for s in &self.segments {
            let (from, to, datum) = (at(s.from), at(s.to), Some(s.datum));
            match s.stroke {
                Stroke::Solid => scene.push(Shape::Line { from, to, color: theme.series[0], width: 3.0 }, datum),
                Stroke::Dashed => dashed(&mut scene, from, to, theme.series[0], 2.0, datum),
                Stroke::Thin => scene.push(Shape::Line { from, to, color: theme.text, width: 1.0 }, datum),
            }
        }
        let mut marks = Vec::new();
        for dot in &self.dots {
            let (x, y) = at(dot.at);
            let datum = Some(dot.datum);
            marks.push(match dot.marker {
                Marker::Filled | Marker::Hollow => {
                    square(&mut scene, (x, y), matches!(dot.marker, Marker::Hollow), theme, datum)
                }
                Marker::Cross => cross(&mut scene, (x, y), theme, datum),
            });
            let Some((text, side)) = &dot.label else { continue };
            let w = measure.width(text, VALUE_SIZE, false);
            let (at, align, baseline) = match side {
                Side::AboveLeft => (((x - 6.0).max(w + pad).min(width - pad), y - 7.0), Align::End, Baseline::Bottom),
                Side::BelowRight => (((x + 6.0).min(width - pad - w).max(pad), y + 7.0), Align::Start, Baseline::Top),
            };
            scene.text(at, text.clone(), VALUE_SIZE, false, theme.text, align, baseline, datum);
        }

        let x_of = |stop: Option<&usize>| stop.and_then(|i| self.dots.get(*i)).map(|d| xs.map(f64::from(d.at.0)));
        for (n, &i) in self.stops.iter().enumerate() {
            let (Some(dot), Some(&mark)) = (self.dots.get(i), marks.get(i)) else { continue };
            let x = xs.map(f64::from(dot.at.0));
            let before = n.checked_sub(1).and_then(|m| x_of(self.stops.get(m))).map_or(0.0, |b| (x + b) / 2.0);
            let after = x_of(self.stops.get(n + 1)).map_or(width, |a| (x + a) / 2.0);
            let hit = Rect { x: before, y: top - 24.0, w: after - before, h: bottom - top + 24.0 + TICK_SIZE + 8.0 };
            scene.regions.push(Region { datum: dot.datum, hit, mark });
        }
        Laid { scene, bottom: bottom + 6.0 + TICK_SIZE + 10.0 }
    }

    /// A tick for every year; labels for the ends and the labelled years, leaving out any that
    /// would overlap the one before.
    fn draw_years(
        &self,
        scene: &mut Scene,
        xs: &Linear,
        (first, last): (u16, u16),
        bottom: f64,
        measure: &dyn TextMeasure,
        theme: &Theme,
    ) {
        for year in first..=last {
            let x = xs.map(f64::from(year)).round() + 0.5;
            scene.line((x, bottom), (x, bottom + 4.0), theme.muted, 1.0);
        }
        let mut labelled = self.labelled.clone();
        labelled.extend([first, last]);
        crate::order::sort(&mut labelled);
        labelled.dedup();
        let mut last_right = f64::NEG_INFINITY;
        for year in labelled {
            let x = xs.map(f64::from(year));
            let text = year.to_string();
            let half = measure.width(&text, TICK_SIZE, false) / 2.0;
            if x - half < last_right + 4.0 {
                continue;
            }
            last_right = x + half;
            scene.text((x, bottom + 6.0), text, TICK_SIZE, false, theme.muted, Align::Center, Baseline::Top, None);
        }
    }
}
