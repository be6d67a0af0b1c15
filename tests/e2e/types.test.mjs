// The TypeScript declarations of the built package (pkg/*.d.ts, with the element's): a small page
// in TypeScript (types/check.ts) compiles with `tsc --noEmit`, resolving the package by its name and
// its package.json "exports", as an embedder's bundler would.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./harness.mjs";

const TSC = path.join(ROOT, "tests/e2e/node_modules/.bin/tsc");

/** A scratch project with node_modules/shaoxing-plan-charts linked to pkg/ and `source` as check.ts. */
function project(source) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spc-types-"));
  fs.mkdirSync(path.join(dir, "node_modules"));
  fs.symlinkSync(path.join(ROOT, "pkg"), path.join(dir, "node_modules/shaoxing-plan-charts"), "dir");
  fs.copyFileSync(path.join(ROOT, "tests/e2e/types/tsconfig.json"), path.join(dir, "tsconfig.json"));
  fs.writeFileSync(path.join(dir, "check.ts"), source);
  return dir;
}

function tsc(dir) {
  try {
    execFileSync(TSC, ["--noEmit", "-p", dir], { encoding: "utf8", stdio: "pipe" });
    return { ok: true, output: "" };
  } catch (e) {
    return { ok: false, output: `${e.stdout}${e.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("a TypeScript page using render() and <shaoxing-chart> compiles against pkg/", () => {
  const result = tsc(project(fs.readFileSync(path.join(ROOT, "tests/e2e/types/check.ts"), "utf8")));
  assert.ok(result.ok, result.output);
});

test("the check is not vacuous: a misuse of the element's types fails to compile", () => {
  const result = tsc(project(`import "shaoxing-plan-charts/element";
const el = document.createElement("shaoxing-chart");
el.addEventListener("select", (event) => { const n: number = event.detail.id; console.log(n); });
`));
  assert.equal(result.ok, false);
  assert.match(result.output, /check\.ts\(3,\d+\): error TS2322: Type 'string \| null' is not assignable to type 'number'/);
});
