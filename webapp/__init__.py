"""The Flask web app: an application factory over the engine and the stores."""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from framing.settings import PROJECT_ROOT as ROOT
from framing.store import connect, migrate

from .config import load_config
from .extensions import close_db, csrf
from .security import check_production, init_security


def _flask(overrides: dict | None, instance_path: str | Path | None) -> Flask:
    app = Flask(__name__, instance_path=str(instance_path or ROOT / "instance"),
                template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    load_config(app, overrides)
    return app


def prepare_database(config) -> list[str]:
    """Migrate the app's database and seed demo data on its first run; returns migrations applied.

    Safe to run from several processes at once (see :func:`framing.store.db.migrate`).
    """
    db = connect(config["DATABASE"])
    try:
        applied = migrate(db)
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

    from . import api, api_campaigns, api_compare, api_reframe, auth, errors  # noqa: F401  (add routes to api.bp)
    from .views import checker, pitches, profiles
    app.register_blueprint(auth.bp)
    app.register_blueprint(profiles.bp)
    app.register_blueprint(checker.bp)
    app.register_blueprint(pitches.bp)
    from .views import campaigns, partner_link, pieces
    app.register_blueprint(campaigns.bp)
    app.register_blueprint(pieces.bp)
    app.register_blueprint(partner_link.bp)
    from .views import compare
    app.register_blueprint(compare.bp)
    from .views import audit
    app.register_blueprint(audit.bp)
    app.register_blueprint(api.bp)
    errors.register(app)
    return app
