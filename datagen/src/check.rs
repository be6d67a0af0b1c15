//! Checks that need more than one field: references between records, allowed words, ids, and that
//! every quantity's number stands in its quote. (Whether each quote stands in the plan's text is a
//! test of the library, since the plan is not part of the build.)

use std::collections::{BTreeSet, HashMap};

use crate::schema::*;
use crate::DataError;

pub const CLUSTER_KINDS: &[&str] = &["traditional", "emerging"];
pub const ATTRIBUTES: &[&str] = &["expected", "binding"];
pub const DISTRICT_KINDS: &[&str] = &["district", "county-city", "county", "new-area"];
pub const PLACE_KINDS: &[&str] = &["central-town", "functional-area"];
pub const MEASURES: &[&str] = &["projects", "total_investment", "five_year_investment"];
pub const FIGURE_KINDS: &[&str] = &["target", "actual", "milestone"];
pub const NAME_LISTS: &[&str] = &["lab", "platform", "major-item"];
pub const POSITIONS: &[&str] = &["prefix", "suffix"];
pub const MEANINGS: &[&str] = &["over", "about", "at-least", "within", "striving"];

/// Collects errors for one record at a time.
struct Checker<'a> {
    errors: Vec<DataError>,
    ids: HashMap<String, String>,
    units: BTreeSet<&'a str>,
    qualifiers: BTreeSet<&'a str>,
    file: String,
    record: String,
}

impl<'a> Checker<'a> {
    fn at(&mut self, file: &str, table: &str, index: usize, id: &str) {
        self.file = file.to_string();
        self.record = if id.is_empty() {
            format!("[[{table}]] #{}", index + 1)
        } else {
            format!("[[{table}]] #{} (id \"{id}\")", index + 1)
        };
    }

    fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.clone(),
            record: Some(self.record.clone()),
            field: Some(field.to_string()),
            message: message.into(),
        });
    }

    fn one_of(&mut self, field: &str, value: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.fail(field, format!("\"{value}\" is not allowed; use one of: {}", allowed.join(", ")));
        }
    }

    fn id(&mut self, field: &str, id: &str) {
        let valid = !id.is_empty()
            && id.contains('.')
            && id.split('.').all(|part| {
                !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            });
        if !valid {
            self.fail(field, format!("\"{id}\" is not a valid id: use lower-case ASCII words joined by '.' and '-', e.g. cluster.new-materials"));
        }
        let here = format!("{}, record {}", self.file, self.record);
        if let Some(first) = self.ids.insert(id.to_string(), here) {
            self.fail(field, format!("the id \"{id}\" is already used by {first}"));
        }
    }

    fn names(&mut self, prefix: &str, zh: &str, en: &str) {
        let field = |lang: &str| if prefix.is_empty() { format!("name_{lang}") } else { format!("{prefix}_{lang}") };
        if zh.trim().is_empty() {
            self.fail(&field("zh"), "the Chinese text is empty");
        }
        if en.trim().is_empty() {
            self.fail(&field("en"), "the English text is empty");
        } else if en.chars().any(is_cjk) {
            self.fail(&field("en"), format!("the English text \"{en}\" contains Chinese characters"));
        }
    }

    fn source(&mut self, field: &str, source: &Source) {
        if !is_section(&source.section) {
            self.fail(
                &format!("{field}.section"),
                format!(
                    "\"{}\" is not a section: write 主要指标, 专栏N, or a chapter path such as 二(一)1",
                    source.section
                ),
            );
        }
        if source.quote.trim().chars().count() < 4 {
            self.fail(&format!("{field}.quote"), "the quote is missing or too short to find in the plan");
        }
    }

    fn quantity(&mut self, field: &str, q: &Quantity, quote: &str) {
        self.unit(&format!("{field}.unit"), &q.unit);
        if let Some(word) = &q.qualifier {
            self.qualifier(&format!("{field}.qualifier"), word);
        }
        self.number(&format!("{field}.value"), q.value, q.as_written.as_deref(), quote);
    }

    fn number(&mut self, field: &str, value: f64, as_written: Option<&str>, quote: &str) {
        if !value.is_finite() {
            self.fail(field, "the value is not a finite number");
            return;
        }
        let written = as_written.map(str::to_string).unwrap_or_else(|| minimal_decimal(value));
        if !squash(quote).contains(&squash(&written)) {
            self.fail(field, format!("the number {written} does not appear in the quote \"{quote}\""));
        }
    }

    fn unit(&mut self, field: &str, unit: &str) {
        if !self.units.contains(unit) {
            let known = self.units.iter().copied().collect::<Vec<_>>().join(", ");
            self.fail(field, format!("unknown unit \"{unit}\"; known units: {known}"));
        }
    }

    fn qualifier(&mut self, field: &str, word: &str) {
        if !self.qualifiers.contains(word) {
            let known = self.qualifiers.iter().copied().collect::<Vec<_>>().join(", ");
            self.fail(
                field,
                format!("unknown qualifier \"{word}\"; add it to data/qualifiers.toml or use one of: {known}"),
            );
        }
    }

    fn cell(&mut self, field: &str, cell: &Cell, quote: &str) {
        match (&cell.value, &cell.text_zh, &cell.text_en) {
            (Some(value), None, None) => {
                if let Some(word) = &cell.qualifier {
                    self.qualifier(&format!("{field}.qualifier"), word);
                }
                self.number(&format!("{field}.value"), *value, None, quote);
            }
            (None, Some(zh), Some(en)) => {
                if cell.qualifier.is_some() || cell.actual_2024 || cell.cumulative {
                    self.fail(field, "a cell of words takes no qualifier, actual_2024 or cumulative");
                }
                self.names(&format!("{field}.text"), zh, en);
                if !squash(quote).contains(&squash(zh)) {
                    self.fail(&format!("{field}.text_zh"), format!("\"{zh}\" does not appear in the quote"));
                }
            }
            _ => self.fail(field, "a cell is either `value` (a number) or both `text_zh` and `text_en` (words)"),
        }
    }

    fn reference(&mut self, field: &str, id: &str, known: &BTreeSet<&str>, what: &str) {
        if !known.contains(id) {
            self.fail(field, format!("there is no {what} with the id \"{id}\""));
        }
    }
}

