//! Project commands: `cargo xtask build | serve | dist | test | bench | size`. Each installs only what is
//! missing, so running it again is cheap.

mod bench;
mod budget;
mod data_package;
mod dist;
mod embed_pages;
mod integrity;
mod serve;
mod size;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "usage: cargo xtask <command>

commands:
  build            build the browser package into pkg/ (release, size-optimised)
  dist [--out DIR] build, then write one folder to upload to a static host (default dist/):
                   the site, the package, content-hashed copies of what the pages load, _headers
  serve [--port N] [--no-build]
                   build, then serve the project on http://127.0.0.1:8080/ (demo at /www/)
  test             install what the tests need, then run every test (native, golden, Vite bundle, browser)
  bench [--runs N] compare pkg/ with ECharts and Chart.js in headless Chromium (see docs/performance.md)
  size [--all]     build the .wasm with function names kept and print, gzip -9, what its bytes are
                   (by part of the package, kind of data, largest functions; --all: every function)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build") => build(),
        Some("serve") => serve_command(&args[1..]),
        Some("dist") => dist_command(&args[1..]),
        Some("test") => test(),
        Some("bench") => bench::bench(&args[1..]),
        Some("size") => size::size(&args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

type Result<T = ()> = std::result::Result<T, String>;

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives in the project").to_path_buf()
}

fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", describe(cmd));
    let status = cmd.status().map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program())
        .chain(cmd.get_args())
        .map(|s| s.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// The wasm-bindgen version in Cargo.lock: the CLI must be exactly this version.
fn locked_wasm_bindgen() -> Result<String> {
    let lock =
        std::fs::read_to_string(root().join("Cargo.lock")).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen is not in Cargo.lock".into())
}

fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

fn ensure_wasm_bindgen_cli() -> Result {
    // Cargo.lock must exist before its version can be read.
    run(cargo().args(["fetch", "--quiet"]).current_dir(root()))?;
    let wanted = locked_wasm_bindgen()?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have == format!("wasm-bindgen {wanted}") {
        return Ok(());
    }
    run(cargo().args(["install", "wasm-bindgen-cli", "--version", &wanted]))
}

/// A `wasm-opt` from the npm package binaryen installed for the tests, if there is one.
/// (Debian's binaryen is too old: its output crashes in Chromium.)
fn wasm_opt() -> Option<PathBuf> {
    let local = root().join("tests/e2e/node_modules/.bin/wasm-opt");
    local.exists().then_some(local)
}

/// How `wasm-opt` optimises the published .wasm (and the size ledger's copy of it).
const WASM_OPT_PASSES: &[&str] = &[
    "-Oz",
    // Inline a function with one caller only if it is tiny (the default inlines them all).
    // Kept apart, the charts' functions compress better (about 11 KB less gzip) and the
    // browser compiles only the chart it draws, not one function holding all seven.
    "--one-caller-inline-max-function-size",
    "20",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Hand-written modules of the package, copied from js/ into pkg/.
const JS_FILES: &[&str] = &["shaoxing-chart.js", "shaoxing-chart.d.ts", "embed-resize.js"];

fn build() -> Result {
    ensure_wasm_target()?;
    ensure_wasm_bindgen_cli()?;
    let root = root();
    run(cargo().args(["build", "--lib", "--release", "--target", "wasm32-unknown-unknown"]).current_dir(&root))?;
    let wasm = target_dir().join("wasm32-unknown-unknown/release/shaoxing_plan_charts.wasm");
    let pkg = root.join("pkg");
    run(Command::new("wasm-bindgen")
        .arg(&wasm)
        .args(["--target", "web", "--out-dir"])
        .arg(&pkg)
        .args(["--remove-name-section", "--remove-producers-section"]))?;
    let bg = pkg.join("shaoxing_plan_charts_bg.wasm");
    match wasm_opt() {
        Some(wasm_opt) => run(Command::new(wasm_opt).arg(&bg).arg("-o").arg(&bg).args(WASM_OPT_PASSES))?,
        None => eprintln!(
            "note: no wasm-opt (npm binaryen, installed by `cargo xtask test`); the .wasm is not post-optimised"
        ),
    }
    write_static(&pkg.join("static"))?;
    embed_pages::write(&root.join("www"))?;
    for file in JS_FILES {
        std::fs::copy(root.join("js").join(file), pkg.join(file)).map_err(|e| format!("cannot copy js/{file}: {e}"))?;
    }
    // The element learns which charts have a picture, and the hash of the .wasm it is to load.
    let element = std::fs::read_to_string(root.join("js/shaoxing-chart.js")).map_err(|e| e.to_string())?;
    let ids: Vec<&str> = shaoxing_plan_charts::chart::CHARTS.iter().map(|c| c.id).collect();
    let wasm_bytes = std::fs::read(&bg).map_err(|e| format!("cannot read {}: {e}", bg.display()))?;
    std::fs::write(pkg.join("shaoxing-chart.js"), integrity::stamp_element(&element, &ids, &wasm_bytes)?)
        .map_err(|e| format!("cannot write pkg/shaoxing-chart.js: {e}"))?;
    write_package_json(&pkg)?;
    data_package::write(&root, &pkg.join(data_package::FOLDER), &manifest_field("license")?)?;
    std::fs::copy(root.join("pkg-README.md"), pkg.join("README.md"))
        .map_err(|e| format!("cannot copy pkg-README.md: {e}"))?;
    // Last: the hashes of every file as written.
    integrity::write_manifest(&pkg)?;
    let size = std::fs::metadata(&bg).map(|m| m.len()).unwrap_or(0);
    eprintln!("built pkg/ ({} KiB of .wasm before compression)", size / 1024);
    // The budget is for what is published: a .wasm that wasm-opt has optimised.
    if wasm_opt().is_some() {
        eprintln!("{}", budget::enforce(&root)?);
        eprintln!("{}", budget::wasm_parts(&root, "shaoxing_plan_charts_bg.wasm")?);
    } else {
        eprintln!("note: the size budget ({}) is not checked without wasm-opt", budget::FILE);
    }
    Ok(())
}

/// Writes every chart's static picture (`<id>.<lang>.svg`, rendered natively by the library) into
/// `dir`, replacing what was there: the element's placeholder and the embed page's `<noscript>`.
fn write_static(dir: &Path) -> Result {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, svg) in shaoxing_plan_charts::chart::static_files() {
        std::fs::write(dir.join(&name), svg).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    Ok(())
}

/// The target directory that cargo builds into, as `cargo metadata` reports it.
fn target_dir() -> PathBuf {
    output(cargo().args(["metadata", "--format-version", "1", "--no-deps"]).current_dir(root()))
        .and_then(|json| target_directory(&json))
        .unwrap_or_else(|| root().join("target"))
}

/// The field `target_directory` of `cargo metadata`'s JSON.
fn target_directory(metadata: &str) -> Option<PathBuf> {
    let metadata: serde_json::Value = serde_json::from_str(metadata).ok()?;
    metadata.get("target_directory")?.as_str().map(PathBuf::from)
}

/// A string field of the package section of the crate's Cargo.toml (`version = "0.1.0"`).
fn manifest_field(name: &str) -> Result<String> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name} = \"")))
        .map(|v| v.trim_end_matches('"').to_string())
        .ok_or_else(|| format!("Cargo.toml has no {name}"))
}

