// For pages that embed charts in <iframe>s of the embed page (…/embed.html?chart=…): sizes each such
// frame to the height its chart reports. Add once to the page, anywhere:
//
//   <script src="…/pkg/embed-resize.js" defer></script>   (or type="module")
//
// It listens for { type: "shaoxing-chart:height", height } messages and applies one only to the
// <iframe> that sent it (event.source is the frame's window), whose address is an embed page
// (its path ends in /embed.html, /embed or /embed/<chart>.<lang>.html) of the sender's origin. It sets nothing but style.height,
// through the CSSOM, which a Content-Security-Policy of style-src 'self' allows.
(() => {
  const LARGEST = 20000;
  addEventListener("message", (event) => {
    const data = event.data;
    if (!data || data.type !== "shaoxing-chart:height" || !Number.isFinite(data.height)) return;
    for (const frame of document.getElementsByTagName("iframe")) {
      if (frame.contentWindow !== event.source) continue;
      let url;
      try {
        url = new URL(frame.src, document.baseURI);
      } catch {
        return;
      }
      if (url.origin !== event.origin || !/\/embed(\.html|\/[a-z0-9-]+\.(zh|en)\.html)?$/.test(url.pathname)) return;
      // The chart's height is the frame's content height; a border-box frame adds its border and padding.
      const style = getComputedStyle(frame);
      const edges = style.boxSizing === "border-box"
        ? ["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"].reduce((sum, p) => sum + (parseFloat(style[p]) || 0), 0)
        : 0;
      frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 0), LARGEST) + edges}px`;
      return;
    }
  });
})();
