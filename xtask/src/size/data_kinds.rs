//! What the data section holds: the dataset's JSON (which the generated statics point into, so
//! every text of the plan is there once), split into the plan's verbatim quotes and the rest, and
//! the other bytes split into UTF-8 text (messages, interface strings) and binary (tables,
//! floats, vtables, pointers).

use std::ops::Range;

/// The bytes of each kind, in the order they lie in the data section.
#[derive(Debug, Default, PartialEq)]
pub struct DataKinds {
    pub quotes: Vec<u8>,
    pub other_dataset_text: Vec<u8>,
    pub text: Vec<u8>,
    pub binary: Vec<u8>,
}

impl DataKinds {
    pub fn rows(&self) -> [(&'static str, &[u8]); 4] {
        [
            ("verbatim quotes (the dataset's `quote` fields)", &self.quotes),
            ("other dataset text (the rest of the dataset's JSON)", &self.other_dataset_text),
            ("UTF-8 text (messages, interface strings)", &self.text),
            ("binary (tables, floats, vtables)", &self.binary),
        ]
    }
}

/// A run of UTF-8 outside the dataset counts as text from this many bytes on, with a letter in it;
/// shorter runs are taken for bytes of numbers or pointers that happen to be printable.
pub const SHORTEST_TEXT: usize = 3;

/// Splits the data segments' bytes by kind. `dataset_json` must lie whole in one segment.
pub fn split(segments: &[&[u8]], dataset_json: &[u8]) -> Result<DataKinds, String> {
    let mut kinds = DataKinds::default();
    let mut found = false;
    for segment in segments {
        let json_at = if found || dataset_json.is_empty() { None } else { find(segment, dataset_json) };
        match json_at {
            Some(start) => {
                found = true;
                split_text_and_binary(&segment[..start], &mut kinds);
                split_dataset(dataset_json, &mut kinds);
                split_text_and_binary(&segment[start + dataset_json.len()..], &mut kinds);
            }
            None => split_text_and_binary(segment, &mut kinds),
        }
    }
    if found {
        Ok(kinds)
    } else {
        Err("the dataset's JSON is not in the data section (did data/ change during the build?)".into())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    (0..haystack.len().checked_sub(needle.len())? + 1)
        .find(|&at| haystack[at] == first && &haystack[at..at + needle.len()] == needle)
}

fn split_dataset(json: &[u8], kinds: &mut DataKinds) {
    let mut at = 0;
    for quote in quote_values(json) {
        kinds.other_dataset_text.extend_from_slice(&json[at..quote.start]);
        kinds.quotes.extend_from_slice(&json[quote.clone()]);
        at = quote.end;
    }
    kinds.other_dataset_text.extend_from_slice(&json[at..]);
}

/// The spans of the string values of every `"quote"` key, inside their quotation marks.
pub fn quote_values(json: &[u8]) -> Vec<Range<usize>> {
    let mut quotes = Vec::new();
    let mut last_key: Option<Range<usize>> = None;
    let mut at = 0;
    while at < json.len() {
        if json[at] != b'"' {
            at += 1;
            continue;
        }
        let contents = at + 1..string_end(json, at + 1);
        at = contents.end + 1;
        let next = json[at.min(json.len())..].iter().find(|b| !b.is_ascii_whitespace());
        if next == Some(&b':') {
            last_key = Some(contents);
        } else {
            if last_key.as_ref().is_some_and(|key| &json[key.clone()] == b"quote") {
                quotes.push(contents);
            }
            last_key = None;
        }
    }
    quotes
}

/// The index of the `"` that ends a JSON string whose contents start at `start`.
fn string_end(json: &[u8], start: usize) -> usize {
    let mut at = start;
    while at < json.len() {
        match json[at] {
            b'\\' => at += 2,
            b'"' => return at,
            _ => at += 1,
        }
    }
    json.len()
}

fn split_text_and_binary(bytes: &[u8], kinds: &mut DataKinds) {
    let mut at = 0;
    for run in text_runs(bytes) {
        kinds.binary.extend_from_slice(&bytes[at..run.start]);
        kinds.text.extend_from_slice(&bytes[run.clone()]);
        at = run.end;
    }
    kinds.binary.extend_from_slice(&bytes[at..]);
}

/// Runs of printable UTF-8 (new lines and tabs allowed) of at least [`SHORTEST_TEXT`] bytes with
/// a letter in them.
pub fn text_runs(bytes: &[u8]) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut has_letter) = (0, false);
    let mut at = 0;
    let mut close_run = |start: usize, end: usize, has_letter: bool| {
        if end - start >= SHORTEST_TEXT && has_letter {
            runs.push(start..end);
        }
    };
    while at < bytes.len() {
        match printable_char_at(bytes, at) {
            Some((c, length)) => {
                has_letter |= c.is_alphabetic();
                at += length;
            }
            None => {
                close_run(start, at, has_letter);
                at += 1;
                start = at;
                has_letter = false;
            }
        }
    }
    close_run(start, at, has_letter);
    runs
}

fn printable_char_at(bytes: &[u8], at: usize) -> Option<(char, usize)> {
    let length = match bytes[at] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let c = std::str::from_utf8(bytes.get(at..at + length)?).ok()?.chars().next()?;
    let printable = !c.is_control() || matches!(c, '\n' | '\t');
    printable.then_some((c, length))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_values_of_quote_keys_are_found_and_nothing_else() {
        let json = br#"{"id":"quote","quote":"a \"b\" c","items":[{"quote" : "\u4e00"}],"note":"quote"}"#;
        let quotes: Vec<&[u8]> = quote_values(json).into_iter().map(|r| &json[r]).collect();
        assert_eq!(quotes, [&br#"a \"b\" c"#[..], &br#"\u4e00"#[..]]);
    }

    #[test]
    fn text_runs_need_three_printable_bytes_with_a_letter() {
        let bytes = b"\x00\x01Hello\x00ab\x00GDP\x00\x001234\x00\xe7\xbb\x8d\xe5\x85\xb4\xff";
        let runs: Vec<&[u8]> = text_runs(bytes).into_iter().map(|r| &bytes[r]).collect();
        assert_eq!(runs, [&b"Hello"[..], b"GDP", "绍兴".as_bytes()]);
    }

    #[test]
    fn the_data_section_is_split_around_the_dataset_and_every_byte_is_counted_once() {
        let json = br#"{"name":"x","quote":"said"}"#;
        let mut segment = b"\x01\x02\x03\x04Error: bad\x00".to_vec();
        segment.extend_from_slice(json);
        segment.extend_from_slice(b"\x00\x00\x80\x3f");
        let other: &[u8] = b"\x00\x00UI text\x00";
        let kinds = split(&[&segment, other], json).unwrap();
        assert_eq!(kinds.quotes, b"said");
        assert_eq!(kinds.other_dataset_text, br#"{"name":"x","quote":""}"#);
        assert_eq!(kinds.text, b"Error: badUI text");
        let total: usize = kinds.rows().iter().map(|(_, bytes)| bytes.len()).sum();
        assert_eq!(total, segment.len() + other.len());
    }

    #[test]
    fn a_data_section_without_the_dataset_is_an_error() {
        assert!(split(&[b"no json here"], b"{\"a\":1}").unwrap_err().contains("not in the data section"));
    }
}
