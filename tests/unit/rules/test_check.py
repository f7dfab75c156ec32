"""rules.check: problems with JSON pointers, for the definition lint."""

from __future__ import annotations

from typing import Any

import rules

KNOWN = ["luas_usaha", "alamat_usaha", "bangunan", "meta.kind", "steps.bap"]


def codes(rule: Any, **kwargs: Any) -> list[tuple[str, str]]:
    return [(p.code, p.pointer) for p in rules.check(rule, KNOWN, **kwargs)]


def test_sound_rule_has_no_problems() -> None:
    rule = {
        "and": [
            {"<=": [{"var": "luas_usaha"}, 500]},
            {"==": [{"var": "alamat_usaha.regency"}, "3201"]},
            {"==": [{"var": "meta.kind"}, "new"]},
            {"==": [{"var": "steps.bap.hasil"}, "layak"]},
            {"all": [{"var": "bangunan"}, {">": [{"var": "luas"}, 0]}]},
            {
                "reduce": [
                    {"var": "bangunan"},
                    {"+": [{"var": "accumulator"}, {"var": "current.luas"}]},
                    0,
                ]
            },
            {"var": ""},
            {"var": {"cat": ["luas", "_usaha"]}},
        ]
    }
    assert codes(rule) == []


def test_unknown_var_with_pointer_prefix() -> None:
    rule = {"and": [{"<=": [{"var": "luas"}, 500]}, {"var": ["meta.kindx", 1]}]}
    assert codes(rule, pointer="/eligibility/0/rule") == [
        ("unknown_var", "/eligibility/0/rule/and/0/<=/0/var"),
        ("unknown_var", "/eligibility/0/rule/and/1/var/0"),
    ]


def test_prefix_of_a_dotted_var_is_not_enough_the_other_way() -> None:
    assert codes({"var": "alamat"}) == [("unknown_var", "/var")]


def test_missing_names_are_vars() -> None:
    assert codes({"missing": ["luas_usaha", "nik"]}) == [("unknown_var", "/missing/1")]
    assert codes({"missing_some": [1, ["nik"]]}) == [("unknown_var", "/missing_some/1/0")]


def test_unknown_operator_and_arity() -> None:
    assert codes({"or": [{"method": ["a", "b"]}, {"==": [1]}, {"substr": ["a"]}]}) == [
        ("unknown_operator", "/or/0"),
        ("bad_arity", "/or/1"),
        ("bad_arity", "/or/2"),
    ]


def test_pointer_escaping() -> None:
    assert codes({"a/b~c": [1]}, pointer="/x") == [("unknown_operator", "/x")]
    assert codes({"/": [{"var": "nope"}, 2]}) == [("unknown_var", "/~1/0/var")]


def test_tariff_tables() -> None:
    rule = {"*": [{"tariff": ["indeks_lokasi", "A"]}, {"tariff": ["indeks_lantai", "A"]}]}
    assert codes(rule, tables=["indeks_lokasi"]) == [("unknown_table", "/*/1/tariff/0")]


def test_patterns_and_rounding_arguments() -> None:
    rule = {
        "and": [
            {"matches": [{"var": "luas_usaha"}, "(a+)+"]},
            {"matches": [{"var": "luas_usaha"}, "[0-9]{16}"]},
            {"round_money": [1, "ceil", 10]},
        ]
    }
    assert codes(rule) == [
        ("unsafe_pattern", "/and/0/matches/1"),
        ("bad_argument", "/and/2/round_money/1"),
        ("bad_argument", "/and/2/round_money/2"),
    ]


def test_messages_are_bilingual() -> None:
    (problem,) = rules.check({"var": "nope"}, [])
    assert "nope" in problem.message_id and "Variabel" in problem.message_id
    assert "nope" in problem.message_en and "Variable" in problem.message_en


def test_size_problems() -> None:
    deep: Any = 1
    for _ in range(200):
        deep = {"!": deep}
    assert codes(deep, pointer="/rule") == [("too_deep", "/rule")]
