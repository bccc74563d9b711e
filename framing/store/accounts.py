"""User accounts, API tokens and sign-in attempts (for rate limiting across processes).

Passwords are stored as salted scrypt hashes (``passwords.py``); API tokens only
as SHA-256 digests, so a copy of the database gives no usable credential.
Tokens expire, and end when their owner changes password or gets a role that
may not hold tokens. All SQL for these tables lives here; sign-in sessions are
in ``sessions.py`` and the sign-in attempt log used for throttling in
``sign_in_log.py``.
"""
from __future__ import annotations

import hashlib
import re
import secrets
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from contextlib import contextmanager

import sqlite_utils

from .best_effort import try_write
from .db import write_transaction
from .passwords import (MAX_PASSWORD, MIN_PASSWORD, check_password_hash,  # noqa: F401
                        dummy_hash, generate_password_hash, validate_password)

ROLES = ("admin", "editor", "reviewer")
TOKEN_ROLES = ("admin", "editor")  # roles that may hold API tokens (webapp.auth's "tokens")
USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{2,39}$")
TOKEN_PREFIX = "frm_"
TOKEN_DAYS = 90  # default lifetime of an API token (the app's API_TOKEN_DAYS setting)
ATTEMPT_RETENTION_SECONDS = 86_400


def create_users(db: sqlite_utils.Database) -> None:
    """Migration 0001_users: the accounts table."""
    db.execute("""CREATE TABLE users (
        id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL, created_at TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'reviewer')))""")


def create_api_tokens(db: sqlite_utils.Database) -> None:
    """Migration 0002_api_tokens: API tokens, hashed."""
    db.execute("""CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        label TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL,
        last_used_at TEXT)""")
    db.execute("CREATE INDEX api_tokens_user ON api_tokens (user_id)")


def create_login_attempts(db: sqlite_utils.Database) -> None:
    """Migration 0003_login_attempts: the sign-in throttle's attempts."""
    db.execute("CREATE TABLE login_attempts (id INTEGER PRIMARY KEY, key TEXT NOT NULL, "
               "ok INTEGER NOT NULL, at REAL NOT NULL)")
    db.execute("CREATE INDEX login_attempts_key_at ON login_attempts (key, at)")


def add_api_token_expiry(db: sqlite_utils.Database) -> None:
    """Migration 0006_api_token_expiry: API tokens expire."""
    db.execute("ALTER TABLE api_tokens ADD COLUMN expires_at TEXT")
    # Tokens made before expiry existed get the default lifetime from now, so no
    # script stops working the day of the upgrade. Tokens of users whose role may
    # not hold any (demoted before demotion revoked them) end now.
    db.execute("UPDATE api_tokens SET expires_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?)",
               [f"+{TOKEN_DAYS} days"])
    db.execute("DELETE FROM api_tokens WHERE user_id NOT IN (SELECT id FROM users WHERE role IN "
               f"({', '.join(repr(r) for r in TOKEN_ROLES)}))")


@dataclass
class User:
    id: int
    username: str
    role: str
    created_at: str


@dataclass
class Token:
    id: int
    user_id: int
    label: str
    created_at: str
    last_used_at: str | None
    expires_at: str | None = None

    @property
    def expired(self) -> bool:
        """Whether the token no longer authenticates because its lifetime is over."""
        return not self.expires_at or self.expires_at <= _now()


class TokenRefused(ValueError):
    """An API token that does not authenticate; the message says why (unknown, expired)."""


def _now(after: timedelta | None = None) -> str:
    when = datetime.now(timezone.utc) + (after or timedelta())
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _digest(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def validate_role(role: object) -> str:
    """Return the role if it is one of ROLES, else raise ValueError."""
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}: choose one of {', '.join(ROLES)}.")
    return role  # type: ignore[return-value]


