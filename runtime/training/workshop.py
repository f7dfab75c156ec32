"""Resetting a workshop: wipe what it created, audit the reset, build the scenarios again.

Plain Python on a Session. The caller runs the steps in one transaction, commits at the end (or
rolls back: then nothing changed, guard triggers included) and only then removes the files."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from runtime import audit
from runtime.models import User
from runtime.seed.scenarios import Scenario, iter_seed
from runtime.training.reset import Wiped, remove_files, wipe
from runtime.training.switching import demo_role_of
from runtime.workflow.settings import WorkflowSettings


class WorkshopReset:
    """`wipe()`, then `reseed()` (a generator, one item per scenario built), then the caller
    commits and calls `remove_files()`."""

    def __init__(self, session: Session, actor: User, settings: WorkflowSettings) -> None:
        self.session = session
        self.actor = actor
        self.settings = settings
        self.wiped = Wiped()

    def wipe(self) -> Wiped:
        """Delete the workshop's rows and record the single "training reset" audit event."""
        self.wiped = wipe(self.session)
        audit.record(
            self.session,
            actor=self.actor,
            actor_role=demo_role_of(self.actor) or "admin",
            entity="training",
            entity_id="workshop",
            action="training.reset",
            after={"deleted": self.wiped.rows},
        )
        self.session.flush()
        return self.wiped

    def reseed(self) -> Iterator[Scenario]:
        yield from iter_seed(self.session, self.settings)

    def remove_files(self) -> int:
        """Delete the wiped rows' stored files; call after the commit."""
        return remove_files(
            self.wiped, self.settings.upload_folder, self.settings.upload_folder / "issued"
        )
