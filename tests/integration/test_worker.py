"""The worker tick: progress notices from the audit trail, in the applicant's language, once;
outbox delivery through the configured backend."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from runtime.extensions import db
from runtime.mail_delivery import MailConfigError, deliver_outbox
from runtime.models import OutboxMessage
from runtime.periodic import tick
from runtime.workflow import act
from tests.unit.workflow.setup_app import open_task, submitted, user


def _messages_to(email: str) -> list[OutboxMessage]:
    return list(
        db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.to_address == email)
            .order_by(OutboxMessage.id)
        )
    )


def test_submission_and_each_stage_are_notified_once_in_indonesian(app: Any, catalogue: Any):
    with app.app_context():
        application = submitted(db.session, catalogue["siup"].id, "siup", number="REG/SIUP/1")
        email = application.applicant.email
        report = tick(db.session, app.config)
        assert report["notices"] == 2 and report["delivered"] >= 2
        subjects = [m.subject for m in _messages_to(email)]
        bodies = "\n".join(m.body for m in _messages_to(email))
        assert subjects == ["Permohonan Anda REG/SIUP/1"] * 2
        assert "Nomor registrasi: REG/SIUP/1" in bodies
        assert "/lacak/REG/SIUP/1" in bodies
        assert tick(db.session, app.config)["notices"] == 0


def test_return_for_revision_tells_the_reason_in_english_when_chosen(app: Any, catalogue: Any):
    with app.app_context():
        application = submitted(db.session, catalogue["siup"].id, "siup", number="REG/SIUP/2")
        application.applicant.locale = "en"
        tick(db.session, app.config)
        act(
            db.session,
            application,
            open_task(application),
            "return",
            actor=user(db.session, "front_office"),
            comment="KTP scan is unreadable",
        )
        db.session.commit()
        tick(db.session, app.config)
        last = _messages_to(application.applicant.email)[-1]
        assert "returned to you for revision" in last.body
        assert "KTP scan is unreadable" in last.body


def test_log_backend_marks_messages_sent(app: Any):
    with app.app_context():
        db.session.add(OutboxMessage(to_address="a@example.id", subject="s", body="b"))
        db.session.commit()
        assert deliver_outbox(db.session, {"MAIL_BACKEND": "log"}) == 1
        assert deliver_outbox(db.session, {"MAIL_BACKEND": "log"}) == 0


def test_smtp_backend_sends_then_marks_sent(app: Any, monkeypatch: pytest.MonkeyPatch):
    sent: list[Any] = []

    class FakeSMTP:
        def __init__(self, host: str, port: int, timeout: int) -> None:
            sent.append(("connect", host, port))

        def ehlo(self) -> None: ...
        def has_extn(self, name: str) -> bool:
            return True

        def starttls(self) -> None:
            sent.append(("starttls",))

        def login(self, user: str, password: str) -> None:
            sent.append(("login", user, password))

        def send_message(self, message: Any) -> None:
            sent.append(("send", message["To"], message["Subject"]))

        def __enter__(self) -> FakeSMTP:
            return self

        def __exit__(self, *exc: object) -> None:
            sent.append(("quit",))

    monkeypatch.setattr("runtime.mail_delivery.smtplib.SMTP", FakeSMTP)
    config = {
        "MAIL_BACKEND": "smtp",
        "SMTP_URL": "smtp://rakit:rah%40sia@mail.example.id:2525",
        "MAIL_FROM": "noreply@example.id",
    }
    with app.app_context():
        db.session.add(OutboxMessage(to_address="b@example.id", subject="Halo", body="isi"))
        db.session.commit()
        assert deliver_outbox(db.session, config) == 1
        assert db.session.scalar(select(OutboxMessage.sent_at)) is not None
    assert sent == [
        ("connect", "mail.example.id", 2525),
        ("starttls",),
        ("login", "rakit", "rah@sia"),
        ("send", "b@example.id", "Halo"),
        ("quit",),
    ]


def test_misconfigured_backend_is_a_clear_error(app: Any):
    with app.app_context():
        db.session.add(OutboxMessage(to_address="c@example.id", subject="s", body="b"))
        db.session.commit()
        with pytest.raises(MailConfigError, match="RAKIT_SMTP_URL"):
            deliver_outbox(db.session, {"MAIL_BACKEND": "smtp", "SMTP_URL": "mail.example.id"})
        with pytest.raises(MailConfigError, match="log or smtp"):
            deliver_outbox(db.session, {"MAIL_BACKEND": "pigeon"})


def test_worker_tick_command(app: Any, catalogue: Any):
    result = app.test_cli_runner().invoke(args=["worker-tick"])
    assert result.exit_code == 0, result.output
    assert "notices" in result.output
