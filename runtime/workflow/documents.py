"""Rendering and storing the PDFs the chain produces (templates in templates/pdf/).

Plain Jinja (no Flask app needed): official documents are in Indonesian. Files go to the issued
folder under a random name; the IssuedDocument row keeps the name and the SHA-256."""

from __future__ import annotations

import hashlib
import re
import secrets
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
from sqlalchemy import select

from runtime.models import IssuedDocument, Office
from runtime.pdf import qr_svg, render_pdf
from runtime.workflow.context import Run, rule_data
from runtime.workflow.steps import all_steps

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_env = Environment(
    loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES))]),
    autoescape=select_autoescape(["html"]),
)


def _t(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("id") or value.get("en") or "")
    return "" if value is None else str(value)


_env.globals["t"] = _t
_env.globals["qr_svg"] = qr_svg


def render(template: str, **context: Any) -> bytes:
    return render_pdf(_env.get_template(template).render(lang="id", **context))


def office(run: Run) -> Office | None:
    actor_office = run.actor.office if run.actor is not None else None
    return actor_office or run.session.scalars(select(Office).order_by(Office.id)).first()


def output_spec(run: Run, kind: str) -> dict[str, Any]:
    for output in run.definition.get("outputs", []):
        if output["kind"] == kind:
            return dict(output)
    return {"kind": kind, "title": {"id": kind.replace("_", " ").title(), "en": kind}}


def _lookup(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _field_def(run: Run, path: str) -> dict[str, Any] | None:
    parts = path.split(".")
    if parts[0] == "steps" and len(parts) >= 3:
        fields = all_steps(run.definition).get(parts[1], {}).get("form", [])
        wanted = parts[2]
    else:
        fields = [f for page in run.definition["form"]["pages"] for f in page["fields"]]
        wanted = parts[0]
    return next((f for f in fields if f["id"] == wanted), None)


def display(field: dict[str, Any] | None, value: Any) -> str:
    """A value as a person reads it: option labels, group rows, coordinates."""
    if value is None or value == "":
        return "—"
    options = {o["value"]: _t(o["label"]) for o in (field or {}).get("options", [])}
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            subs = (field or {}).get("fields", [])
            return "; ".join(
                ", ".join(
                    display(next((s for s in subs if s["id"] == k), None), v)
                    for k, v in item.items()
                    if v not in (None, "")
                )
                for item in value
            )
        return ", ".join(options.get(str(v), str(v)) for v in value)
    if isinstance(value, dict):
        if "lat" in value:
            return f"{value['lat']}, {value.get('lng')}"
        return str(value.get("street") or ", ".join(str(v) for v in value.values()))
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    return options.get(str(value), str(value))


def field_rows(run: Run, paths: list[str]) -> list[tuple[str, str]]:
    """(label, shown value) for each path of an output's `fields`."""
    data = rule_data(run.application)
    rows = []
    for path in paths:
        field = _field_def(run, path)
        label = _t(field["label"]) if field else path
        if field and "." in path and not path.startswith("steps."):
            label = f"{label} ({path.split('.', 1)[1]})"
        rows.append((label, display(field, _lookup(data, path))))
    return rows


def fill_text(run: Run, text: Any) -> str:
    """The output's `text` with `{field_id}` placeholders filled in."""
    data = rule_data(run.application)

    def value(match: re.Match[str]) -> str:
        return display(_field_def(run, match[1]), _lookup(data, match[1]))

    return re.sub(r"\{([a-z][a-z0-9_.]*)\}", value, _t(text))


def store(
    run: Run, kind: str, content: bytes, *, document: IssuedDocument | None = None
) -> IssuedDocument:
    """Write `content` to the issued folder and record (or update) its IssuedDocument row."""
    name = f"{secrets.token_hex(16)}.pdf"
    (run.settings.issued_folder / name).write_bytes(content)
    if document is None:
        document = IssuedDocument(application_id=run.application.id, kind=kind)
        run.session.add(document)
    document.stored_name = name
    document.sha256 = hashlib.sha256(content).hexdigest()
    return document


def read(folder: Path, document: IssuedDocument) -> bytes:
    return (folder / "issued" / document.stored_name).read_bytes()


def common_context(run: Run, kind: str) -> dict[str, Any]:
    spec = output_spec(run, kind)
    return {
        "office": office(run),
        "application": run.application,
        "definition": run.definition,
        "title": _t(spec["title"]),
        "rows": field_rows(run, list(spec.get("fields", []))),
        "text": fill_text(run, spec.get("text")),
        "today": run.now,
    }
