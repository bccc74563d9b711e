"""Per-app heavy objects and per-request resources: database, analyzer, CSRF."""
from __future__ import annotations

import threading

from flask import current_app, g
from flask_wtf.csrf import CSRFProtect

from framing.store import connect

csrf = CSRFProtect()
_analyzer_lock = threading.Lock()


def get_db():
    """The request's database connection (opened on first use, closed on teardown)."""
    if "db" not in g:
        g.db = connect(current_app.config["DATABASE"],
                       read_only=current_app.config["READ_ONLY"],
                       max_pages=current_app.config["DATABASE_MAX_PAGES"])
    return g.db


def close_db(exc=None) -> None:
    db = g.pop("db", None)
    if db is not None:
        db.conn.close()


def get_analyzer():
    """The app's engine (spaCy pipeline + rule packs), built once on first use."""
    analyzer = current_app.extensions.get("framing_analyzer")
    if analyzer is None:
        with _analyzer_lock:
            analyzer = current_app.extensions.get("framing_analyzer")
            if analyzer is None:
                from framing import Analyzer
                from framing.settings import Settings
                defaults = Settings.from_env()
                settings = Settings(
                    model=current_app.config["FRAMING_MODEL"] or defaults.model,
                    lexicon_root=current_app.config["FRAMING_LEXICONS"] or defaults.lexicon_root,
                    max_chars=current_app.config["MAX_TEXT_CHARS"],
                    max_lines=current_app.config["MAX_TEXT_LINES"],
                    max_tokens=current_app.config["MAX_TEXT_TOKENS"])
                analyzer = Analyzer(settings)
                current_app.extensions["framing_analyzer"] = analyzer
    return analyzer
