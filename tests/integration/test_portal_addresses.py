"""Address fields: cascading region selects from the `regions` list (a small subset here), the
public `/wilayah/` endpoint for the next level, and the page without JavaScript: saving the page
fills the selects under what was chosen."""

from __future__ import annotations

import re
from typing import Any

from tests.language import english
from tests.portal_support import PAGE_PEMOHON, csrf, register, start

URL = "/permohonan/{pid}/halaman/pemohon"


def _options(html: str, name: str) -> list[str]:
    select = html.split(f'name="{name}"', 1)[1].split("</select>", 1)[0]
    return [v for v in re.findall(r'value="([^"]*)"', select) if v]


def _post(client: Any, public_id: str, data: dict[str, str], action: str = "next") -> Any:
    url = URL.format(pid=public_id)
    token = csrf(client.get(url).get_data(as_text=True))
    return client.post(url, data={"csrf_token": token, "action": action, **data})


def _without_address(**address: str) -> dict[str, str]:
    page = {k: v for k, v in PAGE_PEMOHON.items() if not k.startswith("alamat_pemohon-")}
    return {**page, **{f"alamat_pemohon-{k}": v for k, v in address.items()}}


def test_the_next_level_as_public_cached_json(app: Any, client: Any, catalogue: Any) -> None:
    provinces = client.get("/wilayah/")
    assert provinces.status_code == 200
    assert {"code": "64", "name": "KALIMANTAN TIMUR"} in provinces.get_json()
    assert "public" in provinces.headers["Cache-Control"]
    regencies = client.get("/wilayah/64").get_json()
    assert {"code": "64.71", "name": "KOTA BALIKPAPAN"} in regencies
    assert all(r["code"].startswith("64.") for r in regencies)
    villages = client.get("/wilayah/64.71.01").get_json()
    assert {"code": "64.71.01.1001", "name": "Manggar"} in villages
    assert client.get("/wilayah/99.99").get_json() == []
    assert client.get("/wilayah/abc").status_code == 404
    etag = client.get("/wilayah/64").headers["ETag"]
    assert client.get("/wilayah/64", headers={"If-None-Match": etag}).status_code == 304


def test_selects_start_with_the_provinces_only(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    html = client.get(URL.format(pid=start(client))).get_data(as_text=True)
    assert _options(html, "alamat_pemohon-province") == ["31", "64"]  # by name: DKI, KALTIM
    assert _options(html, "alamat_pemohon-regency") == []
    assert 'data-region-level="regency"' in html


def test_without_javascript_saving_fills_the_next_select(
    app: Any, client: Any, catalogue: Any
) -> None:
    register(client, app)
    english(client)
    public_id = start(client)
    shown = _post(client, public_id, _without_address(province="64"), action="refresh")
    html = shown.get_data(as_text=True)
    assert shown.status_code == 200 and "error-summary" not in html
    assert "64.71" in _options(html, "alamat_pemohon-regency")
    assert 'value="Siti Rahayu"' in html  # nothing typed is lost
    html = _post(
        client, public_id, _without_address(province="64", regency="64.71"), "refresh"
    ).get_data(as_text=True)
    assert "64.71.01" in _options(html, "alamat_pemohon-district")
    assert 'value="64.71" selected' in html or 'selected value="64.71"' in html


def test_an_unfinished_address_is_refused(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    english(client)
    public_id = start(client)
    response = _post(client, public_id, _without_address(province="64", street="Jl. A"))
    assert response.status_code == 200
    assert "Choose the regency / city." in response.get_data(as_text=True)


def test_a_choice_outside_its_parent_is_cleared(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    english(client)
    public_id = start(client)
    # a regency of another province (the province was changed after it): it is dropped
    stale = _without_address(province="64", regency="31.71", district="64.71.01", street="Jl. A")
    html = _post(client, public_id, stale).get_data(as_text=True)
    assert "31.71" not in _options(html, "alamat_pemohon-regency")
    assert 'value="31.71" selected' not in html
    assert "Choose the regency / city." in html


def test_the_review_shows_region_names(app: Any, client: Any, catalogue: Any) -> None:
    register(client, app)
    public_id = start(client)
    assert _post(client, public_id, PAGE_PEMOHON).status_code == 302
    review = client.get(f"/permohonan/{public_id}/periksa").get_data(as_text=True)
    assert "Jl. Jenderal Sudirman No. 1, Manggar, Balikpapan Timur, KOTA BALIKPAPAN" in review
