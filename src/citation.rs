//! The citation a reader copies with a chart: the plan (issuer, title, notice number and date), the
//! places in the plan the chart draws on, the chart's title, this package and its address, and the
//! date the reader accessed it.

use crate::chart::ChartKind;
use crate::data::model::Lang;
use crate::error::Error;
use crate::format;

/// The issuer, title, notice number and date of the plan, as its notice prints them.
pub const ISSUER_ZH: &str = "绍兴市人民政府";
pub const ISSUER_EN: &str = "Shaoxing Municipal People's Government";
pub const TITLE_ZH: &str = "绍兴市国民经济和社会发展第十五个五年规划纲要";
pub const TITLE_EN: &str = "Outline of the 15th Five-Year Plan for the Economic and Social Development of Shaoxing";
pub const NOTICE: &str = "绍政发〔2026〕6号";
pub const ISSUED: Date = Date { year: 2026, month: 3, day: 9 };

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// A date of the calendar, or `None` (30 February, month 13, year 0 …).
    pub fn new(year: i64, month: i64, day: i64) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Reads `YYYY-MM-DD`, the form of `<input type="date">` and of ISO 8601.
    pub fn parse(text: &str) -> Result<Date, Error> {
        let bad = || Error::BadAccessDate { got: format!("\"{text}\" (a string)") };
        let parts: Vec<&str> = text.split('-').collect();
        let [y, m, d] = parts.as_slice() else { return Err(bad()) };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 || !text.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
            return Err(bad());
        }
        let number = |s: &str| s.parse::<i64>().map_err(|_| bad());
        Date::new(number(y)?, number(m)?, number(d)?).ok_or_else(bad)
    }

    /// "2026年3月9日" / "9 March 2026".
    pub fn written(self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("{}年{}月{}日", self.year, self.month, self.day),
            Lang::En => format!("{} {} {}", self.day, MONTHS[usize::from(self.month - 1)], self.year),
        }
    }
}

/// Checks that `address` is an absolute http(s) URL: a citation is read away from the page.
pub fn address(address: &str) -> Result<&str, Error> {
    let rest = address.strip_prefix("https://").or_else(|| address.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') && !address.contains(char::is_whitespace) => {
            Ok(address)
        }
        _ => Err(Error::BadAddress { got: format!("\"{address}\" (a string)") }),
    }
}

/// The citation of `kind` in `lang`, for a reader who accessed it at `address` on `accessed`.
pub fn citation(kind: ChartKind, lang: Lang, address: &str, accessed: Date) -> String {
    let sections: Vec<String> = kind.sections().iter().map(|s| format::section(s, lang)).collect();
    let title = kind.info().title.get(lang);
    let package = format!("shaoxing-plan-charts {}", crate::VERSION);
    match lang {
        Lang::Zh => format!(
            "{ISSUER_ZH}：《{TITLE_ZH}》（{NOTICE}，{}），{}。图表“{title}”，{package}，{address}，访问日期：{}。",
            ISSUED.written(lang),
            sections.join("、"),
            accessed.written(lang),
        ),
        Lang::En => format!(
            "{ISSUER_EN}, {TITLE_EN} ({TITLE_ZH}), notice {NOTICE}, {}: {}. Chart “{title}”, {package}, {address}, accessed {}.",
            ISSUED.written(lang),
            sections.join("; "),
            accessed.written(lang),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_written_and_checked_against_the_calendar() {
        assert_eq!(Date::parse("2026-11-29"), Ok(Date { year: 2026, month: 11, day: 29 }));
        assert_eq!(Date::parse("2028-02-29").map(|d| d.day), Ok(29));
        for bad in
            ["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-9", "26-01-09", "2026-01-09T00:00", "+026-01-09", ""]
        {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Date::parse("2026-02-30").unwrap_err().to_string(),
            "The access date of a citation must be a Date or a calendar date written YYYY-MM-DD, such as \"2026-03-09\"; got \"2026-02-30\" (a string)."
        );
        assert_eq!(ISSUED.written(Lang::Zh), "2026年3月9日");
        assert_eq!(ISSUED.written(Lang::En), "9 March 2026");
        assert_eq!(Date::new(1900, 2, 29), None);
        assert_eq!(Date::new(2000, 2, 29).map(|d| d.written(Lang::En)), Some("29 February 2000".into()));
    }

    #[test]
    fn addresses_are_absolute_web_urls() {
        assert_eq!(address("https://example.org/pkg/"), Ok("https://example.org/pkg/"));
        assert!(address("http://127.0.0.1:8080/pkg/").is_ok());
        for bad in ["pkg/", "/pkg/", "file:///pkg/", "https://", "https:///x", "javascript:alert(1)", "https://a b/"] {
            assert!(address(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn citations_name_the_plan_its_notice_the_sections_the_chart_and_the_access() {
        let accessed = Date { year: 2026, month: 11, day: 29 };
        let zh = citation(ChartKind::IndustryClusters, Lang::Zh, "https://example.org/pkg/", accessed);
        assert_eq!(
            zh,
            format!(
                "绍兴市人民政府：《绍兴市国民经济和社会发展第十五个五年规划纲要》（绍政发〔2026〕6号，2026年3月9日），专栏1、二（一）1。图表“先进制造业集群2030年产业规模目标”，shaoxing-plan-charts {}，https://example.org/pkg/，访问日期：2026年11月29日。",
                crate::VERSION
            )
        );
        let en = citation(ChartKind::IndustryClusters, Lang::En, "https://example.org/pkg/", accessed);
        assert_eq!(
            en,
            format!(
                "Shaoxing Municipal People's Government, Outline of the 15th Five-Year Plan for the Economic and Social Development of Shaoxing (绍兴市国民经济和社会发展第十五个五年规划纲要), notice 绍政发〔2026〕6号, 9 March 2026: Box 1; Chapter 2, section 1, item 1. Chart “Manufacturing clusters: 2030 output targets”, shaoxing-plan-charts {}, https://example.org/pkg/, accessed 29 November 2026.",
                crate::VERSION
            )
        );
        for info in crate::chart::CHARTS {
            for lang in [Lang::Zh, Lang::En] {
                let text = citation(info.kind, lang, "https://example.org/pkg/", accessed);
                assert!(text.contains(info.title.get(lang)), "{text}");
                for section in info.kind.sections() {
                    assert!(text.contains(&format::section(section, lang)), "{text} lacks {section}");
                }
            }
        }
    }

    /// The plan's words, checked against its text when it is at hand (../shared/plan/).
    #[test]
    fn issuer_title_notice_and_date_are_those_of_the_plan() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/plan");
        let Ok(text) = std::fs::read_to_string(dir.join("shaoxing-15th-five-year-plan.zh.txt")) else {
            eprintln!("skipped: the plan's text is not in {}", dir.display());
            return;
        };
        let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
        assert!(head.contains(NOTICE));
        assert!(head.contains(&format!("现将《{TITLE_ZH}》印发给你们")));
        assert!(head.contains(&format!("{ISSUER_ZH}\n\n{}", ISSUED.written(Lang::Zh))));
    }
}
