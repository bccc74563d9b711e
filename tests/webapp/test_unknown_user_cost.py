"""An unknown username costs the same password work as a known one, from the first request.

Checked by counting scrypt computations, not by timing: a timing test would be
slow and flaky, and the count is what makes the timing equal.
"""
from __future__ import annotations

import hashlib

import pytest

from web_helpers import login, make_app, make_user


@pytest.fixture()
def scrypt_calls(monkeypatch):
    calls = []
    real = hashlib.scrypt

    def counting(*args, **kwargs):
        calls.append(kwargs.get("n"))
        return real(*args, **kwargs)
    monkeypatch.setattr(hashlib, "scrypt", counting)
    return calls


def test_the_first_unknown_username_costs_one_hash_like_a_known_one(tmp_path, scrypt_calls):
    from framing.store import passwords
    passwords.dummy_hash.cache_clear()  # as in a freshly started worker
    app = make_app(tmp_path / "t.sqlite")
    make_user(app, "maria")
    client = app.test_client()
    client.get("/login")
    scrypt_calls.clear()
    assert login(client, "nobody-here", "some password").status_code == 401
    unknown = list(scrypt_calls)
    scrypt_calls.clear()
    assert login(client, "maria", "some password").status_code == 401
    assert unknown == scrypt_calls == [passwords.SCRYPT_N]


def test_the_dummy_hash_is_made_when_the_app_starts(tmp_path):
    from framing.store import passwords
    passwords.dummy_hash.cache_clear()
    make_app(tmp_path / "t.sqlite")
    assert passwords.dummy_hash.cache_info().currsize == 1
