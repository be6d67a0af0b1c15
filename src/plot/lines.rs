//! A line over a year axis, on a value axis from zero: solid between what was (filled squares),
//! dashed into what is planned (hollow squares), thin through what was reported since (crosses),
//! each point's figure written beside it, horizontal grid lines with the value ticks and the unit
//! above them, a tick for every year and labels for the years of the points. Pointer and keyboard
//! reach the points and the reports in year order, each through the column of the plot about it.

use super::bars::{draw_legend, Laid};
use super::symbols::{cross, dashed, square};
use super::Key;
use crate::data::model::Lang;
use crate::format;
use crate::plot::parts::{padding, widest, TICK_SIZE, VALUE_SIZE};
use crate::scale::{ticks_from_zero, Linear, Within};
use crate::scene::{Align, Baseline, Rect, Region, Scene, Shape};
use crate::text::TextMeasure;
use crate::theme::Theme;

pub struct Lines<'a> {
    pub legend: Vec<(&'a str, Key)>,
    /// Values × factor are in the axis unit, which `unit` names above the value axis.
    pub factor: f64,
    pub unit: &'a str,
    /// The points of the line in year order: what was, then what is planned.
    pub points: Vec<Dot>,
    /// Values reported since, in year order: (datum, year and value). They continue the line from
    /// the last point that was, through the first report of each year.
    pub reports: Vec<(&'static str, At)>,
}

/// A value in a year.
pub type At = (u16, f64);

pub struct Dot {
    pub at: At,
    pub planned: bool,
    pub datum: &'static str,
    /// Written away from the line, which rises left to right: below right of what was, above left
    /// of what is planned.
    pub label: String,
}

impl Lines<'_> {
    /// What pointer and keyboard reach, in year order: (year, index) of every point, and of the
    /// first report in a year with no point; indices count the points, then the reports.
    pub fn stops(&self) -> Vec<(u16, usize)> {
        let mut stops: Vec<(u16, usize)> = Vec::new();
        for (i, p) in self.points.iter().enumerate() {
            stops.push((p.at.0, i));
        }
        for (i, &(_, (year, _))) in self.reports.iter().enumerate() {
            if !stops.iter().any(|s| s.0 == year) {
                stops.push((year, self.points.len() + i));
            }
        }
        crate::order::sort_by_key(&mut stops, |s| s.0);
        stops
    }

    pub fn lay_out(self, width: f64, lang: Lang, measure: &dyn TextMeasure, theme: &Theme) -> Laid {
        let pad = padding(width);
        let mut scene = Scene::new(width, 0.0);
        let y = draw_legend(&mut scene, &self.legend, width, measure, theme);
        // Years across, the values up from zero.
        let (mut first, mut last, mut max) = (u16::MAX, 0, 0.0f64);
        let mut reach = |(year, value): At| (first, last, max) = (first.min(year), last.max(year), max.max(value));
        self.points.iter().for_each(|p| reach(p.at));
        self.reports.iter().for_each(|r| reach(r.1));
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
        let unit = format!("{}{}", crate::data::model::label("单位：", "Unit: ", lang), self.unit);
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
        for pair in self.points.windows(2) {
            let (from, to, datum) = (at(pair[0].at), at(pair[1].at), Some(pair[1].datum));
            match pair[1].planned {
                true => dashed(&mut scene, from, to, theme.series[0], 2.0, datum),
                false => scene.push(Shape::Line { from, to, color: theme.series[0], width: 3.0 }, datum),
            }
        }
        if let Some(base) = self.points.iter().rev().find(|p| !p.planned) {
            let (mut from, mut year) = (base.at, None);
            for &(datum, to) in self.reports.iter().filter(|(_, to)| to.0 >= base.at.0) {
                if year != Some(to.0) {
                    scene.push(Shape::Line { from: at(from), to: at(to), color: theme.text, width: 1.0 }, Some(datum));
                    (from, year) = (to, Some(to.0));
                }
            }
        }
        let mut marks = Vec::new();
        for p in &self.points {
            let ((x, y), datum) = (at(p.at), Some(p.datum));
            marks.push((p.datum, square(&mut scene, (x, y), p.planned, theme, datum)));
            let w = measure.width(&p.label, VALUE_SIZE, false);
            let (at, align, baseline) = match p.planned {
                true => (((x - 6.0).max(w + pad).min(width - pad), y - 7.0), Align::End, Baseline::Bottom),
                false => (((x + 6.0).min(width - pad - w).max(pad), y + 7.0), Align::Start, Baseline::Top),
            };
            scene.text(at, p.label.clone(), VALUE_SIZE, false, theme.text, align, baseline, datum);
        }
        for &(datum, to) in &self.reports {
            marks.push((datum, cross(&mut scene, at(to), theme, Some(datum))));
        }

        let stops = self.stops();
        let x_of = |n: usize| stops.get(n).map(|s| xs.map(f64::from(s.0)));
        for (n, &(year, i)) in stops.iter().enumerate() {
            let Some(&(datum, mark)) = marks.get(i) else { continue };
            let x = xs.map(f64::from(year));
            let before = n.checked_sub(1).and_then(x_of).map_or(0.0, |b| (x + b) / 2.0);
            let after = x_of(n + 1).map_or(width, |a| (x + a) / 2.0);
            let hit = Rect { x: before, y: top - 24.0, w: after - before, h: bottom - top + 24.0 + TICK_SIZE + 8.0 };
            scene.regions.push(Region { datum, hit, mark });
        }
        Laid { scene, bottom: bottom + 6.0 + TICK_SIZE + 10.0 }
    }

    /// A tick for every year; labels for the ends and the years of the points, leaving out any that
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
        let mut labelled = vec![first, last];
        for p in &self.points {
            labelled.push(p.at.0);
        }
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
