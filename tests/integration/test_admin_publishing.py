"""Editing, testing and publishing a permit type through the admin: publishing is refused while
a test case fails or the draft has errors; safe drafts move to the new version, applications in
flight never do; every step is in the audit trail."""

from __future__ import annotations

import copy
import json
import re

from sqlalchemy import select

from runtime.extensions import db
from runtime.models import Application, AuditEvent, DefinitionVersion, PermitType
from tests.integration.admin_helpers import admin_client, make_user


def _permit_type(app, code):
    with app.app_context():
        return db.session.scalar(select(PermitType).where(PermitType.code == code)).id


def _draft(app, pid):
    with app.app_context():
        permit_type = db.session.get(PermitType, pid)
        if permit_type.draft is not None:
            return copy.deepcopy(permit_type.draft)
        return copy.deepcopy(permit_type.versions[-1].definition)


def _save(client, token, pid, definition):
    return client.post(
        f"/admin/definitions/{pid}/save",
        data={"csrf_token": token, "definition": json.dumps(definition)},
    )


def _publish(client, token, pid, note="test"):
    return client.post(f"/admin/versions/{pid}/publish", data={"csrf_token": token, "note": note})


def _numbers(app, pid):
    with app.app_context():
        return [v.number for v in db.session.get(PermitType, pid).versions]


def test_clone_from_the_sample_catalogue_creates_a_draft(app, client):
    client, token = admin_client(app, client)
    response = client.post(
        "/admin/permit_types/start/",
        data={
            "csrf_token": token,
            "source": "sample:siup",
            "code": "siup-baru",
            "name_id": "SIUP Baru",
            "name_en": "New SIUP",
        },
    )
    assert response.status_code == 302
    pid = _permit_type(app, "siup-baru")
    assert _draft(app, pid)["name"] == {"id": "SIUP Baru", "en": "New SIUP"}
    page = client.get("/admin/permit_types/").get_data(as_text=True)
    assert "siup-baru" in page


def test_publish_is_refused_while_a_case_fails_then_succeeds(app, client, catalogue):
    client, token = admin_client(app, client)
    pid = _permit_type(app, "siup")
    definition = _draft(app, pid)
    failing = copy.deepcopy(definition["test_cases"][1])
    failing["id"] = "harus_gagal"
    failing["expect"]["documents"] = ["ktp"]
    definition["test_cases"].append(failing)
    assert _save(client, token, pid, definition).status_code == 302
    editor = client.get(f"/admin/definitions/{pid}/").get_data(as_text=True)
    assert 'bench-case failed" data-case="harus_gagal"' in editor

    refused = _publish(client, token, pid)
    assert refused.status_code == 409
    assert 'data-case="harus_gagal"' in refused.get_data(as_text=True)
    assert _numbers(app, pid) == [1]

    definition["test_cases"][-1]["expect"]["documents"] = [
        "ktp",
        "npwp_dok",
        "sertifikat_nib",
        "pas_foto",
        "surat_domisili",
    ]
    _save(client, token, pid, definition)
    assert _publish(client, token, pid, note="kasus uji baru").status_code == 302
    assert _numbers(app, pid) == [1, 2]
    with app.app_context():
        v2 = db.session.get(PermitType, pid).versions[-1]
        assert v2.note == "kasus uji baru" and v2.published_by_id is not None


def test_publish_is_refused_while_the_draft_has_errors(app, client, catalogue):
    client, token = admin_client(app, client)
    pid = _permit_type(app, "siup")
    definition = _draft(app, pid)
    definition["documents"][0]["required_if"] = {"var": "isian_salah"}
    _save(client, token, pid, definition)  # a draft with problems is saved
    assert _draft(app, pid)["documents"][0]["required_if"] == {"var": "isian_salah"}
    refused = _publish(client, token, pid)
    assert refused.status_code == 409 and "/documents/0/required_if" in refused.get_data(
        as_text=True
    )
    assert _numbers(app, pid) == [1]


def _application(app, version_id, status, data):
    with app.app_context():
        applicant = make_user(app, f"p{status}{len(data)}@example.id", "pemohon")
        application = Application(
            version_id=version_id, applicant_id=applicant, status=status, data=data
        )
        db.session.add(application)
        db.session.commit()
        return application.id


