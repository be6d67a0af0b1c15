//! `cargo xtask size`: the size ledger. Builds the .wasm as `cargo xtask build` does (profile
//! `size-ledger` inherits `release`; the same wasm-bindgen and wasm-opt passes) but keeps the
//! function names, in a folder of its own under target/; then prints, as Markdown, how many bytes
//! of code each part of the package takes, what the data section holds, and the largest functions.

mod data_kinds;
mod parts;
mod wasm;
#[cfg(test)]
mod wasm_builder;

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::budget::thousands;
use crate::{cargo, ensure_wasm_bindgen_cli, ensure_wasm_target, npm_install, root, run, wasm_opt, Result};

const PROFILE: &str = "size-ledger";
const LARGEST_FUNCTIONS: usize = 25;

/// `cargo xtask size [--all]`: `--all` lists every function, not only the largest.
pub fn size(args: &[String]) -> Result {
    let listed = match args {
        [] => LARGEST_FUNCTIONS,
        [all] if all == "--all" => usize::MAX,
        _ => return Err("usage: cargo xtask size [--all]".into()),
    };
    let root = root();
    ensure_wasm_target()?;
    ensure_wasm_bindgen_cli()?;
    npm_install(&root.join("tests/e2e"))?;
    let build = build_with_names(&root)?;
    let wasm = std::fs::read(&build.wasm).map_err(|e| format!("cannot read {}: {e}", build.wasm.display()))?;
    let json_path = build.out_dir.join("dataset.json");
    let dataset_json = std::fs::read(&json_path).map_err(|e| format!("cannot read {}: {e}", json_path.display()))?;
    let published = std::fs::read(root.join("pkg/shaoxing_plan_charts_bg.wasm")).ok();
    println!("{}", ledger(&wasm, &dataset_json, published.as_deref(), listed)?);
    Ok(())
}

struct NamedBuild {
    /// The optimised .wasm, names kept.
    wasm: PathBuf,
    /// The build script's OUT_DIR, which holds the dataset's JSON that the .wasm embeds.
    out_dir: PathBuf,
}

fn build_with_names(root: &Path) -> Result<NamedBuild> {
    let mut cargo_build = cargo();
    cargo_build
        .args(["build", "--lib", "--profile", PROFILE, "--target", "wasm32-unknown-unknown"])
        .arg("--message-format=json-render-diagnostics")
        .current_dir(root)
        .stderr(Stdio::inherit());
    eprintln!("$ cargo build --lib --profile {PROFILE} --target wasm32-unknown-unknown");
    let out = cargo_build.output().map_err(|e| format!("cannot run cargo: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo build --profile {PROFILE} failed ({})", out.status));
    }
    let messages = String::from_utf8_lossy(&out.stdout);
    let ours = |line: &&str| line.contains("#shaoxing-plan-charts@");
    let out_dir = messages
        .lines()
        .filter(ours)
        .filter(|line| line.contains(r#""reason":"build-script-executed""#))
        .find_map(|line| json_string(line, "out_dir"))
        .ok_or("cargo did not say where the build script wrote the dataset")?;
    let linked = messages
        .lines()
        .filter(ours)
        .filter(|line| line.contains(r#""reason":"compiler-artifact""#))
        .find_map(|line| json_string(line, "filenames").filter(|f| f.ends_with(".wasm")))
        .ok_or("cargo did not say where it wrote the .wasm")?;
    let linked = PathBuf::from(linked);
    let dir = linked.with_file_name("ledger");
    run(Command::new("wasm-bindgen")
        .arg(&linked)
        .args(["--target", "web", "--keep-debug", "--remove-producers-section", "--out-dir"])
        .arg(&dir))?;
    let wasm = dir.join("shaoxing_plan_charts_bg.wasm");
    let wasm_opt = wasm_opt().ok_or("no wasm-opt in tests/e2e/node_modules (npm binaryen)")?;
    // -g keeps the name section; the passes are the published build's.
    run(Command::new(wasm_opt).arg(&wasm).arg("-o").arg(&wasm).arg("-g").args(crate::WASM_OPT_PASSES))?;
    Ok(NamedBuild { wasm, out_dir: PathBuf::from(out_dir) })
}

/// The first string value of `key` in one line of cargo's JSON messages (for an array of
/// strings, its first element).
fn json_string(line: &str, key: &str) -> Option<String> {
    let after_key = &line[line.find(&format!("\"{key}\":"))? + key.len() + 3..];
    let after_quote = &after_key[after_key.find('"')? + 1..];
    let mut value = String::new();
    let mut chars = after_quote.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(value),
            '\\' => value.push(chars.next()?),
            c => value.push(c),
        }
    }
    None
}

/// One function of the code section: its bytes (with their length prefix), its name, its part.
struct Function<'a> {
    bytes: &'a [u8],
    name: String,
    part: &'static str,
}

