"""`make bench`: µs per evaluation of json-logic-qubit, of Rakit's compiled rules and of
json-logic-js under Node, on the same corpus, with the ratios.

Corpus: a 10-clause eligibility rule, a fee formula, and every rule of the sample catalogue
(``form_schemas/permits/*.json``: visible_if, required_if, computed, eligibility rules, fee
formulas and conditions, skip_if, routing conditions), evaluated on each definition's first test
case. json-logic-qubit gets Rakit's domain operators registered as custom operations so it can run
the catalogue rules; under Node, rules with domain operators run through ``RakitRules.apply``.

Figures are robust on a loaded machine: each side is timed in ``--rounds`` rounds (Python and
Node alternate), each round keeps the best of ``--repeat`` runs of about ``--run-ms`` ms, and the
report keeps each rule's best round. Ratios are then summarised per group of rules (eligibility,
fee formulas, required_if, … ) and as geometric means.

Run: ``python bench/rules_bench.py [--rounds 3] [--repeat 7] [--run-ms 10] [catalogue_dir …]``.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
import time
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


GROUPS = {
    "rule": "eligibility",
    "formula": "fee formula",
    "when": "fee condition",
    "visible_if": "visible_if",
    "required_if": "required_if",
    "computed": "computed",
    "skip_if": "step skip_if",
    "if": "routing",
}


def group_of(name: str) -> str:
    """The kind of rule a corpus entry is (its pointer's last key); synthetic rules stand alone."""
    if "/" not in name:
        return f"synthetic: {name}"
    return GROUPS.get(name.rsplit("/", 1)[1], "other")


class Timing:
    """How long to time one callable: runs per measurement and the length of one run."""

    def __init__(self, repeat: int, run_ms: float) -> None:
        self.repeat = repeat
        self.run_s = run_ms / 1000

    def measure(self, fn: Any) -> float:
        """Best-of-``repeat`` µs per call, each run calibrated to about ``run_ms``."""
        number = 1
        while _run(fn, number) < self.run_s:  # calibrating also warms caches up
            number *= 2
        return min(_run(fn, number) for _ in range(self.repeat)) / number * 1e6


def _run(fn: Any, number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return time.perf_counter() - start


def register_domain_ops_in_qubit(state: EvalState) -> None:
    """Give json-logic-qubit Rakit's domain operators, reading ``state`` for context."""
    for name, spec in DOMAIN_OPERATORS.items():
        fn = spec.fn
        assert fn is not None
        if spec.needs_state:
            json_logic.add_operation(name, lambda *a, _fn=fn: _fn(state, *a))
        else:
            json_logic.add_operation(name, fn)


def ours_time(rule: Any, data: Any, ctx: rules.EvalContext, timing: Timing) -> float | None:
    compiled = rules.compile(rule)
    try:
        compiled(data, ctx)
    except rules.RuleError:
        return None
    return timing.measure(lambda: compiled(data, ctx))


def qubit_time(rule: Any, data: Any, timing: Timing) -> float | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            json_logic.jsonLogic(rule, data)
            return timing.measure(lambda: json_logic.jsonLogic(rule, data))
    except Exception:  # noqa: BLE001 - qubit raises where our semantics return null
        return None


def node_times(corpus: list[Case], timing: Timing) -> list[float | None]:
    node = shutil.which("node")
    if node is None:
        return [None] * len(corpus)
    payload = [{"rule": r, "data": d, "ctx": c.to_js()} for _, r, d, c in corpus]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(payload, handle)
    script = str(ROOT / "bench" / "rules_bench.js")
    arguments = [str(timing.repeat), str(timing.run_s * 1000)]
    try:
        out = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [node, script, handle.name, *arguments],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    finally:
        Path(handle.name).unlink()
    return list(json.loads(out))


Times = list[float | None]


def best_of_rounds(corpus: list[Case], timing: Timing, rounds: int) -> dict[str, Times]:
    """Each side's best µs per rule over ``rounds`` rounds (Node and Python take turns)."""
    state = EvalState(CTX)
    register_domain_ops_in_qubit(state)
    best: dict[str, Times] = {side: [None] * len(corpus) for side in ("qubit", "ours", "js")}
    for round_number in range(1, rounds + 1):
        print(f"round {round_number}/{rounds} …", file=sys.stderr, flush=True)
        _keep_best(best["js"], node_times(corpus, timing))
        ours, qubit = [], []
        for _, rule, data, ctx in corpus:
            state.ctx = ctx  # the context qubit's domain operators read
            ours.append(ours_time(rule, data, ctx, timing))
            qubit.append(qubit_time(rule, data, timing))
        _keep_best(best["ours"], ours)
        _keep_best(best["qubit"], qubit)
    return best


def _keep_best(best: Times, new: Times) -> None:
    for i, value in enumerate(new):
        if value is not None and (best[i] is None or value < best[i]):  # type: ignore[operator]
            best[i] = value


def fmt(value: float | None, width: int = 9) -> str:
    return f"{value:{width}.2f}" if value is not None else f"{'n/a':>{width}}"


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:7.1f}×" if a is not None and b else f"{'n/a':>8}"


def geomean(values: list[float]) -> float:
    return math.exp(sum(math.log(v) for v in values) / len(values)) if values else math.nan


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="*", type=Path, help="catalogue directories")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per side (best kept)")
    parser.add_argument("--repeat", type=int, default=7, help="runs per measurement (best kept)")
    parser.add_argument("--run-ms", type=float, default=10.0, help="length of one run")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    dirs = args.dirs or [ROOT / "form_schemas" / "permits"]
    timing = Timing(args.repeat, args.run_ms)
    corpus: list[Case] = [
        ("10-clause eligibility", ELIGIBILITY, ELIGIBILITY_DATA, CTX),
        ("fee formula", FEE, ELIGIBILITY_DATA, CTX),
        *catalogue_rules(dirs),
    ]
    best = best_of_rounds(corpus, timing, args.rounds)
    print_rules(corpus, best)
    print_extras(timing)
    print(
        f"\ncorpus: {len(corpus)} rules ({len(corpus) - 2} from the catalogue in "
        f"{', '.join(str(d) for d in dirs)}); best of {args.rounds} rounds × {args.repeat} runs"
        f" of ~{args.run_ms:g} ms per rule and side"
    )
    print_groups(corpus, best)
    return 0


