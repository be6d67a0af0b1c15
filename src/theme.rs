//! Colours of the light and dark themes, chosen for WCAG AA contrast (checked by the tests below).

use crate::scale::Within;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: f64,
}

impl Color {
    pub const fn rgb(hex: u32) -> Color {
        Color { r: (hex >> 16) as u8, g: (hex >> 8) as u8, b: hex as u8, a: 1.0 }
    }

    pub const fn with_alpha(self, a: f64) -> Color {
        Color { a, ..self }
    }

    /// `#rrggbb`, for CSS and SVG.
    pub fn hex(&self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// `#rrggbb`, or `#rrggbbaa` when translucent: the canvas's fill and stroke styles.
    pub fn css(&self) -> String {
        let alpha = (self.a.within(0.0, 1.0) * 255.0).round() as u8;
        match alpha {
            255 => self.hex(),
            _ => format!("{}{alpha:02x}", self.hex()),
        }
    }

    /// WCAG relative luminance.
    pub fn luminance(&self) -> f64 {
        let channel = |c: u8| {
            let c = c as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.r) + 0.7152 * channel(self.g) + 0.0722 * channel(self.b)
    }

    /// WCAG contrast ratio, from 1 to 21.
    pub fn contrast(&self, other: &Color) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// `self` blended towards `other` by `t` (0 = self, 1 = other), opaque.
    pub fn mix(self, other: Color, t: f64) -> Color {
        let c = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t.within(0.0, 1.0)).round() as u8;
        Color { r: c(self.r, other.r), g: c(self.g, other.g), b: c(self.b, other.b), a: 1.0 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub background: Color,
    /// Titles, labels and values.
    pub text: Color,
    /// Axis ticks, descriptions and source lines.
    pub muted: Color,
    pub grid: Color,
    /// The two series of a chart: emerging clusters, traditional clusters, and so on.
    pub series: [Color; 2],
    /// Hatching drawn over the second series so that it does not rely on colour alone.
    pub hatch: Color,
    /// Row highlight under the pointer or keyboard focus.
    pub highlight: Color,
    /// The keyboard focus ring.
    pub focus: Color,
}

impl Theme {
    pub fn get(name: ThemeName) -> &'static Theme {
        match name {
            ThemeName::Light => &LIGHT,
            ThemeName::Dark => &DARK,
        }
    }

    /// The text colour or the background colour, whichever reads better on `fill`.
    pub fn ink_on(&self, fill: Color) -> Color {
        if self.text.contrast(&fill) >= self.background.contrast(&fill) {
            self.text
        } else {
            self.background
        }
    }

    /// A sequential shade for `share` (0 to 1) of the largest value: from the background towards the
    /// first series colour. A mid-tone on which neither the text colour nor the background colour
    /// reads at 4.5:1 is moved towards the background until one does.
    pub fn shade(&self, share: f64) -> Color {
        let mut t = 0.15 + 0.85 * share;
        let readable = |fill: Color| self.text.contrast(&fill).max(self.background.contrast(&fill)) >= 4.5;
        while t > 0.0 && !readable(self.background.mix(self.series[0], t)) {
            t -= 0.01;
        }
        self.background.mix(self.series[0], t)
    }
}

pub static LIGHT: Theme = Theme {
    background: Color::rgb(0xffffff),
    text: Color::rgb(0x1f2328),
    muted: Color::rgb(0x57606a),
    grid: Color::rgb(0xd8dee4),
    series: [Color::rgb(0x0b6e99), Color::rgb(0xb35900)],
    hatch: Color::rgb(0xffffff).with_alpha(0.45),
    highlight: Color::rgb(0x1f2328).with_alpha(0.07),
    focus: Color::rgb(0x0550ae),
};

pub static DARK: Theme = Theme {
    background: Color::rgb(0x0d1117),
    text: Color::rgb(0xe6edf3),
    muted: Color::rgb(0x9da7b3),
    grid: Color::rgb(0x30363d),
    series: [Color::rgb(0x4fa8dc), Color::rgb(0xe59a52)],
    hatch: Color::rgb(0x0d1117).with_alpha(0.5),
    highlight: Color::rgb(0xe6edf3).with_alpha(0.09),
    focus: Color::rgb(0x79c0ff),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canvas_colours_carry_their_alpha_as_a_fourth_byte() {
        assert_eq!(Color::rgb(0x1f2328).css(), "#1f2328");
        assert_eq!(Color::rgb(0xffffff).with_alpha(0.45).css(), "#ffffff73");
        assert_eq!(Color::rgb(0x0d1117).with_alpha(0.0).css(), "#0d111700");
    }

    #[test]
    fn text_meets_wcag_aa_and_marks_meet_the_graphics_ratio() {
        for theme in [&LIGHT, &DARK] {
            assert!(theme.text.contrast(&theme.background) >= 7.0);
            assert!(theme.muted.contrast(&theme.background) >= 4.5, "muted text {:?}", theme.muted);
            for series in theme.series {
                // WCAG 1.4.11: graphical objects need 3:1 against what is next to them.
                assert!(series.contrast(&theme.background) >= 3.0, "{series:?}");
            }
            assert!(theme.focus.contrast(&theme.background) >= 3.0);
        }
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        let c = Color::rgb(0).contrast(&Color::rgb(0xffffff));
        assert!((c - 21.0).abs() < 1e-9);
        assert_eq!(Color::rgb(0x0b6e99).hex(), "#0b6e99");
    }
}
