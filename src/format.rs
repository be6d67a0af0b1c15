//! How figures are written: numbers, units and qualifiers in Chinese as the plan writes them
//! (突破3300亿元, 78%左右), and in English as a foreign reader expects (over CNY 330 bn, about 78%).

use crate::data::model::{Lang, Position, Qualifier, Quantity, Unit};

/// A number with at most `decimals` decimals, trailing zeros dropped; English groups thousands.
/// Written with integer arithmetic: the float formatting of `core::fmt` would add its tables to the
/// `.wasm`. Magnitudes past 1.8 × 10¹⁹ (no figure or accepted option comes near) are written as that.
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals as u32);
    let scaled = (value.abs() * scale as f64).round();
    // `as` saturates: NaN becomes 0 and anything too large u64::MAX, never a panic.
    let scaled = if scaled.is_finite() { scaled as u64 } else { 0 };
    let (int, mut frac) = (scaled / scale, scaled % scale);
    let mut out = String::new();
    if scaled > 0 && value < 0.0 {
        out.push('-');
    }
    let int = int.to_string();
    for (i, c) in int.chars().enumerate() {
        if lang == Lang::En && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let mut places = decimals;
    while places > 0 && frac % 10 == 0 {
        frac /= 10;
        places -= 1;
    }
    if places > 0 {
        out.push('.');
        let digits = frac.to_string();
        (digits.len()..places).for_each(|_| out.push('0'));
        out.push_str(&digits);
    }
    out
}

/// The smallest number of decimals (up to 3) that writes `value` exactly.
fn decimals_of(value: f64) -> usize {
    (0..3).find(|&d| ((value * 10f64.powi(d as i32)).round() - value * 10f64.powi(d as i32)).abs() < 1e-6).unwrap_or(3)
}

/// The amount without its qualifier: "3300亿元" / "CNY 330 bn".
pub fn amount(value: f64, unit: &Unit, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}{}", number(value, decimals_of(value), lang), unit.zh),
        Lang::En => english_amount(value, unit),
    }
}

fn english_amount(value: f64, unit: &Unit) -> String {
    let n = |v: f64| number(v, decimals_of(v).min(2), Lang::En);
    match unit.id {
        // 亿元 is 10^8 yuan: English counts in millions, billions and trillions.
        "cny-100m" if value >= 10_000.0 => format!("CNY {} trn", n(value / 10_000.0)),
        "cny-100m" if value >= 10.0 => format!("CNY {} bn", n(value / 10.0)),
        "cny-100m" => format!("CNY {} million", n(value * 100.0)),
        "cny-1t" => format!("CNY {} trn", n(value)),
        "cny-10k" => format!("CNY {}", n(value * 10_000.0)),
        "cny" => format!("CNY {}", n(value)),
        "mw-10" if value >= 100.0 => format!("{} GW", n(value / 100.0)),
        "mw-10" => format!("{} MW", n(value * 10.0)),
        "jin-100m" => format!("{} billion jin", n(value / 10.0)),
        "persons-10k" if value >= 100.0 => format!("{} million people", n(value / 100.0)),
        "persons-10k" => format!("{} people", n(value * 10_000.0)),
        "charging-points-10k" => format!("{} charging points", n(value * 10_000.0)),
        "percent" => format!("{}%", n(value)),
        _ if unit.en.is_empty() => n(value),
        _ => format!("{} {}", n(value), unit.en),
    }
}

/// The figure exactly as stated: "突破3300亿元", "1.25万亿元左右", "over CNY 330 bn", "about 78%".
pub fn quantity(q: &Quantity, lang: Lang) -> String {
    let amount = match (lang, q.as_written) {
        (Lang::Zh, Some(written)) => format!("{written}{}", q.unit.zh),
        _ => amount(q.value, q.unit, lang),
    };
    qualified(amount, q.qualifier, lang)
}

/// A figure with the word the plan writes around it: "突破3300亿元", "78左右", "about 78".
pub fn qualified(figure: String, qualifier: Option<&Qualifier>, lang: Lang) -> String {
    match (qualifier, lang) {
        (None, _) => figure,
        (Some(q), Lang::Zh) if q.position == Position::Prefix => format!("{}{figure}", q.zh),
        (Some(q), Lang::Zh) => format!("{figure}{}", q.zh),
        (Some(q), Lang::En) => format!("{} {figure}", q.en),
    }
}