def print_rules(corpus: list[Case], best: dict[str, Times]) -> None:
    print(
        f"{'rule':48} {'nodes':>5} {'qubit µs':>9} {'ours µs':>9} {'js µs':>9}"
        f" {'qubit/ours':>10} {'js/ours':>8}"
    )
    for i, (name, rule, _, _) in enumerate(corpus):
        qubit, ours, js_us = best["qubit"][i], best["ours"][i], best["js"][i]
        print(
            f"{name[:48]:48} {rules.limits.guard(rule):5} {fmt(qubit)} {fmt(ours)} {fmt(js_us)}"
            f" {ratio(qubit, ours):>10} {ratio(js_us, ours):>8}"
        )


def print_extras(timing: Timing) -> None:
    decimal_fee = rules.compile(FEE, decimal=True)
    fee_us = timing.measure(lambda: decimal_fee(ELIGIBILITY_DATA, CTX))
    print(f"{'fee formula, exact Decimal (ours only)':48} {'':5} {'':9} {fmt(fee_us)}")
    evaluate_us = timing.measure(lambda: rules.evaluate(ELIGIBILITY, ELIGIBILITY_DATA, CTX))
    print(f"{'10-clause via rules.evaluate (cache lookup)':48} {'':5} {'':9} {fmt(evaluate_us)}")


def ratios(corpus: list[Case], best: dict[str, Times], other: str) -> dict[str, list[float]]:
    """``other`` µs / ours µs for every rule both ran, by group."""
    found: dict[str, list[float]] = {}
    for i, (name, _, _, _) in enumerate(corpus):
        theirs, ours = best[other][i], best["ours"][i]
        if theirs is not None and ours:
            found.setdefault(group_of(name), []).append(theirs / ours)
    return found


def print_groups(corpus: list[Case], best: dict[str, Times]) -> None:
    by_qubit, by_js = ratios(corpus, best, "qubit"), ratios(corpus, best, "js")
    groups = sorted({group_of(name) for name, _, _, _ in corpus})
    print(
        f"\n{'group (speed-up = their µs / our µs)':38} {'rules':>5} {'vs qubit':>9}"
        f" {'vs js':>7} {'js worst':>9}"
    )
    for group in groups:
        q, j = by_qubit.get(group, []), by_js.get(group, [])
        worst = f"{min(j):8.2f}×" if j else f"{'n/a':>9}"
        print(f"{group:38} {max(len(q), len(j)):5} {geomean(q):8.2f}× {geomean(j):6.2f}× {worst}")
    all_q = [r for values in by_qubit.values() for r in values]
    all_js = [r for values in by_js.values() for r in values]
    group_js = {g: geomean(v) for g, v in by_js.items()}
    slowest = min(group_js, key=group_js.__getitem__) if group_js else "n/a"
    print(f"\ngeometric mean speed-up vs json-logic-qubit: {geomean(all_q):5.2f}× (target ≥ 5×)")
    print(f"geometric mean speed-up vs json-logic-js:    {geomean(all_js):5.2f}× (target > 1×)")
    if group_js:
        print(
            f"slowest group vs json-logic-js: {slowest} {group_js[slowest]:.2f}× (target > 1×);"
            f" rules slower than json-logic-js: {sum(r < 1 for r in all_js)} of {len(all_js)}"
        )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
