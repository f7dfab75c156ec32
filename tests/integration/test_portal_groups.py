"""Repeating groups without JavaScript: "add a row" and "remove this row" are submit buttons
handled on the server (nothing typed is lost); min_items/max_items are enforced on save."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from runtime.extensions import db
from runtime.models import Application
from tests.language import english
from tests.portal_support import csrf, register, start

URL = "/permohonan/{pid}/halaman/reklame"


def row(i: int, text: str) -> dict[str, str]:
    values = {
        "jenis": "billboard",
        "naskah": text,
        "panjang": "4",
        "lebar": "3",
        "jumlah_sisi": "1",
        "kelas_lokasi": "a",
        "masa_bulan": "12",
        "lahan": "milik_sendiri",
        "titik-lat": "-1.2654",
        "titik-lng": "116.8312",
    }
    return {f"reklame-{i}-{k}": v for k, v in values.items()}


def _post(client: Any, public_id: str, data: dict[str, str], action: str) -> Any:
    url = URL.format(pid=public_id)
    token = csrf(client.get(url).get_data(as_text=True))
    return client.post(
        url, data={"csrf_token": token, "action": action, "tanggal_mulai": "2030-01-01", **data}
    )


def _rows(app: Any, public_id: str) -> list[dict[str, Any]]:
    with app.app_context():
        found = db.session.scalar(select(Application).where(Application.public_id == public_id))
        return list(found.data.get("reklame") or [])


def _started(app: Any, client: Any) -> str:
    register(client, app)
    english(client)
    return start(client, "izin-reklame")


def test_add_a_row_keeps_what_was_typed(app: Any, client: Any, catalogue: Any) -> None:
    public_id = _started(app, client)
    first = client.get(URL.format(pid=public_id)).get_data(as_text=True)
    assert 'value="add:reklame"' in first and "reklame-1-naskah" not in first
    response = _post(client, public_id, row(0, "Promo Ramadan"), "add:reklame")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'value="Promo Ramadan"' in html and 'name="reklame-1-naskah"' in html
    assert "error-summary" not in html
    assert [r["naskah"] for r in _rows(app, public_id)] == ["Promo Ramadan"]


def test_remove_a_row_renumbers_the_rest(app: Any, client: Any, catalogue: Any) -> None:
    public_id = _started(app, client)
    rows = {**row(0, "Satu"), **row(1, "Dua"), **row(2, "Tiga")}
    html = _post(client, public_id, rows, "remove:reklame:0").get_data(as_text=True)
    assert 'value="Satu"' not in html
    assert 'id="reklame-0-naskah"' in html and 'value="Dua"' in html
    assert 'name="reklame-2-naskah"' not in html
    assert [r["naskah"] for r in _rows(app, public_id)] == ["Dua", "Tiga"]
    assert _rows(app, public_id)[0]["titik"] == {"lat": -1.2654, "lng": 116.8312}


def test_at_least_one_row_and_a_started_row_is_complete(
    app: Any, client: Any, catalogue: Any
) -> None:
    public_id = _started(app, client)
    empty = _post(client, public_id, {}, "next")
    assert empty.status_code == 200 and "error-summary" in empty.get_data(as_text=True)
    partial = _post(client, public_id, {"reklame-0-naskah": "Hanya naskah"}, "next")
    html = partial.get_data(as_text=True)
    assert "Row 1: fill in “Type”." in html and 'value="Hanya naskah"' in html
    assert _post(client, public_id, row(0, "Lengkap"), "next").status_code == 302


def test_max_items_is_enforced_and_the_add_button_goes(
    app: Any, client: Any, catalogue: Any
) -> None:
    public_id = _started(app, client)
    twenty = {k: v for i in range(20) for k, v in row(i, f"Reklame {i}").items()}
    html = _post(client, public_id, twenty, "add:reklame").get_data(as_text=True)
    assert 'name="reklame-20-naskah"' not in html  # no 21st row
    assert 'value="add:reklame" class="secondary" data-add-row formnovalidate hidden' in html
    extra = {**twenty, **row(20, "Satu lagi")}
    refused = _post(client, public_id, extra, "next")
    assert refused.status_code == 200
    assert "Fill in at most 20 rows." in refused.get_data(as_text=True)


def test_min_items_counts_the_filled_rows(app: Any) -> None:
    from runtime.forms.groups import count_problems

    fdef = {"min_items": 2, "max_items": 3}
    with app.test_request_context():
        assert len(count_problems(fdef, [{"a": 1}], required=False)) == 1
        assert count_problems(fdef, [], required=False) == []  # optional and left empty
        assert len(count_problems(fdef, [], required=True)) == 1
        assert count_problems(fdef, [{"a": 1}, {"a": 2}], required=True) == []
        assert len(count_problems(fdef, [{"a": i} for i in range(4)], required=True)) == 1
