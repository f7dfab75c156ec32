from __future__ import annotations

from typing import Any

import pytest

from builder.diff import diff_definitions, summary
from builder.migrations import FORMAT_VERSION, UnsupportedFormatVersion, upgrade
from tests.unit.builder.helpers import minimal, patch


def test_no_changes() -> None:
    assert diff_definitions(minimal(), minimal()) == []
    assert summary([]) == "No changes."


def test_changes_are_matched_by_id_not_position() -> None:
    before = minimal()
    after = patch(
        before,
        [
            ("del", "/form/pages/0/fields/0"),
            ("add", "/form/pages/0/fields/-", before["form"]["pages"][0]["fields"][0]),
        ],
    )
    assert diff_definitions(before, after) == []


def test_field_added_removed_changed() -> None:
    after = patch(
        minimal(),
        [
            ("set", "/form/pages/0/fields/1/max", 5000),
            ("del", "/form/pages/1/fields/2"),
            (
                "add",
                "/form/pages/1/fields/-",
                {"id": "npwp", "type": "npwp", "label": {"id": "NPWP", "en": "NPWP"}},
            ),
        ],
    )
    changes = {(c.section, c.op, c.id): c for c in diff_definitions(minimal(), after)}
    assert set(changes) == {
        ("fields", "changed", "luas_usaha"),
        ("fields", "removed", "nib"),
        ("fields", "added", "npwp"),
    }
    changed = changes[("fields", "changed", "luas_usaha")]
    assert changed.changed_keys == ("max",)
    assert (changed.before["max"], changed.after["max"]) == (100000, 5000)
    assert changed.pointer == "/form/pages/0/fields/1"
    assert changes[("fields", "added", "npwp")].pointer == "/form/pages/1/fields/2"


def test_sections_and_summary() -> None:
    after = patch(
        minimal(),
        [
            ("set", "/fees/due_days", 14),
            ("set", "/tables/indeks_lokasi/rows/A", "4"),
            ("set", "/workflow/steps/2/sla_working_days", 2),
            ("set", "/documents/0/max_size_mb", 5),
            ("set", "/name/en", "Sample Permit"),
            ("del", "/outputs/3"),
        ],
    )
    changes = diff_definitions(minimal(), after)
    got = [(c.section, c.op, c.id, c.changed_keys) for c in changes]
    assert got == [
        ("meta", "changed", "name", ("en",)),
        ("documents", "changed", "ktp", ("max_size_mb",)),
        ("fees", "changed", None, ("due_days",)),
        ("steps", "changed", "draft", ("sla_working_days",)),
        ("tables", "changed", "indeks_lokasi", ("rows",)),
        ("outputs", "removed", "rejection_letter", ()),
    ]
    assert "step 'draft' changed (sla_working_days)" in summary(changes)
    assert "langkah 'draft' diubah (sla_working_days)" in summary(changes, "id")
    assert changes[0].to_dict()["changed_keys"] == ["en"]


def _from_v0(defn: dict[str, Any]) -> dict[str, Any]:
    """Format 0 (synthetic, for this test) called the permit code `slug`; format 1 renamed it to
    `code` so that every identity in the format is spelled the same way."""
    defn["code"] = defn.pop("slug")
    return defn


def test_upgrade_applies_named_migrations_in_order() -> None:
    old = minimal()
    old["format_version"] = 0
    old["slug"] = old.pop("code")
    upgraded = upgrade(old, migrations={0: _from_v0})
    assert upgraded == minimal()
    assert old["format_version"] == 0 and "slug" in old  # the input is not modified
    assert _from_v0.__doc__


def test_upgrade_is_identity_on_the_current_format() -> None:
    assert FORMAT_VERSION == 1
    assert upgrade(minimal()) == minimal()


def test_upgrade_refuses_unknown_versions() -> None:
    with pytest.raises(UnsupportedFormatVersion):
        upgrade({"format_version": 2})
    with pytest.raises(UnsupportedFormatVersion):
        upgrade({"format_version": 0})
