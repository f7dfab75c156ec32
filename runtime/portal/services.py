"""The applicant's use cases, without the web: start, save a page, check readiness, submit.

Views translate requests into these calls and map `NotReady` to messages."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from builder.evaluate import Evaluation, evaluate
from runtime.documents import current_documents
from runtime.models import (
    Application,
    DefinitionVersion,
    Office,
    UploadedDocument,
    User,
    utcnow,
)
from runtime.numbering import next_value
from runtime.rules_context import eval_context

DRAFT_KEY = "_draft"


class NotReady(Exception):
    """Submission refused; `problems` are (kind, detail) pairs: ineligible, missing_field,
    missing_document, revise_document, unsaved_page, no_verified_email, not_draft,
    not_returned."""

    def __init__(self, problems: list[tuple[str, Any]]) -> None:
        super().__init__(", ".join(kind for kind, _ in problems))
        self.problems = problems


def start(
    session: Session,
    version: DefinitionVersion,
    applicant: User,
    *,
    kind: str = "new",
    channel: str = "online",
    filed_by: User | None = None,
    previous: Application | None = None,
) -> Application:
    """A new draft pinned to `version`; a renewal/amendment is prefilled from `previous`."""
    data: dict[str, Any] = {}
    if previous is not None:
        data = {k: v for k, v in previous.data.items() if not k.startswith("_")}
    application = Application(
        version=version,
        applicant=applicant,
        filed_by=filed_by,
        kind=kind,
        channel=channel,
        data=data,
        previous_application_id=previous.id if previous else None,
        current_page=version.definition["form"]["pages"][0]["id"],
    )
    session.add(application)
    session.flush()
    return application


def visible_to(session: Session, public_id: str, user: User) -> Application | None:
    """The application when `user` is its applicant or the officer who filed it, else None."""
    return session.scalar(
        select(Application).where(
            Application.public_id == public_id,
            or_(Application.applicant_id == user.id, Application.filed_by_id == user.id),
        )
    )


def context_for(session: Session, application: Application) -> Any:
    return eval_context(session, application.version.definition)


def evaluate_application(session: Session, application: Application) -> Evaluation:
    return evaluate(
        application.version.definition,
        application.data,
        context_for(session, application),
        kind=application.kind,
        channel=application.channel,
    )


def save_page(
    application: Application, page_id: str, values: dict[str, Any], raw: dict[str, Any] | None
) -> None:
    """Store a page's values; `raw` (what was typed, invalid parts included) is kept until the
    page validates, so nothing typed is lost. Only drafts and returned applications change."""
    if application.status not in ("draft", "returned"):
        raise NotReady([("not_draft", application.status)])
    data = {k: v for k, v in application.data.items()}
    for key, value in values.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    drafts = dict(data.get(DRAFT_KEY) or {})
    if raw is None:
        drafts.pop(page_id, None)
    else:
        drafts[page_id] = raw
    data[DRAFT_KEY] = drafts
    application.data = data
    application.current_page = page_id


def raw_input(application: Application, page_id: str) -> dict[str, Any] | None:
    found = (application.data.get(DRAFT_KEY) or {}).get(page_id)
    return found if isinstance(found, dict) else None


@dataclass
class Readiness:
    evaluation: Evaluation
    problems: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.problems


def readiness(session: Session, application: Application) -> Readiness:
    """Everything that stands between this draft and submission, for the review page."""
    ev = evaluate_application(session, application)
    problems: list[tuple[str, Any]] = []
    if application.channel == "online" and application.applicant.email_verified_at is None:
        problems.append(("no_verified_email", application.applicant.email))
    for fid in sorted(ev.required_fields):
        if application.data.get(fid) in (None, "", [], {}, False):
            problems.append(("missing_field", fid))
    for page_id in application.data.get(DRAFT_KEY) or {}:
        if page_id in ev.visible_pages:
            problems.append(("unsaved_page", page_id))
    uploaded = current_documents(application)
    for need in ev.application_documents():
        if need.required and not uploaded.get(need.code):
            problems.append(("missing_document", need.code))
    problems.extend(("revise_document", code) for code in to_revise(application))
    problems.extend(("ineligible", o.id) for o in ev.eligibility if not o.passed)
    return Readiness(ev, problems)


def submit(session: Session, application: Application, *, actor: User) -> str:
    """Number and submit the application, then hand it to the workflow. Raises NotReady."""
    from runtime import workflow

    if application.status != "draft":
        raise NotReady([("not_draft", application.status)])
    check = readiness(session, application)
    if not check.ready:
        raise NotReady(check.problems)
    finalize_data(application, check.evaluation)
    application.registration_number = registration_number(session, _office_code(session))
    application.submitted_at = utcnow()
    application.status = "submitted"
    session.flush()
    workflow.submit(session, application, actor=actor)
    return application.registration_number


def finalize_data(application: Application, evaluation: Evaluation) -> None:
    """Drop the draft bookkeeping (`_draft`) and store the computed values."""
    data = {k: v for k, v in application.data.items() if not k.startswith("_")}
    data.update({k: v for k, v in evaluation.computed.items() if v is not None})
    application.data = data


def to_revise(application: Application) -> dict[str, UploadedDocument]:
    """Current uploads an officer marked `revise`, by code, while the application is returned
    (a new upload for the code replaces them, and the new one has no verdict yet)."""
    if application.status != "returned":
        return {}
    return {
        code: docs[-1]
        for code, docs in current_documents(application).items()
        if docs and docs[-1].verdict == "revise"
    }


def registration_number(session: Session, office: str, today: dt.date | None = None) -> str:
    """`DPMPTSP/2026/000123`: office code, year, a per-office-and-year sequence."""
    year = (today or dt.date.today()).year
    value = next_value(session, f"reg:{office}:{year}")
    return f"{office}/{year}/{value:06d}"


def _office_code(session: Session) -> str:
    office = session.scalar(select(Office).order_by(Office.id))
    return (office.code if office else "DPMPTSP").upper()


def previous_permits(session: Session, user: User, permit_type_id: int) -> list[Application]:
    """Issued permits of this type held by `user`: what a renewal/amendment starts from."""
    return list(
        session.scalars(
            select(Application)
            .join(DefinitionVersion, Application.version_id == DefinitionVersion.id)
            .where(
                Application.applicant_id == user.id,
                DefinitionVersion.permit_type_id == permit_type_id,
                Application.status == "issued",
            )
            .order_by(Application.id.desc())
        )
    )