fn functions<'a>(module: &wasm::Module<'a>) -> Result<(Vec<Function<'a>>, usize)> {
    let code = module.section(wasm::CODE).ok_or("the module has no code section")?;
    let (bodies, count_length) = wasm::function_bodies(code)?;
    let names = module.custom_section("name").map(wasm::function_names).transpose()?.unwrap_or_default();
    let exports = module.exported_functions()?;
    let export_names: HashSet<&str> = exports.values().map(String::as_str).collect();
    let first = module.imported_functions()?;
    let functions = bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let index = first + i as u32;
            let raw = names.get(&index).map(String::as_str).unwrap_or("");
            let named_after_export = raw.split(' ').next().is_some_and(|word| export_names.contains(word));
            let exported = exports.contains_key(&index) || named_after_export;
            let part = if raw.is_empty() { parts::OTHER } else { parts::part_of(raw, exported) };
            Function { bytes: &code[body], name: parts::readable_name(raw), part }
        })
        .collect();
    Ok((functions, count_length))
}

/// The ledger as Markdown.
fn ledger(wasm: &[u8], dataset_json: &[u8], published: Option<&[u8]>, listed: usize) -> Result<String> {
    let module = wasm::Module::read(wasm)?;
    let (functions, count_length) = functions(&module)?;
    let code = module.section(wasm::CODE).ok_or("the module has no code section")?;
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };

    line("| code by part | functions | raw bytes | share of raw | gzip -9 |".into());
    line("| --- | ---: | ---: | ---: | ---: |".into());
    let mut raw_total = 0;
    for part in parts::all_parts() {
        let members: Vec<&Function> = functions.iter().filter(|f| f.part == part).collect();
        if members.is_empty() {
            continue;
        }
        let bytes: Vec<u8> = members.iter().flat_map(|f| f.bytes.iter().copied()).collect();
        raw_total += bytes.len();
        let share = bytes.len() as f64 * 100.0 / code.len() as f64;
        line(format!("| {part} | {} | {} | {share:.1} % | {} |", members.len(), n(bytes.len()), n(gzip(&bytes)?)));
    }
    if raw_total + count_length != code.len() {
        return Err(format!("the parts add up to {raw_total} bytes, the code section holds {}", code.len()));
    }
    line(format!("| **code section** | {} | {} | 100 % | {} |", functions.len(), n(code.len()), n(gzip(code)?)));
    line(String::new());

    let data = module.section(wasm::DATA).ok_or("the module has no data section")?;
    let segments = wasm::data_segments(data)?;
    let kinds = data_kinds::split(&segments, dataset_json)?;
    line("| data by kind | raw bytes | gzip -9 |".into());
    line("| --- | ---: | ---: |".into());
    for (kind, bytes) in kinds.rows() {
        line(format!("| {kind} | {} | {} |", n(bytes.len()), n(gzip(bytes)?)));
    }
    line(format!("| **data section** ({} segments) | {} | {} |", segments.len(), n(data.len()), n(gzip(data)?)));
    line(String::new());

    let sent = wasm::without_custom_section(wasm, "name")?;
    let published = match published {
        Some(published) => {
            let same_code = wasm::Module::read(published)?.section(wasm::CODE).map(<[u8]>::len) == Some(code.len());
            let note = if same_code { "" } else { " (its code section differs in size: built from other sources?)" };
            format!("{} bytes for pkg/shaoxing_plan_charts_bg.wasm{note}", n(gzip(published)?))
        }
        None => "no pkg/shaoxing_plan_charts_bg.wasm to compare (run `cargo xtask build`)".to_string(),
    };
    line(format!(
        "Whole .wasm, gzip -9: {} bytes for this build without its name section ({} with it); {published}.",
        n(gzip(&sent)?),
        n(gzip(wasm)?)
    ));
    line(format!(
        "Each part is compressed on its own, so the parts' gzip figures add up to more than the whole \
         (and each carries gzip's 18-byte frame). Raw parts add up to the code section less its \
         {count_length}-byte function count, and the data kinds to the segments' bytes (the rest of the \
         data section is {} bytes of segment headers). Text is runs of printable UTF-8 of at least {} \
         bytes with a letter in them.",
        data.len() - segments.iter().map(|s| s.len()).sum::<usize>(),
        data_kinds::SHORTEST_TEXT
    ));
    line(String::new());

    let mut largest: Vec<&Function> = functions.iter().collect();
    largest.sort_by_key(|f| std::cmp::Reverse(f.bytes.len()));
    let heading = if listed < functions.len() { format!("{listed} largest functions") } else { "functions".into() };
    line(format!("| {heading} | raw bytes | part |"));
    line("| --- | ---: | --- |".into());
    for function in largest.iter().take(listed) {
        let name = if function.name.is_empty() { "(no name)" } else { &function.name };
        line(format!("| `{}` | {} | {} |", name.replace('|', "\\|"), n(function.bytes.len()), function.part));
    }
    Ok(out)
}

