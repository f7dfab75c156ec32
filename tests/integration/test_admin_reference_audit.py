"""Reference data in Flask-Admin: every create, update and delete is in the audit trail with
before and after; users' passwords are hashed and never shown or audited."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from runtime.auth.passwords import verify_password
from runtime.extensions import db
from runtime.models import AuditEvent, Holiday, User
from tests.integration.admin_helpers import admin_client, csrf_from


def _events(app, entity):
    with app.app_context():
        return [
            (e.action, e.entity_id, e.before, e.after)
            for e in db.session.scalars(
                select(AuditEvent).where(AuditEvent.entity == entity).order_by(AuditEvent.id)
            )
        ]


def test_holiday_create_edit_delete_are_audited(app, client):
    client, token = admin_client(app, client)
    form = {
        "csrf_token": token,
        "day": "2031-12-26",
        "name_id": "Cuti bersama Natal",
        "name_en": "Christmas leave",
        "kind": "cuti_bersama",
    }
    assert client.post("/admin/holidays/new/", data=form).status_code == 302
    edit = client.get("/admin/holidays/edit/?id=2031-12-26").get_data(as_text=True)
    form = {**form, "csrf_token": csrf_from(edit), "name_en": "Collective leave (Christmas)"}
    assert client.post("/admin/holidays/edit/?id=2031-12-26", data=form).status_code == 302
    client.post("/admin/holidays/delete/", data={"csrf_token": token, "id": "2031-12-26"})
    with app.app_context():
        assert db.session.get(Holiday, dt.date(2031, 12, 26)) is None
    created, updated, deleted = _events(app, "holiday")
    assert created[0] == "create" and created[2] is None and created[3]["kind"] == "cuti_bersama"
    assert updated[0] == "update" and updated[1] == "2031-12-26"
    assert updated[2]["name_en"] == "Christmas leave"
    assert updated[3]["name_en"] == "Collective leave (Christmas)"
    assert deleted[0] == "delete" and deleted[2]["name_id"] == "Cuti bersama Natal"


def test_users_get_roles_and_a_hashed_password_that_is_never_shown(app, client):
    client, token = admin_client(app, client)
    form = {
        "csrf_token": token,
        "email": "kasir2@example.id",
        "name": "Kasir Dua",
        "is_active": "y",
        "locale": "id",
        "role_codes_field": ["cashier", "kasi"],
        "new_password": "rahasia-panjang-1",
    }
    assert client.post("/admin/users/new/", data=form).status_code == 302
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == "kasir2@example.id"))
        assert user.role_codes == {"cashier", "kasi"}
        assert verify_password(user.password_hash, "rahasia-panjang-1")
        uid, hashed = user.id, user.password_hash
    for url in ("/admin/users/", f"/admin/users/details/?id={uid}", f"/admin/users/edit/?id={uid}"):
        page = client.get(url).get_data(as_text=True)
        assert hashed not in page and "password_hash" not in page
    ((action, _id, before, after),) = [e for e in _events(app, "user_account") if e[1] == str(uid)]
    assert action == "create" and after["roles"] == ["cashier", "kasi"]
    assert "password_hash" not in after


def test_the_audit_trail_cannot_be_edited_from_the_admin(app, client):
    client, token = admin_client(app, client)
    assert client.get("/admin/audit_events/new/").status_code in (302, 403, 404)
    assert client.get("/admin/audit_events/").status_code == 200
