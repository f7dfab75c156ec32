"""What the application page shows, computed once per request (no HTML here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from runtime.backoffice import officer_forms
from runtime.i18n import text
from runtime.models import Application, Skrd, Task, User, utcnow
from runtime.workflow import calendar, sla
from runtime.workflow.context import Run
from runtime.workflow.documents import display
from runtime.workflow.fees import assess, current_skrd
from runtime.workflow.settings import WorkflowSettings
from runtime.workflow.steps import all_steps, allowed_actions


def step_name(application: Application, step_id: str) -> str:
    step = all_steps(application.version.definition).get(step_id)
    return text(step["name"]) if step else step_id


def form_data(task: Task, form: MultiDict[str, str]) -> dict[str, Any]:
    step = all_steps(task.application.version.definition)[task.step_id]
    if step["kind"] == "fee_assessment":
        items = task.application.version.definition["fees"].get("items", [])
        return {"adjustments": officer_forms.parse_adjustments(form, items)}
    if step["kind"] == "payment":
        return {k: form.get(k, "").strip() for k in ("amount", "reference", "paid_on")}
    return officer_forms.parse(step.get("form", []), form)


@dataclass
class OpenStep:
    task: Task
    step: dict[str, Any]
    actions: list[dict[str, Any]]
    mine: bool


class ApplicationView:
    def __init__(
        self, session: Session, application: Application, user: User, settings: WorkflowSettings
    ) -> None:
        self.session = session
        self.a = application
        self.user = user
        self.settings = settings
        self.definition = application.version.definition
        self.steps = all_steps(self.definition)

    def data_rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        data = self.a.data or {}
        pages = []
        for page in self.definition["form"]["pages"]:
            rows = [
                (text(f["label"]), display(f, data.get(f["id"])))
                for f in page["fields"]
                if f["type"] != "paragraph" and f["id"] in data
            ]
            if rows:
                pages.append((text(page["title"]), rows))
        return pages

    def documents(self) -> list[tuple[str, Any]]:
        names = {d["code"]: text(d["name"]) for d in self.definition.get("documents", [])}
        return [(names.get(d.code, d.code), d) for d in self.a.documents if d.superseded_at is None]

    def open_steps(self) -> list[OpenStep]:
        found = []
        for task in self.a.tasks:
            if task.status == "open":
                step = self.steps[task.step_id]
                found.append(
                    OpenStep(task, step, allowed_actions(step), self.user.has_role(task.role))
                )
        return found

    def clock(self) -> sla.Clock:
        return sla.clock(self.a, calendar.holidays(self.session), utcnow())

    def skrd(self) -> Skrd | None:
        return current_skrd(self.session, self.a.id)

    def fee_preview(self) -> Any:
        """The assessment the fee step would issue now (None when it cannot be computed)."""
        try:
            run = Run.start(self.session, self.a, self.user, None, self.settings)
            return assess(run)
        except Exception:  # noqa: BLE001 - a preview must never break the page
            return None

    def fee_items(self) -> dict[str, dict[str, Any]]:
        return {i["id"]: i for i in self.definition["fees"].get("items", [])}

    def step_name(self, step_id: str) -> str:
        return step_name(self.a, step_id)

    def step_forms(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """Officer form data recorded so far, per step, for reading."""
        found = []
        for task in self.a.tasks:
            form = (task.data or {}).get("form")
            if task.status == "done" and form:
                fields = {f["id"]: f for f in self.steps[task.step_id].get("form", [])}
                rows = [
                    (text(fields[k]["label"]) if k in fields else k, display(fields.get(k), v))
                    for k, v in form.items()
                ]
                found.append((self.step_name(task.step_id), rows))
        return found
