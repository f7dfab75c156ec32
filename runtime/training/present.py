"""What the trainer page shows for each scenario: its application, where it stands, who is next."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from runtime.models import Application
from runtime.seed.scenarios import END, SCENARIOS, Scenario, scenario_applications


@dataclass
class ScenarioRow:
    scenario: Scenario
    application: Application | None
    #: (role, step id) of every step waiting now; the applicant's role when it is with them
    waiting: list[tuple[str, str]] = field(default_factory=list)

    @property
    def at_start(self) -> bool:
        """Still where the scenario left it (so its `todo` is still what to do next)."""
        a = self.application
        if a is None:
            return False
        if self.scenario.until == END:
            return a.status == "issued"
        if self.scenario.then == "return":
            return a.status == "returned"
        return any(step == self.scenario.until for _, step in self.waiting) or any(
            t.step_id == self.scenario.until and t.status == "group" for t in a.tasks
        )

    @property
    def roles(self) -> list[str]:
        """Who acts next, without repeats (the applicant once the chain has ended)."""
        found = list(dict.fromkeys(role for role, _ in self.waiting))
        return found or [self.scenario.next_role]


def scenario_rows(session: Session) -> list[ScenarioRow]:
    applications = scenario_applications(session)
    rows = []
    for item in SCENARIOS:
        application = applications.get(item.id)
        rows.append(ScenarioRow(item, application, waiting_steps(application)))
    return rows


def waiting_steps(application: Application | None) -> list[tuple[str, str]]:
    if application is None:
        return []
    return [
        (task.role, task.step_id)
        for task in application.tasks
        if task.status in ("open", "waiting")
    ]
