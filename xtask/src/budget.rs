//! The size budget: `cargo xtask build` fails when a file of pkg/ compresses (gzip -9) to more
//! than the number of bytes that `size-budget.toml` allows it, so that growth cannot land unnoticed.

use std::path::Path;
use std::process::Command;

pub const FILE: &str = "size-budget.toml";

/// The `"file" = bytes` lines of the budget file, in order.
pub fn parse(text: &str) -> Result<Vec<(String, u64)>, String> {
    let mut budget = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let entry = line.split_once('=').and_then(|(name, bytes)| {
            let name = name.trim().strip_prefix('"')?.strip_suffix('"')?;
            let bytes = bytes.trim().replace('_', "").parse().ok()?;
            Some((name.to_string(), bytes))
        });
        budget.push(entry.ok_or_else(|| format!("{FILE} line {}: expected \"file\" = bytes, got {line}", index + 1))?);
    }
    Ok(budget)
}

/// Measures each budgeted file with `size_of`; returns a one-line summary, or an error that lists
/// every file over its budget with its size, the budget and the difference.
pub fn check(budget: &[(String, u64)], size_of: impl Fn(&str) -> Result<u64, String>) -> Result<String, String> {
    let mut summary = Vec::new();
    let mut over = Vec::new();
    for (file, allowed) in budget {
        let size = size_of(file)?;
        summary.push(format!("{file} {} of {} bytes", thousands(size), thousands(*allowed)));
        if size > *allowed {
            let excess = size - allowed;
            over.push(format!(
                "  {file}: {} bytes, budget {} (+{} bytes, +{:.1}%)",
                thousands(size),
                thousands(*allowed),
                thousands(excess),
                excess as f64 * 100.0 / *allowed as f64
            ));
        }
    }
    if over.is_empty() {
        Ok(format!("size budget (gzip -9): {}", summary.join(", ")))
    } else {
        Err(format!(
            "the package is over its size budget (gzip -9, {FILE}):\n{}\nmake it smaller, or raise the budget and say why",
            over.join("\n")
        ))
    }
}

/// Checks pkg/ against the budget file at the project root.
pub fn enforce(root: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(root.join(FILE)).map_err(|e| format!("cannot read {FILE}: {e}"))?;
    check(&parse(&text)?, |file| gzip_size(&root.join("pkg").join(file)))
}

/// The size of `gzip -9 -c FILE`, as docs/performance.md measures it.
fn gzip_size(path: &Path) -> Result<u64, String> {
    let out =
        Command::new("gzip").args(["-9", "-c"]).arg(path).output().map_err(|e| format!("cannot run gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip {}: {}", path.display(), String::from_utf8_lossy(&out.stderr).trim()));
    }
    Ok(out.stdout.len() as u64)
}

/// What a `.wasm` is made of: the contents of its code section, of its data section (the dataset,
/// the texts, the tables) and of all other sections together (imports, exports, types, the
/// function table, custom sections), each on its own through `gzip -9`. Section headers are left out.
pub fn wasm_parts(root: &Path, file: &str) -> Result<String, String> {
    let path = root.join("pkg").join(file);
    let wasm = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let (code, data, rest) = sections(&wasm).ok_or_else(|| format!("{file} is not a WebAssembly module"))?;
    let mut parts = Vec::new();
    for (name, bytes) in [("code", code), ("data", data), ("the rest", rest)] {
        let scratch = std::env::temp_dir().join(format!("xtask-{}-{name}.bin", std::process::id()));
        std::fs::write(&scratch, &bytes).map_err(|e| format!("cannot write {}: {e}", scratch.display()))?;
        let size = gzip_size(&scratch);
        let _ = std::fs::remove_file(&scratch);
        parts.push(format!("{name} {} bytes", thousands(size?)));
    }
    Ok(format!("{file} parts, each through gzip -9: {}", parts.join(", ")))
}

/// The contents of a module's code section (id 10), data section (id 11) and other sections.
fn sections(wasm: &[u8]) -> Option<(Vec<u8>, Vec<u8>, Vec<u8>)> {
    let mut body = wasm.strip_prefix(b"\0asm\x01\0\0\0")?;
    let (mut code, mut data, mut rest) = (Vec::new(), Vec::new(), Vec::new());
    while let Some((&id, after)) = body.split_first() {
        // The section's length: unsigned LEB128.
        let (mut length, mut shift, mut read) = (0usize, 0, 0);
        loop {
            let byte = *after.get(read)?;
            length |= usize::from(byte & 0x7f).checked_shl(shift)?;
            read += 1;
            shift += 7;
            if byte < 0x80 {
                break;
            }
        }
        let contents = after.get(read..read.checked_add(length)?)?;
        match id {
            10 => code.extend_from_slice(contents),
            11 => data.extend_from_slice(contents),
            _ => rest.extend_from_slice(contents),
        }
        body = &after[read + length..];
    }
    Some((code, data, rest))
}

pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes(file: &str) -> Result<u64, String> {
        match file {
            "a.wasm" => Ok(102_400),
            "a.js" => Ok(8_000),
            _ => Err(format!("no {file}")),
        }
    }

    #[test]
    fn the_budget_file_is_read_with_comments_and_underscores_and_bad_lines_are_named() {
        let text = "# budget\n\"a.wasm\" = 100_000  # the code\n\n\"a.js\" = 9000\n";
        assert_eq!(parse(text).unwrap(), vec![("a.wasm".to_string(), 100_000), ("a.js".to_string(), 9000)]);
        assert_eq!(
            parse("a.wasm = 1").unwrap_err(),
            "size-budget.toml line 1: expected \"file\" = bytes, got a.wasm = 1"
        );
        assert!(parse("\"a.wasm\" = lots").unwrap_err().contains("line 1"));
    }

    #[test]
    fn a_modules_sections_are_split_into_code_data_and_the_rest() {
        // Type section (1) of 2 bytes, code section (10) of 3, data section (11) of 130 (a two-byte length).
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend([1, 2, 0xaa, 0xbb, 10, 3, 1, 2, 3, 11, 0x82, 0x01]);
        wasm.extend([7; 130]);
        let (code, data, rest) = sections(&wasm).unwrap();
        assert_eq!((code, data.len(), rest), (vec![1, 2, 3], 130, vec![0xaa, 0xbb]));
        assert!(sections(b"\0asm\x01\0\0\0\x0a\x05\x01").is_none(), "a section longer than the file");
        assert!(sections(b"not wasm").is_none());
    }

    #[test]
    fn files_within_budget_pass_with_a_summary() {
        let budget = vec![("a.wasm".to_string(), 102_400), ("a.js".to_string(), 9_000)];
        assert_eq!(
            check(&budget, sizes).unwrap(),
            "size budget (gzip -9): a.wasm 102,400 of 102,400 bytes, a.js 8,000 of 9,000 bytes"
        );
    }

    #[test]
    fn a_file_over_budget_fails_with_its_size_the_budget_and_the_difference() {
        let budget = vec![("a.wasm".to_string(), 100_000), ("a.js".to_string(), 9_000)];
        let error = check(&budget, sizes).unwrap_err();
        assert!(error.contains("a.wasm: 102,400 bytes, budget 100,000 (+2,400 bytes, +2.4%)"), "{error}");
        assert!(!error.contains("a.js:"), "{error}");
    }

    #[test]
    fn a_budgeted_file_that_is_missing_fails() {
        assert_eq!(check(&[("gone.js".to_string(), 1)], sizes).unwrap_err(), "no gone.js");
    }
}
