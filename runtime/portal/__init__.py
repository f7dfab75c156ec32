"""The applicant portal: accounts (/akun/), applications (/permohonan/), public tracking (/lacak/).

`bp` carries the application routes; its view modules attach to it when imported below."""

from typing import Any

from flask import Blueprint

from runtime.i18n import select_locale
from runtime.portal.present import answer, rules_scripts, rupiah

bp = Blueprint("portal", __name__, url_prefix="/permohonan")
bp.add_app_template_filter(rupiah, "rupiah")
bp.add_app_template_global(rules_scripts, "rules_scripts")


STATUS_LABELS = {
    "draft": {"id": "Draf", "en": "Draft"},
    "submitted": {"id": "Diajukan", "en": "Submitted"},
    "in_progress": {"id": "Diproses", "en": "In progress"},
    "returned": {"id": "Dikembalikan untuk dilengkapi", "en": "Returned for completion"},
    "issued": {"id": "Izin terbit", "en": "Permit issued"},
    "rejected": {"id": "Ditolak", "en": "Rejected"},
    "cancelled": {"id": "Dibatalkan", "en": "Cancelled"},
}


@bp.app_template_global("status_label")
def status_label(status: str) -> str:
    label = STATUS_LABELS.get(status)
    return str(label[select_locale()]) if label else status


@bp.app_template_filter("answer")
def _answer(value: Any, fdef: dict[str, Any]) -> str:
    if fdef.get("type") == "address" and isinstance(value, dict):
        value = _region_names(value)
    return answer(value, fdef, select_locale())


def _region_names(address: dict[str, Any]) -> dict[str, Any]:
    """An address with region names instead of codes (codes not loaded stay as they are)."""
    from runtime.portal.access import session
    from runtime.regions import names

    found = names(session(), [str(v) for k, v in address.items() if k != "street" and v])
    order = ("street", "village", "district", "regency", "province")  # as written on a letter
    return {k: found.get(str(address[k]), address[k]) for k in order if address.get(k)}


from runtime.portal.revision import return_notice  # noqa: E402

bp.add_app_template_global(return_notice, "return_notice")

from runtime.portal import (  # noqa: E402,F401  (attach routes)
    counter,
    documents_views,
    pages_views,
    submit_views,
)
from runtime.portal.accounts import bp as accounts_bp  # noqa: E402
from runtime.portal.tracking import bp as tracking_bp  # noqa: E402

__all__ = ["accounts_bp", "bp", "tracking_bp"]


@bp.after_app_request
def _cache_static(response: Any) -> Any:
    """Static files (CSS, JS) are cached for a day by slow mobile clients; ETags revalidate."""
    from flask import request

    if request.path.startswith("/static/") and response.status_code in (200, 304):
        response.headers["Cache-Control"] = "public, max-age=86400"
    return response
