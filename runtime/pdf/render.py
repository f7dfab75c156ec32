"""HTML → PDF with WeasyPrint, fetching nothing but Rakit's own static files.

WeasyPrint's default fetcher follows any URL (file://, http:// to internal hosts…), so a value
typed by an applicant could steer it. Templates refer to static files as `STATIC_BASE + path`
(e.g. fonts); everything else is refused."""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_BASE = "https://rakit.invalid/static/"


class StaticOnlyFetcher(URLFetcher):
    """Serves STATIC_BASE URLs from runtime/static; refuses every other URL."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url.startswith(STATIC_BASE):
            path = (STATIC_DIR / url[len(STATIC_BASE) :].split("?")[0]).resolve()
            if path.is_file() and STATIC_DIR in path.parents:
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(
                    url, body=path.read_bytes(), headers={"Content-Type": mime}
                )
        raise ValueError(f"Rakit PDFs may not fetch {url[:80]}")


def render_pdf(html: str) -> bytes:
    """Render an HTML string (from a Jinja template) to PDF bytes."""
    document = HTML(string=html, base_url=STATIC_BASE, url_fetcher=StaticOnlyFetcher())
    return bytes(document.write_pdf())