fn write_package_json(pkg: &Path) -> Result {
    let json = format!(
        r#"{{
  "name": "shaoxing-plan-charts",
  "version": "{version}",
  "description": "{description}",
  "license": "{license}",
  "type": "module",
  "module": "shaoxing_plan_charts.js",
  "main": "shaoxing_plan_charts.js",
  "types": "shaoxing_plan_charts.d.ts",
  "exports": {{
    ".": {{
      "types": "./shaoxing_plan_charts.d.ts",
      "default": "./shaoxing_plan_charts.js"
    }},
    "./element": {{
      "types": "./shaoxing-chart.d.ts",
      "default": "./shaoxing-chart.js"
    }},
    "./embed-resize.js": "./embed-resize.js",
    "./shaoxing_plan_charts_bg.wasm": "./shaoxing_plan_charts_bg.wasm",
    "./static/*": "./static/*",
    "./integrity.json": "./integrity.json",
    "./data/*": "./data/*"
  }},
  "files": [
    "shaoxing_plan_charts_bg.wasm",
    "shaoxing_plan_charts.js",
    "shaoxing_plan_charts.d.ts",
    "shaoxing_plan_charts_bg.wasm.d.ts",
    "shaoxing-chart.js",
    "shaoxing-chart.d.ts",
    "embed-resize.js",
    "static/",
    "integrity.json",
    "data/",
    "README.md"
  ],
  "sideEffects": ["./shaoxing-chart.js", "./embed-resize.js"],
  "keywords": ["shaoxing", "five-year plan", "charts", "webassembly", "bilingual", "accessible"]
}}
"#,
        version = manifest_field("version")?,
        description = manifest_field("description")?,
        license = manifest_field("license")?,
    );
    std::fs::write(pkg.join("package.json"), json).map_err(|e| format!("cannot write pkg/package.json: {e}"))
}

