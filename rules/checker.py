"""Static checks of a rule, for the definition lint: ``rules.check``.

Problems carry an RFC 6901 JSON pointer into the rule (prefixed with the caller's ``pointer``, so
the lint can report ``/eligibility/0/rule/and/1/var``) and a message in Indonesian and English.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from rules.errors import RuleTooDeepError, RuleTooLargeError
from rules.limits import MAX_DEPTH, MAX_NODES, guard
from rules.money import ROUNDING_MODES, ROUNDING_STEPS
from rules.operators import ALL_OPERATORS, SCOPED_OPERATORS
from rules.patterns import pattern_problem
from rules.validate import operation


@dataclass(frozen=True)
class RuleProblem:
    """One problem found in a rule.

    ``code`` is one of ``unknown_operator``, ``bad_arity``, ``unknown_var``, ``unknown_table``,
    ``unsafe_pattern``, ``bad_argument``, ``too_deep``, ``too_large``.
    """

    pointer: str
    code: str
    message_id: str
    message_en: str


def check(
    rule: Any, known_vars: Collection[str], *, tables: Collection[str] = (), pointer: str = ""
) -> list[RuleProblem]:
    """Every problem of ``rule``, in document order; ``[]`` when the rule is sound.

    Args:
        rule: the JSON Logic rule.
        known_vars: dotted variable paths a rule may read; a ``var`` is known when it or one of
            its dotted prefixes is listed. Vars inside per-item logic of
            ``map``/``filter``/``reduce``/``all``/``some``/``none`` are not checked (they read
            the item), nor are computed paths.
        tables: names of the definition's tariff tables.
        pointer: JSON pointer of the rule inside its document, prefixed to every problem.
    """
    try:
        guard(rule)
    except RuleTooDeepError:
        return [_problem(pointer, "too_deep", *_TOO_DEEP)]
    except RuleTooLargeError:
        return [_problem(pointer, "too_large", *_TOO_LARGE)]
    checker = _Checker(frozenset(known_vars), frozenset(tables))
    return list(checker.walk(rule, pointer, scoped=False))


_TOO_DEEP = (
    f"Aturan bersarang lebih dari {MAX_DEPTH} tingkat",
    f"The rule nests deeper than {MAX_DEPTH} levels",
)
_TOO_LARGE = (
    f"Aturan terlalu besar (lebih dari {MAX_NODES} simpul)",
    f"The rule is too large (more than {MAX_NODES} nodes)",
)


def _problem(pointer: str, code: str, message_id: str, message_en: str) -> RuleProblem:
    return RuleProblem(pointer, code, message_id, message_en)


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


class _Checker:
    def __init__(self, known_vars: frozenset[str], tables: frozenset[str]) -> None:
        self.known_vars = known_vars
        self.tables = tables

    def walk(self, node: Any, at: str, scoped: bool) -> Iterator[RuleProblem]:
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from self.walk(item, f"{at}/{i}", scoped)
            return
        found = operation(node)
        if found is None:
            return
        op, args = found
        here = f"{at}/{_escape(op)}"
        arg_at = [f"{here}/{i}" if isinstance(node[op], list) else here for i in range(len(args))]
        spec = ALL_OPERATORS.get(op)
        if spec is None:
            yield _problem(
                at,
                "unknown_operator",
                f"Operator {op!r} tidak dikenal atau tidak diizinkan",
                f"Operator {op!r} is unknown or not allowed",
            )
            return
        if not spec.accepts(len(args)):
            yield _problem(
                at,
                "bad_arity",
                f"Operator {op!r} menerima {spec.arity_text()} argumen, bukan {len(args)}",
                f"Operator {op!r} takes {spec.arity_text()} arguments, not {len(args)}",
            )
        yield from self.specific(op, args, arg_at, scoped)
        for i, (arg, arg_pointer) in enumerate(zip(args, arg_at, strict=True)):
            inner = scoped or (op in SCOPED_OPERATORS and i == 1)
            yield from self.walk(arg, arg_pointer, inner)

    def specific(
        self, op: str, args: list[Any], at: list[str], scoped: bool
    ) -> Iterator[RuleProblem]:
        if op == "var" and args and not scoped:
            yield from self.var(args[0], at[0])
        elif op == "missing" and not scoped:
            names = args[0] if args and isinstance(args[0], list) else args
            base = [f"{at[0]}/{i}" for i in range(len(names))] if names is not args else at
            for name, pointer in zip(names, base, strict=True):
                yield from self.var(name, pointer)
        elif op == "missing_some" and len(args) == 2 and isinstance(args[1], list) and not scoped:
            for i, name in enumerate(args[1]):
                yield from self.var(name, f"{at[1]}/{i}")
        elif op == "tariff" and args and isinstance(args[0], str) and args[0] not in self.tables:
            yield _problem(
                at[0],
                "unknown_table",
                f"Tabel tarif {args[0]!r} tidak ada di definisi",
                f"Tariff table {args[0]!r} is not defined",
            )
        elif op == "matches" and len(args) == 2 and operation(args[1]) is None:
            problem = pattern_problem(args[1])
            if problem is not None:
                yield _problem(
                    at[1],
                    "unsafe_pattern",
                    f"Pola tidak aman atau tidak didukung: {problem}",
                    f"Unsafe or unsupported pattern: {problem}",
                )
        elif op == "round_money" and len(args) == 3:
            yield from self.rounding(args, at)

    def var(self, path: Any, at: str) -> Iterator[RuleProblem]:
        if not isinstance(path, str) or path == "" or self.is_known(path):
            return
        yield _problem(
            at,
            "unknown_var",
            f"Variabel {path!r} bukan isian yang dikenal",
            f"Variable {path!r} is not a known field",
        )

    def is_known(self, path: str) -> bool:
        parts = path.split(".")
        return any(".".join(parts[:n]) in self.known_vars for n in range(1, len(parts) + 1))

    def rounding(self, args: list[Any], at: list[str]) -> Iterator[RuleProblem]:
        mode, step = args[1], args[2]
        if operation(mode) is None and not (isinstance(mode, str) and mode in ROUNDING_MODES):
            yield _problem(
                at[1],
                "bad_argument",
                "Mode pembulatan harus half_up, up, atau down",
                "Rounding mode must be half_up, up or down",
            )
        if operation(step) is None and (isinstance(step, bool) or step not in ROUNDING_STEPS):
            yield _problem(
                at[2],
                "bad_argument",
                "Kelipatan pembulatan harus 1, 100, atau 1000",
                "Rounding step must be 1, 100 or 1000",
            )
