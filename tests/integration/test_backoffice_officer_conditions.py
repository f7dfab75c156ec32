"""The officer form shows its conditions in words; the server decides them on the posted data."""

from __future__ import annotations

from typing import Any

from runtime.extensions import db
from tests.integration.test_workflow_calendar_and_roles import login
from tests.unit.workflow.setup_app import advance, submitted


def test_the_bap_form_says_when_its_conditional_field_applies(
    app: Any, client: Any, catalogue: Any
) -> None:
    with app.app_context():
        application = submitted(db.session, catalogue["izin-gangguan"].id, "izin-gangguan")
        advance(db.session, application, "inspeksi_lapangan")
        public_id = application.public_id
    login(client, "field_inspector")  # (asks for English)
    page = client.get(f"/kantor/permohonan/{public_id}").get_data(as_text=True)
    form = page.split('id="step-inspeksi_lapangan"', 1)[1].split("</form>", 1)[0]
    assert "Only if: “Recommendation”" in form
    assert "Required if: “Recommendation”" in form
