"""The preview renders the draft (or the editor's unsaved text) as applicants see it, with no
Application row created."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from runtime.extensions import db
from runtime.models import Application, PermitType
from tests.integration.admin_helpers import admin_client


def test_preview_of_the_saved_draft_and_of_unsaved_text(app, client, catalogue):
    client, token = admin_client(app, client)
    with app.app_context():
        permit_type = db.session.scalar(select(PermitType).where(PermitType.code == "siup"))
        pid, definition = permit_type.id, permit_type.versions[-1].definition
    page = client.get(f"/admin/definitions/{pid}/preview?page=perusahaan&lang=en")
    assert page.status_code == 200 and "Company name" in page.get_data(as_text=True)
    definition["form"]["pages"][1]["fields"][1]["label"]["en"] = "Registered company name"
    posted = client.post(
        f"/admin/definitions/{pid}/preview",
        data={
            "csrf_token": token,
            "definition": json.dumps(definition),
            "page": "perusahaan",
            "lang": "en",
        },
    )
    assert "Registered company name" in posted.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Application.id))) == 0
