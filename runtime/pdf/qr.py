"""QR codes as inline SVG (no file, no fetch) for receipts and permits."""

from __future__ import annotations

import io

import segno


def qr_svg(data: str, scale: int = 3) -> str:
    """An <svg> element encoding `data` (error correction M), ready to inline in HTML/PDF."""
    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="svg", scale=scale, xmldecl=False, svgns=True)
    return buffer.getvalue().decode("utf-8")