fn n(count: usize) -> String {
    thousands(count as u64)
}

/// The length of `gzip -9` of these bytes, as docs/performance.md measures files.
fn gzip(bytes: &[u8]) -> Result<usize> {
    let mut child = Command::new("gzip")
        .args(["-9", "-c"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("gzip has no standard input")?;
    let input = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| format!("gzip: {e}"))?;
    writer.join().map_err(|_| "gzip writer panicked")?.map_err(|e| format!("gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip failed ({})", out.status));
    }
    Ok(out.stdout.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_from_cargos_json_messages() {
        let line = r#"{"reason":"build-script-executed","package_id":"path+file:///w#shaoxing-plan-charts@0.1.0","out_dir":"/w/target/out \"x\""}"#;
        assert_eq!(json_string(line, "out_dir").as_deref(), Some(r#"/w/target/out "x""#));
        let artifact = r#"{"reason":"compiler-artifact","filenames":["/w/target/a.wasm","/w/target/a.rlib"]}"#;
        assert_eq!(json_string(artifact, "filenames").as_deref(), Some("/w/target/a.wasm"));
        assert_eq!(json_string(line, "missing"), None);
    }

    #[test]
    fn the_ledger_counts_every_byte_of_code_and_data_once() {
        let json = br#"{"q":[{"quote":"the plan says"}]}"#;
        let data = [&b"\x00\x01\x02\x03Chart not found\x00"[..], json].concat();
        let wasm = wasm_builder::module(
            &[&[0, 0x0b], &[0, 0x01, 0x0b], &[0, 0x01, 0x01, 0x01, 0x0b], &[0, 0x0b]],
            &[
                (2, "render"),
                (3, "shaoxing_plan_charts::chart::gdp_path::render::h0123456789abcdef"),
                (4, "<talc::base::Talc<talc::wasm::WasmGrowAndExtend>>::allocate"),
            ],
            &[&data],
        );
        let ledger = ledger(&wasm, json, None, 2).unwrap();
        assert!(ledger.contains("| chart: gdp-path | 1 | 4 | "), "{ledger}");
        assert!(ledger.contains("| web layer: wasm-bindgen, js-sys, web-sys | 1 | 3 | "), "the export: {ledger}");
        assert!(ledger.contains("| allocator (talc, alloc::alloc) | 1 | 6 | "), "{ledger}");
        assert!(ledger.contains("| other/unnamed | 1 | 3 | "), "the unnamed function 5: {ledger}");
        assert!(ledger.contains("| **code section** | 4 | 17 | 100 % | "), "{ledger}");
        assert!(ledger.contains("| verbatim quotes (the dataset's `quote` fields) | 13 | "), "{ledger}");
        assert!(ledger.contains("| other dataset text (the rest of the dataset's JSON) | 20 | "), "{ledger}");
        assert!(ledger.contains("| UTF-8 text (messages, interface strings) | 15 | "), "{ledger}");
        assert!(ledger.contains("| binary (tables, floats, vtables) | 5 | "), "{ledger}");
        let largest = "| 2 largest functions | raw bytes | part |\n| --- | ---: | --- |\n| `<talc::base::Talc<talc::wasm::WasmGrowAndExtend>>::allocate` | 6 |";
        assert!(ledger.contains(largest), "{ledger}");
        assert!(ledger.contains("no pkg/shaoxing_plan_charts_bg.wasm to compare"), "{ledger}");
    }
}