def test_safe_drafts_move_to_the_new_version_and_in_flight_ones_stay(app, client, catalogue):
    client, token = admin_client(app, client)
    pid = _permit_type(app, "siup")
    v1 = catalogue["siup"].id
    data = _draft(app, pid)["test_cases"][1]["data"]
    has_it = _application(app, v1, "draft", {**data, "modal_disetor": 5000000})
    lacks_it = _application(app, v1, "draft", dict(data))
    in_flight = _application(app, v1, "in_progress", dict(data))

    definition = _draft(app, pid)
    definition["form"]["pages"][1]["fields"].append(
        {
            "id": "modal_disetor",
            "type": "money",
            "label": {"id": "Modal disetor", "en": "Paid-up capital"},
            "required": True,
        }
    )
    for case in definition["test_cases"]:
        case["data"]["modal_disetor"] = 1000000
    _save(client, token, pid, definition)
    history = client.get(f"/admin/versions/{pid}/").get_data(as_text=True)
    assert re.search(r"1 draft|2 draf|2 draft", history)
    assert "modal_disetor" in history  # the diff and the impact name the new field

    assert _publish(client, token, pid, note="modal disetor wajib").status_code == 302
    with app.app_context():
        v2 = db.session.scalar(
            select(DefinitionVersion).where(
                DefinitionVersion.permit_type_id == pid, DefinitionVersion.number == 2
            )
        )
        assert db.session.get(Application, has_it).version_id == v2.id
        assert db.session.get(Application, lacks_it).version_id == v1
        assert db.session.get(Application, in_flight).version_id == v1
        moves = db.session.scalars(
            select(AuditEvent).where(AuditEvent.action == "move_to_version")
        ).all()
        assert [(m.entity_id, m.before, m.after) for m in moves] == [
            (str(has_it), {"version_id": v1}, {"version_id": v2.id})
        ]


def test_diff_between_versions_names_exactly_what_changed(app, client, catalogue):
    client, token = admin_client(app, client)
    pid = _permit_type(app, "siup")
    definition = _draft(app, pid)
    definition["service_standard"]["sla_working_days"] = 3
    _save(client, token, pid, definition)
    _publish(client, token, pid, note="SLA 3 hari")
    page = client.get(f"/admin/versions/{pid}/?a=1&b=2").get_data(as_text=True)
    changes = re.findall(
        r'class="change" data-section="([^"]*)" data-op="([^"]*)" data-id="([^"]*)"', page
    )
    assert changes == [("meta", "changed", "service_standard")]


def test_saving_and_retiring_are_audited_with_before_and_after(app, client, catalogue):
    client, token = admin_client(app, client)
    pid = _permit_type(app, "siup")
    definition = _draft(app, pid)
    definition["service_standard"]["sla_working_days"] = 4
    _save(client, token, pid, definition)
    client.post(f"/admin/permit_types/{pid}/retire", data={"csrf_token": token})
    with app.app_context():
        events = db.session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "permit_type").order_by(AuditEvent.id)
        ).all()
        save, retire = events[-2], events[-1]
        assert save.action == "save_draft" and save.actor_id is not None
        assert save.before == {"draft": None}
        assert save.after["draft"]["service_standard"]["sla_working_days"] == 4
        assert retire.action == "retire" and retire.after["retired_at"]


def test_an_application_in_flight_completes_on_its_old_version(app, client, catalogue):
    """Publishing v2 (a new required field and a longer chain is irrelevant to it) leaves a
    submitted v1 application on v1: every remaining step runs from v1's chain to issuance."""
    from tests.unit.workflow.setup_app import approve_one, submitted

    with app.app_context():
        application = submitted(db.session, catalogue["siup"].id, "siup", number="REG/V1/1")
        application_id = application.id
    client, token = admin_client(app, client)
    pid = _permit_type(app, "siup")
    definition = _draft(app, pid)
    definition["form"]["pages"][1]["fields"].append(
        {
            "id": "modal_disetor",
            "type": "money",
            "required": True,
            "label": {"id": "Modal disetor", "en": "Paid-up capital"},
        }
    )
    definition["service_standard"]["sla_working_days"] += 1
    for case in definition["test_cases"]:
        case["data"]["modal_disetor"] = 1000000
    _save(client, token, pid, definition)
    assert _publish(client, token, pid, note="v2").status_code == 302
    assert _numbers(app, pid) == [1, 2]

    with app.app_context():
        application = db.session.get(Application, application_id)
        steps = 0
        while application.status == "in_progress" and steps < 20:
            approve_one(db.session, application)
            steps += 1
        db.session.refresh(application)
        assert application.status == "issued"
        assert application.version_id == catalogue["siup"].id
        assert application.version.number == 1
        assert "modal_disetor" not in application.data
    assert client.get("/lacak/REG/V1/1").status_code == 200
