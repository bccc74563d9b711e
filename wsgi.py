"""WSGI entry point: ``flask --app wsgi run`` (used by ``make run``).

A minimal page for now: what the app checks, the installed rule packs and
sector packs, and how to run a check from the command line. The engine is
not loaded here, so the page starts instantly.
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask, render_template

from framing.lexicon import get_lexicons


def create_app() -> Flask:
    """Application factory."""
    app = Flask(__name__, template_folder=str(Path(__file__).parent / "templates"))

    @app.get("/")
    def index():
        lexicons = get_lexicons()
        packs = [(pack, [r for r in lexicons.rules if r.pack == pack.id])
                 for pack in lexicons.packs.values()]
        return render_template("index.html", packs=packs, sectors=lexicons.sectors.values(),
                               version=lexicons.version)

    return app


app = create_app()
