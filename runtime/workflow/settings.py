"""Where the engine keeps generated files and the signing key, and the public base URL.

Plain data, no Flask: the back office builds it from the app config (`from_config`) and passes it
to `act`; code without an app (CLI, tests) passes its own or gets the configured defaults."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class WorkflowSettings:
    upload_folder: Path
    key_folder: Path
    public_url: str

    @property
    def issued_folder(self) -> Path:
        """Generated PDFs (Surat Tugas, BAP, SKRD, permits, letters), outside the web root."""
        folder = self.upload_folder / "issued"
        folder.mkdir(parents=True, exist_ok=True)
        return folder

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> WorkflowSettings:
        return cls(
            upload_folder=Path(config["UPLOAD_FOLDER"]),
            key_folder=Path(config["KEY_FOLDER"]),
            public_url=str(config["PUBLIC_URL"]).rstrip("/"),
        )


_configured: WorkflowSettings | None = None


def configure(settings: WorkflowSettings) -> None:
    """Set the defaults used when a caller passes no settings (done when an app registers the
    back office; the last app created wins, which is what the test suite needs)."""
    global _configured
    _configured = settings


def current() -> WorkflowSettings:
    if _configured is not None:
        return _configured
    from runtime.config import build_config

    return WorkflowSettings.from_config(build_config())
