"""PDF rendering (WeasyPrint) and QR codes (segno), shared by every document Rakit produces."""

from runtime.pdf.qr import qr_svg
from runtime.pdf.render import STATIC_BASE, render_pdf

__all__ = ["STATIC_BASE", "qr_svg", "render_pdf"]
