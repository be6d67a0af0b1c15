//! Pieces that charts share: sizes, the legend, value axes, the progress mark.

use crate::data::model::Lang;
use crate::format;
use crate::scale::Linear;
use crate::scene::{Align, Baseline, Rect, Scene};
use crate::text::TextMeasure;
use crate::theme::Theme;

pub const LABEL_SIZE: f64 = 13.0;
pub const VALUE_SIZE: f64 = 12.0;
pub const TICK_SIZE: f64 = 11.0;
pub const HEADING_SIZE: f64 = 12.0;
/// Below this width, labels go above their marks instead of beside them.
pub const NARROW: f64 = 480.0;

/// The space kept free along the edges of a plot.
pub fn padding(width: f64) -> f64 {
    if width < NARROW {
        8.0
    } else {
        12.0
    }
}

/// The widest of `texts`.
pub fn widest<'a>(texts: impl IntoIterator<Item = &'a str>, size: f64, bold: bool, measure: &dyn TextMeasure) -> f64 {
    texts.into_iter().map(|t| measure.width(t, size, bold)).fold(0.0, f64::max)
}

/// Draws a legend entry's 14 × 14 swatch in the given square.
pub type Swatch<'a> = &'a dyn Fn(&mut Scene, Rect);

/// A legend of swatches and names from (pad, y), wrapping onto new lines within `width`.
/// Returns the y below it.
pub fn legend(
    scene: &mut Scene,
    entries: &[(&str, Swatch)],
    width: f64,
    y: f64,
    measure: &dyn TextMeasure,
    theme: &Theme,
) -> f64 {
    let pad = padding(width);
    let (mut x, mut y) = (pad, y);
    for (name, swatch) in entries {
        let item_width = 20.0 + measure.width(name, HEADING_SIZE, false);
        if x > pad && x + item_width > width - pad {
            x = pad;
            y += 22.0;
        }
        swatch(scene, Rect { x, y: y + 1.0, w: 14.0, h: 14.0 });
        scene.text((x + 20.0, y + 8.0), *name, HEADING_SIZE, false, theme.text, Align::Start, Baseline::Middle, None);
        x += item_width + 18.0;
    }
    y + 28.0
}

/// Vertical grid lines at `ticks` from `top` to `bottom`; the zero line is darker.
/// With `zero_only` (phones, where labels sit above the marks) no other line crosses a label.
pub fn grid(scene: &mut Scene, scale: &Linear, ticks: &[f64], top: f64, bottom: f64, zero_only: bool, theme: &Theme) {
    for t in ticks.iter().filter(|t| !zero_only || **t == 0.0) {
        let x = scale.map(*t).round() + 0.5;
        let color = if *t == 0.0 { theme.muted } else { theme.grid };
        scene.line((x, top), (x, bottom), color, 1.0);
    }
}

/// Tick labels under a horizontal value axis at `y`, and the unit on the line below, flush right
/// at `right`. Returns the y below them.
#[allow(clippy::too_many_arguments)]
pub fn value_axis(
    scene: &mut Scene,
    scale: &Linear,
    ticks: &[f64],
    y: f64,
    unit_name: &str,
    right: f64,
    lang: Lang,
    theme: &Theme,
) -> f64 {
    let y = y + 4.0;
    for t in ticks {
        scene.text(
            (scale.map(*t), y),
            format::number(*t, 2, lang),
            TICK_SIZE,
            false,
            theme.muted,
            Align::Center,
            Baseline::Top,
            None,
        );
    }
    let y = y + TICK_SIZE + 6.0;
    let unit = match lang {
        Lang::Zh => format!("单位：{unit_name}"),
        Lang::En => format!("Unit: {unit_name}"),
    };
    scene.text((right, y), unit, TICK_SIZE, false, theme.muted, Align::End, Baseline::Top, None);
    y + TICK_SIZE
}

/// A reported value (the `actuals` option): a thin bar in the text colour from `from` to `to`,
/// ended by a tick, centred on `middle`.
pub fn reported_mark(scene: &mut Scene, from: f64, to: f64, middle: f64, theme: &Theme, datum: Option<&'static str>) {
    scene.fill(Rect { x: from, y: middle - 2.0, w: (to - from).max(1.0), h: 4.0 }, theme.text, datum);
    scene.fill(Rect { x: to - 1.0, y: middle - 7.0, w: 2.0, h: 14.0 }, theme.text, datum);
}

/// The outline that marks a selected datum (a cluster, industry or district chosen here or in a
/// linked chart): a 2 px ring in the text colour, just outside `rect`.
pub fn selection_outline(scene: &mut Scene, rect: Rect, theme: &Theme, datum: Option<&'static str>) {
    let ring = Rect { x: rect.x - 2.0, y: rect.y - 2.0, w: rect.w + 4.0, h: rect.h + 4.0 };
    scene.push(crate::scene::Shape::Stroke { rect: ring, color: theme.text, width: 2.0 }, datum);
}

/// The ids of the clusters that the current selection concerns (a cluster, an industry's cluster,
/// a district's clusters).
pub fn selected_clusters(selected: Option<&str>) -> Vec<&'static str> {
    selected
        .and_then(crate::data::links::Selectable::find)
        .map(|s| s.clusters().iter().map(|c| c.id).collect())
        .unwrap_or_default()
}

/// The label of a figure's verbatim quote in tooltips: the plan is in Chinese, whatever the language.
pub const PLAN_WORDS: crate::data::model::Text =
    crate::data::model::Text { zh: "规划原文", en: "Plan's words (Chinese)" };

pub const REPORTED: crate::data::model::Text =
    crate::data::model::Text { zh: "最新实际值", en: "Latest reported" };
