"""Training mode (RAKIT_TRAINING_MODE): a role switcher on every page, a scenario per flow and a
reset, so staff can practise their duties on demo data without a workshop budget.

Nothing of it exists unless the app's TRAINING_MODE is on: `init_app` registers the blueprint
(routes under /pelatihan/ and the template globals the bar needs) only then."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    """Register the training blueprint when `app.config["TRAINING_MODE"]` is true."""
    if not app.config.get("TRAINING_MODE"):
        return
    from runtime.training.views import bp

    app.register_blueprint(bp)
