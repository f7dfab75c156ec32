"""Impact of publishing a new definition on applications started on older versions. No Flask.

An application on an older version is *affected* when, under the new definition, a field is
required that was not required before and its data has no value for it (`newly_missing`). The
rule for moving drafts follows: a draft (status `draft`, never submitted) moves to the new version
only when nothing is newly missing; every other application stays on the version it was started
on. Nothing is lost either way: data is never rewritten, only the pinned version id changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime.models import Application, DefinitionVersion, PermitType

Evaluate = Callable[..., Any]
ContextFor = Callable[[dict[str, Any]], Any]

#: how the report groups statuses
GROUPS = {
    "draft": "draft",
    "submitted": "submitted",
    "in_progress": "in_progress",
    "returned": "in_progress",
}


@dataclass(frozen=True)
class AffectedApplication:
    id: int
    public_id: str
    label: str
    status: str
    version_number: int
    newly_missing: tuple[str, ...]

    @property
    def can_move(self) -> bool:
        """Only unsubmitted drafts move, and only when nothing newly required is missing."""
        return self.status == "draft" and not self.newly_missing


@dataclass
class ImpactReport:
    #: group (draft · submitted · in_progress) → number of applications on older versions
    counts: dict[str, int] = field(default_factory=dict)
    applications: list[AffectedApplication] = field(default_factory=list)

    @property
    def affected(self) -> list[AffectedApplication]:
        return [a for a in self.applications if a.newly_missing]

    @property
    def movable(self) -> list[AffectedApplication]:
        return [a for a in self.applications if a.can_move]


def newly_missing(
    old: dict[str, Any],
    new: dict[str, Any],
    data: dict[str, Any],
    context_for: ContextFor,
    evaluate: Evaluate | None = None,
) -> tuple[str, ...]:
    """Fields required under `new` but not under `old` for this `data`, that `data` lacks."""
    evaluate = evaluate or _default_evaluate()
    kind = str(data.get("_kind", "new")) if isinstance(data, dict) else "new"
    before = evaluate(old, data, context_for(old), kind=kind).required_fields
    after = evaluate(new, data, context_for(new), kind=kind).required_fields
    return tuple(sorted(f for f in set(after) - set(before) if _empty(data.get(f))))


def impact_report(
    session: Session,
    permit_type: PermitType,
    new_definition: dict[str, Any],
    context_for: ContextFor,
    *,
    exclude_version_id: int | None = None,
    evaluate: Evaluate | None = None,
) -> ImpactReport:
    """Open applications (draft, submitted, in progress, returned) on versions of `permit_type`
    other than `exclude_version_id`, with what `new_definition` would newly require of each."""
    report = ImpactReport(counts=dict.fromkeys(("draft", "submitted", "in_progress"), 0))
    rows = session.execute(
        select(Application, DefinitionVersion)
        .join(DefinitionVersion, Application.version_id == DefinitionVersion.id)
        .where(
            DefinitionVersion.permit_type_id == permit_type.id,
            Application.status.in_(tuple(GROUPS)),
        )
        .order_by(Application.id)
    ).all()
    for application, version in rows:
        if version.id == exclude_version_id:
            continue
        report.counts[GROUPS[application.status]] += 1
        missing = newly_missing(
            version.definition, new_definition, application.data or {}, context_for, evaluate
        )
        report.applications.append(
            AffectedApplication(
                application.id,
                application.public_id,
                str(application),
                application.status,
                version.number,
                missing,
            )
        )
    return report


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _default_evaluate() -> Evaluate:
    from builder.evaluate import evaluate

    return evaluate
