//! The cells of the plan's table of main indicators as the table states them: its three columns of
//! figures, its marks (`*` a 2024 actual, `[]` a five-year total) and what they mean, and what is
//! derived from the cells: the change in percentage points, and the goal progress is measured by;
//! and the names of the indicators' attributes (约束性, 预期性).

use super::model::{Attribute, Cell, Indicator, Lang, Meaning, Quantity, Text};
use crate::data::model::label;
use crate::format;
use crate::progress::Actual;

/// The three figure columns of the table, by the period they are for.
#[derive(Clone, Copy, PartialEq)]
pub enum Period {
    Y2025,
    Y2030,
    /// “十五五”年均/累计
    Plan,
}
use Period::{Plan, Y2025, Y2030};

impl Period {
    pub const ALL: [Period; 3] = [Y2025, Y2030, Plan];

    /// What a label on the chart starts with: 2025年 / 年均 / 五年累计 / “十五五”时期.
    pub fn prefix(self, cell: &Cell, lang: Lang) -> &'static str {
        match (self, cell) {
            (Y2025, Cell::Number { cumulative: true, .. }) => label("2021—2025年累计", "2021–25 total", lang),
            (Y2025, _) => label("2025年", "2025", lang),
            (Y2030, _) => label("2030年", "2030", lang),
            (Plan, Cell::Number { cumulative: true, .. }) => label("五年累计", "5-year total", lang),
            (Plan, Cell::Number { .. }) => label("年均", "Yearly", lang),
            (Plan, Cell::Words(_)) => label("“十五五”时期", "2026–30", lang),
        }
    }

    /// What the table's marks mean for a cell of this column.
    fn note(self, cell: &Cell, lang: Lang) -> Option<&'static str> {
        match (self, cell) {
            (_, Cell::Number { actual_2024: true, .. }) => Some(label("2024年实绩", "2024 actual", lang)),
            (Y2025, Cell::Number { cumulative: true, .. }) => {
                Some(label("2021—2025年五年累计", "five-year total, 2021–2025", lang))
            }
            (Plan, Cell::Number { cumulative: true, .. }) => {
                Some(label("2026—2030年五年累计", "five-year total, 2026–2030", lang))
            }
            (_, Cell::Number { cumulative: true, .. }) => Some(label("五年累计", "five-year total", lang)),
            (Plan, Cell::Number { .. }) => Some(label("年均", "yearly average", lang)),
            _ => None,
        }
    }
}

impl Attribute {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Attribute::Binding => label("约束性", "Binding", lang),
            Attribute::Expected => label("预期性", "Expected", lang),
        }
    }
}

impl Cell {
    /// The cell's number, where it is one.
    pub fn number(&self) -> Option<f64> {
        match *self {
            Cell::Number { value, .. } if value.is_finite() => Some(value),
            _ => None,
        }
    }

    /// The table's mark: `*` (2024 actual) or `[]` (five-year total); empty for none.
    pub fn mark(&self) -> &'static str {
        match self {
            Cell::Number { actual_2024: true, .. } => "*",
            Cell::Number { cumulative: true, .. } => "[]",
            _ => "",
        }
    }

    /// What a cell of the plan-period column holds: "yearly" (an average), "five-year-total" or "words".
    pub fn kind(&self) -> &'static str {
        match self {
            Cell::Number { cumulative: true, .. } => "five-year-total",
            Cell::Number { .. } => "yearly",
            Cell::Words(_) => "words",
        }
    }
}

