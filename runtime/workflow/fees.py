"""The levy: assessment from the definition's formulas into an SKRD, and the payment record.

An officer may change a line only where the fee item is `adjustable`, within its `max_percent`,
with a reason; every adjustment is audited with the assessed and the adjusted amount."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from runtime import audit
from runtime.models import Skrd, Task
from runtime.numbering import next_value
from runtime.workflow import calendar, documents
from runtime.workflow.context import Run, rule_data
from runtime.workflow.errors import DefinitionError, FormInvalid


def current_skrd(run_or_session: Any, application_id: int) -> Skrd | None:
    session = getattr(run_or_session, "session", run_or_session)
    return session.scalars(
        select(Skrd)
        .where(Skrd.application_id == application_id, Skrd.status != "cancelled")
        .order_by(Skrd.id.desc())
    ).first()


def assess(run: Run) -> Any:
    """The rules engine's FeeAssessment for the application as it stands (BAP data included)."""
    import rules
    from runtime.rules_context import eval_context

    fees = run.definition["fees"]
    if fees.get("free"):
        raise DefinitionError("this permit type is free: there is no levy to assess")
    ctx = eval_context(run.session, run.definition, today=calendar.local_date(run.now))
    return rules.assess_fees(fees, rule_data(run.application), ctx)


def _decimal(value: Any, field: str) -> Decimal:
    try:
        return Decimal(str(value).strip())
    except InvalidOperation:
        raise FormInvalid("not an amount", {field: "not an amount"}) from None


def _adjust(
    run: Run, item: dict[str, Any], assessed: Decimal, change: dict[str, Any]
) -> tuple[Decimal, str]:
    amount = _decimal(change.get("amount"), f"adjust_{item['id']}")
    if amount == assessed:
        return assessed, ""
    reason = str(change.get("reason") or "").strip()
    limit = (item.get("adjustable") or {}).get("max_percent")
    if limit is None:
        raise FormInvalid(
            "this fee item may not be adjusted", {f"adjust_{item['id']}": "not adjustable"}
        )
    if not reason:
        raise FormInvalid("an adjustment needs a reason", {f"reason_{item['id']}": "required"})
    if assessed == 0 or abs(amount - assessed) * 100 > Decimal(str(limit)) * assessed or amount < 0:
        raise FormInvalid(f"adjustment beyond {limit}%", {f"adjust_{item['id']}": "too large"})
    return amount, reason


def issue_skrd(run: Run, adjustments: dict[str, Any]) -> Skrd:
    """Assess the levy, apply allowed adjustments, number and record the SKRD (audited)."""
    assessment = assess(run)
    items = {item["id"]: item for item in run.definition["fees"]["items"]}
    previous = current_skrd(run, run.application.id)
    if previous is not None:  # re-assessed after a send-back: the old SKRD is void
        previous.status = "cancelled"
    lines = []
    for line in assessment.lines:
        amount, reason = line.amount, ""
        if line.id in adjustments:
            amount, reason = _adjust(run, items[line.id], line.amount, adjustments[line.id])
        entry = {
            "id": line.id,
            "label": line.label,
            "legal_basis": line.legal_basis,
            "assessed": str(line.amount),
            "amount": str(amount),
        }
        if reason:
            entry["adjustment_reason"] = reason
        lines.append(entry)
    today = calendar.local_date(run.now)
    skrd = Skrd(
        application_id=run.application.id,
        number=f"SKRD/{today.year}/{next_value(run.session, f'skrd-{today.year}'):05d}",
        lines=lines,
        total=sum((Decimal(x["amount"]) for x in lines), Decimal(0)),
        issued_at=run.now,
        issued_by_id=run.actor.id if run.actor else None,
        due_on=today + dt.timedelta(days=int(run.definition["fees"].get("due_days", 30))),
    )
    run.session.add(skrd)
    run.session.flush()
    for entry in lines:
        if "adjustment_reason" in entry:
            _audit(
                run,
                skrd,
                "skrd.adjust",
                entry["adjustment_reason"],
                before={"id": entry["id"], "amount": entry["assessed"]},
                after={"id": entry["id"], "amount": entry["amount"]},
            )
    _audit(run, skrd, "skrd.issue", "", after={"number": skrd.number, "total": str(skrd.total)})
    return skrd


def render_skrd(run: Run, task: Task) -> None:
    skrd = current_skrd(run, run.application.id)
    if skrd is None:
        return
    context = documents.common_context(run, "skrd")
    content = documents.render("pdf/skrd.html", skrd=skrd, **context)
    document = documents.store(run, "skrd", content)
    document.number = skrd.number


def record_payment(run: Run, form_data: dict[str, Any]) -> dict[str, Any]:
    """Mark the SKRD paid. The amount must equal its total; reference and date are required."""
    skrd = current_skrd(run, run.application.id)
    if skrd is None or skrd.status != "issued":
        raise FormInvalid("there is no unpaid SKRD for this application", {"amount": "no SKRD"})
    amount = _decimal(form_data.get("amount"), "amount")
    errors = {}
    if amount != skrd.total:
        errors["amount"] = f"must equal the SKRD total {skrd.total:.0f}"
    reference = str(form_data.get("reference") or "").strip()
    if not reference:
        errors["reference"] = "required"
    try:
        paid_on = dt.date.fromisoformat(str(form_data.get("paid_on")))
        if paid_on > calendar.local_date(run.now):
            errors["paid_on"] = "in the future"
    except ValueError:
        errors["paid_on"] = "not a date (YYYY-MM-DD)"
    if errors:
        raise FormInvalid("the payment was not recorded", errors)
    skrd.status = "paid"
    skrd.paid_amount = amount
    skrd.payment_reference = reference[:120]
    skrd.paid_at = dt.datetime.combine(paid_on, dt.time(12), tzinfo=calendar.WIB)
    skrd.payment_recorded_by_id = run.actor.id if run.actor else None
    _audit(
        run,
        skrd,
        "skrd.pay",
        "",
        after={"amount": str(amount), "reference": reference, "paid_on": paid_on.isoformat()},
    )
    return {
        "skrd": skrd.number,
        "amount": str(amount),
        "reference": reference,
        "paid_on": paid_on.isoformat(),
    }


def cancel_skrd(run: Run) -> None:
    skrd = current_skrd(run, run.application.id)
    if skrd is not None and skrd.status == "issued":
        skrd.status = "cancelled"
        _audit(run, skrd, "skrd.cancel", "")


def _audit(run: Run, skrd: Skrd, action: str, comment: str, **extra: Any) -> None:
    audit.record(
        run.session,
        actor=run.actor,
        entity="skrd",
        entity_id=skrd.id,
        action=action,
        application_id=run.application.id,
        comment=comment,
        **extra,
    )
