"""WSGI entry point: ``flask --app wsgi run`` (``make run``) or any WSGI server."""
from webapp import create_app

app = create_app()
