// A static server for the benchmark: the project folder on 127.0.0.1, every response gzip-encoded
// (level 9, as a static host would pre-compress), with the MIME types browsers need
// (`application/wasm` exactly, or the glue falls back from streaming compilation) and no caching,
// so that every run is a cold load.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
};

/** Starts the server on a free port; returns its origin and a `close()`. */
export async function serve(root = ROOT) {
  // Compressed once per file version, so compression time never lands in a measured load.
  const compressed = new Map();
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = path.join(root, pathname.endsWith("/") ? pathname + "index.html" : pathname);
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain", "Cache-Control": "no-store" }).end("not found");
      return;
    }
    const key = `${file}:${stat.mtimeMs}:${stat.size}`;
    if (!compressed.has(key)) compressed.set(key, zlib.gzipSync(await fs.readFile(file), { level: 9 }));
    const headers = {
      "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
    };
    let body = compressed.get(key);
    if (/\bgzip\b/.test(req.headers["accept-encoding"] || "")) headers["Content-Encoding"] = "gzip";
    else body = await fs.readFile(file);
    headers["Content-Length"] = body.length;
    res.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}
