"""Per-user rate limit on the analysis endpoints (a 429 with ``Retry-After``).

Analysis is the app's costly work: one check takes from tens of milliseconds to
a few seconds of CPU. Each signed-in user (or API token owner; the two share one
budget) may run ``ANALYSIS_RATE_LIMIT`` analyses per ``ANALYSIS_RATE_WINDOW_SECONDS``
(fixed windows); the next one is refused until the window ends. Counted: the API's
check, suggest, reframe, compare, saving a comparison and reading a stored one
(re-scored on every read), and the checker's analysing requests (every POST but a
save, ``GET /check?run=1``, the reframe page and saving a reframed draft).

Several workers: the count is kept in the database (``framing.store.request_counts``),
which every gunicorn worker shares, so the limit is per user across all of them.
When the database cannot take the write (maintenance mode, a full disk), each
process counts in memory instead: analysis keeps working, and the limit then holds
per worker (a user may get up to ``workers × limit`` in a window).
"""
from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from functools import wraps

from flask import current_app, g
from werkzeug.exceptions import TooManyRequests

from framing.store.best_effort import skippable, writable
from framing.store.request_counts import Count, RequestCounts, window_start

from .extensions import get_db

_memory: dict[tuple[str, int], int] = {}  # fallback counts, this process only
_memory_lock = threading.Lock()


@dataclass(frozen=True)
class Refusal:
    """Why an analysis request is refused, and when to try again."""

    retry_after: int
    message: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


def check_settings(config) -> None:
    """Refuse a window that is not a positive number of seconds, or a negative limit
    (0 switches the limit off), naming the setting."""
    window, limit = config["ANALYSIS_RATE_WINDOW_SECONDS"], config["ANALYSIS_RATE_LIMIT"]
    if isinstance(window, bool) or not isinstance(window, int) or window <= 0:
        raise ValueError("The setting ANALYSIS_RATE_WINDOW_SECONDS must be a whole number of "
                         f"seconds above 0, not {window!r}.")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ValueError("The setting ANALYSIS_RATE_LIMIT must be a whole number, 0 for no "
                         f"limit, not {limit!r}.")


def count_analysis(user) -> Refusal | None:
    """Count one analysis request for ``user``; a Refusal when it is over the limit."""
    limit = current_app.config["ANALYSIS_RATE_LIMIT"]
    window = current_app.config["ANALYSIS_RATE_WINDOW_SECONDS"]
    if limit <= 0 or user is None:
        return None
    now = time.time()
    count = _hit(f"analysis:user:{user.id}", window, now)
    if count.count <= limit:
        return None
    wait = count.retry_after(now)
    return Refusal(wait, f"Too many analysis requests: each user may run {limit:,} in "
                         f"{window:,} seconds. Try again in {wait:,} "
                         f"second{'' if wait == 1 else 's'}.")


def _hit(key: str, window: int, now: float) -> Count:
    """The shared count in the database, or this process's own when it cannot be written."""
    db = get_db()
    if writable(db):  # not in maintenance mode
        try:
            return RequestCounts(db).hit(key, window, now)
        except sqlite3.OperationalError as exc:
            # Read-only, full, or locked past the busy timeout (a backup, a long
            # migration): count here rather than refuse the analysis with a 500.
            if not skippable(exc):
                raise
            current_app.logger.warning("rate limit counted in memory: %s", exc)
    start = window_start(now, window)
    with _memory_lock:
        for old in [k for k in _memory if k[1] < start - window]:
            del _memory[old]
        _memory[key, start] = count = _memory.get((key, start), 0) + 1
    return Count(count, start, window)


def analysis_limited(view):
    """API views: count the request for the token's owner; 429 with ``Retry-After`` over
    the limit (the app's error handler gives the JSON error shape)."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        refusal = count_analysis(g.get("user"))
        if refusal is not None:
            raise TooManyRequests(description=refusal.message, retry_after=refusal.retry_after)
        return view(*args, **kwargs)
    return wrapped
