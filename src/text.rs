//! Text measurement. The browser measures with the canvas' `measureText`; native code and tests use
//! fixed metrics, so that layouts and golden SVG files do not depend on the fonts of a machine.

/// The font stack of every chart: system UI fonts first, then the common CJK fonts of each platform.
pub const FONT_FAMILY: &str = "system-ui, -apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', \
'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

pub trait TextMeasure {
    /// Width in CSS pixels of `text` set in the chart font at `size` pixels.
    fn width(&self, text: &str, size: f64, bold: bool) -> f64;
}

/// Deterministic metrics: a CJK character is 1 em wide, Latin letters a little over half an em
/// (generous, so that text laid out with them fits in common sans-serif fonts).
#[derive(Debug, Clone, Copy, Default)]
pub struct FixedMetrics;

impl TextMeasure for FixedMetrics {
    fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
        let ems: f64 = text.chars().map(char_ems).sum();
        ems * size * if bold { 1.1 } else { 1.0 }
    }
}

fn char_ems(c: char) -> f64 {
    match c {
        ' ' => 0.28,
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
        'm' | 'w' | 'M' | 'W' | '%' => 0.9,
        'A'..='Z' => 0.7,
        '0'..='9' => 0.64,
        c if c.is_ascii() => 0.58,
        c if is_wide(c) => 1.0,
        _ => 0.6,
    }
}

/// CJK ideographs, kana and full-width punctuation: one em wide, and breakable anywhere.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0x20000..=0x2FFFF)
}

/// How close to the width limit, in pixels, a line's summed width is checked against its own.
const NEAR_LIMIT: f64 = 2.0;

/// Breaks `text` into lines no wider than `max_width`: between words, and between CJK characters.
///
/// A line's width is the sum of its pieces' widths, each piece measured once: measuring every
/// longer candidate line instead made the browser shape the same text again and again (a
/// paragraph of Chinese, with no spaces to cache words at, cost tens of milliseconds).
pub fn wrap(text: &str, max_width: f64, size: f64, bold: bool, measure: &dyn TextMeasure) -> Vec<String> {
    let space = measure.width(" ", size, bold);
    let mut lines = Vec::new();
    let mut line = String::new();
    // The width of `line` without its trailing spaces, and the width of those spaces.
    let (mut width, mut trailing) = (0.0, 0.0);
    for piece in pieces(text) {
        let word = piece.trim_end();
        let spaces = match &piece[word.len()..] {
            "" => 0.0,
            " " => space,
            other => measure.width(other, size, bold), // an ideographic or no-break space, a tab
        };
        if word.trim_start().is_empty() {
            // Spaces alone: kept between words, dropped at the start of a line.
            if !line.is_empty() {
                line.push_str(&piece);
                trailing += spaces;
            }
            continue;
        }
        if !line.is_empty() {
            let mut joined = width + trailing + measure.width(word, size, bold);
            // Near the limit the sum may differ from the line's own width (kerning, rounding):
            // measure the line itself there, so that a text wrapped at its own width stays on one line.
            if (joined - max_width).abs() < NEAR_LIMIT {
                joined = measure.width(&format!("{line}{word}"), size, bold);
            }
            if joined <= max_width {
                line.push_str(&piece);
                (width, trailing) = (joined, spaces);
                continue;
            }
            lines.push(line.trim_end().to_string());
            line.clear();
        }
        // A new line: without the spaces a piece may start with (one before closing punctuation).
        line.push_str(piece.trim_start());
        (width, trailing) = (measure.width(word.trim_start(), size, bold), spaces);
    }
    if !line.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// A line of a block of text, with its size and weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub size: f64,
    pub bold: bool,
}

impl Line {
    /// From the top of this line to the top of the next.
    pub fn height(&self) -> f64 {
        (self.size * 1.3).round()
    }
}

/// `text` wrapped within `width` at the largest of `sizes` at which every line fits (at the
/// smallest where none does: a word wider than the box stays whole).
pub fn fit(text: &str, width: f64, sizes: &[f64], bold: bool, measure: &dyn TextMeasure) -> Vec<Line> {
    let fits = |size: f64| wrap(text, width, size, bold, measure).iter().all(|l| measure.width(l, size, bold) <= width);
    let size = sizes.iter().copied().find(|s| fits(*s)).unwrap_or(sizes.last().copied().unwrap_or(10.0));
    wrap(text, width, size, bold, measure).into_iter().map(|text| Line { text, size, bold }).collect()
}

/// The width of the widest of `lines`.
pub fn lines_width(lines: &[Line], measure: &dyn TextMeasure) -> f64 {
    lines.iter().map(|l| measure.width(&l.text, l.size, l.bold)).fold(0.0, f64::max)
}

/// The height of `lines`, one under another.
pub fn lines_height(lines: &[Line]) -> f64 {
    lines.iter().map(Line::height).sum()
}

