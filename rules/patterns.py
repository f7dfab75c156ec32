"""Safe regular expressions for ``matches``: a small dialect both Python and JavaScript agree on.

A pattern is refused (``rules.check`` reports ``unsafe_pattern``; evaluation raises
:class:`~rules.errors.RuleEvaluationError`) when it is longer than ``MAX_PATTERN_LENGTH``, uses a
construct outside the shared dialect (``(?…)`` other than ``(?:``, back-references, escapes other
than ``\\d \\D \\w \\W \\s \\S \\b \\B \\t \\n \\r`` and escaped punctuation), or repeats a group
that itself repeats or alternates (``(a+)+``, ``(a|aa)*``): the shapes behind catastrophic
backtracking (ReDoS). Matching is a full match with ASCII ``\\d``/``\\w``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rules.errors import RuleEvaluationError

MAX_PATTERN_LENGTH = 200
_ESCAPES = set("dDwWsSbBtnr") | set("\\.-/+*?()[]{}|^$")
_QUANTIFIER_BRACE = re.compile(r"\{[0-9]+(?:,[0-9]*)?\}")


def _repeats_at(pattern: str, i: int) -> bool:
    """Whether a repeating quantifier (``*``, ``+``, ``{n,m}``) starts at ``pattern[i]``."""
    if i >= len(pattern):
        return False
    if pattern[i] in "*+":
        return True
    return pattern[i] == "{" and _QUANTIFIER_BRACE.match(pattern, i) is not None


def pattern_problem(pattern: object) -> str | None:
    """Why ``pattern`` is refused (English), or None when it is safe to use."""
    if not isinstance(pattern, str):
        return "the pattern must be a string"
    if len(pattern) > MAX_PATTERN_LENGTH:
        return f"the pattern is longer than {MAX_PATTERN_LENGTH} characters"
    # Each open group: [contains a repeat, contains an alternation].
    groups: list[list[bool]] = [[False, False]]
    i, in_class, after_quantifier = 0, False, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if i + 1 >= len(pattern) or pattern[i + 1] not in _ESCAPES:
                return "the pattern uses an escape outside the supported set"
            i, after_quantifier = i + 2, False
            continue
        if in_class:
            in_class = char != "]"
            i += 1
            continue
        if char == "{" and not _repeats_at(pattern, i):
            return "a literal { must be escaped as \\{"
        if after_quantifier and _repeats_at(pattern, i):
            return "the pattern has a quantifier after a quantifier"
        after_quantifier = _repeats_at(pattern, i) or (char == "?" and i > 0)
        if char == "{":
            groups[-1][0] = True
            i = pattern.index("}", i)
        elif char == "[":
            if pattern.startswith(("[]", "[^]"), i):
                return "the pattern has an empty character class"
            in_class = True
        elif char == "(":
            if pattern.startswith("(?", i) and not pattern.startswith("(?:", i):
                return "the pattern uses (?…) groups other than (?:…)"
            groups.append([False, False])
            i += 3 if pattern.startswith("(?:", i) else 1
            continue
        elif char == ")":
            after_quantifier = False
            if len(groups) == 1:
                return "the pattern has an unbalanced parenthesis"
            repeats, alternates = groups.pop()
            if _repeats_at(pattern, i + 1) and (repeats or alternates):
                return "the pattern repeats a group that repeats or alternates (ReDoS risk)"
            groups[-1][0] = groups[-1][0] or repeats or _repeats_at(pattern, i + 1)
        elif char == "|":
            groups[-1][1] = True
        elif _repeats_at(pattern, i):
            groups[-1][0] = True
        i += 1
    if in_class or len(groups) != 1:
        return "the pattern has an unclosed group or class"
    return None


@lru_cache(maxsize=256)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    """The compiled safe ``pattern``.

    Raises:
        RuleEvaluationError: the pattern is unsafe or invalid.
    """
    problem = pattern_problem(pattern)
    if problem is None:
        try:
            return re.compile(pattern, re.ASCII)
        except re.error as exc:
            problem = f"the pattern is invalid ({exc})"
    raise RuleEvaluationError(f"matches: {problem}: {pattern!r}")