fn serve_command(args: &[String]) -> Result {
    let mut port = 8080;
    let mut build_first = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--port" => port = it.next().and_then(|p| p.parse().ok()).ok_or("--port needs a number")?,
            "--no-build" => build_first = false,
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if build_first {
        build()?;
    }
    serve::serve(&root(), port)
}

fn dist_command(args: &[String]) -> Result {
    let out = match args {
        [] => root().join("dist"),
        [flag, dir] if flag == "--out" => std::env::current_dir().map_err(|e| e.to_string())?.join(dir),
        _ => return Err(format!("usage: cargo xtask dist [--out DIR]\n{USAGE}")),
    };
    build()?;
    dist::dist(&root(), &out)
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).as_deref() == Some("0")
}

fn apt_install(packages: &[&str]) -> Result {
    let missing: Vec<&str> = packages
        .iter()
        .copied()
        .filter(|p| {
            output(Command::new("dpkg-query").args(["-W", "-f=${Status}", p])).as_deref()
                != Some("install ok installed")
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let sudo: &[&str] = if is_root() { &[] } else { &["sudo"] };
    let apt = |args: &[&str]| {
        let all: Vec<&str> = sudo.iter().chain(args).copied().collect();
        let mut cmd = Command::new(all[0]);
        cmd.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    apt(&["apt-get", "update", "-qq"])?;
    let mut args = vec!["apt-get", "install", "-y", "-qq", "--no-install-recommends"];
    args.extend(&missing);
    apt(&args)
}

fn npm_install(dir: &Path) -> Result {
    let stamp = dir.join("node_modules/.package-lock.json");
    let lock = dir.join("package-lock.json");
    let fresh = match (
        std::fs::metadata(&stamp).and_then(|m| m.modified()),
        std::fs::metadata(&lock).and_then(|m| m.modified()),
    ) {
        (Ok(installed), Ok(locked)) => installed >= locked,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(dir))
}

/// The version of frictionless (PyPI) that the tests validate pkg/data/ with.
const FRICTIONLESS: &str = "frictionless==5.21.0";

/// frictionless in a virtual environment of its own under the target directory (Debian's Python
/// refuses `pip install` outside one); returns its command. Installs only when it cannot be imported.
fn ensure_frictionless() -> Result<PathBuf> {
    let venv = target_dir().join("frictionless");
    let python = venv.join("bin/python");
    let command = venv.join("bin/frictionless");
    if command.exists() && output(Command::new(&python).args(["-c", "import frictionless"])).is_some() {
        return Ok(command);
    }
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    run(Command::new(&python).args(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", FRICTIONLESS]))?;
    Ok(command)
}

fn test() -> Result {
    let root = root();
    // What the tests need: a browser, a CJK font (or Chinese renders as boxes), Node packages, and
    // the Python package frictionless, which validates the open-data package pkg/data/.
    apt_install(&["chromium", "fonts-wqy-microhei", "python3-venv"])?;
    let e2e = root.join("tests/e2e");
    npm_install(&e2e)?;
    let bundler = root.join("tests/bundler");
    npm_install(&bundler)?;
    let frictionless = ensure_frictionless()?;
    if output(cargo().args(["fmt", "--version"])).is_some() {
        run(cargo().args(["fmt", "--all", "--check"]).current_dir(&root))?;
    } else {
        eprintln!("note: rustfmt is not installed; the formatting check is skipped");
    }
    run(cargo().args(["test", "--workspace"]).current_dir(&root))?;
    build()?;
    // The browser tests serve dist/ too.
    dist::dist(&root, &root.join("dist"))?;
    // An application's use of the package: `npm pack` of pkg/ installed there and bundled by Vite.
    run(Command::new("node").args(["--test", "bundler.test.mjs"]).current_dir(&bundler))?;
    let mut tests: Vec<String> = std::fs::read_dir(&e2e)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        .collect();
    tests.sort();
    let mut node = Command::new("node");
    node.arg("--test").arg("--test-concurrency=1").args(&tests).current_dir(&e2e).env("FRICTIONLESS", frictionless);
    run(&mut node)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_pictures_are_what_the_library_renders_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("spc-static-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("removed-chart.zh.svg"), "stale").unwrap();
        write_static(&dir).unwrap();
        let mut written: Vec<String> =
            std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        written.sort();
        let mut expected = shaoxing_plan_charts::chart::static_files();
        expected.sort();
        assert_eq!(written, expected.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>());
        for (name, svg) in expected {
            assert_eq!(std::fs::read_to_string(dir.join(&name)).unwrap(), svg, "{name}");
        }
        assert!(written.contains(&"industry-clusters.en.svg".to_string()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