/// Splits text into unbreakable pieces: a Latin word with its trailing space, or one CJK character
/// (with any closing punctuation after it, which must not start a line).
fn pieces(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_wide(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if "，。、；：？！）》”’".contains(c) {
                if let Some(last) = out.last_mut() {
                    last.push(c);
                    continue;
                }
            }
            out.push(c.to_string());
        } else {
            word.push(c);
            if c == ' ' {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_metrics_are_one_em_per_cjk_character() {
        assert_eq!(FixedMetrics.width("新材料", 10.0, false), 30.0);
        assert!(FixedMetrics.width("New materials", 10.0, false) < 80.0);
        assert!(FixedMetrics.width("新材料", 10.0, true) > 30.0);
        assert!(FixedMetrics.width("New materials", 10.0, false) > 60.0);
    }

    #[test]
    fn wrapping_breaks_english_at_spaces_and_chinese_anywhere() {
        let lines = wrap("Ten industry clusters and their 2030 targets", 100.0, 10.0, false, &FixedMetrics);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| FixedMetrics.width(l, 10.0, false) <= 100.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Ten industry clusters and their 2030 targets");
        let lines = wrap("十个先进制造业集群，二〇三〇年产业规模目标", 50.0, 10.0, false, &FixedMetrics);
        assert_eq!(lines.concat(), "十个先进制造业集群，二〇三〇年产业规模目标");
        assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
        assert!(lines.iter().all(|l| FixedMetrics.width(l, 10.0, false) <= 60.0), "{lines:?}");
    }

    /// Fixed metrics that count their calls and the characters measured.
    struct Counting(std::cell::Cell<(usize, usize)>);

    impl TextMeasure for Counting {
        fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
            let (calls, chars) = self.0.get();
            self.0.set((calls + 1, chars + text.chars().count()));
            FixedMetrics.width(text, size, bold)
        }
    }

    #[test]
    fn wrapping_measures_each_piece_once_not_every_longer_line() {
        let paragraph = "计算值由所列地区生产总值总量推算，含价格变动；规划未说明增长目标的计价口径。".repeat(4);
        let counting = Counting(std::cell::Cell::new((0, 0)));
        let lines = wrap(&paragraph, 200.0, 12.0, false, &counting);
        assert_eq!(lines, wrap(&paragraph, 200.0, 12.0, false, &FixedMetrics));
        assert!(lines.len() > 4 && lines.iter().all(|l| FixedMetrics.width(l, 12.0, false) <= 200.0));
        let (calls, chars) = counting.0.get();
        let length = paragraph.chars().count();
        assert!(calls <= length + lines.len() + 1 && chars <= 2 * length, "{calls} calls, {chars} characters");
    }

    #[test]
    fn lines_start_without_spaces_and_wide_spaces_count_their_width() {
        // A space before closing punctuation rides with it; a new line drops it.
        assert_eq!(wrap("W） ，a", 20.0, 10.0, false, &FixedMetrics), vec!["W）", "，a"]);
        assert_eq!(wrap("  leading", 100.0, 10.0, false, &FixedMetrics), vec!["leading"]);
        assert_eq!(wrap("", 100.0, 10.0, false, &FixedMetrics), Vec::<String>::new());
        // The ideographic space is an em wide, not a Latin space's width: the next word moves down.
        let text = "甲乙\u{3000}Abc";
        let fits = FixedMetrics.width(text, 20.0, false);
        assert_eq!(wrap(text, fits, 20.0, false, &FixedMetrics), vec![text.to_string()]);
        // Counted as three Latin spaces (its UTF-8 length) it would seem 3.2 px narrower and fit.
        assert_eq!(wrap(text, fits - 1.0, 20.0, false, &FixedMetrics), vec!["甲乙", "Abc"]);
        // A word wider than the line stays whole on a line of its own.
        assert_eq!(wrap("a Extraordinarily b", 30.0, 10.0, false, &FixedMetrics), vec!["a", "Extraordinarily", "b"]);
    }

    /// Metrics whose lines are narrower than the sum of their words, as kerning can make them.
    struct Kerned;

    impl TextMeasure for Kerned {
        fn width(&self, text: &str, size: f64, bold: bool) -> f64 {
            FixedMetrics.width(text, size, bold) - if text.len() > 12 { 1.5 } else { 0.0 }
        }
    }

    #[test]
    fn a_text_wrapped_at_its_own_width_stays_on_one_line() {
        for text in ["Urban rail transit in operation (cumulative)", "New-type energy storage capacity"] {
            let own = Kerned.width(text, 13.0, false);
            assert_eq!(wrap(text, own, 13.0, false, &Kerned), vec![text.to_string()]);
            assert_eq!(wrap(text, own - 3.0, 13.0, false, &Kerned).len(), 2);
        }
    }
}
