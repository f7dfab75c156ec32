"""Only admins reach /admin: every admin URL answers 403 to a logged-in non-admin and sends an
anonymous visitor to the login page. Admin POSTs without a CSRF token are refused."""

from __future__ import annotations

import re

import pytest

from tests.integration.admin_helpers import admin_client, login_as, make_user

SAMPLE_ARGS = {"permit_type_id": "1", "number": "1", "export_type": "csv"}


def _admin_urls(app):
    """(method, url) for every rule under /admin except public static files."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/admin") or rule.endpoint.endswith(".static"):
            continue
        url = re.sub(r"<(?:[^:>]+:)?([^>]+)>", lambda m: SAMPLE_ARGS[m.group(1)], rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((method, url))
    return found


def test_there_are_admin_urls_to_check(app):
    urls = _admin_urls(app)
    assert len(urls) > 40
    assert ("POST", "/admin/definitions/validate") in urls


@pytest.mark.parametrize("role", ["pemohon", "kasi", "kepala_dinas"])
def test_a_non_admin_gets_403_on_every_admin_url(app, client, role):
    login_as(client, make_user(app, f"{role}@example.id", role))
    app.config["WTF_CSRF_ENABLED"] = False  # so POSTs reach the access check
    for method, url in _admin_urls(app):
        response = client.open(url, method=method)
        assert response.status_code == 403, (method, url, response.status_code)


def test_anonymous_visitors_are_sent_to_the_login_page(app, client):
    app.config["WTF_CSRF_ENABLED"] = False
    for method, url in _admin_urls(app):
        response = client.open(url, method=method)
        assert response.status_code == 302, (method, url)
        assert "/login" in response.headers["Location"]


def test_an_admin_reaches_the_admin_pages(app, client):
    admin_client(app, client)
    for url in (
        "/admin/",
        "/admin/permit_types/",
        "/admin/permit_types/start/",
        "/admin/users/",
        "/admin/offices/",
        "/admin/reference_items/",
        "/admin/holidays/",
        "/admin/audit_events/",
        "/admin/transfer/",
    ):
        assert client.get(url).status_code == 200, url


def test_admin_posts_without_csrf_token_are_refused(app, client):
    admin_client(app, client)
    assert client.post("/admin/definitions/validate", json={"definition": "{}"}).status_code == 400
    assert client.post("/admin/holidays/new/", data={"name_id": "x"}).status_code == 400


def test_live_validation_with_the_csrf_header(app, client):
    client, token = admin_client(app, client)
    response = client.post(
        "/admin/definitions/validate",
        json={"definition": '{"code": 1'},
        headers={"X-CSRFToken": token},
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["errors"] == 1 and body["problems"][0]["code"] == "invalid_json"
    assert body["problems"][0]["offset"] == 10
