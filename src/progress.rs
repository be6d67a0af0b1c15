//! Progress against a target: reported values (the `actuals` option) measured along the way from
//! the 2025 baseline (or zero, where the plan gives none) to the target.

use crate::data::model::{Lang, Unit};
use crate::format;

/// Reported values for one datum, in year order.
#[derive(Debug, Clone, PartialEq)]
pub struct Actual {
    pub datum: &'static str,
    pub points: Vec<Reported>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reported {
    pub year: u16,
    /// In the unit of the plan's figure for the datum (亿元 for a cluster target of 亿元).
    pub value: f64,
}

/// The share of the way from `baseline` to `target` that `value` covers (1.0 = target reached).
/// None when the target does not differ from the baseline.
pub fn share(baseline: Option<f64>, target: f64, value: f64) -> Option<f64> {
    let from = baseline.unwrap_or(0.0);
    let way = target - from;
    if way.abs() < f64::EPSILON * target.abs().max(1.0) {
        return None;
    }
    Some((value - from) / way)
}

/// "2026年：2100亿元（已完成目标进程的60%）" / "2026: CNY 210 bn (60% of the way to the target)".
pub fn describe(actual: &Actual, unit: &Unit, baseline: Option<f64>, target: f64, lang: Lang) -> Option<String> {
    let latest = actual.points.last()?;
    let amount = format::amount(latest.value, unit, lang);
    let pct = share(baseline, target, latest.value).map(|s| format::number(s * 100.0, 0, lang));
    Some(match (lang, pct) {
        (Lang::Zh, Some(p)) => format!("{}年：{amount}（已完成目标进程的{p}%）", latest.year),
        (Lang::Zh, None) => format!("{}年：{amount}", latest.year),
        (Lang::En, Some(p)) => format!("{}: {amount} ({p}% of the way to the target)", latest.year),
        (Lang::En, None) => format!("{}: {amount}", latest.year),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_is_measured_from_the_baseline() {
        assert_eq!(share(None, 3500.0, 1750.0), Some(0.5));
        assert_eq!(share(Some(75.0), 78.0, 76.5), Some(0.5));
        assert_eq!(share(Some(8932.0), 12500.0, 8932.0), Some(0.0));
        // A falling target (e.g. a lower unemployment rate) counts progress downwards.
        assert_eq!(share(Some(10.0), 5.0, 7.5), Some(0.5));
        assert_eq!(share(Some(5.0), 5.0, 6.0), None);
    }

    #[test]
    fn the_latest_report_is_described() {
        static YI: Unit = Unit { id: "cny-100m", zh: "亿元", en: "CNY 100 million", base: None };
        let actual = Actual {
            datum: "cluster.x",
            points: vec![Reported { year: 2026, value: 1000.0 }, Reported { year: 2027, value: 2100.0 }],
        };
        assert_eq!(describe(&actual, &YI, None, 3500.0, Lang::Zh).unwrap(), "2027年：2100亿元（已完成目标进程的60%）");
        assert_eq!(
            describe(&actual, &YI, None, 3500.0, Lang::En).unwrap(),
            "2027: CNY 210 bn (60% of the way to the target)"
        );
        let empty = Actual { datum: "cluster.x", points: vec![] };
        assert_eq!(describe(&empty, &YI, None, 3500.0, Lang::En), None);
    }
}