impl Indicator {
    /// The unit's name ("%"); empty for a plain ratio.
    pub fn unit_name(&self, lang: Lang) -> &'static str {
        Text { zh: self.unit.zh, en: self.unit.en }.get(lang)
    }

    pub fn cell(&self, period: Period) -> Option<&Cell> {
        let cell = match period {
            Y2025 => &self.y2025,
            Y2030 => &self.y2030,
            Plan => &self.plan_period,
        };
        cell.as_ref()
    }

    /// A cell as the table states it, in its marks: without the unit, which stands in the row's name
    /// ("5.2*", "[18]", "78左右", "稳定"), or with it ("5.2%*", "about 78%").
    pub fn stated(&self, cell: &Cell, with_unit: bool, lang: Lang) -> String {
        let (value, qualifier, actual_2024, cumulative) = match *cell {
            Cell::Words(text) => return text.get(lang).to_string(),
            Cell::Number { value, qualifier, actual_2024, cumulative } => (value, qualifier, actual_2024, cumulative),
        };
        let text = match with_unit {
            true => format::quantity(&Quantity { value, unit: self.unit, qualifier, as_written: None }, lang),
            false => format::qualified(format::number(value, 3, lang), qualifier, lang),
        };
        let text = if cumulative { format!("[{text}]") } else { text };
        format!("{text}{}", if actual_2024 { "*" } else { "" })
    }

    /// The cell of `period` as stated, then what its marks mean: "5.2*（2024年实绩）",
    /// "[18%] (five-year total, 2026–2030)"; "—" where the table has none.
    pub fn noted(&self, period: Period, with_unit: bool, lang: Lang) -> String {
        let Some(cell) = self.cell(period) else { return "—".into() };
        let text = self.stated(cell, with_unit, lang);
        match (period.note(cell, lang), lang) {
            (None, _) => text,
            (Some(n), Lang::Zh) => format!("{text}（{n}）"),
            (Some(n), Lang::En) => format!("{text} ({n})"),
        }
    }

    /// The change from the 2025 value to the 2030 target of an indicator in %, in percentage points:
    /// a derived figure. (value, whether either figure is approximate, whether the base is a 2024 actual).
    pub fn change_pp(&self) -> Option<(f64, bool, bool)> {
        let (Some(Cell::Number { value: from, qualifier: q0, actual_2024, cumulative: false }), Some(to)) =
            (self.y2025, self.y2030)
        else {
            return None;
        };
        let Cell::Number { value: to, qualifier: q1, cumulative: false, .. } = to else { return None };
        let about = [q0, q1].iter().any(|q| q.is_some_and(|q| q.meaning == Meaning::About));
        (self.unit.id == "percent" && from.is_finite() && to.is_finite()).then_some((to - from, about, actual_2024))
    }

    /// "+3个百分点" / "about +3 percentage points".
    pub fn change_text(&self, lang: Lang) -> Option<String> {
        let (change, about, _) = self.change_pp()?;
        let (about, sign) = (if about { label("约", "about ", lang) } else { "" }, if change > 0.0 { "+" } else { "" });
        let points = label("个百分点", " percentage points", lang);
        Some(format!("{about}{sign}{}{points}", format::number(change, 2, lang)))
    }

    /// What progress is measured against: the 2030 target from the 2025 value, or a five-year total
    /// from zero. A yearly rate is compared with, not travelled towards. (target, baseline, yearly).
    pub fn goal(&self) -> Option<(f64, Option<f64>, bool)> {
        if let Some(target) = self.y2030.and_then(|c| c.number()) {
            let baseline = match self.y2025 {
                Some(Cell::Number { value, cumulative: false, .. }) if value.is_finite() => Some(value),
                _ => None,
            };
            return Some((target, baseline, false));
        }
        match self.plan_period {
            Some(Cell::Number { value, cumulative, .. }) if value.is_finite() => Some((value, None, !cumulative)),
            _ => None,
        }
    }

    /// The latest report on the indicator, described: "2027年：77%（已完成目标进程的67%）", or for a
    /// yearly rate "2026年：5.8%（年均目标6%）".
    pub fn progress(&self, actual: &Actual, lang: Lang) -> Option<String> {
        let (target, baseline, yearly) = self.goal()?;
        if !yearly {
            return crate::progress::describe(actual, self.unit, baseline, target, lang);
        }
        let (latest, cell) = (actual.points.last()?, self.cell(Plan)?);
        let (amount, stated) = (format::amount(latest.value, self.unit, lang), self.stated(cell, true, lang));
        Some(match lang {
            Lang::Zh => format!("{}年：{amount}（年均目标{stated}）", latest.year),
            Lang::En => format!("{}: {amount} (yearly target {stated})", latest.year),
        })
    }

    /// The share of the way to the goal that `value` covers; none for a yearly rate.
    pub fn share(&self, value: f64) -> Option<f64> {
        match self.goal()? {
            (_, _, true) => None,
            (target, baseline, false) => crate::progress::share(baseline, target, value),
        }
    }
}
