"""The admin test bench: run a definition's `test_cases` and compare every expectation.

Plain Python (no Flask, no database). Each case's data goes through `builder.evaluate.evaluate`
(eligibility, fees, documents) and `runtime.workflow.simulate_route` (the happy-path route); the
result is one `CheckResult` per expectation the case states. The bench also lists the rules no
case *exercises*: a conditional rule is exercised when at least one case makes its condition
bite — an eligibility rule fails, a `required_if` document or field becomes required, a fee
item's `when` applies, a step's `skip_if` skips it, a `visible_if` hides. A rule that never bites
in any case is untested however many cases pass.

Both engines are injected (defaults: the real ones, imported lazily) so the unit tests use fakes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from builder.problems import pointer

Evaluate = Callable[..., Any]
SimulateRoute = Callable[[dict[str, Any], dict[str, Any], Any], list[str]]


@dataclass(frozen=True)
class CheckResult:
    """One expectation of one case: `name` is eligible, failed_rules, fees.items, fees.total,
    documents or route."""

    name: str
    passed: bool
    expected: Any
    actual: Any


@dataclass(frozen=True)
class CaseResult:
    id: str
    description: str
    checks: tuple[CheckResult, ...] = ()
    #: set when the case could not be run at all (an engine raised)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and all(c.passed for c in self.checks)


@dataclass(frozen=True)
class UncoveredRule:
    """A conditional rule no case makes bite, at `pointer` in the definition."""

    pointer: str
    #: eligibility · document_required_if · field_required_if · field_visible_if · fee_when ·
    #: step_skip_if
    kind: str
    id: str


@dataclass(frozen=True)
class BenchReport:
    cases: tuple[CaseResult, ...] = ()
    uncovered: tuple[UncoveredRule, ...] = ()

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.cases)

    @property
    def failed(self) -> list[CaseResult]:
        return [c for c in self.cases if not c.passed]

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "cases": [
                {
                    "id": c.id,
                    "description": c.description,
                    "passed": c.passed,
                    "error": c.error,
                    "checks": [_jsonable(check.__dict__) for check in c.checks],
                }
                for c in self.cases
            ],
            "uncovered": [u.__dict__ for u in self.uncovered],
        }


@dataclass
class _Seen:
    """What the cases made bite, accumulated over all cases."""

    failed_rules: set[str] = field(default_factory=set)
    required_documents: set[str] = field(default_factory=set)
    required_fields: set[str] = field(default_factory=set)
    hidden_fields: set[str] = field(default_factory=set)
    fee_items: set[str] = field(default_factory=set)
    skipped_steps: set[str] = field(default_factory=set)


def run_test_cases(
    definition: dict[str, Any],
    ctx: Any,
    *,
    evaluate: Evaluate | None = None,
    simulate_route: SimulateRoute | None = None,
) -> BenchReport:
    """Run every case of `definition["test_cases"]` with the rules context `ctx`."""
    evaluate = evaluate or _default_evaluate()
    simulate_route = simulate_route or _default_simulate_route()
    seen = _Seen()
    results = tuple(
        _run_case(definition, case, ctx, evaluate, simulate_route, seen)
        for case in definition.get("test_cases") or []
        if isinstance(case, dict)
    )
    return BenchReport(results, tuple(_uncovered(definition, seen)))


def _run_case(
    definition: dict[str, Any],
    case: dict[str, Any],
    ctx: Any,
    evaluate: Evaluate,
    simulate_route: SimulateRoute,
    seen: _Seen,
) -> CaseResult:
    case_id = str(case.get("id", "?"))
    description = str(case.get("description", ""))
    data = _mapping(case.get("data"))
    expect = _mapping(case.get("expect"))
    try:
        evaluation = evaluate(definition, data, ctx, kind=case.get("kind", "new"))
        route = list(simulate_route(definition, data, ctx))
    except Exception as exc:  # noqa: BLE001 - a broken case must not break the bench
        return CaseResult(case_id, description, error=f"{type(exc).__name__}: {exc}")
    _remember(definition, evaluation, route, seen)
    checks = tuple(_checks(expect, evaluation, route))
    return CaseResult(case_id, description, checks)


def _checks(expect: dict[str, Any], evaluation: Any, route: list[str]) -> Iterator[CheckResult]:
    failed = [o.id for o in evaluation.eligibility if not o.passed]
    if "eligible" in expect:
        actual = not failed
        yield CheckResult("eligible", actual == expect["eligible"], expect["eligible"], actual)
    if "failed_rules" in expect:
        wanted = sorted(expect["failed_rules"])
        yield CheckResult("failed_rules", wanted == sorted(failed), wanted, sorted(failed))
    if "fees" in expect:
        yield from _fee_checks(expect["fees"] or {}, evaluation)
    if "documents" in expect:
        wanted = sorted(expect["documents"])
        actual_docs = sorted(d.code for d in evaluation.documents if d.required)
        yield CheckResult("documents", wanted == actual_docs, wanted, actual_docs)
    if "route" in expect:
        wanted = list(expect["route"])
        yield CheckResult("route", wanted == route, wanted, route)


def _fee_checks(expected: dict[str, Any], evaluation: Any) -> Iterator[CheckResult]:
    items, total = fee_lines(evaluation.fees)
    if "items" in expected:
        wanted = {k: str(v) for k, v in expected["items"].items()}
        same = set(wanted) == set(items) and all(
            _decimal(wanted[k]) == _decimal(items[k]) for k in wanted
        )
        yield CheckResult("fees.items", same, wanted, items)
    if "total" in expected:
        actual = total if total is not None else getattr(evaluation, "fee_error", None)
        same = total is not None and _decimal(expected["total"]) == _decimal(total)
        yield CheckResult("fees.total", same, str(expected["total"]), actual)


def fee_lines(fees: Any) -> tuple[dict[str, str], str | None]:
    """`({item id: amount}, total)` of a fee assessment (object or dict); `({}, "0")` when free,
    `({}, None)` when it could not be assessed."""
    if fees is None:
        return {}, None
    lines = _get(fees, "items") or _get(fees, "lines") or []
    items = {str(_get(line, "id")): str(_get(line, "amount")) for line in lines}
    total = _get(fees, "total")
    return items, "0" if total is None else str(total)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _remember(definition: dict[str, Any], evaluation: Any, route: list[str], seen: _Seen) -> None:
    seen.failed_rules |= {o.id for o in evaluation.eligibility if not o.passed}
    seen.required_documents |= {d.code for d in evaluation.documents if d.required}
    seen.required_fields |= set(evaluation.required_fields)
    seen.hidden_fields |= _all_field_ids(definition) - set(evaluation.visible_fields)
    seen.fee_items |= set(fee_lines(evaluation.fees)[0])
    seen.skipped_steps |= {s["id"] for s in _steps(definition)} - set(route)


def _uncovered(definition: dict[str, Any], seen: _Seen) -> Iterator[UncoveredRule]:
    for i, entry in enumerate(definition.get("eligibility") or []):
        if entry.get("id") not in seen.failed_rules:
            yield UncoveredRule(pointer("eligibility", i, "rule"), "eligibility", entry.get("id"))
    for i, doc in enumerate(definition.get("documents") or []):
        if "required_if" in doc and doc.get("code") not in seen.required_documents:
            yield UncoveredRule(
                pointer("documents", i, "required_if"), "document_required_if", doc.get("code")
            )
    for at, fdef in _fields_with_pointers(definition):
        if "required_if" in fdef and fdef["id"] not in seen.required_fields:
            yield UncoveredRule(at + "/required_if", "field_required_if", fdef["id"])
        if "visible_if" in fdef and fdef["id"] not in seen.hidden_fields:
            yield UncoveredRule(at + "/visible_if", "field_visible_if", fdef["id"])
    fees = definition.get("fees") or {}
    for i, item in enumerate(fees.get("items") or []):
        if "when" in item and item.get("id") not in seen.fee_items:
            yield UncoveredRule(pointer("fees", "items", i, "when"), "fee_when", item.get("id"))
    for at, step in _steps_with_pointers(definition):
        if "skip_if" in step and step["id"] not in seen.skipped_steps:
            yield UncoveredRule(at + "/skip_if", "step_skip_if", step["id"])


def _fields_with_pointers(definition: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for p, page in enumerate((definition.get("form") or {}).get("pages") or []):
        for f, fdef in enumerate(page.get("fields") or []):
            if isinstance(fdef, dict) and "id" in fdef:
                yield pointer("form", "pages", p, "fields", f), fdef


def _all_field_ids(definition: dict[str, Any]) -> set[str]:
    return {fdef["id"] for _, fdef in _fields_with_pointers(definition)}


def _steps_with_pointers(definition: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for s, step in enumerate((definition.get("workflow") or {}).get("steps") or []):
        yield pointer("workflow", "steps", s), step
        for c, sub in enumerate(step.get("steps") or []):
            yield pointer("workflow", "steps", s, "steps", c), sub


def _steps(definition: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for _, step in _steps_with_pointers(definition)]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _default_evaluate() -> Evaluate:
    from builder.evaluate import evaluate

    return evaluate


def _default_simulate_route() -> SimulateRoute:
    from runtime.workflow import simulate_route

    return simulate_route
