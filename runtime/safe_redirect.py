"""Redirect targets taken from requests must stay on this site."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import url_for


def safe_next_url(target: str | None, default_endpoint: str = "public.index") -> str:
    """Return `target` when it is a local path (no scheme, no host, not protocol-relative)."""
    if target:
        parts = urlsplit(target)
        if (
            not parts.scheme
            and not parts.netloc
            and target.startswith("/")
            and not target.startswith("//")
        ):
            return target
        if parts.netloc and parts.netloc == _own_host():
            return parts.path + (f"?{parts.query}" if parts.query else "")
    return url_for(default_endpoint)


def _own_host() -> str:
    from flask import request

    return request.host
