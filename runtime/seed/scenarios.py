"""Training scenarios: demo applications parked at the steps a workshop practises, one per flow.

Each scenario is built the way a real application is: the demo applicant starts a draft on the
published version, "types" the data of one of the definition's eligible test cases, uploads a
sample file for every required document and submits through the portal's service; officers
(the demo users) then act through the workflow engine until the scenario's step is reached. No
task row is ever written here.

Which application plays which scenario is recorded in the audit trail (entity
`training_scenario`), which is what makes seeding idempotent and lets the trainer page find them.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime import audit
from runtime.catalogue import current_version
from runtime.models import Application, AuditEvent, Task, User, utcnow
from runtime.seed.demo import DEMO_USERS
from runtime.workflow import act, calendar
from runtime.workflow.settings import WorkflowSettings
from runtime.workflow.settings import current as configured_settings

Bilingual = dict[str, str]
END = "@end"
SCENARIO_ENTITY = "training_scenario"
#: more engine steps than any sample chain has: a scenario that never reaches its step fails
MAX_MOVES = 40


class ScenarioError(RuntimeError):
    """A scenario could not be built (its step is not on the route of the published version)."""


@dataclass(frozen=True)
class Scenario:
    """An application parked at `until` (a step id, or "@end" for an issued permit).

    `then` is an action taken on `until` once reached (e.g. "return", with `comment`);
    `next_role` is who should act next and `todo` says what they should do, in plain words."""

    id: str
    permit: str
    case: str
    until: str
    title: Bilingual
    next_role: str
    todo: Bilingual
    then: str = ""
    comment: str = ""


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        id="ho-penjadwalan",
        permit="izin-gangguan",
        case="bengkel_kecil_milik_sendiri",
        until="penjadwalan",
        title={
            "id": "Izin Gangguan menunggu penjadwalan",
            "en": "Nuisance permit waiting for scheduling",
        },
        next_role="scheduler",
        todo={
            "id": "Buat Surat Tugas: isi nomor surat, tanggal pemeriksaan dan petugas, "
            "lalu setujui.",
            "en": "Issue the assignment letter (Surat Tugas): its number, the inspection date "
            "and the officers, then approve.",
        },
    ),
    Scenario(
        id="ho-verifikasi-bap",
        permit="izin-gangguan",
        case="laundry_mikro_sewa_pembulatan",
        until="verifikasi_bap",
        title={
            "id": "Izin Gangguan: BAP menunggu verifikasi Kasi",
            "en": "Nuisance permit: inspection report waiting for the section head",
        },
        next_role="kasi",
        todo={
            "id": "Baca Berita Acara Pemeriksaan (BAP) tim teknis, lalu setujui atau kembalikan.",
            "en": "Read the field team's inspection report (BAP), then approve it or send it back.",
        },
    ),
    Scenario(
        id="ho-pembayaran",
        permit="izin-gangguan",
        case="bengkel_kecil_milik_sendiri",
        until="pembayaran",
        title={
            "id": "Izin Gangguan menunggu pembayaran SKRD",
            "en": "Nuisance permit waiting for the levy payment (SKRD)",
        },
        next_role="cashier",
        todo={
            "id": "Catat pembayaran: jumlah sama dengan total SKRD, nomor bukti setor dan "
            "tanggal bayar.",
            "en": "Record the payment: the SKRD total, the deposit slip number and the date paid.",
        },
    ),
    Scenario(
        id="ho-tanda-tangan",
        permit="izin-gangguan",
        case="laundry_mikro_sewa_pembulatan",
        until="ttd_kadis",
        title={
            "id": "Izin Gangguan menunggu tanda tangan",
            "en": "Nuisance permit waiting for signature",
        },
        next_role="kepala_dinas",
        todo={
            "id": "Periksa draf izin yang sudah diparaf Kabid, lalu tandatangani secara "
            "elektronik.",
            "en": "Check the draft permit initialled by the division head, then sign it.",
        },
    ),
    Scenario(
        id="siup-verifikasi",
        permit="siup",
        case="pt_menengah",
        until="verifikasi",
        title={
            "id": "SIUP menunggu pemeriksaan kelengkapan",
            "en": "SIUP waiting for the intake check",
        },
        next_role="front_office",
        todo={
            "id": "Periksa kelengkapan dan keabsahan dokumen, lalu teruskan, kembalikan atau "
            "tolak.",
            "en": "Check the documents are complete and valid, then forward, return or reject.",
        },
    ),
    Scenario(
        id="siup-dikembalikan",
        permit="siup",
        case="perorangan_kecil",
        until="verifikasi",
        then="return",
        comment="Pas foto buram; mohon unggah ulang pas foto yang jelas.",
        title={"id": "SIUP dikembalikan untuk perbaikan", "en": "SIUP returned for revision"},
        next_role="pemohon",
        todo={
            "id": "Buka permohonan, baca catatan petugas, unggah ulang pas foto, lalu kirim lagi.",
            "en": "Open the application, read the officer's note, upload the photo again and "
            "resubmit.",
        },
    ),
    Scenario(
        id="siup-terbit",
        permit="siup",
        case="pt_menengah",
        until=END,
        title={
            "id": "SIUP sudah terbit (izin ditandatangani)",
            "en": "SIUP issued (signed permit)",
        },
        next_role="pemohon",
        todo={
            "id": "Unduh SK izin yang sudah ditandatangani dan pindai kode QR-nya untuk "
            "memeriksanya.",
            "en": "Download the signed permit and scan its QR code to check it.",
        },
    ),
    Scenario(
        id="kos-rekomendasi",
        permit="rumah-kos",
        case="kos_putri_12_kamar",
        until="rapat_teknis",
        title={
            "id": "Rumah Kos: dua rekomendasi berjalan bersamaan",
            "en": "Boarding house: two recommendations in parallel",
        },
        next_role="technical_agency",
        todo={
            "id": "Isi rekomendasi Kecamatan dan rekomendasi Perkim; alur berlanjut setelah "
            "keduanya selesai.",
            "en": "Give the district's and the housing agency's recommendations; the chain "
            "moves on once both are done.",
        },
    ),
)


def scenario(scenario_id: str) -> Scenario:
    """The scenario `scenario_id`; KeyError naming the known ids otherwise."""
    for found in SCENARIOS:
        if found.id == scenario_id:
            return found
    raise KeyError(f"unknown scenario {scenario_id!r}; known: {', '.join(s.id for s in SCENARIOS)}")


def scenario_applications(session: Session) -> dict[str, Application]:
    """The application that plays each scenario (newest wins), by scenario id."""
    rows = session.execute(
        select(AuditEvent.entity_id, Application)
        .join(Application, Application.id == AuditEvent.application_id)
        .where(AuditEvent.entity == SCENARIO_ENTITY)
        .order_by(AuditEvent.id)
    ).all()
    return {scenario_id: application for scenario_id, application in rows}


def seed_scenarios(session: Session, settings: WorkflowSettings | None = None) -> list[str]:
    """Build every scenario that has no application yet; returns the ids built.

    Skips what cannot be built here (no demo applicant, or a scenario's permit type is not
    published). Flushes, never commits. Raises ScenarioError."""
    return [item.id for item in iter_seed(session, settings)]


def iter_seed(session: Session, settings: WorkflowSettings | None = None) -> Iterator[Scenario]:
    """Like `seed_scenarios`, yielding each scenario once built (for a progress display)."""
    settings = settings or configured_settings()
    existing = scenario_applications(session)
    for item in SCENARIOS:
        if item.id not in existing and build_scenario(session, item, settings) is not None:
            yield item


def build_scenario(
    session: Session, item: Scenario, settings: WorkflowSettings
) -> Application | None:
    """Submit one scenario's application and walk it to its step; None when it cannot be built
    here (no demo applicant, permit type not published). Raises ScenarioError."""
    from runtime.portal import services

    version = current_version(session, item.permit)
    applicant = demo_user(session, "pemohon")
    if version is None or applicant is None:
        return None
    application = services.start(session, version, applicant)
    application.data = case_data(version.definition, item.case)
    upload_required_documents(session, application, applicant, settings)
    services.submit(session, application, actor=applicant)
    walk(session, item, application, settings)
    audit.record(
        session,
        actor=None,
        entity=SCENARIO_ENTITY,
        entity_id=item.id,
        action="training.scenario",
        application_id=application.id,
        comment=item.title["id"],
    )
    session.flush()
    return application


def case_data(definition: dict[str, Any], case_id: str) -> dict[str, Any]:
    """A copy of the data of the definition's test case `case_id` (valid, eligible data)."""
    for case in definition.get("test_cases", []):
        if case.get("id") == case_id:
            return dict(case["data"])
    raise ScenarioError(f"{definition.get('code')}: no test case {case_id!r}")


