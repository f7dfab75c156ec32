"""Shared setup for the training-mode tests: an app with TRAINING_MODE on, seeded scenarios."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from runtime.seed.demo import DEMO_USERS
from tests.portal_support import csrf


def training_app(database_url: str, tmp_path: Path, *, training: bool = True) -> Any:
    from runtime import create_app

    return create_app(
        {
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret",
            "UPLOAD_FOLDER": str(tmp_path / "uploads"),
            "KEY_FOLDER": str(tmp_path / "keys"),
            "TESTING": True,
            "TRAINING_MODE": training,
        }
    )


def seed_scenarios(app: Any) -> dict[str, tuple[int, str]]:
    """Build the scenarios in the app's database: {scenario id: (application id, number)}."""
    from runtime.extensions import db
    from runtime.seed.scenarios import scenario_applications
    from runtime.seed.scenarios import seed_scenarios as seed

    with app.app_context():
        seed(db.session)
        db.session.commit()
        return {
            key: (a.id, str(a.registration_number))
            for key, a in scenario_applications(db.session).items()
        }


def switch(client: Any, role: str) -> Any:
    """Use the training bar to become the demo user of `role`."""
    token = csrf(client.get("/").get_data(as_text=True))
    return client.post("/pelatihan/peran", data={"csrf_token": token, "role": role})


def demo_email(role: str) -> str:
    return next(d.email for d in DEMO_USERS if d.role == role)