class AccountStore:
    """Users, their API tokens and the sign-in attempt log."""

    USER_COLUMNS = "id, username, role, created_at"

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # -- users ---------------------------------------------------------------
    def _user(self, where: str, params: list) -> User | None:
        row = self.db.execute(f"SELECT {self.USER_COLUMNS} FROM users WHERE {where}",
                              params).fetchone()
        return User(*row) if row else None

    def count(self) -> int:
        """Number of user accounts."""
        return self.db.execute("SELECT count(*) FROM users").fetchone()[0]

    def _new_user(self, username: object, password: object, role: object,
                  first: bool = False) -> User:
        username = username.strip() if isinstance(username, str) else ""
        if not USERNAME_RE.match(username):
            raise ValueError("The username must be 3 to 40 characters long: letters, digits "
                             "and . _ @ -, starting with a letter or digit.")
        validate_password(password)
        validate_role(role)
        hashed, created, conn = generate_password_hash(password), _now(), self.db.conn
        with write_transaction(self.db):
            if first and conn.execute("SELECT count(*) FROM users").fetchone()[0]:
                raise ValueError("An account already exists: sign in instead.")
            if conn.execute("SELECT 1 FROM users WHERE username = ?", [username]).fetchone():
                raise ValueError(f"The username {username!r} is already taken.")
            cursor = conn.execute(
                "INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                [username, hashed, role, created])
        return User(cursor.lastrowid, username, role, created)  # type: ignore[arg-type]

    def create(self, username: str, password: str, role: str) -> User:
        """Create an account; ValueError with a readable message if anything is invalid."""
        return self._new_user(username, password, role)

    def create_first_admin(self, username: str, password: str) -> User:
        """Create the first account (an admin), atomically refusing if any user exists."""
        return self._new_user(username, password, "admin", first=True)

    def authenticate(self, username: str, password: str) -> User | None:
        """The user if the password matches; always runs one hash check (timing)."""
        row = None
        if isinstance(username, str) and 0 < len(username) <= 40:
            row = self.db.execute(
                f"SELECT {self.USER_COLUMNS}, password_hash FROM users WHERE username = ?",
                [username.strip()]).fetchone()
        if not isinstance(password, str) or len(password) > MAX_PASSWORD:
            password = ""
        ok = check_password_hash(row[4] if row else dummy_hash(), password)
        return User(*row[:4]) if row and ok else None

    def get(self, user_id: int) -> User | None:
        """The user with this id, or None."""
        return self._user("id = ?", [user_id])

    def by_username(self, username: str) -> User | None:
        """The user with this username (case-insensitive), or None."""
        return self._user("username = ?", [username])

    def list(self) -> list[User]:
        """All users, by username."""
        rows = self.db.execute(f"SELECT {self.USER_COLUMNS} FROM users "
                               "ORDER BY username COLLATE NOCASE").fetchall()
        return [User(*row) for row in rows]

    def session_stamp(self, user_id: int) -> str | None:
        """A fingerprint of the password hash and the session epoch, kept in sessions.

        A new password, or "sign out everywhere" (which raises the epoch, see
        ``sessions.py``), changes it and so ends every session holding the old one,
        including those the database never recorded (signed in while read-only).
        """
        row = self.db.execute("SELECT password_hash, session_epoch FROM users WHERE id = ?",
                              [user_id]).fetchone()
        return _digest(f"{row[0]}:{row[1]}")[:16] if row else None

    def _require(self, user_id: int) -> User:
        user = self.get(user_id)
        if user is None:
            raise ValueError("No such user.")
        return user

    @contextmanager
    def _unless_last_admin(self, user_id: int, message: str):
        """Under the write lock: the user, unless they are the only admin (ValueError)."""
        with write_transaction(self.db):  # no two admins demote each other at once
            user = self._require(user_id)
            admins = self.db.execute("SELECT count(*) FROM users WHERE role = 'admin'").fetchone()
            if user.role == "admin" and admins[0] <= 1:
                raise ValueError(message)
            yield user

    def set_role(self, user_id: int, role: str) -> User:
        """Change a user's role; the last admin cannot be demoted.

        A role that may not hold API tokens revokes the user's tokens in the same
        transaction: a demoted user's scripts stop working at once.
        """
        validate_role(role)
        if role == "admin":
            with self.db.conn:
                self.db.execute("UPDATE users SET role = 'admin' WHERE id = ?", [user_id])
            return self._require(user_id)
        with self._unless_last_admin(user_id, "The last admin cannot be given another role."):
            self.db.execute("UPDATE users SET role = ? WHERE id = ?", [role, user_id])
            if role not in TOKEN_ROLES:
                self.db.execute("DELETE FROM api_tokens WHERE user_id = ?", [user_id])
        return self._require(user_id)

    def set_password(self, user_id: int, password: str) -> None:
        """Replace a user's password (validated like on creation) and revoke their API tokens.

        Whoever knew the old password may have made a token with it; a password
        change must lock them out of the API too.
        """
        validate_password(password)
        self._require(user_id)
        hashed = generate_password_hash(password)
        with write_transaction(self.db):
            self.db.execute("UPDATE users SET password_hash = ? WHERE id = ?", [hashed, user_id])
            self.db.execute("DELETE FROM api_tokens WHERE user_id = ?", [user_id])

    def delete(self, user_id: int) -> None:
        """Delete a user and their tokens; the last admin cannot be deleted."""
        with self._unless_last_admin(user_id, "The last admin cannot be deleted."):
            self.db.execute("DELETE FROM api_tokens WHERE user_id = ?", [user_id])
            self.db.execute("DELETE FROM users WHERE id = ?", [user_id])

    # -- API tokens ------------------------------------------------------------
    def create_token(self, user_id: int, label: str,
                     days: float = TOKEN_DAYS) -> tuple[str, Token]:
        """A new API token valid for ``days``: returns the plaintext (shown once) and its record."""
        label = label.strip() if isinstance(label, str) else ""
        if not 1 <= len(label) <= 80:
            raise ValueError("The token label must be 1 to 80 characters long.")
        if not 0 < days <= 36_500:
            raise ValueError("A token's lifetime must be between 1 day and 100 years.")
        self._require(user_id)
        plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
        created, expires = _now(), _now(timedelta(days=days))
        with self.db.conn:
            cursor = self.db.execute(
                "INSERT INTO api_tokens (user_id, label, token_hash, created_at, expires_at) "
                "VALUES (?, ?, ?, ?, ?)", [user_id, label, _digest(plaintext), created, expires])
        return plaintext, Token(cursor.lastrowid, user_id, label, created, None, expires)

    def authenticate_token(self, plaintext: str) -> User:
        """The owner of a valid token; TokenRefused (saying why) for any other.

        Its last use is recorded at most once a minute, and only when the database
        takes writes: in maintenance mode or on a full disk the API still reads.
        """
        unknown = TokenRefused("The API token is not valid (unknown or revoked).")
        if not isinstance(plaintext, str) or not 0 < len(plaintext) <= 200:
            raise unknown
        row = self.db.execute(
            "SELECT t.id, t.last_used_at, t.expires_at, u.id, u.username, u.role, u.created_at "
            "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
            [_digest(plaintext)]).fetchone()
        if row is None:
            raise unknown
        now = _now()
        if not row[2] or row[2] <= now:  # ISO-8601 UTC strings compare in time order
            raise TokenRefused(f"The API token expired on {(row[2] or '?')[:10]}; create a new "
                               "one on your account page.")
        if (row[1] or "")[:16] != now[:16]:  # record use at most once a minute: fewer writes
            try_write(self.db, lambda: self.db.execute(
                "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", [now, row[0]]))
        return User(*row[3:])

    def verify_token(self, plaintext: str) -> User | None:
        """The token's owner, or None for an unknown, malformed or expired token."""
        try:
            return self.authenticate_token(plaintext)
        except TokenRefused:
            return None

    TOKEN_COLUMNS = "id, user_id, label, created_at, last_used_at, expires_at"

    def tokens(self, user_id: int) -> list[Token]:
        """A user's tokens (without secrets), newest first."""
        rows = self.db.execute(f"SELECT {self.TOKEN_COLUMNS} FROM api_tokens "
                               "WHERE user_id = ? ORDER BY id DESC", [user_id]).fetchall()
        return [Token(*row) for row in rows]

    def all_tokens(self) -> list[tuple[str, Token]]:
        """Every user's tokens as (username, token), for admins; by username, newest first."""
        rows = self.db.execute(
            "SELECT u.username, t.id, t.user_id, t.label, t.created_at, t.last_used_at, "
            "t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id "
            "ORDER BY u.username COLLATE NOCASE, t.id DESC").fetchall()
        return [(row[0], Token(*row[1:])) for row in rows]

    def revoke_token(self, user_id: int, token_id: int) -> bool:
        """Delete one of the user's tokens; False if it was not theirs or not found."""
        with self.db.conn:
            cursor = self.db.execute("DELETE FROM api_tokens WHERE id = ? AND user_id = ?",
                                     [token_id, user_id])
        return cursor.rowcount > 0

    # -- sign-in attempts --------------------------------------------------------
    def record_login_attempt(self, key: str, ok: bool, now: float | None = None) -> None:
        """Log one sign-in attempt under ``key`` (e.g. ``user:ana`` or ``addr:10.0.0.1``)."""
        now = time.time() if now is None else now
        with self.db.conn:
            self.db.execute("INSERT INTO login_attempts (key, ok, at) VALUES (?, ?, ?)",
                            [key, int(bool(ok)), now])
            self.db.execute("DELETE FROM login_attempts WHERE at < ?",
                            [now - ATTEMPT_RETENTION_SECONDS])

    def recent_failures(self, key: str, window_seconds: float, now: float | None = None) -> int:
        """Failed attempts for ``key`` within the window, since its last success."""
        now = time.time() if now is None else now
        return self.db.execute(
            "SELECT count(*) FROM login_attempts WHERE key = ? AND ok = 0 AND at >= ? AND at > "
            "coalesce((SELECT max(at) FROM login_attempts WHERE key = ? AND ok = 1), -1)",
            [key, now - window_seconds, key]).fetchone()[0]
