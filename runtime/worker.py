"""The background worker: `runtime.periodic.tick` once a minute through huey (Redis when
RAKIT_REDIS_URL is set, otherwise a SQLite queue file in the instance folder).

    huey_consumer runtime.worker.huey        # production: beside gunicorn
    flask --app runtime worker-tick          # the same work once (cron, tests)
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey, crontab

from runtime.config import build_config
from runtime.periodic import tick

log = logging.getLogger("rakit.worker")


def make_huey(config: dict[str, Any]) -> Huey:
    if config.get("REDIS_URL"):
        return RedisHuey("rakit", url=str(config["REDIS_URL"]))
    folder = Path(str(config["KEY_FOLDER"])).parent
    folder.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("rakit", filename=str(folder / "huey.sqlite3"))


huey = make_huey(build_config())


@huey.periodic_task(crontab(minute="*"))
def periodic_tick() -> None:
    from runtime import create_app
    from runtime.extensions import current_session, db

    app = create_app()
    with app.app_context():
        log.info("worker tick: %s", tick(current_session(), app.config))
        db.engine.dispose()
