"""Production server settings: ``make serve`` (gunicorn with several workers).

Environment: FRAMING_BIND (default 127.0.0.1:8000), FRAMING_WORKERS (default 3),
plus the app's own FRAMING_SECRET_KEY, FRAMING_DATABASE, FRAMING_ALLOWED_HOSTS.
``FRAMING_ENV=production`` is set here, so the app refuses a missing secret key.
"""
import os

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
# The path without its query string: drafts and passwords never reach the log.
accesslog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
errorlog = "-"


def post_worker_init(worker):
    """Build the engine before the first request, so nobody waits for the model."""
    app = worker.app.wsgi()
    with app.app_context():
        from webapp.extensions import get_analyzer
        get_analyzer()
