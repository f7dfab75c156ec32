"""A page rendered exactly as applicants see it, without an Application row (admin preview)."""

from __future__ import annotations

from typing import Any

from flask import render_template
from werkzeug.datastructures import MultiDict

from builder.canonical import content_hash
from builder.evaluate import evaluate
from rules import EvalContext
from runtime.forms import addresses
from runtime.forms.pages import find_page, form_data, page_form_class
from runtime.forms.view import page_view


def render_preview(
    definition: dict[str, Any], page_id: str, data: dict[str, Any], lang: str
) -> str:
    """HTML of the page `page_id` of `definition` filled with `data` (needs an app context).

    Raises KeyError when the page does not exist."""
    page = find_page(definition, page_id)
    if page is None:
        raise KeyError(f"no page {page_id!r}")
    cls = page_form_class(definition, "preview:" + content_hash(definition), page_id, lang)
    form = cls(formdata=MultiDict(), data=form_data(page, data), meta={"csrf": False})
    addresses.populate(form, page, _region_children)
    ctx = EvalContext.with_definition_tables(definition.get("tables"))
    evaluation = evaluate(definition, data, ctx)
    views = page_view(definition, page, form, evaluation, lang)
    return render_template("forms/preview.html", page=page, views=views, lang=lang)


def _region_children(parent: str | None) -> list[tuple[str, str]]:
    from typing import cast

    from sqlalchemy.orm import Session

    from runtime.extensions import db
    from runtime.regions import children

    return children(cast(Session, db.session), parent)
