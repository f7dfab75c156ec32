"""Publishing a permit type's draft from the admin. No Flask.

Order: upgrade + schema + lint (any error refuses), then the test bench (any failing case
refuses), then `runtime.definitions.publish` (immutable version, deduplicated by content hash,
audited), then safe drafts move to the new version (see `admin.impact`), each move audited.
Submitted and in-progress applications never move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from admin.impact import ImpactReport, impact_report
from admin.test_bench import BenchReport, CaseResult, run_test_cases
from builder.check import check_definition
from builder.problems import Problem, has_errors
from builder.versions import DefinitionInvalid
from runtime import definitions
from runtime.audit import record
from runtime.models import Application, DefinitionVersion, PermitType, User

ContextFor = Callable[[dict[str, Any]], Any]


class PublishRefused(Exception):
    """The draft cannot be published: it has errors, or a test case fails."""

    def __init__(
        self, problems: list[Problem] | None = None, failed_cases: list[CaseResult] | None = None
    ) -> None:
        self.problems = problems or []
        self.failed_cases = failed_cases or []
        super().__init__(
            f"{len([p for p in self.problems if p.is_error])} error(s), "
            f"{len(self.failed_cases)} failing test case(s)"
        )


@dataclass
class PublishResult:
    version: DefinitionVersion
    is_new: bool
    moved: list[int] = field(default_factory=list)
    impact: ImpactReport | None = None


def check_publishable(definition: Any, context_for: ContextFor, **engines: Any) -> BenchReport:
    """Raise PublishRefused unless `definition` is valid and every test case passes."""
    upgraded, problems = check_definition(definition)
    if has_errors(problems):
        raise PublishRefused(problems=problems)
    bench = run_test_cases(upgraded, context_for(upgraded), **engines)
    if not bench.passed:
        raise PublishRefused(failed_cases=bench.failed)
    return bench


def publish_draft(
    session: Session,
    permit_type: PermitType,
    *,
    actor: User | None,
    note: str,
    context_for: ContextFor,
    **engines: Any,
) -> PublishResult:
    """Publish the draft of `permit_type` (see the module docstring). The caller commits."""
    if permit_type.draft is None:
        raise PublishRefused(problems=[_no_draft()])
    check_publishable(permit_type.draft, context_for, **engines)
    latest = permit_type.versions[-1].id if permit_type.versions else None
    try:
        version = definitions.publish(session, permit_type.draft, actor=actor, note=note)
    except DefinitionInvalid as refused:
        raise PublishRefused(problems=refused.problems) from refused
    result = PublishResult(version, is_new=version.id != latest)
    if result.is_new:
        evaluate = engines.get("evaluate")
        result.impact = impact_report(
            session,
            permit_type,
            version.definition,
            context_for,
            exclude_version_id=version.id,
            evaluate=evaluate,
        )
        result.moved = _move_safe_drafts(session, result.impact, version, actor)
    return result


def _move_safe_drafts(
    session: Session, report: ImpactReport, version: DefinitionVersion, actor: User | None
) -> list[int]:
    moved: list[int] = []
    for entry in report.movable:
        application = session.get(Application, entry.id)
        if application is None or application.status != "draft":
            continue
        before = application.version_id
        application.version_id = version.id
        record(
            session,
            actor=actor,
            entity="application",
            entity_id=application.id,
            application_id=application.id,
            action="move_to_version",
            from_state=f"v{entry.version_number}",
            to_state=f"v{version.number}",
            before={"version_id": before},
            after={"version_id": version.id},
            actor_role="admin",
        )
        moved.append(application.id)
    session.flush()
    return moved


def _no_draft() -> Problem:
    return Problem(
        "", "no_draft", "tidak ada draf untuk diterbitkan", "there is no draft to publish"
    )
