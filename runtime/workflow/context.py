"""One engine run: the application, its pinned definition, who acts, when, and the rule data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from runtime.models import Application, Task, User
from runtime.workflow import calendar
from runtime.workflow.officer_data import FormRules
from runtime.workflow.settings import WorkflowSettings


@dataclass
class Run:
    session: Session
    application: Application
    actor: User | None
    now: dt.datetime
    settings: WorkflowSettings
    off_days: frozenset[dt.date] = field(default_factory=frozenset)

    @property
    def definition(self) -> dict[str, Any]:
        return self.application.version.definition

    @classmethod
    def start(
        cls,
        session: Session,
        application: Application,
        actor: User | None,
        now: dt.datetime | None,
        settings: WorkflowSettings | None,
    ) -> Run:
        from runtime.models import utcnow
        from runtime.workflow import settings as configured

        return cls(
            session=session,
            application=application,
            actor=actor,
            now=now or utcnow(),
            settings=settings or configured.current(),
            off_days=calendar.holidays(session),
        )

    def rule_data(self) -> dict[str, Any]:
        return rule_data(self.application)

    def eval_rule(self, rule: Any) -> Any:
        """Evaluate a JSON Logic rule against the application's data (see `rule_data`)."""
        import rules
        from runtime.rules_context import eval_context

        ctx = eval_context(self.session, self.definition)
        return rules.evaluate(rule, self.rule_data(), ctx)

    def form_rules(self) -> FormRules:
        """Officer-form conditions: the application's rule data, the form's fields over it."""
        import rules
        from runtime.rules_context import eval_context

        ctx = eval_context(self.session, self.definition)
        return FormRules(self.rule_data(), lambda rule, scope: rules.evaluate(rule, scope, ctx))


def step_data(application: Application) -> dict[str, dict[str, Any]]:
    """`steps.<step_id>.<field_id>`: the officer form of each step's latest completed task."""
    found: dict[str, dict[str, Any]] = {}
    for task in sorted(application.tasks, key=lambda t: t.id):
        form = (task.data or {}).get("form")
        if task.status == "done" and isinstance(form, dict):
            found[task.step_id] = form
    return found


def rule_data(application: Application) -> dict[str, Any]:
    """What a rule may read: field ids, `meta.*` and `steps.<step>.<field>`."""
    submitted = application.submitted_at
    return {
        **(application.data or {}),
        "meta": {
            "kind": application.kind,
            "channel": application.channel,
            "decision": application.decision,
            "submitted_on": calendar.local_date(submitted).isoformat() if submitted else None,
        },
        "steps": step_data(application),
    }


def latest_task(application: Application, step_id: str) -> Task | None:
    tasks = [t for t in application.tasks if t.step_id == step_id]
    return max(tasks, key=lambda t: t.id) if tasks else None
