// Node side of `make bench`: µs per evaluation of json-logic-js on the corpus that
// bench/rules_bench.py writes (argv[2]); prints a JSON list, one number per rule.
// argv[3]: runs per rule (best of them is kept, default 7); argv[4]: ms per run (default 10).
"use strict";
const fs = require("fs");
const path = require("path");

const STATIC = path.join(__dirname, "..", "rules", "static");
const VENDOR = path.join(STATIC, "vendor", "json-logic.js");
const plain = require(VENDOR); // pristine json-logic-js
delete require.cache[require.resolve(VENDOR)];
const Rakit = require(path.join(STATIC, "rakit-rules.js")); // second instance, with domain ops
const extended = require(VENDOR);
const STANDARD = new Set(["if", "?:", "and", "or", "filter", "map", "reduce", "all", "none", "some",
  "var", "missing", "missing_some", "==", "===", "!=", "!==", ">", ">=", "<", "<=", "!!", "!", "%",
  "log", "in", "cat", "substr", "+", "*", "-", "/", "min", "max", "merge"]);

function operators(rule, out) {
  if (Array.isArray(rule)) rule.forEach((r) => operators(r, out));
  else if (rule && typeof rule === "object" && Object.keys(rule).length === 1) {
    const op = Object.keys(rule)[0];
    out.add(op);
    operators(rule[op], out);
  }
  return out;
}

const REPEAT = Number(process.argv[3] || 7);
const TARGET_NS = Number(process.argv[4] || 10) * 1e6;

function measure(fn) {
  let n = 1;
  for (;;) { // calibrate one run to TARGET_NS (this also warms the JIT up)
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    const ns = Number(process.hrtime.bigint() - t0);
    if (ns > TARGET_NS) break;
    n *= 2;
  }
  let best = Infinity;
  for (let r = 0; r < REPEAT; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n / 1000);
  }
  return best;
}

const corpus = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = corpus.map((c) => {
  const standardOnly = [...operators(c.rule, new Set())].every((op) => STANDARD.has(op));
  const ctx = c.ctx;
  try {
    if (standardOnly) return measure(() => plain.apply(c.rule, c.data));
    // Domain operators need Rakit's context; validate once, then time json-logic-js itself.
    Rakit.guard(c.rule);
    return Rakit.withContext(ctx, () => measure(() => extended.apply(c.rule, c.data)));
  } catch (e) {
    return null;
  }
});
process.stdout.write(JSON.stringify(results));
