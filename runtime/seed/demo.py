"""Demo office, one login per role, and small reference lists — for `make demo` and training."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from runtime.auth.passwords import hash_password
from runtime.models import Office, ReferenceItem, User, UserRole, utcnow

DEMO_PASSWORD = "rakit-demo"  # noqa: S105 - published demo credential, training only


@dataclass(frozen=True)
class DemoUser:
    role: str
    email: str
    name: str
    nik: str | None = None


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("pemohon", "pemohon@demo.rakit.id", "Siti Rahmawati", "6471054107900001"),
    DemoUser("front_office", "loket@demo.rakit.id", "Andi Pratama (Petugas Loket)"),
    DemoUser("scheduler", "penjadwalan@demo.rakit.id", "Rina Kusuma (Penjadwalan)"),
    DemoUser("field_inspector", "teknis@demo.rakit.id", "Budi Santoso (Tim Teknis)"),
    DemoUser("technical_agency", "opd@demo.rakit.id", "dr. Made Wirawan (OPD Teknis)"),
    DemoUser("back_office", "backoffice@demo.rakit.id", "Dewi Lestari (Back Office)"),
    DemoUser("cashier", "kasir@demo.rakit.id", "Yusuf Hidayat (Bendahara Penerima)"),
    DemoUser("kasi", "kasi@demo.rakit.id", "Hendra Wijaya, S.E. (Kasi)"),
    DemoUser("kabid", "kabid@demo.rakit.id", "Ir. Lina Marlina (Kabid)"),
    DemoUser("kepala_dinas", "kadis@demo.rakit.id", "Drs. H. Ahmad Fauzi, M.Si. (Kepala Dinas)"),
    DemoUser("archivist", "arsip@demo.rakit.id", "Tono Sugiarto (Arsip)"),
    DemoUser("admin", "admin@demo.rakit.id", "Admin DPMPTSP"),
)

DEMO_OFFICE = {
    "code": "dpmptsp-demo",
    "name": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Contoh",
    "region_name": "Kota Contoh",
    "address": "Jl. Jenderal Sudirman No. 1, Kota Contoh",
    "letterhead": "PEMERINTAH KOTA CONTOH\nDINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU",
    "signing_official_name": "Drs. H. Ahmad Fauzi, M.Si.",
    "signing_official_title": "Kepala Dinas",
    "signing_official_nip": "196805121994031007",
}

REFERENCE_LISTS: dict[str, list[tuple[str, str, str]]] = {
    "location_class": [
        ("A", "Kelas A — jalan protokol / pusat kota", "Class A — main road / city centre"),
        ("B", "Kelas B — jalan kolektor", "Class B — collector road"),
        ("C", "Kelas C — jalan lingkungan", "Class C — local road"),
    ],
    "business_scale": [
        ("mikro", "Usaha mikro", "Micro business"),
        ("kecil", "Usaha kecil", "Small business"),
        ("menengah", "Usaha menengah", "Medium business"),
        ("besar", "Usaha besar", "Large business"),
    ],
    "kbli": [
        ("47111", "Perdagangan eceran berbagai macam barang (minimarket)", "Retail (minimarket)"),
        ("56101", "Restoran", "Restaurants"),
        ("10792", "Industri kue basah", "Traditional cake production"),
        ("41011", "Konstruksi gedung hunian", "Residential building construction"),
        ("55900", "Penyediaan akomodasi lainnya (rumah kos)", "Other accommodation (boarding)"),
        ("73100", "Periklanan", "Advertising"),
        ("86901", "Aktivitas pelayanan kesehatan bidan", "Midwifery services"),
    ],
}


def seed_office(session: Session) -> Office:
    office = session.scalar(select(Office).where(Office.code == DEMO_OFFICE["code"]))
    if office is None:
        office = Office(**DEMO_OFFICE)
        session.add(office)
        session.flush()
    return office


def seed_users(session: Session, office: Office) -> list[DemoUser]:
    """Create the demo users that do not exist yet; every one gets DEMO_PASSWORD."""
    password_hash = hash_password(DEMO_PASSWORD)
    for demo in DEMO_USERS:
        if session.scalar(select(User).where(User.email == demo.email)) is not None:
            continue
        user = User(
            email=demo.email,
            name=demo.name,
            nik=demo.nik,
            phone="081234567890",
            password_hash=password_hash,
            email_verified_at=utcnow(),
            office_id=None if demo.role == "pemohon" else office.id,
        )
        user.roles.append(UserRole(role=demo.role))
        session.add(user)
    return list(DEMO_USERS)


def seed_reference_lists(session: Session) -> None:
    existing = {(r.list_code, r.key) for r in session.scalars(select(ReferenceItem))}
    for list_code, items in REFERENCE_LISTS.items():
        for key, label_id, label_en in items:
            if (list_code, key) not in existing:
                session.add(
                    ReferenceItem(
                        list_code=list_code, key=key, label_id=label_id, label_en=label_en
                    )
                )
