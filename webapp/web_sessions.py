"""Sign-in sessions of the HTML pages: a server-side record per sign-in, checked on each request.

The signed session cookie holds the user id, a stamp (``AccountStore.session_stamp``),
a random session id, when the session started and when it was last seen. Each
request is refused (the cookie cleared) unless

* the user still exists and the stamp matches: a password change or an admin's
  "sign out everywhere" changes the stamp;
* it started less than ``SESSION_MAX_DAYS`` ago (absolute timeout) and was
  seen less than ``SESSION_IDLE_HOURS`` ago (idle timeout). Both times are in
  the signed cookie, so the timeouts hold without any database write;
* the database has the session and it is not ended (``framing/store/sessions.py``).
  Signing out marks it ended, so a copy of the cookie stops working.

When the database cannot be written (maintenance mode, a read-only file, a
full disk) a sign-in cannot store its record. Rather than refuse to sign
anyone in, the session is then cookie-only: the cookie says ``pending`` and is
accepted without a record. It still times out (its times are signed) and still
ends with a password change or "sign out everywhere" (its stamp). The first
request after the database takes writes again records it, and from then on it
is an ordinary session. The one thing that cannot work while nothing can be
written is marking it ended at sign-out: the browser's cookie is cleared, but
a copy taken before stays usable until it times out.

Bookkeeping (the record at sign-in, the last activity every few minutes) goes
through ``try_write``, so a read-only database never turns a page view into
an error; ending sessions on purpose ("sign out everywhere", a password
change) is a save and gets the usual 503 when it cannot be stored.
"""
from __future__ import annotations

import hmac
import time

from flask import current_app, flash, g, request, session

from framing.store.accounts import AccountStore, User
from framing.store.best_effort import try_write
from framing.store.sessions import SessionStore, new_session_id

from .extensions import get_db

TOUCH_EVERY = 300  # seconds between writes of a session's last activity to the database
SEEN_EVERY = 60    # seconds between updates of the cookie's "seen" time (idle precision)
KEYS = ("user_id", "stamp", "sid", "started", "seen")


def now() -> float:
    """The current time in epoch seconds (replaced in tests to move time on)."""
    return time.time()


def limits() -> tuple[float, float]:
    """(idle, absolute) session timeouts in seconds, from the settings."""
    config = current_app.config
    return config["SESSION_IDLE_HOURS"] * 3600, config["SESSION_MAX_DAYS"] * 86400


def start(user: User, accounts: AccountStore) -> None:
    """Start a fresh session for ``user`` (nothing carried over: no fixation)."""
    db, at, sid = get_db(), now(), new_session_id()
    session.clear()
    session.update(user_id=user.id, stamp=accounts.session_stamp(user.id), sid=sid,
                   started=int(at), seen=int(at))
    session.permanent = True
    keep = limits()[1]
    address = request.remote_addr or ""
    if not try_write(db, lambda: SessionStore(db).record(sid, user.id, int(at), at, address,
                                                         keep_seconds=keep)):
        session["pending"] = True  # cookie-only until the database takes writes (see above)


def _valid_cookie() -> bool:
    return (all(key in session for key in KEYS) and isinstance(session["sid"], str)
            and all(isinstance(session[key], int) for key in ("user_id", "started", "seen")))


def current_user(accounts: AccountStore) -> User | None:
    """The signed-in user for this request, or None (and a cleared cookie) if not valid."""
    if "user_id" not in session:
        return None
    user = accounts.get(session["user_id"]) if _valid_cookie() else None
    stamp = accounts.session_stamp(user.id) if user else None
    if not (user and stamp and hmac.compare_digest(str(session.get("stamp", "")), stamp)):
        session.clear()
        return None
    at, (idle, absolute) = now(), limits()
    if at - session["started"] > absolute or at - session["seen"] > idle:
        session.clear()
        flash("Your session expired. Sign in again.", "info")
        return None
    db = get_db()
    store, sid = SessionStore(db), session["sid"]
    record = store.find(sid)
    if record is not None:
        if record.ended_at is not None or record.user_id != user.id:
            session.clear()
            return None
        if at - record.last_seen_at >= TOUCH_EVERY:
            try_write(db, lambda: store.touch(sid, at))
        session.pop("pending", None)
    elif session.get("pending"):
        started = session["started"]
        if try_write(db, lambda: store.record(sid, user.id, started, at,
                                              request.remote_addr or "")):
            session.pop("pending", None)
    else:  # never recorded and not begun while read-only: not one of ours
        session.clear()
        return None
    if at - session["seen"] >= SEEN_EVERY:
        session["seen"] = int(at)
    return user


def end() -> None:
    """Sign out: mark this session ended (when the database allows it) and clear the cookie."""
    if _valid_cookie() and g.get("user") is not None:
        db, sid, user_id, started = get_db(), session["sid"], session["user_id"], session["started"]
        if not try_write(db, lambda: SessionStore(db).end(sid, user_id, started, now())):
            current_app.logger.warning("sign-out of user %s could not be recorded (database "
                                       "read-only or full); the session ends when it times out",
                                       user_id)
    session.clear()


def end_others(user_id: int, accounts: AccountStore) -> int:
    """End every session of ``user_id`` but the current browser's; returns how many were open.

    A save, not bookkeeping: refused with the usual 503 when the database is read-only.
    """
    own = g.get("user") is not None and g.user.id == user_id
    keep = session.get("sid") if own else None
    count = SessionStore(get_db()).end_all(user_id, now(), keep_sid=keep)
    if own:
        session["stamp"] = accounts.session_stamp(user_id)  # the epoch moved: re-stamp this one
    return count


def open_counts() -> dict[int, int]:
    """Sessions per user id that have not ended or timed out, for the users page.

    The recorded last activity lags by up to ``TOUCH_EVERY``, hence the margin.
    """
    (idle, absolute), at = limits(), now()
    return SessionStore(get_db()).open_counts(at - absolute, at - idle - TOUCH_EVERY)