pub fn check(data: &Dataset, figure_origin: &[(String, usize)]) -> Vec<DataError> {
    let mut c = Checker {
        errors: Vec::new(),
        ids: HashMap::new(),
        units: data.units.iter().map(|u| u.id.as_str()).collect(),
        qualifiers: data.qualifiers.iter().map(|q| q.zh.as_str()).collect(),
        file: String::new(),
        record: String::new(),
    };

    let file = "data/units.toml";
    for (i, u) in data.units.iter().enumerate() {
        c.at(file, "unit", i, &u.id);
        if u.id.is_empty() || !u.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            c.fail("id", format!("\"{}\" is not a valid unit id: use lower-case ASCII and '-'", u.id));
        }
        if u.en.chars().any(is_cjk) {
            c.fail("en", "the English unit contains Chinese characters");
        }
        match (&u.base, u.factor) {
            (None, None) => {}
            (Some(base), Some(factor)) => {
                c.unit("base", base);
                if !(factor.is_finite() && factor > 0.0) {
                    c.fail("factor", "the factor must be a positive number");
                }
            }
            _ => c.fail("base", "give both `base` and `factor`, or neither"),
        }
    }
    if data.units.iter().map(|u| &u.id).collect::<BTreeSet<_>>().len() != data.units.len() {
        c.at(file, "unit", 0, "");
        c.fail("id", "two units share an id");
    }

    let file = "data/qualifiers.toml";
    for (i, q) in data.qualifiers.iter().enumerate() {
        c.at(file, "qualifier", i, "");
        c.one_of("position", &q.position, POSITIONS);
        c.one_of("meaning", &q.meaning, MEANINGS);
        c.names("", &q.zh, &q.en);
    }

    let file = "data/indicators.toml";
    for (i, cat) in data.categories.iter().enumerate() {
        c.at(file, "category", i, &cat.id);
        c.id("id", &cat.id);
        c.names("name", &cat.name_zh, &cat.name_en);
    }
    let categories: BTreeSet<&str> = data.categories.iter().map(|x| x.id.as_str()).collect();
    for (i, ind) in data.indicators.iter().enumerate() {
        c.at(file, "indicator", i, &ind.id);
        c.id("id", &ind.id);
        c.reference("category", &ind.category, &categories, "[[category]]");
        if !(1..=25).contains(&ind.number) {
            c.fail("number", format!("{} is not an indicator number (1 to 25)", ind.number));
        }
        c.names("name", &ind.name_zh, &ind.name_en);
        match (&ind.sub_zh, &ind.sub_en) {
            (None, None) => {}
            (Some(zh), Some(en)) => c.names("sub", zh, en),
            _ => c.fail("sub_zh", "give both `sub_zh` and `sub_en`, or neither"),
        }
        c.unit("unit", &ind.unit);
        c.one_of("attribute", &ind.attribute, ATTRIBUTES);
        c.source("source", &ind.source);
        for (field, cell) in [("y2025", &ind.y2025), ("y2030", &ind.y2030), ("plan_period", &ind.plan_period)] {
            if let Some(cell) = cell {
                c.cell(field, cell, &ind.source.quote);
            }
        }
    }

    let file = "data/clusters.toml";
    for (i, cl) in data.clusters.iter().enumerate() {
        c.at(file, "cluster", i, &cl.id);
        c.id("id", &cl.id);
        c.one_of("kind", &cl.kind, CLUSTER_KINDS);
        c.names("name", &cl.name_zh, &cl.name_en);
        c.quantity("target", &cl.target, &cl.source.quote);
        c.source("source", &cl.source);
        if cl.focus_zh.len() != cl.focus_en.len() {
            c.fail(
                "focus_en",
                format!("{} Chinese focus areas but {} English ones", cl.focus_zh.len(), cl.focus_en.len()),
            );
        }
        for (zh, en) in cl.focus_zh.iter().zip(&cl.focus_en) {
            c.names("focus", zh, en);
        }
    }
    let clusters: BTreeSet<&str> = data.clusters.iter().map(|x| x.id.as_str()).collect();

    let file = "data/industries.toml";
    for (i, ind) in data.industries.iter().enumerate() {
        c.at(file, "industry", i, &ind.id);
        c.id("id", &ind.id);
        c.names("name", &ind.name_zh, &ind.name_en);
        if let Some(cluster) = &ind.cluster {
            c.reference("cluster", cluster, &clusters, "[[cluster]] in data/clusters.toml");
        }
        c.source("source", &ind.source);
    }
    let industries: BTreeSet<&str> = data.industries.iter().map(|x| x.id.as_str()).collect();

    let file = "data/districts.toml";
    for (i, d) in data.districts.iter().enumerate() {
        c.at(file, "district", i, &d.id);
        c.id("id", &d.id);
        c.names("name", &d.name_zh, &d.name_en);
        c.one_of("kind", &d.kind, DISTRICT_KINDS);
        for industry in &d.industries {
            c.reference("industries", industry, &industries, "[[industry]] in data/industries.toml");
        }
        c.source("industries_source", &d.industries_source);
        c.names("hallmark", &d.hallmark_zh, &d.hallmark_en);
        c.source("hallmark_source", &d.hallmark_source);
        for (j, p) in d.place.iter().enumerate() {
            let field = |f: &str| format!("place[{}].{f}", j + 1);
            c.id(&field("id"), &p.id);
            c.one_of(&field("kind"), &p.kind, PLACE_KINDS);
            c.names(&field("name"), &p.name_zh, &p.name_en);
            c.source(&field("source"), &p.source);
        }
    }

    let file = "data/projects.toml";
    for (i, d) in data.project_domains.iter().enumerate() {
        c.at(file, "domain", i, &d.id);
        c.id("id", &d.id);
        c.names("name", &d.name_zh, &d.name_en);
        c.quantity("projects", &d.projects, &d.source.quote);
        c.quantity("total_investment", &d.total_investment, &d.source.quote);
        c.quantity("five_year_investment", &d.five_year_investment, &d.source.quote);
        c.source("source", &d.source);
    }
    for (i, t) in data.project_totals.iter().enumerate() {
        c.at(file, "total", i, &t.id);
        c.id("id", &t.id);
        c.one_of("measure", &t.measure, MEASURES);
        c.names("name", &t.name_zh, &t.name_en);
        c.quantity("stated", &t.stated, &t.source.quote);
        c.source("source", &t.source);
    }

    let file = "data/groups.toml";
    for (i, g) in data.groups.iter().enumerate() {
        c.at(file, "group", i, &g.id);
        if g.id.is_empty() || !g.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            c.fail("id", format!("\"{}\" is not a valid group id: use lower-case ASCII and '-'", g.id));
        }
        c.names("name", &g.name_zh, &g.name_en);
    }
    let groups: BTreeSet<&str> = data.groups.iter().map(|x| x.id.as_str()).collect();

    let mut figures = data.figures.iter();
    for (file, count) in figure_origin {
        for (i, f) in figures.by_ref().take(*count).enumerate() {
            c.at(file, "figure", i, &f.id);
            c.id("id", &f.id);
            c.reference("group", &f.group, &groups, "[[group]] in data/groups.toml");
            c.names("name", &f.name_zh, &f.name_en);
            if let Some(year) = f.year {
                if !(2015..=2035).contains(&year) {
                    c.fail("year", format!("{year} is outside the years the plan speaks of (2015–2035)"));
                }
            }
            c.one_of("kind", &f.kind, FIGURE_KINDS);
            c.quantity("value", &f.value, &f.source.quote);
            c.source("source", &f.source);
        }
    }

    let file = "data/names.toml";
    for (i, n) in data.names.iter().enumerate() {
        c.at(file, "name", i, &n.id);
        c.id("id", &n.id);
        c.one_of("list", &n.list, NAME_LISTS);
        c.names("name", &n.name_zh, &n.name_en);
        c.source("source", &n.source);
    }

    c.errors
}

/// `3300.0` → "3300", `1.25` → "1.25": how the plan writes a number.
pub fn minimal_decimal(value: f64) -> String {
    let s = format!("{value}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// The text with all whitespace removed: quotes are matched regardless of the copy's line breaks.
pub fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

const CHINESE_NUMERALS: &str = "一二三四五六七八九十";

/// 主要指标, 专栏N, or a chapter path: 二, 二(一), 二(一)1.
fn is_section(section: &str) -> bool {
    if section == "主要指标" {
        return true;
    }
    if let Some(n) = section.strip_prefix("专栏") {
        return !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit());
    }
    let chapter_len = section.chars().take_while(|c| CHINESE_NUMERALS.contains(*c)).map(char::len_utf8).sum::<usize>();
    if chapter_len == 0 {
        return false;
    }
    let rest = &section[chapter_len..];
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('(') else { return false };
    let Some((sub, item)) = rest.split_once(')') else { return false };
    !sub.is_empty() && sub.chars().all(|c| CHINESE_NUMERALS.contains(c)) && item.bytes().all(|b| b.is_ascii_digit())
}