/// How an axis in `unit` is labelled: the factor applied to values, and the unit's name.
/// English money axes count in billions rather than in units of 100 million.
pub fn axis_unit(unit: &Unit, lang: Lang) -> (f64, &'static str) {
    match (lang, unit.id) {
        (Lang::Zh, _) => (1.0, unit.zh),
        (Lang::En, "cny-100m") => (0.1, "CNY bn"),
        (Lang::En, "mw-10") => (10.0, "MW"),
        (Lang::En, "charging-points-10k") => (10_000.0, "charging points"),
        (Lang::En, _) => (1.0, unit.en),
    }
}

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// 一 → 1, 十二 → 12: the chapter and section numbers of the plan (1 to 99).
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| NUMERALS[..9].iter().position(|&n| n == c).map(|i| i as u32 + 1);
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', c] => digit(*c).map(|d| 10 + d),
        [c, '十'] => digit(*c).map(|d| d * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// The place of a figure in the plan, for a source line: "专栏1" / "Box 1",
/// "二(一)1" / "Chapter 2, section 1, item 1".
pub fn section(section: &str, lang: Lang) -> String {
    if lang == Lang::Zh {
        return match section.split_once('(') {
            // 二(一)1 is written 二（一）1 in Chinese prose.
            Some((chapter, rest)) => format!("{chapter}（{}", rest.replacen(')', "）", 1)),
            None => section.to_string(),
        };
    }
    if section == "主要指标" {
        return "Table of main indicators".into();
    }
    if let Some(n) = section.strip_prefix("专栏") {
        return format!("Box {n}");
    }
    let (chapter, rest) = section.split_once('(').unwrap_or((section, ""));
    let mut out = match chinese_number(chapter) {
        Some(n) => format!("Chapter {n}"),
        None => return section.to_string(),
    };
    if let Some((sub, item)) = rest.split_once(')') {
        if let Some(n) = chinese_number(sub) {
            out += &format!(", section {n}");
        }
        if !item.is_empty() {
            out += &format!(", item {item}");
        }
    }
    out
}

/// "来源：绍兴市“十五五”规划纲要 专栏1" / "Source: Shaoxing 15th Five-Year Plan Outline, Box 1".
pub fn source_line(sections: &[&str], lang: Lang) -> String {
    let places: Vec<String> = sections.iter().map(|s| section(s, lang)).collect();
    match lang {
        Lang::Zh => format!("来源：绍兴市“十五五”规划纲要 {}", places.join("、")),
        Lang::En => format!("Source: Outline of Shaoxing's 15th Five-Year Plan (2026–2030), {}", places.join("; ")),
    }
}

/// Joins a list as prose: "A、B、C" / "A, B and C".
pub fn list(items: &[&str], lang: Lang) -> String {
    match (lang, items) {
        (Lang::Zh, _) => items.join("、"),
        (Lang::En, []) => String::new(),
        (Lang::En, [one]) => one.to_string(),
        (Lang::En, [init @ .., last]) => format!("{} and {last}", init.join(", ")),
    }
}

/// A list of common nouns (industries, focus areas, categories) as it reads after the first item in
/// an English sentence: later items begin in lower case. See [`lower`].
pub fn list_common(items: &[&str], lang: Lang) -> String {
    let items: Vec<String> =
        items.iter().enumerate().map(|(i, item)| if i == 0 { item.to_string() } else { lower(item, lang) }).collect();
    list(&items.iter().map(String::as_str).collect::<Vec<_>>(), lang)
}

/// An English name of a thing (not of a place or a person) as it reads mid-sentence: "Smart home" →
/// "smart home". A first word in capitals ("CNC machine tools", "AI") is an acronym and stays.
pub fn lower(item: &str, lang: Lang) -> String {
    let mut chars = item.chars();
    let first_word = item.split([' ', '-']).next().unwrap_or("");
    let acronym = first_word.chars().filter(|c| c.is_ascii_uppercase()).count() > 1;
    match (lang, chars.next()) {
        // English names begin with an ASCII letter: no need for Unicode case tables in the .wasm.
        (Lang::En, Some(first)) if !acronym => std::iter::once(first.to_ascii_lowercase()).chain(chars).collect(),
        _ => item.to_string(),
    }
}

/// An English count with its noun: "1 row", "3 rows".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_for_one() {
        assert_eq!(count(1, "row", "rows"), "1 row");
        assert_eq!(count(0, "row", "rows"), "0 rows");
        assert_eq!(count(25, "category", "categories"), "25 categories");
    }
    use crate::data::model::{Meaning, Qualifier};

    static YI: Unit = Unit { id: "cny-100m", zh: "亿元", en: "CNY 100 million", base: None };
    static WANYI: Unit = Unit { id: "cny-1t", zh: "万亿元", en: "CNY trillion", base: Some(("cny-100m", 10000.0)) };
    static PCT: Unit = Unit { id: "percent", zh: "%", en: "%", base: None };
    static MW: Unit = Unit { id: "mw-10", zh: "万千瓦", en: "10 MW", base: None };
    static KM: Unit = Unit { id: "km", zh: "公里", en: "km", base: None };
    static OVER: Qualifier = Qualifier { zh: "突破", en: "over", position: Position::Prefix, meaning: Meaning::Over };
    static ABOUT: Qualifier =
        Qualifier { zh: "左右", en: "about", position: Position::Suffix, meaning: Meaning::About };
    static STRIVING: Qualifier =
        Qualifier { zh: "力争", en: "striving for", position: Position::Prefix, meaning: Meaning::Striving };

    fn q(value: f64, unit: &'static Unit, qualifier: Option<&'static Qualifier>) -> Quantity {
        Quantity { value, unit, qualifier, as_written: None }
    }

    #[test]
    fn numbers() {
        assert_eq!(number(3300.0, 0, Lang::Zh), "3300");
        assert_eq!(number(3300.0, 0, Lang::En), "3,300");
        assert_eq!(number(1234567.0, 0, Lang::En), "1,234,567");
        assert_eq!(number(1.25, 2, Lang::En), "1.25");
        assert_eq!(number(1.2, 2, Lang::En), "1.2");
        assert_eq!(number(-0.5, 1, Lang::Zh), "-0.5");
        assert_eq!(number(47.56, 2, Lang::Zh), "47.56");
        assert_eq!(number(0.0, 0, Lang::En), "0");
    }

    #[test]
    fn qualified_quantities_are_never_plain_numbers() {
        assert_eq!(quantity(&q(3300.0, &YI, Some(&OVER)), Lang::Zh), "突破3300亿元");
        assert_eq!(quantity(&q(3300.0, &YI, Some(&OVER)), Lang::En), "over CNY 330 bn");
        assert_eq!(quantity(&q(3500.0, &YI, Some(&OVER)), Lang::En), "over CNY 350 bn");
        assert_eq!(quantity(&q(350.0, &YI, Some(&OVER)), Lang::En), "over CNY 35 bn");
        assert_eq!(quantity(&q(1.25, &WANYI, Some(&ABOUT)), Lang::Zh), "1.25万亿元左右");
        assert_eq!(quantity(&q(1.25, &WANYI, Some(&ABOUT)), Lang::En), "about CNY 1.25 trn");
        assert_eq!(quantity(&q(78.0, &PCT, Some(&ABOUT)), Lang::Zh), "78%左右");
        assert_eq!(quantity(&q(78.0, &PCT, Some(&ABOUT)), Lang::En), "about 78%");
        assert_eq!(quantity(&q(290.0, &MW, Some(&STRIVING)), Lang::Zh), "力争290万千瓦");
        assert_eq!(quantity(&q(290.0, &MW, Some(&STRIVING)), Lang::En), "striving for 2.9 GW");
        assert_eq!(quantity(&q(180.5, &KM, None), Lang::En), "180.5 km");
        assert_eq!(quantity(&q(180.5, &KM, None), Lang::Zh), "180.5公里");
        assert_eq!(quantity(&q(17000.0, &YI, None), Lang::En), "CNY 1.7 trn");
        assert_eq!(quantity(&q(8932.0, &YI, None), Lang::En), "CNY 893.2 bn");
        assert_eq!(quantity(&q(5.0, &YI, None), Lang::En), "CNY 500 million");
        static POINTS: Unit =
            Unit { id: "charging-points-10k", zh: "万个", en: "10,000 charging points", base: None };
        assert_eq!(quantity(&q(1.8, &POINTS, Some(&OVER)), Lang::En), "over 18,000 charging points");
        assert_eq!(quantity(&q(1.8, &POINTS, Some(&OVER)), Lang::Zh), "突破1.8万个");
        assert_eq!(axis_unit(&POINTS, Lang::En), (10_000.0, "charging points"));
    }

    #[test]
    fn english_money_axes_count_in_billions() {
        assert_eq!(axis_unit(&YI, Lang::En), (0.1, "CNY bn"));
        assert_eq!(axis_unit(&YI, Lang::Zh), (1.0, "亿元"));
    }

    #[test]
    fn sections_in_both_languages() {
        assert_eq!(section("专栏1", Lang::Zh), "专栏1");
        assert_eq!(section("专栏1", Lang::En), "Box 1");
        assert_eq!(section("二(一)1", Lang::Zh), "二（一）1");
        assert_eq!(section("二(一)1", Lang::En), "Chapter 2, section 1, item 1");
        assert_eq!(section("十二(三)", Lang::En), "Chapter 12, section 3");
        assert_eq!(section("主要指标", Lang::En), "Table of main indicators");
        assert_eq!(source_line(&["专栏1"], Lang::Zh), "来源：绍兴市“十五五”规划纲要 专栏1");
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("十一"), Some(11));
        assert_eq!(chinese_number("x"), None);
    }

    #[test]
    fn lists() {
        assert_eq!(list(&["A", "B", "C"], Lang::En), "A, B and C");
        assert_eq!(list(&["甲", "乙"], Lang::Zh), "甲、乙");
        assert_eq!(list(&["A"], Lang::En), "A");
    }

    #[test]
    fn common_nouns_are_lower_case_mid_sentence_but_acronyms_stay() {
        assert_eq!(
            list_common(&["Smart home", "New energy", "Embodied AI"], Lang::En),
            "Smart home, new energy and embodied AI"
        );
        assert_eq!(list_common(&["Auto parts", "CNC machine tools"], Lang::En), "Auto parts and CNC machine tools");
        assert_eq!(lower("High-end equipment", Lang::En), "high-end equipment");
        assert_eq!(lower("GDP growth", Lang::En), "GDP growth");
        assert_eq!(list_common(&["新材料", "新能源"], Lang::Zh), "新材料、新能源");
    }
}
