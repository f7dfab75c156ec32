"""Domain errors of the workflow engine. Views map each to a message; none is a bare KeyError."""

from __future__ import annotations

from typing import Any


class WorkflowError(Exception):
    """Base class: something the engine refused to do, with a message safe to show an officer."""


class NotYourStep(WorkflowError):
    """The actor does not hold the role of the task's step."""


class ActionNotAllowed(WorkflowError):
    """The step's definition (or its kind) does not allow this action."""


class TaskClosed(WorkflowError):
    """The task is no longer open: someone else already acted on it."""


class InvalidState(WorkflowError):
    """The application is not in a state that allows this (e.g. resubmit while in progress)."""


class ConcurrentUpdate(WorkflowError):
    """Another officer changed the application at the same time; this change was not saved."""


class FormInvalid(WorkflowError):
    """Officer form, payment or adjustment data failed validation; `errors`: field → message."""

    def __init__(self, message: str, errors: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.errors = errors or {}


class DefinitionError(WorkflowError):
    """The pinned definition does not describe what the engine needs (a lint gap)."""
