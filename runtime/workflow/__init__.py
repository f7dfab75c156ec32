"""The workflow engine: runs a permit type's configured chain (no chain is written in code).

Plain Python on a SQLAlchemy Session, no Flask. Public API:
`submit`, `resubmit`, `act`, `simulate_route`, `calendar` (working days), `sla.clock`, and the
domain errors. See docs/team-contracts.md."""

from runtime.workflow import calendar
from runtime.workflow.engine import act, resubmit, submit
from runtime.workflow.errors import (
    ActionNotAllowed,
    ConcurrentUpdate,
    DefinitionError,
    FormInvalid,
    InvalidState,
    NotYourStep,
    TaskClosed,
    WorkflowError,
)
from runtime.workflow.route import simulate_route
from runtime.workflow.settings import WorkflowSettings

__all__ = [
    "ActionNotAllowed",
    "ConcurrentUpdate",
    "DefinitionError",
    "FormInvalid",
    "InvalidState",
    "NotYourStep",
    "TaskClosed",
    "WorkflowError",
    "WorkflowSettings",
    "act",
    "calendar",
    "resubmit",
    "simulate_route",
    "submit",
]
