"""Import and export of definitions: a broken import is refused with its problems listed and
nothing stored; export is canonical and round-trips byte for byte."""

from __future__ import annotations

import io
import json
from pathlib import Path

from sqlalchemy import func, select

from runtime.extensions import db
from runtime.models import AuditEvent, PermitType
from tests.integration.admin_helpers import admin_client

SIUP = Path(__file__).resolve().parents[2] / "form_schemas" / "permits" / "siup.json"


def _counts(app):
    with app.app_context():
        return (
            db.session.scalar(select(func.count(PermitType.id))),
            db.session.scalar(select(func.count(AuditEvent.id))),
        )


def _upload(client, token, body: bytes, name="def.json"):
    return client.post(
        "/admin/transfer/",
        data={"csrf_token": token, "file": (io.BytesIO(body), name)},
        content_type="multipart/form-data",
    )


def test_a_broken_definition_is_refused_with_its_problems_and_nothing_is_stored(app, client):
    client, token = admin_client(app, client)
    broken = json.loads(SIUP.read_text())
    broken["code"] = "siup-rusak"
    broken["documents"][0]["required_if"] = {"var": "tidak_ada_isian"}
    broken["workflow"]["start"] = "langkah_hilang"
    before = _counts(app)
    response = _upload(client, token, json.dumps(broken).encode())
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="import-refused"' in page
    assert "/documents/0/required_if" in page and "/workflow/start" in page
    assert _counts(app) == before


def test_invalid_json_is_refused_too(app, client):
    client, token = admin_client(app, client)
    before = _counts(app)
    response = _upload(client, token, b'{"code": "x",')
    assert response.status_code == 422 and "invalid_json" in response.get_data(as_text=True)
    assert _counts(app) == before


def test_a_valid_import_becomes_a_draft_and_exports_canonically(app, client):
    client, token = admin_client(app, client)
    raw = SIUP.read_bytes()
    response = _upload(client, token, raw)
    assert response.status_code == 302
    with app.app_context():
        permit_type = db.session.scalar(select(PermitType).where(PermitType.code == "siup"))
        assert permit_type is not None and permit_type.draft is not None
        assert permit_type.versions == []
        pid = permit_type.id
    exported = client.get(f"/admin/transfer/{pid}/export")
    assert exported.headers["Content-Disposition"].endswith('siup-draft.json"')
    assert json.loads(exported.data) == json.loads(raw)
    # export → import → export is byte-identical
    _upload(client, token, exported.data)
    assert client.get(f"/admin/transfer/{pid}/export").data == exported.data
