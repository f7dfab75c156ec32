"""Counter service: the front office files for a walk-in applicant found or registered by NIK;
the application is the applicant's (channel `counter`, `filed_by_id` the officer)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from runtime.extensions import db
from runtime.models import Application, User
from runtime.seed.demo import DEMO_PASSWORD
from tests.portal_support import NIK, NIK_2, csrf, fill_all, submit

DEMO_NIK = "6471054107900001"  # pemohon@demo.rakit.id


def login(client: Any, email: str, password: str = DEMO_PASSWORD) -> None:
    token = csrf(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login", data={"csrf_token": token, "email": email, "password": password}
    )
    assert response.status_code == 302


def file_at_counter(client: Any, **fields: str) -> Any:
    token = csrf(client.get("/permohonan/loket").get_data(as_text=True))
    return client.post(
        "/permohonan/loket", data={"csrf_token": token, "permit": "izin-gangguan", **fields}
    )


def _application(public_id: str) -> Application:
    found = db.session.scalar(select(Application).where(Application.public_id == public_id))
    assert found is not None
    return found


def test_a_new_walk_in_applicant_is_registered_and_the_filing_is_theirs(
    app: Any, client: Any, catalogue: Any
) -> None:
    login(client, "loket@demo.rakit.id")
    assert 'id="nav-loket"' in client.get("/").get_data(as_text=True)
    refused = file_at_counter(client, nik=NIK_2)
    assert refused.status_code == 200  # a new NIK needs a name
    response = file_at_counter(client, nik=NIK_2, name="Budi Walk-in", phone="081298765432")
    assert response.status_code == 302
    public_id = response.headers["Location"].split("/permohonan/")[1].split("/")[0]
    fill_all(client, public_id)
    assert submit(client, public_id).status_code == 302
    with app.app_context():
        found = _application(public_id)
        officer = db.session.scalar(select(User).where(User.email == "loket@demo.rakit.id"))
        assert found.channel == "counter" and found.filed_by_id == officer.id
        assert found.applicant.nik == NIK_2 and found.applicant.name == "Budi Walk-in"
        assert found.applicant.has_role("pemohon") and found.status == "in_progress"


def test_an_existing_applicant_is_found_by_nik(app: Any, client: Any, catalogue: Any) -> None:
    login(client, "loket@demo.rakit.id")
    response = file_at_counter(client, nik=DEMO_NIK)
    public_id = response.headers["Location"].split("/permohonan/")[1].split("/")[0]
    client.post("/logout", data={"csrf_token": csrf(client.get("/").get_data(as_text=True))})
    applicant = app.test_client()
    login(applicant, "pemohon@demo.rakit.id")
    assert public_id in applicant.get("/permohonan/").get_data(as_text=True)


def test_only_the_front_office_files_at_the_counter(app: Any, client: Any, catalogue: Any) -> None:
    login(client, "pemohon@demo.rakit.id")
    assert client.get("/permohonan/loket").status_code == 403
    assert 'id="nav-loket"' not in client.get("/").get_data(as_text=True)
    assert file_at_counter_refused(client, NIK) == 403


def file_at_counter_refused(client: Any, nik: str) -> int:
    token = csrf(client.get("/").get_data(as_text=True))
    response = client.post("/permohonan/loket", data={"csrf_token": token, "nik": nik})
    return int(response.status_code)
