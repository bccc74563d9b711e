"""Sign-in throttling: progressive delays per (username, address), no lockout of others."""
from __future__ import annotations

import time

import pytest

from web_helpers import PASSWORD, login, make_app, make_user

WRONG = "wrong password!"


@pytest.fixture()
def app(tmp_path):
    return make_app(tmp_path / "t.sqlite", LOGIN_ATTEMPTS=3, LOGIN_DELAY_SECONDS=30,
                    LOGIN_MAX_DELAY_SECONDS=200, LOGIN_SPRAY_FAILURES=6)


class Clock:
    def __init__(self, monkeypatch):
        from webapp import sign_in_throttle
        self.at = time.time()
        monkeypatch.setattr(sign_in_throttle, "now", lambda: self.at)

    def advance(self, seconds: float) -> None:
        self.at += seconds


def browser(app, address: str):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = address
    return client


def test_failures_slow_down_that_username_from_that_address_only(app):
    make_user(app, "maria")
    attacker = browser(app, "203.0.113.9")
    for _ in range(3):
        assert login(attacker, "maria", WRONG).status_code == 401
    assert login(attacker, "maria").status_code == 429
    # The right password from another address is never refused...
    assert login(browser(app, "198.51.100.7"), "maria").status_code == 302
    # ...and the attacker's address still signs other people in.
    make_user(app, "jose")
    assert login(browser(app, "203.0.113.9"), "jose").status_code == 302


def test_the_delay_grows_exponentially_and_is_capped(app, monkeypatch):
    make_user(app, "maria")
    clock = Clock(monkeypatch)
    client = browser(app, "203.0.113.9")
    for _ in range(3):
        login(client, "maria", WRONG)
    waits = []
    for _ in range(5):
        refused = login(client, "maria", WRONG)
        assert refused.status_code == 429
        assert "Too many failed sign-in attempts" in refused.get_data(as_text=True)
        waits.append(int(refused.headers["Retry-After"]))
        clock.advance(waits[-1])
        assert login(client, "maria", WRONG).status_code == 401  # allowed again, and wrong
    assert waits == [30, 60, 120, 200, 200]
    clock.advance(200)
    assert login(client, "maria").status_code == 302
    # A success clears the slate for that address.
    again = browser(app, "203.0.113.9")
    assert login(again, "maria", WRONG).status_code == 401
    assert login(again, "maria").status_code == 302


def test_refused_attempts_do_not_raise_the_wait(app, monkeypatch):
    make_user(app, "maria")
    clock = Clock(monkeypatch)
    client = browser(app, "203.0.113.9")
    for _ in range(3):
        login(client, "maria", WRONG)
    for _ in range(10):
        assert login(client, "maria", WRONG).status_code == 429
    clock.advance(30)
    assert login(client, "maria").status_code == 302  # the refused ones did not raise the wait


def test_spraying_many_usernames_from_one_address(app):
    for name in ("maria", "jose", "kim"):
        make_user(app, name)
    sprayer = browser(app, "203.0.113.50")
    # One wrong guess each for six usernames (two real) reaches the per-address limit.
    for name in ("jose", "kim", "ghost1", "ghost2", "ghost3", "ghost4"):
        assert login(sprayer, name, WRONG).status_code == 401
    # A second round against a username already tried from here is slowed down...
    assert login(sprayer, "jose", WRONG).status_code == 429
    assert login(sprayer, "kim").status_code == 429
    # ...but a user with no failure from this address signs in (a shared office address),
    assert login(browser(app, "203.0.113.50"), "maria").status_code == 302
    # and the sprayed users sign in from anywhere else.
    assert login(browser(app, "198.51.100.1"), "jose").status_code == 302


def test_failed_attempts_are_shown_once_after_signing_in(app, monkeypatch):
    make_user(app, "maria")
    login(browser(app, "203.0.113.9"), "maria", WRONG)
    login(browser(app, "203.0.113.9"), "maria", WRONG)
    login(browser(app, "127.0.0.1"), "maria", WRONG)
    login(browser(app, "127.0.0.1"), "jose", WRONG)  # someone else's failure is not shown
    client = browser(app, "127.0.0.1")
    assert login(client, "maria").status_code == 302
    page = client.get("/account").get_data(as_text=True)
    assert "3 failed sign-in attempts" in page
    assert "203.0.113.9 (2, last at" in page and "127.0.0.1 (1, last at" in page
    assert "failed sign-in" not in client.get("/account").get_data(as_text=True)  # once
    again = browser(app, "127.0.0.1")
    login(again, "maria")
    assert "failed sign-in" not in again.get("/account").get_data(as_text=True)


def test_usernames_differing_in_case_share_a_throttle(app):
    make_user(app, "maria")
    client = browser(app, "203.0.113.9")
    for name in ("maria", "MARIA", "Maria"):
        login(client, name, WRONG)
    assert login(client, "mAria", PASSWORD).status_code == 429


def test_parallel_guesses_cannot_share_one_allowance(app):
    """Deciding whether a guess may be checked and counting it happen in one write, so
    guesses sent at the same moment do not all slip past the limit."""
    import threading
    make_user(app, "maria")
    statuses, start = [], threading.Barrier(8, timeout=30)

    def guess():
        client = browser(app, "203.0.113.9")
        start.wait()
        statuses.append(login(client, "maria", WRONG).status_code)

    threads = [threading.Thread(target=guess) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [401] * 3 + [429] * 5  # LOGIN_ATTEMPTS=3 in this app
    # The right password afterwards from another address still works.
    assert login(browser(app, "198.51.100.7"), "maria").status_code == 302
