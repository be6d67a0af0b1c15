//! One embed page per chart and language, `www/embed/<id>.<lang>.html`, made by the build from
//! `www/embed.html`. A static page cannot read its own address, so `embed.html`'s `<noscript>` can
//! only list every chart's picture; these pages know their chart, and their `<noscript>` shows its
//! picture. The builder's iframe snippets point to them. They are build output (not in git).

use std::path::Path;

use shaoxing_plan_charts::chart::CHARTS;
use shaoxing_plan_charts::data::model::Lang;

use crate::dist::rewrite;
use crate::Result;

/// (code in the file name, language tag of the page, language of the chart)
const LANGS: [(&str, &str, Lang); 2] = [("zh", "zh-CN", Lang::Zh), ("en", "en", Lang::En)];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The page of chart `id` in `lang` ("zh" | "en"), from the text of `embed.html`.
pub fn page(template: &str, id: &str, lang: &str, title: &str) -> Result<String> {
    let file = "www/embed.html";
    let html_lang = LANGS.iter().find(|(code, _, _)| *code == lang).map_or("zh-CN", |(_, tag, _)| tag);
    let title = escape(title);
    let mut text = rewrite(
        template,
        file,
        "<html lang=\"zh-CN\">",
        &format!("<html lang=\"{html_lang}\" data-chart=\"{id}\">"),
        Some(1),
    )?;
    let (start, end) = (
        text.find("<title>").ok_or("www/embed.html: no <title>")?,
        text.find("</title>").ok_or("www/embed.html: no </title>")?,
    );
    text.replace_range(start..end + "</title>".len(), &format!("<title>{title}</title>"));
    // One folder down: the site's files are in ../, the package in ../../pkg/.
    for (from, to) in [
        ("href=\"favicon.svg\"", "href=\"../favicon.svg\""),
        ("href=\"embed.css\"", "href=\"../embed.css\""),
        ("src=\"embed.js\"", "src=\"../embed.js\""),
    ] {
        text = rewrite(&text, file, from, to, Some(1))?;
    }
    text = rewrite(&text, file, "\"../pkg/", "\"../../pkg/", None)?;
    let comment =
        (text.find("  <!--").ok_or("www/embed.html: no comment")?, text.find("-->").ok_or("www/embed.html: no -->")?);
    text.replace_range(
        comment.0..comment.1 + 3,
        &format!("  <!-- Made by `cargo xtask build` from ../embed.html: the chart {id} in {html_lang}, options from the address. -->"),
    );
    let noscript = (
        text.find("  <noscript>").ok_or("www/embed.html: no <noscript>")?,
        text.find("</noscript>").ok_or("www/embed.html: no </noscript>")?,
    );
    text.replace_range(
        noscript.0..noscript.1 + "</noscript>".len(),
        &format!("  <noscript><img class=\"noscript-picture\" src=\"../../pkg/static/{id}.{lang}.svg\" alt=\"{title}\" width=\"720\"></noscript>"),
    );
    Ok(text)
}

/// Writes every chart's pages into `www/embed/`, replacing what was there.
pub fn write(www: &Path) -> Result {
    let template =
        std::fs::read_to_string(www.join("embed.html")).map_err(|e| format!("cannot read www/embed.html: {e}"))?;
    let dir = www.join("embed");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for info in CHARTS {
        for (lang, _, chart_lang) in LANGS {
            let name = format!("{}.{lang}.html", info.id);
            let html = page(&template, info.id, lang, info.title.get(chart_lang))?;
            std::fs::write(dir.join(&name), html).map_err(|e| format!("cannot write www/embed/{name}: {e}"))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_knows_its_chart_shows_its_picture_without_javascript_and_finds_its_files() {
        let template = std::fs::read_to_string(crate::root().join("www/embed.html")).unwrap();
        let html = page(&template, "gdp-path", "en", "GDP: from \"14th\" & on").unwrap();
        assert!(html.contains("<html lang=\"en\" data-chart=\"gdp-path\">"));
        assert!(html.contains("<title>GDP: from &quot;14th&quot; &amp; on</title>"));
        assert!(html.contains(
            "<noscript><img class=\"noscript-picture\" src=\"../../pkg/static/gdp-path.en.svg\" alt=\"GDP: from &quot;14th&quot; &amp; on\" width=\"720\"></noscript>"
        ));
        for reference in [
            "href=\"../favicon.svg\"",
            "href=\"../embed.css\"",
            "src=\"../embed.js\"",
            "href=\"../../pkg/shaoxing-chart.js\"",
        ] {
            assert!(html.contains(reference), "{reference}");
        }
        assert!(!html.contains("\"../pkg/"), "every package reference is one folder further up");
        assert_eq!(html.matches("<noscript>").count(), 1);
        assert!(page("<html>", "gdp-path", "en", "x").is_err(), "a changed template stops the build");
    }
}
