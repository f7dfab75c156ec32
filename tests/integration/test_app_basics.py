"""The app factory, login, language switch, CSRF and security headers."""

from __future__ import annotations

import re

from runtime import create_app
from runtime.auth.passwords import hash_password
from runtime.extensions import db
from runtime.models import User, UserRole


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'id="csrf_token"[^>]*value="([^"]+)"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)


def _user(app, email="kasi@example.id", role="kasi", password="rahasia-123"):
    with app.app_context():
        user = User(email=email, name="Kasi", password_hash=hash_password(password))
        user.roles.append(UserRole(role=role))
        db.session.add(user)
        db.session.commit()


def test_two_apps_can_be_created_in_one_process(database_url, tmp_path):
    for _ in range(2):
        app = create_app({"DATABASE_URL": database_url, "UPLOAD_FOLDER": str(tmp_path)})
        assert app.test_client().get("/").status_code == 200
        with app.app_context():
            db.engine.dispose()


def test_catalogue_speaks_indonesian_by_default_and_english_on_switch(client):
    page = client.get("/").get_data(as_text=True)
    assert 'lang="id"' in page and "Katalog izin" in page
    client.post("/lang/en", data={"csrf_token": _csrf(page), "next": "/"})
    page = client.get("/").get_data(as_text=True)
    assert 'lang="en"' in page and "Permit catalogue" in page


def test_language_switch_without_csrf_token_is_refused(client):
    assert client.post("/lang/en").status_code == 400


def test_login_with_good_and_bad_password(app, client):
    _user(app)
    page = client.get("/login").get_data(as_text=True)
    bad = client.post(
        "/login", data={"email": "kasi@example.id", "password": "salah", "csrf_token": _csrf(page)}
    )
    assert bad.status_code == 200 and "Email atau kata sandi salah" in bad.get_data(as_text=True)
    good = client.post(
        "/login",
        data={"email": "KASI@example.id", "password": "rahasia-123", "csrf_token": _csrf(page)},
    )
    assert good.status_code == 302


def test_login_never_redirects_off_site(app, client):
    _user(app)
    page = client.get("/login").get_data(as_text=True)
    for target in ("https://evil.example/", "//evil.example/", "javascript:alert(1)"):
        response = client.post(
            "/login",
            data={
                "email": "kasi@example.id",
                "password": "rahasia-123",
                "csrf_token": _csrf(page),
                "next": target,
            },
        )
        assert response.status_code == 302
        assert "evil" not in response.headers["Location"]
        client.post("/logout", data={"csrf_token": _csrf(client.get("/").get_data(as_text=True))})


def test_security_headers(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_unknown_permit_is_a_friendly_404(client):
    response = client.get("/izin/tidak-ada")
    assert response.status_code == 404 and "Halaman tidak ditemukan" in response.get_data(
        as_text=True
    )
