"""Typed SQLAlchemy 2 models. Plain SQLAlchemy: importable without Flask (the workflow engine
and the CLI use them with a bare Session)."""

from runtime.models.accounts import Office, User, UserRole
from runtime.models.applications import Application, Task, UploadedDocument
from runtime.models.audit import AuditEvent
from runtime.models.base import Base, utcnow
from runtime.models.outputs import IssuedDocument, NumberSequence, OutboxMessage, Skrd
from runtime.models.permits import DefinitionVersion, PermitType
from runtime.models.reference import Holiday, ReferenceItem

__all__ = [
    "Application",
    "AuditEvent",
    "Base",
    "DefinitionVersion",
    "Holiday",
    "IssuedDocument",
    "NumberSequence",
    "Office",
    "OutboxMessage",
    "PermitType",
    "ReferenceItem",
    "Skrd",
    "Task",
    "UploadedDocument",
    "User",
    "UserRole",
    "utcnow",
]
