"""`make bench`: µs per evaluation of json-logic-qubit, of Rakit's compiled rules and of
json-logic-js under Node, on the same corpus, with the ratios.

Corpus: a 10-clause eligibility rule, a fee formula, and every rule of the sample catalogue
(``form_schemas/permits/*.json``: visible_if, required_if, computed, eligibility rules, fee
formulas and conditions, skip_if, routing conditions), evaluated on each definition's first test
case. json-logic-qubit gets Rakit's domain operators registered as custom operations so it can run
the catalogue rules; under Node, rules with domain operators run through ``RakitRules.apply``.

Run: ``python bench/rules_bench.py [catalogue_dir …]``.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
import sys
import tempfile
import timeit
import warnings
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import json_logic  # noqa: E402

import rules  # noqa: E402
from rules.context import EvalState  # noqa: E402
from rules.operators import DOMAIN_OPERATORS  # noqa: E402

CTX = rules.EvalContext.with_definition_tables(
    {"indeks_lokasi": {"label": {}, "rows": {"A": "3", "B": "2", "C": "1.5"}}},
    today=date(2025, 3, 14),
)
RULE_KEYS = {"visible_if", "required_if", "computed", "rule", "formula", "when", "skip_if", "if"}

ELIGIBILITY = {
    "and": [
        {"<=": [{"var": "luas_usaha"}, 500]},
        {">=": [{"var": "luas_usaha"}, 10]},
        {"in": [{"var": "kelas_lokasi"}, ["A", "B", "C"]]},
        {"==": [{"var": "meta.kind"}, "new"]},
        {"!=": [{"var": "status_lahan"}, "sengketa"]},
        {"<": [{"var": "jumlah_karyawan"}, 100]},
        {"==": [{"var": "setuju"}, True]},
        {"in": [{"var": "kbli"}, ["47111", "47112", "56101"]]},
        {
            "or": [
                {"==": [{"var": "alamat_usaha.regency"}, "3201"]},
                {"==": [{"var": "alamat_usaha.regency"}, "3202"]},
            ]
        },
        {"!": {"missing": ["nik", "npwp", "nama"]}},
    ]
}
ELIGIBILITY_DATA = {
    "luas_usaha": 120,
    "kelas_lokasi": "B",
    "meta": {"kind": "new"},
    "status_lahan": "milik",
    "jumlah_karyawan": 12,
    "setuju": True,
    "kbli": "47111",
    "alamat_usaha": {"regency": "3202"},
    "nik": "3201014506900001",
    "npwp": "012345678901000",
    "nama": "Toko Maju",
}
FEE = {
    "if": [
        {">": [{"var": "luas_usaha"}, 100]},
        {"*": [{"var": "luas_usaha"}, 1500, 1.5]},
        {"max": [{"*": [{"var": "luas_usaha"}, 2000]}, 50000]},
    ]
}


Case = tuple[str, Any, Any, rules.EvalContext]


def catalogue_rules(dirs: list[Path]) -> list[Case]:
    """(name, rule, data, ctx) for every rule in the catalogue definitions."""
    found: list[Case] = []
    for directory in dirs:
        for path in sorted(directory.glob("*.json")):
            definition = json.loads(path.read_text(encoding="utf-8"))
            cases = definition.get("test_cases") or [{}]
            data = {**cases[0].get("data", {}), "meta": {"kind": cases[0].get("kind", "new")}}
            ctx = rules.EvalContext.with_definition_tables(
                definition.get("tables"), today=CTX.today
            )
            for pointer, rule in _rules_in(definition, ""):
                found.append((f"{path.stem}{pointer}", rule, data, ctx))
    return found


def _rules_in(node: Any, at: str) -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            is_rule_key = key in RULE_KEYS and (key != "if" or "to" in node)
            if is_rule_key and isinstance(value, dict | list | bool):
                yield f"{at}/{key}", value
                continue
            if key not in ("test_cases",):
                yield from _rules_in(value, f"{at}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _rules_in(value, f"{at}/{i}")


def measure(fn: Any) -> float:
    """Best-of-5 µs per call, each run calibrated to about 50 ms."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    number = max(1, number // 4)
    return min(timer.repeat(repeat=5, number=number)) / number * 1e6