def upload_required_documents(
    session: Session, application: Application, applicant: User, settings: WorkflowSettings
) -> None:
    from runtime.documents import store_upload
    from runtime.portal.services import evaluate_application
    from runtime.training.samples import sample_file

    settings.upload_folder.mkdir(parents=True, exist_ok=True)
    for need in evaluate_application(session, application).application_documents():
        if need.required:
            name, content = sample_file(list(need.definition.get("accept", [])))
            store_upload(
                session,
                application,
                need.definition,
                io.BytesIO(content),
                name,
                settings.upload_folder,
                uploaded_by=applicant,
            )


def walk(
    session: Session, item: Scenario, application: Application, settings: WorkflowSettings
) -> None:
    """Approve step after step (as the demo user of each step's role) until `item.until`."""
    for _ in range(MAX_MOVES):
        if application.status != "in_progress" or reached(session, application, item.until):
            break
        approve_next(session, item.permit, application, settings)
    if item.until == END:
        if application.status != "issued":
            raise ScenarioError(f"{item.id}: ended {application.status}, not issued")
        return
    if not reached(session, application, item.until):
        raise ScenarioError(f"{item.id}: step {item.until!r} was not reached")
    if item.then:
        task = open_tasks(session, application)[0]
        actor = demo_user(session, task.role)
        assert actor is not None
        act(
            session,
            application,
            task,
            item.then,
            actor=actor,
            comment=item.comment,
            settings=settings,
        )


