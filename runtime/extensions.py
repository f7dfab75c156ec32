"""Flask extensions, created unbound and bound to each app in create_app()."""

from __future__ import annotations

from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy.orm import Session

from runtime.models import Base

#: Flask-SQLAlchemy only manages engines and the request-scoped session; the models are plain
#: SQLAlchemy classes on runtime.models.Base (usable without Flask).
db = SQLAlchemy(metadata=Base.metadata)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()


def current_session() -> Session:
    """The Session of the current app context, for passing to domain code.

    `db.session` is a `scoped_session` proxy; domain functions take a plain `Session`. Calling the
    proxy returns the very Session it delegates to (same transaction), so views and commands pass
    `current_session()` and keep using `db.session` for their own commit/rollback."""
    return db.session()
