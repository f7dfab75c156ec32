"""Small presentation helpers shared by the portal's templates: fee lines, rupiah, steps."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from builder.evaluate import Evaluation

DOCUMENTS_STEP = "dokumen"
REVIEW_STEP = "periksa"


@dataclass(frozen=True)
class FeeLine:
    id: str
    label: dict[str, str]
    amount: Decimal


def rupiah(amount: Any) -> str:
    """`Rp1.250.000` (Indonesian thousands separator; cents only when there are any)."""
    value = Decimal(str(amount))
    whole = f"{abs(value):,.0f}" if value == value.to_integral_value() else f"{abs(value):,.2f}"
    whole = whole.replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if value < 0 else "") + "Rp" + whole


def fee_lines(evaluation: Evaluation, definition: dict[str, Any]) -> tuple[list[FeeLine], Any]:
    """The assessed line items and total (exact Decimals from `rules.assess_fees`)."""
    fees = evaluation.fees
    if fees is None:
        return [], None
    labels = {i["id"]: i["label"] for i in (definition.get("fees") or {}).get("items", [])}
    lines = []
    for item in _items(fees):
        item_id = str(_get(item, "id"))
        lines.append(
            FeeLine(
                item_id,
                _get(item, "label") or labels.get(item_id, {}),
                Decimal(str(_get(item, "amount"))),
            )
        )
    total = _get(fees, "total")
    return lines, Decimal(str(total)) if total is not None else None


def _items(fees: Any) -> list[Any]:
    for name in ("items", "lines"):
        found = _get(fees, name)
        if found is not None:
            return list(found)
    return []


def _get(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def steps(evaluation: Evaluation, definition: dict[str, Any]) -> list[tuple[str, dict[str, str]]]:
    """The applicant's steps: every visible page, then documents, then review."""
    titles = {p["id"]: p["title"] for p in definition["form"]["pages"]}
    found = [(pid, titles[pid]) for pid in evaluation.visible_pages]
    found.append((DOCUMENTS_STEP, {"id": "Dokumen persyaratan", "en": "Documents"}))
    found.append((REVIEW_STEP, {"id": "Periksa dan ajukan", "en": "Check and submit"}))
    return found


def neighbours(step_ids: list[str], current: str) -> tuple[str | None, str | None]:
    if current not in step_ids:
        return None, step_ids[0] if step_ids else None
    i = step_ids.index(current)
    return (step_ids[i - 1] if i > 0 else None), (
        step_ids[i + 1] if i + 1 < len(step_ids) else None
    )


def answer(value: Any, fdef: dict[str, Any], lang: str) -> str:
    """An answer as the applicant would read it (option labels, yes/no, joined addresses)."""
    if value is None or value == "" or value == []:
        return "—"
    options = {o["value"]: o["label"] for o in fdef.get("options", [])}
    if isinstance(value, bool):
        return {"id": "Ya", "en": "Yes"}[lang] if value else {"id": "Tidak", "en": "No"}[lang]
    if isinstance(value, list):
        return ", ".join(answer(v, fdef, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(str(v) for v in value.values() if v not in (None, ""))
    if value in options:
        label = options[value]
        return str(label.get(lang) or label.get("id"))
    unit = f" {fdef['unit']}" if fdef.get("unit") else ""
    return f"{value}{unit}"


def rules_scripts() -> list[str]:
    """The rules engine's browser files under /static/rules/, dependencies first."""
    from pathlib import Path

    import rules

    folder = Path(rules.__file__).parent / "static"
    vendor = [f"vendor/{p.name}" for p in sorted((folder / "vendor").glob("*.js"))]
    own = [p.name for p in sorted(folder.glob("*.js")) if not p.name.endswith(".min.js")]
    return vendor + own
