//! Subresource Integrity for the built package: the hash of every file in `pkg/integrity.json`, and
//! the hash of the `.wasm` written into the element, which checks it when it fetches the `.wasm`.
//! A page that pins the element's hash (an `integrity` attribute) thereby pins the `.wasm` too.

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha384};

use crate::Result;

/// The integrity metadata of `bytes`: `sha384-<base64>`, as `integrity` attributes take it.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes)))
}

/// The line of `js/shaoxing-chart.js` that the build replaces with what it knows of the package.
const BUILT_LINE: &str = "const BUILT = { charts: [], wasm: \"\" };";

/// `element` (the source of the element) with the chart ids that have a static picture and the
/// `.wasm`'s integrity written in.
pub fn stamp_element(element: &str, charts: &[&str], wasm: &[u8]) -> Result<String> {
    if element.matches(BUILT_LINE).count() != 1 {
        return Err(format!("js/shaoxing-chart.js must contain the line `{BUILT_LINE}` once"));
    }
    let ids: Vec<String> = charts.iter().map(|id| format!("\"{id}\"")).collect();
    let built = format!("const BUILT = {{ charts: [{}], wasm: \"{}\" }};", ids.join(", "), sri(wasm));
    Ok(element.replace(BUILT_LINE, &built))
}

/// The relative path (with `/`) and integrity of every file under `dir`, but `integrity.json`.
pub fn hashes(dir: &Path) -> Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| format!("cannot list {}: {e}", folder.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let name = path.strip_prefix(dir).map_err(|e| e.to_string())?.to_string_lossy().replace('\\', "/");
            if name == "integrity.json" {
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            out.insert(name, sri(&bytes));
        }
    }
    Ok(out)
}

/// Writes `pkg/integrity.json`: `{ "<file>": "sha384-…", … }` for every file of the package.
pub fn write_manifest(pkg: &Path) -> Result {
    let entries: Vec<String> =
        hashes(pkg)?.into_iter().map(|(name, hash)| format!("  \"{name}\": \"{hash}\"")).collect();
    let json = format!("{{\n{}\n}}\n", entries.join(",\n"));
    std::fs::write(pkg.join("integrity.json"), json).map_err(|e| format!("cannot write pkg/integrity.json: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_sha384_in_base64_as_browsers_check_them() {
        // The SHA-384 digest of "abc" (FIPS 180-2: cb00753f45a35e8b…), in base64.
        assert_eq!(sri(b"abc"), "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn");
    }

    #[test]
    fn the_element_gets_the_charts_and_the_wasm_hash_once() {
        let source = format!("a\n{BUILT_LINE}\nb\n");
        let stamped = stamp_element(&source, &["gdp-path", "district-map"], b"abc").unwrap();
        assert_eq!(
            stamped,
            "a\nconst BUILT = { charts: [\"gdp-path\", \"district-map\"], wasm: \"sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn\" };\nb\n"
        );
        assert!(stamp_element("no line", &[], b"").is_err());
        assert!(stamp_element(&format!("{BUILT_LINE}{BUILT_LINE}"), &[], b"").is_err());
        let element = std::fs::read_to_string(crate::root().join("js/shaoxing-chart.js")).unwrap();
        assert!(stamp_element(&element, &["gdp-path"], b"").is_ok(), "js/shaoxing-chart.js has the line");
    }

    #[test]
    fn the_manifest_lists_every_file_but_itself() {
        let dir = std::env::temp_dir().join(format!("spc-integrity-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("static")).unwrap();
        std::fs::write(dir.join("a.js"), "abc").unwrap();
        std::fs::write(dir.join("static/b.svg"), "").unwrap();
        std::fs::write(dir.join("integrity.json"), "old").unwrap();
        write_manifest(&dir).unwrap();
        let json = std::fs::read_to_string(dir.join("integrity.json")).unwrap();
        assert_eq!(json, format!("{{\n  \"a.js\": \"{}\",\n  \"static/b.svg\": \"{}\"\n}}\n", sri(b"abc"), sri(b"")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
