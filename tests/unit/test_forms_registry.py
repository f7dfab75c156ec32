"""The runtime's field-type registry stays in step with the builder's."""

from __future__ import annotations

from builder.field_types import FIELD_TYPES
from runtime.forms.registry import FIELD_KINDS


def test_registries_have_identical_keys() -> None:
    assert set(FIELD_KINDS) == set(FIELD_TYPES)


def test_only_display_types_have_no_wtforms_field() -> None:
    no_field = {name for name, kind in FIELD_KINDS.items() if kind.build is None}
    assert no_field == {n for n, t in FIELD_TYPES.items() if t.value_kind == "none"}
