"""The Flask web app: an application factory over the engine and the stores."""
from __future__ import annotations

from pathlib import Path

from flask import Flask

from framing.store import connect, migrate

from .config import load_config
from .extensions import close_db, csrf
from .security import init_security

ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: dict | None = None) -> Flask:
    """Build the app: config, database (migrated, demo data on first run), blueprints."""
    app = Flask(__name__, instance_path=str(ROOT / "instance"),
                template_folder=str(ROOT / "templates"), static_folder=str(ROOT / "static"))
    load_config(app, overrides)
    init_security(app)
    csrf.init_app(app)
    app.teardown_appcontext(close_db)

    db = connect(app.config["DATABASE"])
    try:
        migrate(db)
        if app.config["DEMO_DATA"]:
            from framing.store.demo import seed_demo_data
            seed_demo_data(db)
    finally:
        db.conn.close()

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
    app.register_blueprint(api.bp)
    errors.register(app)
    return app
