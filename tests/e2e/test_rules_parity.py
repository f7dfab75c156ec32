"""Browser parity: the vendored json-logic-js + rakit-rules.js in headless Chromium give, case by
case, the same outcomes as the Python rules package, on the 277 JSON Logic conformance cases and
on the shared domain vectors (rules/vectors/domain.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import rules
from rules.parity import expected, load_vectors, outcome

STATIC = Path(rules.__file__).parent / "static"
SUITE = Path(__file__).resolve().parents[2].parent / "shared" / "jsonlogic" / "tests.json"

pytestmark = pytest.mark.e2e

BROWSER_OUTCOME = """
([cases, ctx]) => cases.map((c) => {
  const context = Object.assign({}, ctx, c.ctx || {});
  try {
    if (c.fees) {
      const r = RakitRules.assessFees(c.fees, c.data, context);
      const lines = {};
      r.lines.forEach((l) => { lines[l.id] = l.amount; });
      return {value: {lines: lines, total: r.total}};
    }
    const v = c.decimal ? RakitRules.applyDecimal(c.rule, c.data, context)
                        : RakitRules.apply(c.rule, c.data, context);
    return {value: RakitRules.decimalText(v)};
  } catch (e) {
    return {error: e.name};
  }
})
"""


def load_rakit_rules(page: Any) -> None:
    page.goto("about:blank")
    for name in ("vendor/json-logic.js", "vendor/big.js", "rakit-rules.js"):
        page.add_script_tag(path=str(STATIC / name))


def mismatches(cases: list[dict[str, Any]], got: list[Any], want: list[Any]) -> list[str]:
    return [
        f"{case.get('name', json.dumps(case['rule']))}: browser {g!r}, python {w!r}"
        for case, g, w in zip(cases, got, want, strict=True)
        if g != w
    ]


def test_conformance_suite_in_chromium(page: Any) -> None:
    load_rakit_rules(page)
    entries = json.loads(SUITE.read_text(encoding="utf-8"))
    cases = [{"rule": e[0], "data": e[1]} for e in entries if not isinstance(e, str)]
    want_expected = [{"value": e[2]} for e in entries if not isinstance(e, str)]
    browser = page.evaluate(BROWSER_OUTCOME, [cases, {}])
    python = [outcome(case, {}) for case in cases]
    assert len(cases) == 277
    assert mismatches(cases, browser, python) == []
    assert mismatches(cases, browser, want_expected) == []


def test_domain_vectors_in_chromium(page: Any) -> None:
    load_rakit_rules(page)
    doc = load_vectors()
    browser = page.evaluate(BROWSER_OUTCOME, [doc["cases"], doc["ctx"]])
    python = [outcome(case, doc["ctx"]) for case in doc["cases"]]
    assert mismatches(doc["cases"], browser, python) == []
    assert mismatches(doc["cases"], browser, [expected(c) for c in doc["cases"]]) == []


def test_browser_refuses_method_and_huge_rules(page: Any) -> None:
    load_rakit_rules(page)
    names = page.evaluate(
        """() => {
          const deep = (n) => {
            let r = {var: "x"};
            for (let i = 0; i < n; i++) r = {"!": [r]};
            return r;
          };
          const wide = {"+": Array.from({length: 1000000}, (_, i) => i)};
          return [{method: ["a", "toUpperCase"]}, deep(100000), wide].map((rule) => {
            try { RakitRules.apply(rule, {}); return "accepted"; } catch (e) { return e.name; }
          });
        }"""
    )
    assert names == ["UnknownOperatorError", "RuleTooDeepError", "RuleTooLargeError"]
