"""The back office under /kantor/: inboxes per role, the application page, officer actions."""

from runtime.backoffice.views import bp

__all__ = ["bp"]
