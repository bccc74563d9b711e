"""Error responses: JSON under ``/api/``, friendly HTML pages elsewhere, never a traceback.

API errors all have the shape ``{"error": {"message": "...", "status": 404}}``
(plus ``"field"`` where one input is at fault).
"""
from __future__ import annotations

import sqlite3

from flask import Flask, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.routing import BuildError

from framing.store.db import storage_problem

from .access_log import redact_path

TITLES = {
    400: "Bad request",
    401: "Sign-in needed",
    403: "Not allowed",
    404: "Page not found",
    405: "Method not allowed",
    409: "Edit conflict",
    413: "Too large",
    429: "Too many requests",
    500: "Something went wrong",
}
MESSAGES = {
    400: "The request could not be understood.",
    401: "Sign in first.",
    403: "Your account does not have permission to do this. Ask an administrator if you need it.",
    404: "There is nothing at this address. It may have been deleted or moved.",
    405: "This address does not accept that kind of request.",
    409: "Someone else changed this in the meantime. Reload, then make your change again.",
    413: "The text or upload is too large.",
    429: "Too many requests in a short time. Wait a few minutes and try again.",
    500: "An unexpected error happened on the server. It has been logged; please try again.",
}
CSRF_MESSAGE = ("The form was missing its security token or it expired. "
                "Go back, reload the page and submit again.")


def is_api_request() -> bool:
    """True for requests to the JSON API."""
    return request.path.startswith("/api/")


def api_error(status: int, message: str, field: str | None = None, headers=None, **extra):
    """A JSON error response in the API's documented shape."""
    body = {"message": message, "status": status}
    if field is not None:
        body["field"] = field
    body.update(extra)
    response = jsonify({"error": body})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _home() -> str:
    try:
        from flask import url_for
        return url_for("start.index")
    except (BuildError, RuntimeError):
        return "/"


def html_error(status: int, message: str, headers=None):
    """A friendly HTML error page (a bare page if the template itself fails)."""
    title = TITLES.get(status, "Error")
    try:
        body = render_template("error.html", status=status, title=title, message=message,
                               home=_home())
    except Exception:  # a broken template must not turn into a traceback
        current_app.logger.exception("error page template failed")
        body = (f"<!doctype html><title>{escape(title)}</title><h1>{escape(title)}</h1>"
                f"<p>{escape(message)}</p><p><a href=\"/\">Back to the start page</a></p>")
    response = current_app.make_response((body, status))
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _message(exc: HTTPException) -> str:
    """The exception's own description if a view gave one, else our default text."""
    default = type(exc).description
    if isinstance(exc, CSRFError):
        return CSRF_MESSAGE
    if exc.description and exc.description != default:
        return exc.description
    return MESSAGES.get(exc.code or 500, exc.description or "Error")


def _headers(exc: HTTPException) -> dict:
    return {name: value for name, value in exc.get_headers()
            if name.lower() in ("allow", "www-authenticate", "retry-after")}


def handle_http(exc: HTTPException):
    """Render an HTTP error for the client (JSON for the API)."""
    status = exc.code or 500
    if status >= 500:
        return handle_unexpected(exc)
    if is_api_request():
        return api_error(status, _message(exc), headers=_headers(exc))
    return html_error(status, _message(exc), headers=_headers(exc))


def handle_unexpected(exc: Exception):
    """Log the error with its traceback; the client gets a plain 500."""
    original = getattr(exc, "original_exception", None) or exc
    problem = storage_problem(original) if isinstance(original, sqlite3.Error) else None
    if problem:
        # Not a bug: the database refused the write and is unchanged. Say so plainly.
        current_app.logger.warning("write refused on %s %s: %s", request.method,
                                   redact_path(request.path), original)
        if is_api_request():
            return api_error(503, problem)
        return html_error(503, problem)
    if not isinstance(original, HTTPException) or isinstance(original, InternalServerError):
        current_app.logger.error("unhandled error on %s %s", request.method,
                                 redact_path(request.path), exc_info=original)
    if is_api_request():
        return api_error(500, MESSAGES[500])
    return html_error(500, MESSAGES[500])


def handle_overflow(exc: OverflowError):
    """An id or number too large for the database: the client's mistake, not ours."""
    status, message = (404, MESSAGES[404]) if request.view_args else (400, "A number is out of range.")
    if is_api_request():
        return api_error(status, message)
    return html_error(status, message)


def register(app: Flask) -> None:
    """Install the error handlers on ``app``."""
    app.register_error_handler(OverflowError, handle_overflow)
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_unexpected)
