"""The Flask web app: an application factory over the engine and the stores."""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from campaigns.migrations import MIGRATIONS as CAMPAIGN_MIGRATIONS
from framing.settings import PROJECT_ROOT, data_root
from framing.store import connect, migrate
from framing.store.migrations import MIGRATIONS as ENGINE_MIGRATIONS
from framing.store.migrations import compose

from .config import load_config
from .extensions import close_db, csrf
from .security import check_production, init_security

# The app's schema: the engine's tables and the campaigns'. Each package lists its own
# migrations; the app is the one place that knows it uses both.
MIGRATIONS = compose(ENGINE_MIGRATIONS, CAMPAIGN_MIGRATIONS)


def _flask(overrides: dict | None, instance_path: str | Path | None) -> Flask:
    app = Flask(__name__, instance_path=str(instance_path or PROJECT_ROOT / "instance"),
                template_folder=str(data_root("templates")),
                static_folder=str(data_root("static")))
    load_config(app, overrides)
    return app


def prepare_database(config) -> list[str]:
    """Migrate the app's database and seed demo data on its first run; returns migrations applied.

    Safe to run from several processes at once (see :func:`framing.store.db.migrate`).
    """
    db = connect(config["DATABASE"])
    try:
        applied = migrate(db, MIGRATIONS)
        if config["DEMO_DATA"]:
            from framing.store.demo import seed_demo_data
            seed_demo_data(db)
    finally:
        db.conn.close()
    return applied


def upgrade_database(overrides: dict | None = None,
                     instance_path: str | Path | None = None) -> tuple[str, list[str]]:
    """(database path, migrations applied): the production server's start-up step.

    gunicorn's master runs this once before it starts any worker, so workers
    find the schema complete; it refuses a weak production configuration
    here too, so a bad secret stops the server before any worker is forked.
    """
    app = _flask(overrides, instance_path)
    check_production(app)
    return app.config["DATABASE"], prepare_database(app.config)


def register_blueprints(app: Flask) -> None:
    """Register every blueprint with its routes: each HTML area's blueprint (defined in
    the area's common module) once the modules that add routes to it are loaded, and
    the JSON API blueprint with each API module's ``register(bp)``."""
    from . import api, auth, auth_users
    from .views import (audit, campaign_calendar, campaign_common, campaigns, checker,
                        checker_common, compare, compare_common, compare_decisions,
                        compare_exports, partner_link, piece_common, piece_review,
                        piece_versions, pieces, pitches, profiles, reframe, start)
    # Each blueprint and the modules whose routes are on it (loaded by the imports above).
    areas = ((auth.bp, (auth, auth_users)),
             (start.bp, (start,)),
             (profiles.bp, (profiles,)),
             (checker_common.bp, (checker, reframe)),
             (pitches.bp, (pitches,)),
             (campaign_common.bp, (campaigns, campaign_calendar)),
             (piece_common.bp, (pieces, piece_review, piece_versions)),
             (partner_link.bp, (partner_link,)),
             (compare_common.bp, (compare, compare_decisions, compare_exports)),
             (audit.bp, (audit,)))
    for blueprint, _route_modules in areas:
        app.register_blueprint(blueprint)
    api_bp = api.make_blueprint()
    for module in api.ROUTE_MODULES:
        module.register(api_bp)
    app.register_blueprint(api_bp)


def create_app(overrides: dict | None = None,
               instance_path: str | Path | None = None) -> Flask:
    """Build the app: config, database (migrated, demo data on first run), blueprints.

    ``instance_path`` (default ``instance/``) holds ``config.py`` and the
    development secret key.
    """
    app = _flask(overrides, instance_path)
    init_security(app)
    csrf.init_app(app)
    app.teardown_appcontext(close_db)
    # The development server migrates here; under gunicorn the master already
    # did (upgrade_database), so this finds nothing to do and takes no lock.
    prepare_database(app.config)

    from . import errors
    register_blueprints(app)
    errors.register(app)
    return app
