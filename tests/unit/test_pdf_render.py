"""PDF rendering fetches only Rakit's static files."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from runtime.pdf import qr_svg, render_pdf
from runtime.pdf.render import STATIC_BASE, StaticOnlyFetcher


def test_render_pdf_with_shipped_font_and_inline_qr():
    html = (
        "<style>@font-face{font-family:Shipped;src:url(fonts/DejaVuSans.ttf)}"
        "body{font-family:Shipped}</style>"
        f"<p>Izin Gangguan — Rp1.250.000</p>{qr_svg('https://example.id/lacak/ABC')}"
    )
    pdf = render_pdf(html)
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert any(str(f.get_object()["/BaseFont"]).endswith("+Shipped") for f in fonts.values())
    assert "Rp1.250.000" in reader.pages[0].extract_text()


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "http://127.0.0.1:5432/", STATIC_BASE + "../../../pyproject.toml"],
)
def test_fetcher_refuses_anything_but_static_files(url):
    with pytest.raises(ValueError, match="may not fetch"):
        StaticOnlyFetcher().fetch(url)


def test_fetcher_serves_static_files():
    response = StaticOnlyFetcher().fetch(STATIC_BASE + "css/rakit.css")
    assert response.status == 200
