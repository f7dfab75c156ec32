"""Size, depth and step limits, and the iterative guard that enforces the first two.

The limits are generous for real permit rules (the sample catalogue's largest rule has a few dozen
nodes and nests fewer than 15 containers deep) and small enough that no rule can exhaust the stack
or the CPU:

- ``MAX_DEPTH`` (64): JSON containers (objects and arrays) nested inside each other. One operator
  level usually costs two (``{"and": [ … ]}``), so this is about 32 operator levels.
- ``MAX_NODES`` (10,000): JSON values in the rule, containers and scalars alike.
- ``MAX_STEPS`` (100,000): evaluation budget. Evaluating the rule costs its node count once
  (charged at compile time); every item that ``map``/``filter``/``reduce``/``all``/``some``/
  ``none`` visits costs the node count of the per-item logic again, and ``merge`` costs the length
  of its result. Only data-driven loops can run out of budget.

:func:`guard` walks the rule with an explicit stack, so a rule nested 100,000 deep is refused after
looking at 65 levels, and a rule with a million nodes after looking at 10,001.
"""

from __future__ import annotations

from typing import Any

from rules.errors import RuleTooDeepError, RuleTooLargeError

MAX_DEPTH = 64
MAX_NODES = 10_000
MAX_STEPS = 100_000


def guard(rule: Any, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> int:
    """Return the number of nodes of ``rule``.

    Raises:
        RuleTooDeepError: containers nest deeper than ``max_depth``.
        RuleTooLargeError: the rule has more than ``max_nodes`` nodes.
    """
    count = 0
    stack: list[tuple[Any, int]] = [(rule, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > max_nodes:
            raise RuleTooLargeError(f"Rule has more than {max_nodes} nodes")
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list | tuple):
            children = node
        else:
            continue
        if depth + 1 > max_depth:
            raise RuleTooDeepError(f"Rule nests deeper than {max_depth} levels")
        # Every stacked node will be counted: refuse before copying a huge container.
        if count + len(stack) + len(children) > max_nodes:
            raise RuleTooLargeError(f"Rule has more than {max_nodes} nodes")
        stack.extend((child, depth + 1) for child in children)
    return count
