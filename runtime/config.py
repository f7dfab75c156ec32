"""Configuration: defaults, then RAKIT_* environment variables, then explicit overrides.

Every setting a deployment may change is listed in DEFAULTS and documented in the README.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

INSTANCE_DIR = Path(os.environ.get("RAKIT_INSTANCE_DIR", Path.cwd() / "instance"))

DEFAULTS: dict[str, Any] = {
    # SQLAlchemy URL. Default: an embedded SQLite file in the instance folder.
    "DATABASE_URL": f"sqlite:///{INSTANCE_DIR / 'rakit.sqlite3'}",
    # Flask session/CSRF signing key. Without RAKIT_SECRET_KEY a random key is generated once
    # and kept in KEY_FOLDER/flask-secret; production should set it.
    "SECRET_KEY": None,
    # Where uploaded documents are stored (outside the web root, random file names).
    "UPLOAD_FOLDER": str(INSTANCE_DIR / "uploads"),
    # Largest accepted request body (uploads), in megabytes.
    "MAX_UPLOAD_MB": 20,
    # Folder holding the office signing key (Ed25519, PEM); kept out of the database dump.
    "KEY_FOLDER": str(INSTANCE_DIR / "keys"),
    # Public base URL used in QR codes and e-mails.
    "PUBLIC_URL": "http://127.0.0.1:5000",
    # Default UI language (id or en).
    "DEFAULT_LOCALE": "id",
    # How the worker delivers the outbox: "log" (write to the log) or "smtp".
    "MAIL_BACKEND": "log",
    # SMTP server for MAIL_BACKEND=smtp: smtp://user:password@host:587 (or smtps://…:465).
    "SMTP_URL": "",
    # Sender address of outgoing e-mail.
    "MAIL_FROM": "Rakit DPMPTSP <no-reply@localhost>",
    # Demo/training mode: shows the role switcher and the reset button.
    "TRAINING_MODE": False,
    # Redis URL for the background worker's queue (huey); empty = a SQLite queue file.
    "REDIS_URL": "",
}

_BOOLEAN = {"TRAINING_MODE"}
_INTEGER = {"MAX_UPLOAD_MB"}


def from_environment(environ: os._Environ[str] | dict[str, str] | None = None) -> dict[str, Any]:
    """Read RAKIT_<NAME> for every known setting; unknown RAKIT_* variables are ignored."""
    env = os.environ if environ is None else environ
    found: dict[str, Any] = {}
    for name in DEFAULTS:
        raw = env.get(f"RAKIT_{name}")
        if raw is None:
            continue
        if name in _BOOLEAN:
            found[name] = raw.strip().lower() in {"1", "true", "yes", "on"}
        elif name in _INTEGER:
            found[name] = int(raw)
        else:
            found[name] = raw
    return found


def build_config(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Layer defaults → environment → overrides, and derive Flask's own keys."""
    config = {**DEFAULTS, **from_environment(), **(overrides or {})}
    if not config["SECRET_KEY"]:
        config["SECRET_KEY"] = instance_secret(Path(config["KEY_FOLDER"]) / "flask-secret")
    config["SQLALCHEMY_DATABASE_URI"] = config["DATABASE_URL"]
    config["SQLALCHEMY_ENGINE_OPTIONS"] = engine_options(config["DATABASE_URL"])
    config["MAX_CONTENT_LENGTH"] = int(config["MAX_UPLOAD_MB"]) * 1024 * 1024 + 64 * 1024
    config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    config.setdefault("BABEL_DEFAULT_LOCALE", config["DEFAULT_LOCALE"])
    return config


def instance_secret(path: Path) -> str:
    """A random secret kept in the instance folder, so sessions survive a restart of the demo.

    Production sets RAKIT_SECRET_KEY instead."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        secret = secrets.token_hex(32)
        path.write_text(secret)
        path.chmod(0o600)
        return secret


def engine_options(url: str) -> dict[str, Any]:
    if url.startswith("sqlite"):
        return {"connect_args": {"timeout": 30}}
    return {"pool_pre_ping": True}
