//! CSV as RFC 4180 describes it: comma-separated, CRLF line ends, fields quoted when they need it.

pub fn write(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    let mut line = |fields: &mut dyn Iterator<Item = &str>| {
        let quoted: Vec<String> = fields.map(field).collect();
        out.push_str(&quoted.join(","));
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// The UTF-8 byte-order mark that tells spreadsheets (Excel above all) that a CSV file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// `csv` as the bytes of a file to save: the byte-order mark, then the text. Programs read the text
/// (`toCsv()`); people open the file in a spreadsheet (`toCsvBlob()`), which needs the mark.
pub fn file_bytes(csv: &str) -> Vec<u8> {
    [BOM.as_bytes(), csv.as_bytes()].concat()
}

fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_only_when_needed() {
        let csv =
            super::write(&["a", "b"], &[vec!["x,y".into(), "say \"hi\"".into()], vec!["新材料".into(), "".into()]]);
        assert_eq!(csv, "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n新材料,\r\n");
    }

    #[test]
    fn files_start_with_the_byte_order_mark() {
        assert_eq!(super::file_bytes("a\r\n新\r\n"), b"\xef\xbb\xbfa\r\n\xe6\x96\xb0\r\n");
        assert!(!super::write(&["a"], &[]).starts_with(super::BOM), "the text itself has none");
    }
}
