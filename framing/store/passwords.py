"""Password hashing: salted scrypt in werkzeug's format, computed with the standard library.

The engine package never imports the web stack, so the hash is made here with
:func:`hashlib.scrypt`; the format (``scrypt:N:r:p$salt$hex``) is werkzeug's, so
either side can check the other's hashes.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import lru_cache

SCRYPT_N, SCRYPT_R, SCRYPT_P = 32768, 8, 1
SALT_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
MIN_PASSWORD, MAX_PASSWORD = 10, 1024


def _scrypt(password: str, salt: str, n: int, r: int, p: int) -> str:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt.encode("utf-8"), n=n, r=r, p=p,
                          maxmem=132 * n * r * p).hex()


def generate_password_hash(password: str) -> str:
    """A salted scrypt hash, ``scrypt:N:r:p$salt$hex`` (werkzeug's format)."""
    salt = "".join(secrets.choice(SALT_CHARS) for _ in range(16))
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt:{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}${salt}${digest}"


def check_password_hash(stored: str, password: str) -> bool:
    """Whether ``password`` matches a hash made by :func:`generate_password_hash`."""
    try:
        method, salt, digest = stored.split("$", 2)
        name, n, r, p = method.split(":")
        if name != "scrypt":
            return False
        candidate = _scrypt(password, salt, int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(candidate, digest)


@lru_cache(maxsize=1)
def dummy_hash() -> str:
    """A hash of a random password, checked for unknown usernames so they cost the same.

    Making it takes one scrypt computation. Done lazily on the first unknown
    username, that request would cost two computations instead of one and tell
    an attacker the name does not exist; the web app therefore calls this once
    when it starts (``webapp.auth``), before any request.
    """
    return generate_password_hash(secrets.token_hex(16))


def validate_password(password: object) -> str:
    """Return the password if acceptable, else raise ValueError saying why."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise ValueError(f"The password must be at least {MIN_PASSWORD} characters long.")
    if len(password) > MAX_PASSWORD:
        raise ValueError(f"The password must be at most {MAX_PASSWORD} characters long.")
    return password
