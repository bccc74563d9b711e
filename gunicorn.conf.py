"""Production server settings: ``make serve`` (gunicorn with several workers).

Environment: FRAMING_BIND (default 127.0.0.1:8000), FRAMING_WORKERS (default 3),
plus the app's own FRAMING_SECRET_KEY, FRAMING_DATABASE, FRAMING_ALLOWED_HOSTS.
``FRAMING_ENV=production`` is set here, so the app refuses a missing secret key.
"""
import os

from gunicorn import glogging

os.environ.setdefault("FRAMING_ENV", "production")

bind = os.environ.get("FRAMING_BIND", "127.0.0.1:8000")
# Each worker holds its own spaCy pipeline (about 200 MB); checks are CPU-bound.
workers = int(os.environ.get("FRAMING_WORKERS", "3"))
worker_class = "gthread"
threads = int(os.environ.get("FRAMING_THREADS", "2"))
timeout = 60
graceful_timeout = 20
max_requests = 2000           # recycle workers now and then; no state lives in them
max_requests_jitter = 200
limit_request_line = 8190
# The path without its query string: drafts and passwords never reach the log;
# the logger class also redacts partner-link tokens (/p/<token>) in every field.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
errorlog = "-"


class RedactingLogger(glogging.Logger):
    """gunicorn's logger; access-log fields pass through webapp.access_log.redact_atoms,
    and error-log arguments (a failing request's path) through the same redaction."""

    def setup(self, cfg):
        super().setup(cfg)
        from webapp.access_log import RedactArgs
        self.error_log.addFilter(RedactArgs())

    def atoms(self, resp, req, environ, request_time):
        from webapp.access_log import redact_atoms
        return redact_atoms(super().atoms(resp, req, environ, request_time))


logger_class = RedactingLogger


def on_starting(server):
    """Migrate the database once, in the master, before any worker starts.

    Workers that each migrated on their own raced one another on a fresh
    database ("table ... already exists"); now they find nothing to do. A
    failed migration or a weak production setting stops the server here.
    """
    from webapp import upgrade_database
    database, applied = upgrade_database()
    server.log.info("database %s: %s", database,
                    f"applied {', '.join(applied)}" if applied else "schema up to date")


def post_worker_init(worker):
    """Build the engine before the first request, so nobody waits for the model."""
    app = worker.app.wsgi()
    with app.app_context():
        from webapp.extensions import get_analyzer
        get_analyzer()
    worker.log.info("worker %s ready", worker.pid)