def reached(session: Session, application: Application, step_id: str) -> bool:
    """True when `step_id` is open (a parallel group counts while its sub-steps run)."""
    return any(
        task.step_id == step_id
        for task in session.scalars(
            select(Task).where(
                Task.application_id == application.id, Task.status.in_(("open", "group"))
            )
        )
    )


def open_tasks(session: Session, application: Application) -> list[Task]:
    return list(
        session.scalars(
            select(Task)
            .where(Task.application_id == application.id, Task.status == "open")
            .order_by(Task.id)
        )
    )


def approve_next(
    session: Session, permit: str, application: Application, settings: WorkflowSettings
) -> None:
    from runtime.training.samples import officer_form
    from runtime.workflow.fees import current_skrd

    task = open_tasks(session, application)[0]
    actor = demo_user(session, task.role)
    if actor is None:
        raise ScenarioError(f"no demo user for role {task.role!r}")
    skrd = current_skrd(session, application.id)
    amount = f"{skrd.total:.0f}" if skrd else ""
    form = officer_form(permit, task.step_id, today(), application.data, amount)
    act(session, application, task, "approve", actor=actor, form_data=form, settings=settings)


def demo_user(session: Session, role: str) -> User | None:
    """The demo user of `role` (see runtime.seed.demo.DEMO_USERS), or None."""
    email = next((d.email for d in DEMO_USERS if d.role == role), None)
    if email is None:
        return None
    return session.scalar(select(User).where(User.email == email))


def today() -> dt.date:
    """Today in the office's time zone (officer forms date their records today)."""
    return calendar.local_date(utcnow())
