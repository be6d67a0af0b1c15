//! A small JSON reader (RFC 8259) for the one option that carries a document: a map's GeoJSON. It
//! keeps the `.wasm` free of a general-purpose JSON library; errors say where the text goes wrong.

use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in the order written; a repeated name keeps its first value in `get`.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `name` of an object.
    pub fn get(&self, name: &str) -> Option<&Json> {
        let Json::Object(members) = self else { return None };
        members.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// The text of a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// How a value is named in a message: "a number", "an array" …
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Where and why a text is not JSON. Lines and columns count from 1; columns in characters.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub problem: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {}, column {}", self.problem, self.line, self.column)
    }
}

/// Nesting deeper than this is refused (GeoJSON needs about eight levels), so that no input can
/// exhaust the stack.
const MAX_DEPTH: usize = 64;

pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { text, at: 0 };
    let value = p.value(0)?;
    if p.at < text.len() {
        return Err(p.error("unexpected text after the JSON value".into()));
    }
    Ok(value)
}

/// `at` only ever moves past ASCII bytes or whole characters, so it stays on a character boundary.
struct Parser<'a> {
    text: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn error(&self, problem: String) -> JsonError {
        let (mut line, mut column) = (1, 1);
        for &b in &self.text.as_bytes()[..self.at.min(self.text.len())] {
            if b == b'\n' {
                (line, column) = (line + 1, 1);
            } else if b & 0xC0 != 0x80 {
                column += 1; // a byte that starts a character: columns count characters
            }
        }
        JsonError { line, column, problem }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// Moves past `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.peek() == Some(byte);
        self.at += usize::from(next);
        next
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn unexpected(&self, wanted: &str) -> JsonError {
        self.error(match self.text.get(self.at..).and_then(|rest| rest.chars().next()) {
            None => format!("the text ends where {wanted} should be"),
            Some(c) => format!("expected {wanted} but found '{c}'"),
        })
    }

    /// A value and the white space around it.
    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.space();
        if depth > MAX_DEPTH {
            return Err(self.error(format!("values are nested more than {MAX_DEPTH} deep")));
        }
        let text = self.text;
        let rest = &text.as_bytes()[self.at..];
        let value = match rest.first() {
            Some(b'{') => self.items(depth, true)?,
            Some(b'[') => self.items(depth, false)?,
            Some(b'"') => Json::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ if rest.starts_with(b"true") => self.literal(4, Json::Bool(true)),
            _ if rest.starts_with(b"false") => self.literal(5, Json::Bool(false)),
            _ if rest.starts_with(b"null") => self.literal(4, Json::Null),
            _ => return Err(self.unexpected("a value")),
        };
        self.space();
        Ok(value)
    }

    /// Moves past the `length` bytes of `true`, `false` or `null`.
    fn literal(&mut self, length: usize, value: Json) -> Json {
        self.at += length;
        value
    }

    /// An array, or with `object` an object; `depth` is its own.
    fn items(&mut self, depth: usize, object: bool) -> Result<Json, JsonError> {
        let (close, wanted) = if object { (b'}', "',' or '}'") } else { (b']', "',' or ']'") };
        self.at += 1;
        let (mut members, mut items) = (Vec::new(), Vec::new());
        self.space();
        if !self.eat(close) {
            loop {
                if object {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.unexpected("a member name in double quotes"));
                    }
                    let name = self.string()?;
                    self.space();
                    if !self.eat(b':') {
                        return Err(self.unexpected("':'"));
                    }
                    members.push((name, self.value(depth + 1)?));
                } else {
                    items.push(self.value(depth + 1)?);
                }
                if self.eat(close) {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.unexpected(wanted));
                }
            }
        }
        Ok(if object { Json::Object(members) } else { Json::Array(items) })
    }

    /// A number as JSON writes it. The digits are read by hand rather than with `str::parse`, whose
    /// correctly rounded algorithm and tables would double this reader's share of the `.wasm`; the
    /// result is within a unit in the last place, far finer than any map needs.
    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        let negative = self.eat(b'-');
        // Up to 19 significant digits in `mantissa`; `exponent` is the power of ten to apply.
        let mut mantissa: u64 = 0;
        let mut exponent: i32 = 0;
        let mut digits = 0;
        let mut read = |p: &mut Parser, fraction: bool| {
            let from = p.at;
            while let Some(d @ b'0'..=b'9') = p.peek() {
                p.at += 1;
                if mantissa == 0 && d == b'0' && fraction {
                    exponent -= 1; // a leading zero after the point
                } else if digits < 19 {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    digits += usize::from(mantissa > 0);
                    exponent -= i32::from(fraction);
                } else if !fraction {
                    exponent += 1; // an integer digit beyond the precision kept
                }
            }
            p.at > from
        };
        if !self.eat(b'0') && !read(self, false) {
            return Err(self.unexpected("a digit"));
        }
        if self.eat(b'.') && !read(self, true) {
            return Err(self.unexpected("a digit after '.'"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let sign = if self.eat(b'-') {
                -1
            } else {
                self.eat(b'+');
                1
            };
            let from = self.at;
            let mut e: i32 = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                e = e.saturating_mul(10).saturating_add(i32::from(d - b'0'));
            }
            if self.at == from {
                return Err(self.unexpected("a digit in the exponent"));
            }
            exponent = exponent.saturating_add(sign * e);
        }
        // Dividing by an exact power of ten rounds correctly for the usual coordinates.
        let m = mantissa as f64;
        let value = match exponent {
            0 => m,
            e if (-22..0).contains(&e) => m / 10f64.powi(-e),
            e if e < 0 => m / 1e22 / 10f64.powi((-e - 22).min(400)),
            e => m * 10f64.powi(e.min(400)),
        };
        if !value.is_finite() {
            let problem = format!("the number {} is too large", self.text.get(start..self.at).unwrap_or(""));
            self.at = start;
            return Err(self.error(problem));
        }
        Ok(Json::Number(if negative { -value } else { value }))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let Some(n) = self.text.get(self.at..self.at + 4).and_then(|d| u32::from_str_radix(d, 16).ok()) else {
            return Err(self.error("expected four hex digits after \\u".into()));
        };
        self.at += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once; it ends only at an ASCII byte.
            let run = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            out.push_str(self.text.get(run..self.at).unwrap_or(""));
            if self.eat(b'"') {
                return Ok(out);
            }
            if !self.eat(b'\\') {
                return Err(self.error(match self.peek() {
                    None => "a string is not closed".into(),
                    Some(_) => "a control character inside a string; write it as an escape".into(),
                }));
            }
            let escaped = match self.peek() {
                Some(b @ (b'"' | b'\\' | b'/')) => char::from(b),
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    self.at += 1;
                    let mut code = self.hex4()?;
                    if (0xD800..0xDC00).contains(&code) && self.text.as_bytes()[self.at..].starts_with(b"\\u") {
                        self.at += 2;
                        let low = self.hex4()?.wrapping_sub(0xDC00);
                        // Wrapping: a "low" half out of range makes some code point, never a panic.
                        code = 0x10000u32.wrapping_add((code - 0xD800) << 10).wrapping_add(low);
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                    continue;
                }
                _ => return Err(self.unexpected("an escape such as \\n or \\u0041")),
            };
            self.at += 1;
            out.push(escaped);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_every_kind() {
        let json =
            parse(r#" {"a": [1, -2.5e2, 0.125, true, false, null], "b": "x\"\u00e9\ud83d\ude00y", "c": {}} "#).unwrap();
        assert_eq!(
            json.get("a"),
            Some(&Json::Array(vec![
                Json::Number(1.0),
                Json::Number(-250.0),
                Json::Number(0.125),
                Json::Bool(true),
                Json::Bool(false),
                Json::Null
            ]))
        );
        assert_eq!(json.get("b"), Some(&Json::String("x\"é😀y".into())));
        assert_eq!(json.get("c"), Some(&Json::Object(vec![])));
        assert_eq!(parse("\"绍兴\"").unwrap(), Json::String("绍兴".into()));
        for (text, value) in [
            ("120.604492", 120.604492),
            ("-0.000977", -0.000977),
            ("29.919922", 29.919922),
            ("0", 0.0),
            ("-0.5", -0.5),
            ("1E3", 1000.0),
            ("2.5e-3", 0.0025),
            ("123456789012345678901234", 1.2345678901234568e23),
            ("0.1", 0.1),
            ("1e-400", 0.0),
        ] {
            let Json::Number(n) = parse(text).unwrap() else { panic!("{text}") };
            assert!((n - value).abs() <= value.abs() * 1e-15, "{text}: {n}");
        }
    }

    #[test]
    fn errors_say_where() {
        let e = parse("{\n  \"a\": 1\n  \"b\": 2\n}").unwrap_err();
        assert_eq!(e.to_string(), "expected ',' or '}' but found '\"' at line 3, column 3");
        assert_eq!(
            parse("[1, 2").unwrap_err().to_string(),
            "the text ends where ',' or ']' should be at line 1, column 6"
        );
        assert_eq!(parse("{\"名\": x}").unwrap_err().column, 7);
        assert!(parse("[01]").is_err());
        assert!(parse("[1.]").is_err());
        assert!(parse("1e999").unwrap_err().problem.contains("too large"));
        assert!(parse("{} {}").unwrap_err().problem.contains("after the JSON value"));
        assert!(parse("\"a\nb\"").unwrap_err().problem.contains("control character"));
        assert!(parse("").is_err());
        assert!(parse(&"[".repeat(100_000)).unwrap_err().problem.contains("nested"));
    }
}
