"""Access-log lines without secrets: no query strings, no tokens carried in a path.

The partner approval link is ``/p/<token>``: whoever reads the log could
approve the piece in the partner's name while the link is valid. Both the
development server's log (a filter in :mod:`webapp.security`) and gunicorn's
access log (the logger class in ``gunicorn.conf.py``, through :func:`redact_atoms`)
pass every request path through :func:`redact_path`. No gunicorn import here:
the development server runs without it.
"""
from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"
# Path prefixes whose next segment is a bearer secret. Keep in step with the routes
# that take a token in the path (webapp/views/partner_link.py).
SECRET_PATH_PREFIXES = ("/p/",)
_PREFIXES = "|".join(re.escape(p) for p in SECRET_PATH_PREFIXES)
# A path at the start of the value or after a space or quote (a request line), or
# right after the host of a full URL (a referer).
_SECRET_SEGMENT = re.compile(
    r"(?P<prefix>(?:^|(?<=[\s\"'])|://[^/\s\"']+)(?:" + _PREFIXES + r"))"
    r"(?P<secret>[^\s/?#\"'\x1b]+)")
_METHODS = ("GET", "POST", "PUT", "DELETE", "HEAD", "PATCH", "OPTIONS")
# "GET /path?query HTTP/1.1", possibly wrapped in the colour codes Werkzeug adds; the
# query ends at the protocol, a colour code or the end (it may hold decoded spaces).
_REQUEST_QUERY = re.compile(r"(?P<head>(?<![A-Z])(?:" + "|".join(_METHODS) + r") [^\s?]*)\?.*?"
                            r"(?P<tail> HTTP/[\d.]+|\x1b|$)")


def redact_path(value: str) -> str:
    """``value`` (a path or a whole request line) with token segments replaced."""
    return _SECRET_SEGMENT.sub(lambda m: m.group("prefix") + REDACTED, value)


def redact_request_line(value: str) -> str:
    """A request line without its query string and with token segments replaced."""
    return redact_path(_REQUEST_QUERY.sub(lambda m: m.group("head") + m.group("tail"), value))


def redact_atoms(atoms: dict) -> dict:
    """gunicorn's access-log atoms with every text value passed through the redaction.

    Not only ``%(U)s`` (the path in the configured format): the request line,
    the raw URI in the environ atoms and the referer could carry the token too,
    should someone change the format.
    """
    return {key: redact_request_line(value) if isinstance(value, str) else value
            for key, value in atoms.items()}


class RedactArgs(logging.Filter):
    """Pass a log record's text arguments through the redaction (e.g. gunicorn's
    "Error handling request /p/<token>")."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args and isinstance(record.args, tuple):
            record.args = tuple(redact_request_line(a) if isinstance(a, str) else a
                                for a in record.args)
        return True
