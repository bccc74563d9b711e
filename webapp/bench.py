"""Web benchmark: the checker page and ``/api/v1/check`` through a real server.

``python -m webapp.bench`` (part of ``make bench``) starts the app in its own
process on a free loopback port with a fresh database, signs in, and sends
sequential requests: the checker page (form POST, HTML back) and the JSON
API, for drafts of about 150 and 500 words. It prints p50/p95 latency per
endpoint and size next to the engine-only time for the same drafts, so the
share added by the web layer (routing, storage, rendering) is visible.
Requests go to 127.0.0.1 only and the loop is bounded.
"""
from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from framing.bench import make_text, percentile
from framing.settings import PROJECT_ROOT as ROOT

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
USER, PASSWORD = "bench-admin", "bench-password-123"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db_path: str, port: int) -> subprocess.Popen:
    """The app in its own process (Werkzeug, threaded), demo data off."""
    # About 400 analyses by one user in well under a minute: the per-user rate limit
    # (webapp/rate_limit.py) is switched off, as the figures are about latency.
    env = {**os.environ, "FRAMING_DATABASE": db_path, "FRAMING_SECRET_KEY": "bench-secret",
           "FRAMING_DEMO_DATA": "0", "FRAMING_ANALYSIS_RATE_LIMIT": "0"}
    proc = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "run",
                             "--host", "127.0.0.1", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_serving(proc, f"http://127.0.0.1:{port}/login", 60)
    except RuntimeError:
        proc.terminate()
        raise
    return proc


def wait_until_serving(proc: subprocess.Popen, url: str, seconds: float) -> None:
    """Poll ``url`` until the server answers 200; RuntimeError if it exits or times out."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if proc.poll() is not None:
                output = proc.stderr.read().decode() if proc.stderr else ""
                raise RuntimeError(f"the server exited during start-up. {output}".strip())
            time.sleep(0.2)
    raise RuntimeError(f"the server did not start in {seconds:g} s")


def prepare_accounts(db_path: str) -> str:
    """An admin and an API token, created directly in the store before the server starts."""
    from framing.store import connect, migrate
    from webapp import MIGRATIONS
    from framing.store.accounts import AccountStore
    db = connect(db_path)
    migrate(db, MIGRATIONS)
    accounts = AccountStore(db)
    user = accounts.create(USER, PASSWORD, "admin")
    token, _ = accounts.create_token(user.id, "benchmark")
    db.conn.close()
    return token


class Browser:
    """A cookie-keeping client that submits forms with their CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=60) as response:
            return response.read().decode()

    def post_form(self, path: str, fields: dict, token_from: str | None = None) -> str:
        page = self.get(token_from or path)
        fields = {**fields, "csrf_token": CSRF.search(page).group(1)}
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(self.base + path, data=data, timeout=60) as response:
            return response.read().decode()


def timed(fn, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def run(runs: int = 100) -> dict:
    from framing import Analyzer
    analyzer = Analyzer()
    results: dict = {"runs": runs, "endpoints": {}}
    with tempfile.TemporaryDirectory() as tmp:
        db_path = str(Path(tmp) / "bench.sqlite")
        token = prepare_accounts(db_path)
        port = free_port()
        server = start_server(db_path, port)
        try:
            base = f"http://127.0.0.1:{port}"
            browser = Browser(base)
            browser.post_form("/login", {"username": USER, "password": PASSWORD})

            def api_check(text: str):
                request = urllib.request.Request(
                    base + "/api/v1/check", data=json.dumps({"text": text, "sector": "education"}).encode(),
                    headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=60) as response:
                    json.loads(response.read())

            for words in (150, 500):
                text = make_text(words)
                csrf = CSRF.search(browser.get("/check")).group(1)

                def page_check():
                    data = urllib.parse.urlencode({"text": text, "sector": "education", "kind": "pitch",
                                                   "csrf_token": csrf}).encode()
                    with browser.opener.open(base + "/check", data=data, timeout=60) as response:
                        body = response.read()
                        assert b"<mark" in body, "the checker page showed no highlights"

                engine = timed(lambda: analyzer.analyze(text, sector="education"), 30)
                for name, fn in (("checker page (POST /check)", page_check),
                                 ("API (POST /api/v1/check)", lambda: api_check(text))):
                    fn()  # first request builds the app's pipeline
                    times = timed(fn, runs)
                    results["endpoints"][f"{name}, {len(text.split())} words"] = {
                        "p50_ms": round(statistics.median(times), 1),
                        "p95_ms": round(percentile(times, 95), 1),
                        "engine_only_p50_ms": round(statistics.median(engine), 1),
                    }
        finally:
            server.terminate()
            server.wait(timeout=10)
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100, help="requests per endpoint and size")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = run(args.runs)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"web: {args.runs} sequential requests per figure, real server process on 127.0.0.1")
    for name, figures in results["endpoints"].items():
        share = 100 * (1 - figures["engine_only_p50_ms"] / figures["p50_ms"])
        print(f"  {name}: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms "
              f"(engine alone p50 {figures['engine_only_p50_ms']} ms; web layer {share:.0f}%)")


if __name__ == "__main__":
    main()
