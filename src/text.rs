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

/// Breaks `text` into lines no wider than `max_width`: between words, and between CJK characters.
pub fn wrap(text: &str, max_width: f64, size: f64, bold: bool, measure: &dyn TextMeasure) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for piece in pieces(text) {
        let candidate = format!("{line}{piece}");
        if !line.is_empty() && measure.width(candidate.trim_end(), size, bold) > max_width {
            lines.push(line.trim_end().to_string());
            line = piece.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
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
}
