"""The audit trail, read-only (the table is append-only; the database refuses changes)."""

from __future__ import annotations

import json
from typing import Any

from flask_admin.contrib.sqla import ModelView
from markupsafe import Markup, escape

from admin.security import AdminOnly, AdminSecureForm


def _json_block(view: Any, context: Any, model: Any, name: str) -> Markup:
    value = getattr(model, name)
    if value is None:
        return Markup("")
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str)
    return Markup("<pre class='audit-json'>{}</pre>").format(escape(text))


class AuditEventView(AdminOnly, ModelView):
    can_create = False
    can_edit = False
    can_delete = False
    can_view_details = True
    form_base_class = AdminSecureForm
    page_size = 50
    column_list = (
        "at",
        "actor_id",
        "actor_role",
        "entity",
        "entity_id",
        "action",
        "from_state",
        "to_state",
        "comment",
    )
    column_details_list = (*column_list, "application_id", "before", "after")
    column_default_sort = ("id", True)
    column_filters = ("entity", "action", "actor_id", "entity_id")
    column_searchable_list = ("entity_id", "comment")
    column_formatters_detail = {"before": _json_block, "after": _json_block}
