//! `cargo xtask dist`: one folder to upload to any static host.
//!
//! ```text
//! dist/index.html   a link to the demo (www/)
//! dist/www/         the demo site and its per-chart embed pages (www/embed/); they load the package from assets/
//! dist/assets/      the package files the pages load, named by their content (never change: cache forever)
//! dist/pkg/         the package under its usual names, for embedders' snippets and npm-style use
//! dist/_headers     the cache policy, for hosts that read it (Netlify, Cloudflare Pages)
//! ```
//! All references are relative, so the folder works at any path of any host.

use std::path::Path;

use crate::integrity::sri;
use crate::Result;

/// The package files that the demo pages load, in the order they must be renamed: each later file
/// refers to earlier ones (the glue to the .wasm, the element to the glue and the .wasm).
const HASHED: &[&str] =
    &["shaoxing_plan_charts_bg.wasm", "shaoxing_plan_charts.js", "shaoxing-chart.js", "embed-resize.js"];

pub const HEADERS: &str = "\
# Cache policy. Files under /assets/ are named by their content: a new build gives new names, so
# they never change and may be cached for a year. Everything else keeps its name from build to
# build: browsers must revalidate it (a cheap 304 when unchanged).
/assets/*
  Cache-Control: public, max-age=31536000, immutable
/www/*
  Cache-Control: no-cache
/pkg/*
  Cache-Control: no-cache
/
  Cache-Control: no-cache
/index.html
  Cache-Control: no-cache
";

const INDEX: &str = r#"<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="refresh" content="0; url=www/">
  <title>绍兴市“十五五”规划图表 · Shaoxing 15th Five-Year Plan charts</title>
  <link rel="icon" href="www/favicon.svg" type="image/svg+xml">
</head>
<body>
  <p><a href="www/">绍兴市“十五五”规划图表 · Shaoxing's 15th Five-Year Plan in charts</a></p>
</body>
</html>
"#;

/// `name` with the first 12 hex digits of its content's SHA-384 before the extension:
/// `shaoxing-chart.js` → `shaoxing-chart.0a1b2c3d4e5f.js`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha384::digest(bytes);
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hex}.{ext}"),
        None => format!("{name}.{hex}"),
    }
}

/// Replaces `from` by `to` in `text`, which must contain it `count` times (or at least once when
/// `count` is `None`): a change of the generated code that moves a reference stops the build
/// instead of shipping a page that loads the wrong file.
pub fn rewrite(text: &str, file: &str, from: &str, to: &str, count: Option<usize>) -> Result<String> {
    let found = text.matches(from).count();
    match count {
        Some(n) if found != n => Err(format!("{file}: expected {n} × `{from}`, found {found}")),
        None if found == 0 => Err(format!("{file}: no `{from}`")),
        _ => Ok(text.replace(from, to)),
    }
}

fn copy_dir(from: &Path, to: &Path) -> Result {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// Makes `out` from the built `pkg/` and the site in `www/` (see the module's comment).
pub fn dist(root: &Path, out: &Path) -> Result {
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    let pkg = root.join("pkg");
    copy_dir(&pkg, &out.join("pkg"))?;
    copy_dir(&root.join("www"), &out.join("www"))?;
    let assets = out.join("assets");
    std::fs::create_dir_all(&assets).map_err(|e| e.to_string())?;

    // (stable name, content-hashed name), filled in dependency order.
    let mut names: Vec<(&str, String)> = Vec::new();
    for &file in HASHED {
        let mut bytes = std::fs::read(pkg.join(file)).map_err(|e| format!("cannot read pkg/{file}: {e}"))?;
        if file.ends_with(".js") {
            let mut text = String::from_utf8(bytes).map_err(|e| format!("pkg/{file}: {e}"))?;
            for (stable, hashed) in &names {
                // The glue names the .wasm bare; the element names its siblings with ./.
                let (from, to) = match file {
                    "shaoxing_plan_charts.js" => (format!("'{stable}'"), format!("'{hashed}'")),
                    _ => (format!("\"./{stable}\""), format!("\"./{hashed}\"")),
                };
                if text.contains(&from) {
                    text = rewrite(&text, file, &from, &to, None)?;
                }
            }
            if file == "shaoxing-chart.js" {
                // The static pictures stay in the package.
                text = rewrite(&text, file, "`./static/", "`../pkg/static/", Some(1))?;
            }
            bytes = text.into_bytes();
        }
        let hashed = hashed_name(file, &bytes);
        std::fs::write(assets.join(&hashed), &bytes).map_err(|e| format!("cannot write assets/{hashed}: {e}"))?;
        names.push((file, hashed));
    }
    check_references(&assets, &names)?;

    // The pages load the hashed files: those of www/ from ../, the embed pages of www/embed/ from ../../.
    for (folder, up) in [("www", "../"), ("www/embed", "../../")] {
        for entry in std::fs::read_dir(out.join(folder)).map_err(|e| format!("cannot list {folder}: {e}"))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            if !(name.ends_with(".html") || name.ends_with(".js")) {
                continue;
            }
            let mut text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {folder}/{name}: {e}"))?;
            for (stable, hashed) in &names {
                text = text.replace(&format!("\"{up}pkg/{stable}\""), &format!("\"{up}assets/{hashed}\""));
            }
            std::fs::write(&path, text).map_err(|e| format!("cannot write {folder}/{name}: {e}"))?;
        }
    }
    std::fs::write(out.join("_headers"), HEADERS).map_err(|e| e.to_string())?;
    std::fs::write(out.join("index.html"), INDEX).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {} (upload the folder as it is; see docs/embedding.md, \"Put it on any static host\")",
        out.display()
    );
    Ok(())
}

/// Every hashed file refers to the others by their hashed names only, and the element's copy of the
/// .wasm's integrity is that of the hashed .wasm.
fn check_references(assets: &Path, names: &[(&str, String)]) -> Result {
    let wasm = std::fs::read(assets.join(&names[0].1)).map_err(|e| e.to_string())?;
    for (stable, hashed) in &names[1..] {
        let text = std::fs::read_to_string(assets.join(hashed)).map_err(|e| e.to_string())?;
        for (other, _) in names {
            if text.contains(&format!("'{other}'")) || text.contains(&format!("\"./{other}\"")) {
                return Err(format!("assets/{hashed} still refers to {other} by its stable name"));
            }
        }
        if *stable == "shaoxing-chart.js" && !text.contains(&sri(&wasm)) {
            return Err("the element's copy does not carry the .wasm's integrity".into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_keep_the_extension_and_change_with_the_content() {
        assert_eq!(hashed_name("a.js", b"abc"), "a.cb00753f45a3.js");
        assert_ne!(hashed_name("a.js", b"abd"), hashed_name("a.js", b"abc"));
        assert!(hashed_name("x_bg.wasm", b"").ends_with(".wasm"));
    }

    #[test]
    fn rewrites_stop_on_a_missing_or_unexpected_reference() {
        assert_eq!(rewrite("import './a.js'", "f", "./a.js", "./b.js", Some(1)).unwrap(), "import './b.js'");
        assert!(rewrite("nothing", "f", "./a.js", "./b.js", None).is_err());
        assert!(rewrite("./a.js ./a.js", "f", "./a.js", "./b.js", Some(1)).is_err());
    }
}
