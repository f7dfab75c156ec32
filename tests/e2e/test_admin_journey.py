"""The admin journey in Chromium: clone SIUP, edit it in the JSON editor with live lint, add a
failing test case, see publishing refused, fix it, publish; the diff shows exactly the change;
an application started on the old version stays on it and still opens."""

from __future__ import annotations

import copy
import json
import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from builder.canonical import canonical_text
from runtime.extensions import db
from runtime.models import Application, PermitType, User
from runtime.seed.demo import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

PLACEHOLDER = "__FIELD__"
NEW_DOCUMENT = {
    "code": "rekomendasi_bank",
    "name": {"id": "Referensi bank", "en": "Bank reference"},
    "accept": ["pdf"],
    "max_size_mb": 2,
    "required": False,
    "required_if": {">": [{"var": PLACEHOLDER}, 1000000000]},
    "stage": "application",
    "check_original": False,
}
NEW_RULE = {
    "id": "modal_minimal",
    "rule": {">=": [{"var": "kekayaan_bersih"}, 50000000]},
    "message": {
        "id": "Kekayaan bersih minimal Rp50 juta.",
        "en": "Net assets of at least Rp50 million.",
    },
}


def _login(page: Page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("form button.primary")
    page.wait_for_load_state()
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()


def _editor_text(page: Page) -> str:
    page.wait_for_function("window.rakitEditor !== undefined")
    return page.evaluate("window.rakitEditor.state.doc.toString()")


def _set_editor_text(page: Page, text: str, cursor: int | None = None) -> None:
    page.evaluate(
        """([text, cursor]) => {
            const view = window.rakitEditor;
            view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: text},
                           selection: {anchor: cursor === null ? 0 : cursor}});
            view.focus();
        }""",
        [text, cursor],
    )


def _save(page: Page) -> None:
    page.click("#save")
    page.wait_for_load_state()


def _publish(page: Page, note: str) -> None:
    page.click("#versions-link")
    page.fill("#note", note)
    page.click("#publish")
    page.wait_for_load_state()


def _big_company_case(definition: dict, documents: list[str]) -> dict:
    case = copy.deepcopy(next(c for c in definition["test_cases"] if c["id"] == "pt_menengah"))
    case["id"] = "pt_besar"
    case["description"] = "PT dengan kekayaan Rp2 miliar: perlu referensi bank."
    case["data"]["kekayaan_bersih"] = 2000000000
    case["expect"] = {"eligible": True, "documents": documents}
    return case


def _submitted_application(app, code: str) -> tuple[str, int]:
    with app.app_context():
        permit_type = db.session.scalar(select(PermitType).where(PermitType.code == code))
        version = permit_type.versions[-1]
        applicant = db.session.scalar(select(User).where(User.email == "pemohon@demo.rakit.id"))
        data = next(c for c in version.definition["test_cases"] if c["id"] == "pt_menengah")["data"]
        application = Application(
            version_id=version.id,
            applicant_id=applicant.id,
            status="submitted",
            registration_number="SIUP-KOTA/2025/0001",
            data=data,
        )
        db.session.add(application)
        db.session.commit()
        return application.public_id, version.id


def test_admin_clones_edits_tests_and_publishes_siup(app, live_server, catalogue, page: Page):
    base = live_server
    _login(page, base, "admin@demo.rakit.id")

    # clone SIUP into a new permit type and publish it as v1
    page.goto(f"{base}/admin/permit_types/start/")
    siup = page.locator("#source option", has_text="siup").first.get_attribute("value")
    page.select_option("#source", siup)
    page.fill("#code", "siup-kota")
    page.fill("#name_id", "SIUP Kota Contoh")
    page.fill("#name_en", "City trading licence")
    page.click("form button[type=submit]")
    expect(page.locator("#cm .cm-editor")).to_be_visible()
    first_label = json.loads(_editor_text(page))["form"]["pages"][0]["fields"][0]["label"]["en"]
    expect(page.frame_locator("#preview-frame").locator("body")).to_contain_text(first_label)
    _publish(page, "salinan SIUP")
    expect(page.locator("#history tr[data-version='1']")).to_be_visible()
    public_id, v1 = _submitted_application(app, "siup-kota")

    # edit: a required_if document and an eligibility rule; type a wrong field name
    page.click("text=Back to the editor")
    definition = json.loads(_editor_text(page))
    definition["documents"].append(NEW_DOCUMENT)
    definition["eligibility"].append(NEW_RULE)
    text = canonical_text(definition)
    cursor = text.index(PLACEHOLDER)
    _set_editor_text(page, text.replace(PLACEHOLDER, ""), cursor)
    page.keyboard.type("modal_usaha", delay=20)
    wrong = page.locator("#problem-list li[data-code=unknown_var]")
    expect(wrong).to_have_count(1, timeout=10000)
    expect(wrong).to_contain_text("modal_usaha")
    expect(page.locator(".cm-lintRange-error")).to_have_count(1)
    # fix it: select the wrong name and type the right one
    page.evaluate(
        "([from, to]) => window.rakitEditor.dispatch({selection: {anchor: from, head: to}})",
        [cursor, cursor + len("modal_usaha")],
    )
    page.keyboard.type("kekayaan_bersih", delay=20)
    expect(wrong).to_have_count(0, timeout=10000)
    expect(page.locator("#problem-list li.error")).to_have_count(0)

    # a test case that fails (the bank reference is missing from its expectation)
    definition = json.loads(_editor_text(page))
    siup_docs = [
        "ktp",
        "npwp_dok",
        "akta_pendirian",
        "sk_pengesahan",
        "sertifikat_nib",
        "neraca",
        "pas_foto",
        "surat_domisili",
    ]
    definition["test_cases"].append(_big_company_case(definition, siup_docs))
    _set_editor_text(page, canonical_text(definition))
    _save(page)
    expect(page.locator('#bench tr.bench-case.failed[data-case="pt_besar"]')).to_be_visible()
    expect(page.locator("#uncovered")).to_contain_text("usia_minimal")

    _publish(page, "referensi bank untuk usaha besar")
    expect(page.locator("#refused")).to_be_visible()
    expect(page.locator('#refused-cases li[data-case="pt_besar"]')).to_contain_text("documents")
    with app.app_context():
        assert [
            v.number
            for v in db.session.scalar(
                select(PermitType).where(PermitType.code == "siup-kota")
            ).versions
        ] == [1]

    # fix the expectation, save, publish
    page.click("text=Back to the editor")
    definition = json.loads(_editor_text(page))
    definition["test_cases"][-1]["expect"]["documents"] = [*siup_docs, "rekomendasi_bank"]
    _set_editor_text(page, canonical_text(definition))
    _save(page)
    expect(page.locator('#bench tr.bench-case[data-case="pt_besar"]')).to_have_class(
        re.compile("passed")
    )
    _publish(page, "referensi bank untuk usaha besar")
    expect(page.locator("#history tr[data-version='2']")).to_contain_text(
        "referensi bank untuk usaha besar"
    )

    # the diff v1 → v2 shows exactly what changed
    page.select_option("#diff-a", "1")
    page.select_option("#diff-b", "2")
    page.click("text=Show changes")
    rows = page.locator("#diff tr.change")
    found = sorted(
        (
            rows.nth(i).get_attribute("data-section"),
            rows.nth(i).get_attribute("data-op"),
            rows.nth(i).get_attribute("data-id"),
        )
        for i in range(rows.count())
    )
    assert found == [
        ("documents", "added", "rekomendasi_bank"),
        ("eligibility", "added", "modal_minimal"),
        ("test_cases", "added", "pt_besar"),
    ]

    # the application started on v1 stays on v1 and still opens for its applicant
    with app.app_context():
        assert (
            db.session.scalar(
                select(Application.version_id).where(Application.public_id == public_id)
            )
            == v1
        )
    applicant = page.context.browser.new_context().new_page()
    _login(applicant, base, "pemohon@demo.rakit.id")
    response = applicant.goto(f"{base}/permohonan/{public_id}")
    assert response is not None and response.status == 200
    expect(applicant.locator("body")).to_contain_text("SIUP-KOTA/2025/0001")