def register_domain_ops_in_qubit(state: EvalState) -> None:
    """Give json-logic-qubit Rakit's domain operators, reading ``state`` for context."""
    for name, spec in DOMAIN_OPERATORS.items():
        fn = spec.fn
        assert fn is not None
        if spec.needs_state:
            json_logic.add_operation(name, lambda *a, _fn=fn: _fn(state, *a))
        else:
            json_logic.add_operation(name, fn)


def ours_time(rule: Any, data: Any, ctx: rules.EvalContext) -> float | None:
    compiled = rules.compile(rule)
    try:
        compiled(data, ctx)
    except rules.RuleError:
        return None
    return measure(lambda: compiled(data, ctx))


def qubit_time(rule: Any, data: Any) -> float | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            json_logic.jsonLogic(rule, data)
            return measure(lambda: json_logic.jsonLogic(rule, data))
    except Exception:  # noqa: BLE001 - qubit raises where our semantics return null
        return None


def node_times(corpus: list[Case]) -> list[float | None]:
    node = shutil.which("node")
    if node is None:
        return [None] * len(corpus)
    payload = [{"rule": r, "data": d, "ctx": c.to_js()} for _, r, d, c in corpus]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(payload, handle)
    try:
        out = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [node, str(ROOT / "bench" / "rules_bench.js"), handle.name],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        Path(handle.name).unlink()
    return list(json.loads(out))


def fmt(value: float | None, width: int = 9) -> str:
    return f"{value:{width}.2f}" if value is not None else f"{'n/a':>{width}}"


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:7.1f}×" if a is not None and b else f"{'n/a':>8}"


def geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else math.nan


def main(argv: list[str]) -> int:
    dirs = [Path(a) for a in argv] or [ROOT / "form_schemas" / "permits"]
    corpus: list[Case] = [
        ("10-clause eligibility", ELIGIBILITY, ELIGIBILITY_DATA, CTX),
        ("fee formula", FEE, ELIGIBILITY_DATA, CTX),
        *catalogue_rules(dirs),
    ]
    state = EvalState(CTX)
    register_domain_ops_in_qubit(state)
    js = node_times(corpus)
    print(
        f"{'rule':48} {'nodes':>5} {'qubit µs':>9} {'ours µs':>9} {'js µs':>9}"
        f" {'qubit/ours':>10} {'js/ours':>8}"
    )
    totals = {"qubit": [], "ours": [], "js": []}  # type: dict[str, list[float]]
    q_ratios, js_ratios = [], []
    for (name, rule, data, ctx), js_us in zip(corpus, js, strict=True):
        state._ctx = ctx  # the context qubit's domain operators read
        ours = ours_time(rule, data, ctx)
        qubit = qubit_time(rule, data)
        print(
            f"{name[:48]:48} {rules.limits.guard(rule):5} {fmt(qubit)} {fmt(ours)} {fmt(js_us)}"
            f" {ratio(qubit, ours):>10} {ratio(js_us, ours):>8}"
        )
        if ours is None:
            continue
        if qubit is not None:
            q_ratios.append(qubit / ours)
        if js_us is not None:
            js_ratios.append(js_us / ours)
        if qubit is not None and js_us is not None:
            totals["qubit"].append(qubit)
            totals["ours"].append(ours)
            totals["js"].append(js_us)
    decimal_fee = rules.compile(FEE, decimal=True)
    print(
        f"{'fee formula, exact Decimal (ours only)':48} {'':5} {'':9}"
        f" {fmt(measure(lambda: decimal_fee(ELIGIBILITY_DATA, CTX)))}"
    )
    evaluate_us = measure(lambda: rules.evaluate(ELIGIBILITY, ELIGIBILITY_DATA, CTX))
    print(f"{'10-clause via rules.evaluate (cache lookup)':48} {'':5} {'':9} {fmt(evaluate_us)}")
    catalogue = len(corpus) - 2
    print(
        f"\ncorpus: {len(corpus)} rules ({catalogue} from the catalogue in "
        f"{', '.join(str(d) for d in dirs)})"
    )
    if totals["ours"]:
        print(
            f"sum over rules all three ran: qubit {sum(totals['qubit']):.1f} µs, "
            f"ours {sum(totals['ours']):.1f} µs, json-logic-js {sum(totals['js']):.1f} µs"
        )
    print(f"geometric mean speed-up vs json-logic-qubit: {geomean(q_ratios):.1f}× (target ≥ 5×)")
    print(f"geometric mean speed-up vs json-logic-js:    {geomean(js_ratios):.1f}× (target > 1×)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
