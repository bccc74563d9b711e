"""Sign-in throttling: progressive delays per (username, address), never a lockout of others.

A lockout per username lets anyone lock a user out from everywhere with five
wrong guesses, and a lockout per address locks a whole office out behind one
NAT. Instead:

* **Per (username, address).** After ``LOGIN_ATTEMPTS`` failures for one
  username from one address (since that pair last succeeded, within a day),
  the next attempt from that pair must wait ``LOGIN_DELAY_SECONDS`` after the
  last failure, doubling with each further failure up to
  ``LOGIN_MAX_DELAY_SECONDS``. Attempts made while waiting are refused (429)
  without checking the password and are not counted. The right password from
  any other address is never refused, and other usernames from the same
  address are not touched.
* **Spraying many usernames from one address.** The pair delay alone lets an
  address try one password on every username. So when one address has failed
  on ``LOGIN_SPRAY_FAILURES`` different usernames within
  ``LOGIN_SPRAY_WINDOW_SECONDS``, any username that *already failed from that
  address* must wait the maximum delay between attempts. Usernames with no
  failure from that address are not slowed at all, so a colleague behind the
  same NAT still signs in at once; the sprayer gets one guess per username,
  then one per maximum delay. The price is that a user who mistyped once from
  that address during a spray waits too (at most the maximum delay).

What is not covered: many addresses guessing one username (a botnet) each get
their own allowance; the password length rule and the cost of scrypt are the
defence there, since refusing the right password from a new address is what
this replaces.

Attempts are logged in the database (shared by all app processes). When it
cannot be written (maintenance mode, read-only file, full disk) failures are
kept in this process's memory instead, so guessing is still slowed; they are
lost on restart and not shared between processes, an accepted loss for a
maintenance window.
"""
from __future__ import annotations

import math
import threading
import time
from collections import deque
from dataclasses import dataclass

from flask import current_app

from framing.store.best_effort import try_write
from framing.store.sign_in_log import Failures, SignInLog, normal_name

PAIR_WINDOW_SECONDS = 86_400  # failures older than a day no longer count towards a delay


def now() -> float:
    """The current time in epoch seconds (replaced in tests to move time on)."""
    return time.time()


@dataclass(frozen=True)
class Policy:
    free: int           # failures per (username, address) before delays start
    delay: float        # first delay, doubled for each further failure
    max_delay: float
    spray_usernames: int
    spray_window: float

    @classmethod
    def from_config(cls, config) -> "Policy":
        return cls(config["LOGIN_ATTEMPTS"], config["LOGIN_DELAY_SECONDS"],
                   config["LOGIN_MAX_DELAY_SECONDS"], config["LOGIN_SPRAY_FAILURES"],
                   config["LOGIN_SPRAY_WINDOW_SECONDS"])

    def wait(self, failures: int, last_failure: float, spraying: bool, at: float) -> float:
        """Seconds the pair must still wait before its next attempt (0: go ahead)."""
        needed = 0.0
        if failures >= self.free:
            needed = min(self.delay * 2 ** min(failures - self.free, 40), self.max_delay)
        if spraying and failures >= 1:
            needed = self.max_delay
        return max(0.0, last_failure + needed - at)


class Unrecorded:
    """Failures this process could not write to the database, kept in memory (bounded)."""

    def __init__(self, size: int = 10_000):
        self.lock = threading.Lock()
        self.items: deque[tuple[str, str, float]] = deque(maxlen=size)

    def add(self, name: str, address: str, at: float) -> None:
        with self.lock:
            self.items.append((name, address, at))

    def clear_pair(self, name: str, address: str) -> None:
        with self.lock:
            kept = [item for item in self.items if item[:2] != (name, address)]
            self.items.clear()
            self.items.extend(kept)

    def pair(self, name: str, address: str, since: float) -> tuple[int, float]:
        with self.lock:
            times = [at for n, a, at in self.items if (n, a) == (name, address) and at >= since]
        return len(times), max(times, default=0.0)

    def names_from(self, address: str, since: float) -> set[str]:
        with self.lock:
            return {n for n, a, at in self.items if a == address and at >= since}

    def for_name(self, name: str) -> list[Failures]:
        with self.lock:
            rows = [(a, at) for n, a, at in self.items if n == name]
        out: dict[str, Failures] = {}
        for address, at in rows:
            seen = out.setdefault(address, Failures(address, 0, at))
            seen.count, seen.last_at = seen.count + 1, max(seen.last_at, at)
        return list(out.values())


