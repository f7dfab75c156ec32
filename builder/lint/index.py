"""An index of a (schema-valid) definition that the lint checks share: fields, steps, variables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from builder.field_types import FIELD_TYPES
from builder.problems import pointer

META_VARS = frozenset({"meta.kind", "meta.channel", "meta.decision", "meta.submitted_on"})


@dataclass(frozen=True)
class FieldRef:
    """A field and where it is: `pointer` to the field, `page` pointer (None in a step form)."""

    id: str
    pointer: str
    field: dict[str, Any]
    page: str | None = None

    @property
    def type(self) -> str:
        return str(self.field.get("type", ""))


@dataclass(frozen=True)
class StepRef:
    """A workflow step; `parent` is the id of its parallel step for a sub-step."""

    id: str
    pointer: str
    step: dict[str, Any]
    parent: str | None = None


def iter_page_fields(defn: dict[str, Any]) -> list[FieldRef]:
    """Every top-level form field in page order (group sub-fields excluded)."""
    refs = []
    for p, page in enumerate(defn["form"]["pages"]):
        page_at = pointer("form", "pages", p)
        for f, field in enumerate(page["fields"]):
            refs.append(FieldRef(field["id"], page_at + pointer("fields", f), field, page_at))
    return refs


def iter_steps(defn: dict[str, Any]) -> list[StepRef]:
    """Every workflow step, each parallel step followed by its sub-steps."""
    refs = []
    for s, step in enumerate(defn["workflow"]["steps"]):
        at = pointer("workflow", "steps", s)
        refs.append(StepRef(step["id"], at, step))
        for c, child in enumerate(step.get("steps", [])):
            refs.append(StepRef(child["id"], at + pointer("steps", c), child, step["id"]))
    return refs


def step_form_fields(step: StepRef) -> list[FieldRef]:
    return [
        FieldRef(field["id"], step.pointer + pointer("form", i), field)
        for i, field in enumerate(step.step.get("form", []))
    ]


def field_vars(field_id: str, field: dict[str, Any]) -> set[str]:
    """The variables a field provides: its id and the sub-keys of a structured type."""
    ftype = FIELD_TYPES.get(str(field.get("type")))
    if ftype is None:
        return {field_id}
    if ftype.value_kind == "none":
        return set()
    names = {field_id} | {f"{field_id}.{key}" for key in ftype.sub_keys}
    if ftype.value_kind == "rows":
        names |= {f"{field_id}.{sub['id']}" for sub in field.get("fields", [])}
    return names


class DefinitionIndex:
    """Lookups over one definition. Duplicate ids keep their first occurrence."""

    def __init__(self, defn: dict[str, Any]) -> None:
        self.defn = defn
        self.fields: dict[str, FieldRef] = {}
        for ref in iter_page_fields(defn):
            self.fields.setdefault(ref.id, ref)
        self.steps: dict[str, StepRef] = {}
        # Top-level steps first: a sub-step reusing a step's id must not hide the step.
        for step in sorted(iter_steps(defn), key=lambda s: s.parent is not None):
            self.steps.setdefault(step.id, step)
        self.top_steps = [s["id"] for s in defn["workflow"]["steps"]]
        self.tables = frozenset(defn["tables"])
        self.form_vars = frozenset(
            set(META_VARS).union(*(field_vars(r.id, r.field) for r in self.fields.values()))
        )
        step_vars: set[str] = set()
        self.step_fields: dict[str, FieldRef] = {}
        for step in self.steps.values():
            for ref in step_form_fields(step):
                name = f"steps.{step.id}.{ref.id}"
                self.step_fields.setdefault(name, ref)
                step_vars |= {f"steps.{step.id}.{v}" for v in field_vars(ref.id, ref.field)}
        self.workflow_vars = self.form_vars | step_vars

    def field_for_var(self, name: str) -> tuple[FieldRef, str | None] | None:
        """The field a variable reads and the sub-key it reads (None for the whole value)."""
        parts = name.split(".")
        if parts[0] == "steps" and len(parts) >= 3:
            ref = self.step_fields.get(".".join(parts[:3]))
            return (ref, parts[3] if len(parts) > 3 else None) if ref else None
        field = self.fields.get(parts[0])
        if field is None:
            return None
        return field, parts[1] if len(parts) > 1 else None
