// Links between the demo pages keep the reader's language.
const PAGES = ["./", "gallery.html", "explainer.html", "builder.html"];

/** Points every link to another demo page at that page in `lang` (Chinese is the default). */
export function carryLanguage(lang) {
  for (const a of document.querySelectorAll("a[href]")) {
    const [page, query = ""] = a.getAttribute("href").split("?");
    if (!PAGES.includes(page)) continue;
    const params = new URLSearchParams(query);
    if (lang === "en") params.set("lang", "en");
    else params.delete("lang");
    const rest = params.toString();
    a.setAttribute("href", rest ? `${page}?${rest}` : page);
  }
}
