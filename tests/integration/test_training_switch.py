"""Training mode's role switcher: only in training mode, only to demo users, audited."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from runtime.extensions import db
from runtime.models import AuditEvent, User, UserRole
from runtime.seed.demo import seed_office, seed_users
from tests.portal_support import csrf
from tests.training_support import demo_email, switch, training_app


@pytest.fixture()
def app(database_url: str, tmp_path: Any) -> Any:
    application = training_app(database_url, tmp_path)
    with application.app_context():
        seed_users(db.session, seed_office(db.session))
        db.session.commit()
    yield application
    with application.app_context():
        db.engine.dispose()


def test_nothing_of_training_exists_when_the_mode_is_off(database_url: str, tmp_path: Any) -> None:
    off = training_app(database_url, tmp_path, training=False)
    client = off.test_client()
    home = client.get("/").get_data(as_text=True)
    assert "training-bar" not in home and "/pelatihan/" not in home
    assert client.get("/pelatihan/").status_code == 404
    token = csrf(home)
    assert (
        client.post("/pelatihan/peran", data={"csrf_token": token, "role": "kasi"}).status_code
        == 404
    )
    assert (
        client.post("/pelatihan/reset", data={"csrf_token": token, "confirm": "yes"}).status_code
        == 404
    )
    with off.app_context():
        db.engine.dispose()


def test_the_bar_is_on_every_page_with_the_demo_roles(client: Any) -> None:
    for path in ("/", "/login", "/lacak/", "/pelatihan/"):
        page = client.get(path).get_data(as_text=True)
        assert 'id="training-bar"' in page, path
    page = client.get("/").get_data(as_text=True)
    assert "Petugas Loket" in page and "Kepala Seksi" in page and 'value="pemohon"' in page


@pytest.mark.parametrize(
    ("role", "lands_on"),
    [
        ("pemohon", "/permohonan/"),
        ("front_office", "/kantor/"),
        ("kasi", "/kantor/"),
        ("admin", "/admin/"),
    ],
)
def test_switching_logs_in_as_the_demo_user_and_lands_on_the_roles_start(
    app: Any, client: Any, role: str, lands_on: str
) -> None:
    response = switch(client, role)
    assert response.status_code == 302 and response.headers["Location"] == lands_on
    landing = client.get(lands_on)
    assert landing.status_code == 200
    with app.app_context():
        event = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "training.switch_role")
        ).one()
        user = db.session.get(User, event.actor_id)
        assert user is not None and user.email == demo_email(role) and event.to_state == role


def test_switching_again_replaces_the_user(client: Any) -> None:
    switch(client, "front_office")
    assert client.get("/kantor/").status_code == 200
    switch(client, "pemohon")
    assert client.get("/kantor/").status_code == 403


@pytest.mark.parametrize("role", ["", "superuser", "loket@demo.rakit.id", "1"])
def test_only_demo_roles_can_be_switched_to(app: Any, client: Any, role: str) -> None:
    assert switch(client, role).status_code == 400
    assert client.get("/kantor/").status_code == 302  # still anonymous: sent to the login page
    with app.app_context():
        assert not db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "training.switch_role")
        ).all()


def test_a_demo_account_that_lost_its_role_or_was_disabled_is_refused(
    app: Any, client: Any
) -> None:
    with app.app_context():
        kasi = db.session.scalar(select(User).where(User.email == demo_email("kasi")))
        kasi.is_active = False
        admin = db.session.scalar(select(User).where(User.email == demo_email("admin")))
        admin.roles.clear()
        admin.roles.append(UserRole(role="pemohon"))
        db.session.commit()
    assert switch(client, "kasi").status_code == 400
    assert switch(client, "admin").status_code == 400


def test_the_switch_needs_the_csrf_token(client: Any) -> None:
    assert client.post("/pelatihan/peran", data={"role": "admin"}).status_code == 400
    assert client.get("/kantor/").status_code == 302


def test_the_training_bar_is_on_admin_pages_too(client: Any) -> None:
    switch(client, "admin")
    page = client.get("/admin/").get_data(as_text=True)
    assert 'id="training-bar"' in page
