"""Publishing definitions into the database: versions, immutability, the catalogue page."""

from __future__ import annotations

import copy
import json

import pytest
from sqlalchemy import func, select

from builder.versions import DefinitionInvalid
from runtime.definitions import CATALOGUE, publish, retire
from runtime.extensions import db
from runtime.models import AuditEvent, DefinitionVersion
from runtime.models.permits import ImmutableVersionError


@pytest.fixture()
def sample():
    return json.loads((CATALOGUE / "izin-gangguan.json").read_text(encoding="utf-8"))


def test_publishing_same_content_twice_gives_one_version(app, sample):
    with app.app_context():
        first = publish(db.session, sample, note="first")
        again = publish(db.session, copy.deepcopy(sample), note="again")
        db.session.commit()
        assert again.id == first.id and first.number == 1
        assert db.session.scalar(select(func.count(DefinitionVersion.id))) == 1
        assert db.session.scalar(select(func.count(AuditEvent.id))) == 1


def test_changed_content_gives_the_next_version(app, sample):
    with app.app_context():
        publish(db.session, sample)
        changed = copy.deepcopy(sample)
        changed["service_standard"]["sla_working_days"] += 1
        second = publish(db.session, changed, note="SLA change")
        db.session.commit()
        assert second.number == 2 and second.note == "SLA change"


def test_invalid_definition_is_refused_and_nothing_stored(app, sample):
    broken = copy.deepcopy(sample)
    broken["workflow"]["start"] = "no_such_step"
    with app.app_context():
        with pytest.raises(DefinitionInvalid) as refused:
            publish(db.session, broken)
        assert any(p.pointer == "/workflow/start" for p in refused.value.problems)
        db.session.rollback()
        assert db.session.scalar(select(func.count(DefinitionVersion.id))) == 0


def test_orm_refuses_to_modify_a_published_version(app, sample):
    with app.app_context():
        version = publish(db.session, sample)
        db.session.commit()
        version.definition = {**version.definition, "code": "tampered"}
        with pytest.raises(ImmutableVersionError):
            db.session.commit()
        db.session.rollback()
        with pytest.raises(ImmutableVersionError):
            db.session.delete(version)
            db.session.commit()


def test_retired_version_leaves_the_catalogue(app, client, sample):
    with app.app_context():
        publish(db.session, sample)
        db.session.commit()
    assert "izin-gangguan" in client.get("/").get_data(as_text=True)
    with app.app_context():
        retire(db.session, "izin-gangguan", 1)
        db.session.commit()
    assert "izin-gangguan" not in client.get("/").get_data(as_text=True)


def test_seed_demo_command_publishes_the_catalogue(app):
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "izin-gangguan v1" in result.output
    again = app.test_cli_runner().invoke(args=["seed-demo"])
    assert again.exit_code == 0 and "izin-gangguan v1" in again.output


def test_catalogue_fixture_and_service_standard_page(catalogue, client):
    assert "izin-gangguan" in catalogue
    page = client.get("/izin/izin-gangguan").get_data(as_text=True)
    assert "Persyaratan" in page and "Prosedur" in page and "hari kerja" in page


def test_rakit_import_and_export_round_trip_byte_identical(database_url, tmp_path, monkeypatch):
    from builder.cli import main, register_storage
    from runtime.migrate import upgrade

    upgrade(database_url)
    monkeypatch.setenv("RAKIT_DATABASE_URL", database_url)
    register_storage(None)
    try:
        source = CATALOGUE / "siup.json"
        assert main(["import", str(source)]) == 0
        first, second = tmp_path / "a.json", tmp_path / "b.json"
        assert main(["export", "siup", "-o", str(first)]) == 0
        assert main(["import", str(first)]) == 0
        assert main(["export", "siup", "-o", str(second)]) == 0
        assert first.read_bytes() == second.read_bytes()
    finally:
        register_storage(None)
