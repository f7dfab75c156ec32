"""`flask --app runtime …` commands: migrate, seed-demo, logins, load-regions, sla-check,
worker-tick."""

from __future__ import annotations

from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from admin.regions import load_regions_command
from runtime.backoffice.commands import sla_check_command
from runtime.extensions import current_session, db

CATALOGUE = Path(__file__).resolve().parent.parent / "form_schemas" / "permits"


def register_commands(app: Flask) -> None:
    app.cli.add_command(migrate_command)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(logins_command)
    app.cli.add_command(load_regions_command)
    app.cli.add_command(sla_check_command)
    app.cli.add_command(worker_tick_command)


@click.command("migrate")
@with_appcontext
def migrate_command() -> None:
    """Create or upgrade the database schema (Alembic)."""
    from runtime.migrate import upgrade

    upgrade(current_app.config["DATABASE_URL"])
    click.echo("Database is up to date.")


@click.command("seed-demo")
@with_appcontext
@click.option("--catalogue", type=click.Path(path_type=Path), default=CATALOGUE)
def seed_demo_command(catalogue: Path) -> None:
    """Load holidays, reference lists, the demo office and users, and the sample catalogue."""
    from runtime.seed.loader import seed_everything

    report = seed_everything(current_session(), catalogue)
    db.session.commit()
    for line in report:
        click.echo(line)


@click.command("logins")
@with_appcontext
def logins_command() -> None:
    """Print the demo logins (one per role)."""
    from builder.roles import ROLES
    from runtime.seed.demo import DEMO_PASSWORD, DEMO_USERS

    url = current_app.config["PUBLIC_URL"]
    click.echo(f"\nRakit is starting on {url}\nDemo logins (password: {DEMO_PASSWORD}):")
    for demo in DEMO_USERS:
        role = ROLES[demo.role]
        click.echo(f"  {role.name_id:<22} {role.name_en:<18} {demo.email}")
    click.echo(f"Admin: {url}/admin/   Back office: {url}/kantor/\n")


@click.command("worker-tick")
@with_appcontext
def worker_tick_command() -> None:
    """Run the worker's periodic jobs once: escalation, progress notices, outbox delivery."""
    from runtime.periodic import tick

    click.echo(tick(current_session(), current_app.config))
