"""Public tracking by registration number (or the receipt's QR): stages and their finish times,
nothing personal (no name, no data, no documents)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from runtime.extensions import db
from runtime.models import Application

bp = Blueprint("tracking", __name__, url_prefix="/lacak")


@bp.get("/")
def search() -> str | Response:
    number = request.args.get("nomor", "").strip()[:64]
    if number:
        return redirect(url_for("tracking.track", number=number))
    return render_template("portal/track_search.html")


@bp.get("/<path:number>")
def track(number: str) -> tuple[str, int] | str:
    application = db.session.scalar(
        select(Application).where(Application.registration_number == number.strip())
    )
    if application is None:
        return render_template("portal/track_search.html", not_found=number), 404
    return render_template(
        "portal/track.html",
        application=application,
        d=application.version.definition,
        stages=stages(application),
    )


def stages(application: Application) -> list[dict[str, Any]]:
    """Submitted, then one line per task (step name, status, finish time)."""
    names = _step_names(application.version.definition)
    found: list[dict[str, Any]] = [
        {
            "name": {"id": "Permohonan diajukan", "en": "Application submitted"},
            "status": "done",
            "finished_at": application.submitted_at,
        }
    ]
    for task in application.tasks:
        if task.parent_task_id is not None:
            continue
        found.append(
            {
                "name": names.get(task.step_id, {"id": task.step_id, "en": task.step_id}),
                "status": task.status,
                "finished_at": task.completed_at,
                "outcome": task.outcome,
            }
        )
    return found


def _step_names(definition: dict[str, Any]) -> dict[str, Any]:
    names: dict[str, Any] = {}
    for step in definition.get("workflow", {}).get("steps", []):
        names[step["id"]] = step["name"]
        for sub in step.get("steps", []):
            names[sub["id"]] = sub["name"]
    return names
