"""Artefacts of officer steps: Surat Tugas (scheduling) and BAP (inspection). Receipts are the
portal's; SKRD, permits and letters are produced by `fees` and `decrees`."""

from __future__ import annotations

from runtime import audit
from runtime.models import Task
from runtime.workflow import documents
from runtime.workflow.context import Run

TEMPLATES = {"surat_tugas": "pdf/surat_tugas.html", "bap": "pdf/bap.html"}


def produce(run: Run, task: Task, kind: str) -> None:
    """Render the output `kind` for the just-completed `task` (unknown kinds are ignored here:
    the other kinds have their own handlers)."""
    template = TEMPLATES.get(kind)
    if template is None:
        return
    context = documents.common_context(run, kind)
    content = documents.render(
        template, task=task, form=(task.data or {}).get("form", {}), **context
    )
    document = documents.store(run, kind, content)
    run.session.flush()
    audit.record(
        run.session,
        actor=run.actor,
        entity="issued_document",
        entity_id=document.id,
        action=f"document.{kind}",
        application_id=run.application.id,
        to_state="created",
    )
