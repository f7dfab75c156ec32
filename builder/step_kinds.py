"""Registry of workflow step kinds: what each kind needs and what it may do.

For each kind: whether it must carry an officer `form`, which `outputs` it may produce, and which
action kinds its actions may use. The runtime keeps a handler per kind keyed by the same names.
"""

from __future__ import annotations

from dataclasses import dataclass

ACTION_KINDS: tuple[str, ...] = ("approve", "return", "reject", "send_back", "cancel")
#: Action kinds that must name a target, and those that must not.
ACTIONS_WITH_TARGET = frozenset({"approve", "reject", "send_back"})
ACTIONS_WITHOUT_TARGET = frozenset({"return", "cancel"})

OUTPUT_KINDS: tuple[str, ...] = (
    "receipt",
    "surat_tugas",
    "bap",
    "skrd",
    "permit",
    "rejection_letter",
)

_REVIEW = frozenset({"approve", "return", "reject", "send_back"})
_SIGNOFF = frozenset({"approve", "reject", "send_back"})
#: Action kinds a sub-step of a `parallel` step may use (its actions have no `to`: the parallel
#: step's own `approve`/`reject` actions route the group).
SUBSTEP_ACTIONS = frozenset({"approve", "reject"})


@dataclass(frozen=True)
class StepKind:
    name: str
    needs_form: bool
    outputs: frozenset[str]
    actions: frozenset[str]


_ALL = [
    StepKind("verification", False, frozenset({"receipt"}), _REVIEW),
    StepKind("scheduling", True, frozenset({"surat_tugas"}), _REVIEW),
    StepKind("inspection", True, frozenset({"bap"}), _REVIEW),
    StepKind("recommendation", True, frozenset(), _REVIEW),
    StepKind("fee_assessment", False, frozenset({"skrd"}), _REVIEW),
    StepKind("payment", False, frozenset({"skrd"}), frozenset({"approve", "cancel"})),
    StepKind(
        "draft",
        False,
        frozenset({"permit", "rejection_letter"}),
        frozenset({"approve", "send_back"}),
    ),
    StepKind("initial", False, frozenset(), _SIGNOFF),
    StepKind("sign", False, frozenset({"permit", "rejection_letter"}), _SIGNOFF),
    StepKind("archive", False, frozenset(), frozenset({"approve"})),
    StepKind("handover", False, frozenset(), frozenset({"approve", "cancel"})),
    StepKind("parallel", False, frozenset(), frozenset({"approve", "reject"})),
]

STEP_KINDS: dict[str, StepKind] = {k.name: k for k in _ALL}


class UnknownStepKind(KeyError):
    """Raised by `step_kind` for a name that is not registered."""


def step_kind(name: str) -> StepKind:
    """The registered kind `name`; raises `UnknownStepKind` naming the valid kinds."""
    try:
        return STEP_KINDS[name]
    except KeyError:
        raise UnknownStepKind(
            f"unknown step kind {name!r}; valid: {', '.join(STEP_KINDS)}"
        ) from None
