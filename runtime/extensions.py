"""Flask extensions, created unbound and bound to each app in create_app()."""

from __future__ import annotations

from flask_babel import Babel
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from runtime.models import Base

#: Flask-SQLAlchemy only manages engines and the request-scoped session; the models are plain
#: SQLAlchemy classes on runtime.models.Base (usable without Flask).
db = SQLAlchemy(metadata=Base.metadata)
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