def unrecorded() -> Unrecorded:
    """This app's in-memory failures (one per app, so test apps do not share them)."""
    return current_app.extensions.setdefault("sign_in_unrecorded", Unrecorded())


class SignInThrottle:
    """The throttle for one request: asks the attempt log, records outcomes."""

    def __init__(self, log: SignInLog):
        self.log, self.memory = log, unrecorded()
        self.policy = Policy.from_config(current_app.config)

    def wait(self, username: str, address: str) -> float:
        """Seconds before ``username`` may try again from ``address`` (0: go ahead)."""
        at, name = now(), normal_name(username)
        count, last = self.log.pair_failures(name, address, at - PAIR_WINDOW_SECONDS)
        more, more_last = self.memory.pair(name, address, at - PAIR_WINDOW_SECONDS)
        since = at - self.policy.spray_window
        names = (self.log.usernames_failed_from(address, since)
                 + len(self.memory.names_from(address, since)))
        return self.policy.wait(count + more, max(last, more_last),
                                names >= self.policy.spray_usernames, at)

    def reserve(self, username: str, address: str) -> tuple[float, int | None]:
        """(wait, reserved row) for an attempt about to be checked.

        The wait is decided and, when there is none, the attempt is counted as a
        failure in the same write transaction: writers take turns (BEGIN IMMEDIATE,
        across processes too), so guesses sent at the same moment cannot all pass
        the check before any of them is counted. A right password then discards the
        reserved row (:meth:`succeeded`). When the database cannot be written the
        decision comes from the log and this process's memory, and the caller
        records a failure with :meth:`failed` (row None).
        """
        decided: dict = {}

        def decide() -> None:
            decided["wait"] = self.wait(username, address)
            if decided["wait"] <= 0:
                decided["row"] = self.log.record(normal_name(username), address, False, now())

        if try_write(self.log.db, decide):
            return decided["wait"], decided.get("row")
        return self.wait(username, address), None

    def failed(self, username: str, address: str) -> None:
        """Record a wrong password (in memory if the database cannot take it)."""
        at, name = now(), normal_name(username)
        if not try_write(self.log.db, lambda: self.log.record(name, address, False, at)):
            self.memory.add(name, address, at)

    def succeeded(self, username: str, address: str,
                  reserved: int | None = None) -> list[Failures]:
        """Record a sign-in; returns the failures on this account since its previous one.

        ``reserved`` is the row :meth:`reserve` counted for this attempt: it was no failure.
        """
        name = normal_name(username)
        if reserved is not None:
            try_write(self.log.db, lambda: self.log.discard(reserved))
        failures = self.log.failures_since_last_success(name) + self.memory.for_name(name)
        self.memory.clear_pair(name, address)
        try_write(self.log.db, lambda: self.log.record(name, address, True, now()))
        return failures


def retry_after(seconds: float) -> int:
    """Whole seconds for a Retry-After header (never 0 while a wait remains)."""
    return max(1, math.ceil(seconds - 1e-6))


def failures_notice(failures: list[Failures]) -> str | None:
    """The message shown once after signing in, or None when there were no failures."""
    if not failures:
        return None
    total = sum(f.count for f in failures)
    where = ", ".join(f"{f.address} ({f.count}, last at "
                      f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime(f.last_at))})"
                      for f in sorted(failures, key=lambda f: -f.last_at))
    return (f"There {'was' if total == 1 else 'were'} {total} failed sign-in attempt"
            f"{'' if total == 1 else 's'} on your account since your last sign-in, from "
            f"{where}. If that was not you, change your password.")
