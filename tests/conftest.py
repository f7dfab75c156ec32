"""Shared pytest configuration.

Browser tests use Debian's Chromium: Playwright cannot download its own browsers here.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

CHROMIUM = os.environ.get("RAKIT_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.database import PostgresDatabases, SqliteDatabases, backend

    dbs = (
        PostgresDatabases()
        if backend() == "postgresql"
        else SqliteDatabases(tmp_path_factory.mktemp("db"))
    )
    yield dbs
    dbs.close()


@pytest.fixture()
def database_url(databases: Any) -> Any:
    with databases.fresh() as url:
        yield url


@pytest.fixture()
def app(database_url: str, tmp_path: Any) -> Any:
    from runtime import create_app

    application = create_app(
        {
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            "KEY_FOLDER": str(tmp_path / "keys"),
            "TESTING": True,
        }
    )
    yield application
    from runtime.extensions import db

    with application.app_context():
        db.engine.dispose()


@pytest.fixture()
def client(app: Any) -> Any:
    return app.test_client()


def _buffered(wsgi_app: Any) -> Any:
    """Read each response whole and close it at once. Werkzeug's development server leaves a
    streamed file open when the browser drops the connection mid-response (a navigation), and
    the ResourceWarning would fail an unrelated test."""

    def middleware(environ: Any, start_response: Any) -> Any:
        iterable = wsgi_app(environ, start_response)
        try:
            return [b"".join(iterable)]
        finally:
            close = getattr(iterable, "close", None)
            if close is not None:
                close()

    return middleware


@pytest.fixture()
def live_server(app: Any) -> Any:
    """The app served on a free localhost port in a background thread (for Playwright)."""
    import threading

    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, _buffered(app.wsgi_app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["PUBLIC_URL"] = f"http://127.0.0.1:{server.server_port}"
    yield app.config["PUBLIC_URL"]
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture()
def catalogue(app: Any) -> Any:
    """The app's database seeded like `make demo`: holidays, reference lists (regions: a small
    subset, tests/regions_support.py), demo office and users, every sample permit published.
    Returns {code: DefinitionVersion}."""
    from runtime.definitions import load_catalogue
    from runtime.extensions import db
    from runtime.seed.demo import seed_office, seed_reference_lists, seed_users
    from runtime.seed.holidays import seed_holidays
    from tests.regions_support import seed_region_subset

    with app.app_context():
        seed_holidays(db.session)
        seed_reference_lists(db.session)
        seed_region_subset(db.session)
        seed_users(db.session, seed_office(db.session))
        published = load_catalogue(db.session)
        db.session.commit()
        by_code = {code: version.id for code, version in published.items()}
    with app.app_context():
        from runtime.models import DefinitionVersion

        versions = {code: db.session.get(DefinitionVersion, vid) for code, vid in by_code.items()}
        for version in versions.values():
            db.session.expunge(version.permit_type)
            db.session.expunge(version)
    return versions
