"""Load and fault tests against the production server: ``make loadtest``.

Starts gunicorn (the production configuration, several workers) on a free
127.0.0.1 port with a fresh database, then:

1. **Load**: several client threads send a bounded number of requests:
   checks of 150- and 500-word drafts, profile reads and pitch-version saves.
   Reports requests per second and p50/p95 latency per endpoint, counts
   errors, and afterwards verifies that no version was lost or duplicated.
2. **Faults**: saves run from several threads while a worker is killed with
   SIGKILL; after a restart of the whole server the database must pass
   SQLite's integrity check and hold every save that was acknowledged.

Traffic goes to loopback only; every loop is bounded in count and time.
"""
from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path

from framing.bench import make_text, percentile
from framing.settings import PROJECT_ROOT as ROOT

from .bench import free_port, wait_until_serving

MAX_SECONDS = 300  # hard stop for any phase


def start(db_path: str, port: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "FRAMING_DATABASE": db_path, "FRAMING_SECRET_KEY": secrets.token_hex(32),
           "FRAMING_DEMO_DATA": "0", "FRAMING_BIND": f"127.0.0.1:{port}",
           "FRAMING_WORKERS": str(workers)}
    proc = subprocess.Popen([sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py",
                             "wsgi:app"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_until_serving(proc, f"http://127.0.0.1:{port}/api/v1/openapi.json", 120)
    except RuntimeError:
        stop(proc)
        raise
    return proc


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def prepare(db_path: str) -> tuple[str, int, int]:
    """An editor token, a profile and a pitch, written before the server starts."""
    from framing.lexicon import get_lexicons
    from framing.store import connect, migrate
    from webapp import MIGRATIONS
    from framing.store.accounts import AccountStore
    from framing.store.pitches import PitchStore
    from framing.store.profiles import ProfileStore
    db = connect(db_path)
    migrate(db, MIGRATIONS)
    accounts = AccountStore(db)
    user = accounts.create("load-editor", "load-password-123", "editor")
    token, _ = accounts.create_token(user.id, "load test")
    profile = ProfileStore(db, set(get_lexicons().sectors)).create(
        {"name": "Lincoln Unified School District", "sector": "education"}, "load")
    pitch = PitchStore(db).create("Load pitch", "First draft.", "load", sector="education")
    db.conn.close()
    return token, profile.id, pitch.id


class Client:
    def __init__(self, base: str, token: str):
        self.base, self.token = base, token

    def call(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | None]:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as exc:
            return exc.code, None
        except OSError:
            return 0, None


def load_phase(client: Client, profile_id: int, pitch_id: int, threads: int, per_thread: int):
    texts = {150: make_text(150), 500: make_text(500)}
    plan = [("check 150 words", "POST", "/api/v1/check", {"text": texts[150], "sector": "education"}),
            ("check 500 words", "POST", "/api/v1/check", {"text": texts[500], "profile_id": profile_id}),
            ("profile read", "GET", f"/api/v1/profiles/{profile_id}", None),
            ("version save", "POST", f"/api/v1/pitches/{pitch_id}/versions", None)]
    times, errors, saved = defaultdict(list), defaultdict(int), []
    lock = threading.Lock()
    deadline = time.time() + MAX_SECONDS

    def worker(n: int):
        for i in range(per_thread):
            if time.time() > deadline:
                return
            name, method, path, body = plan[(n + i) % len(plan)]
            if name == "version save":
                body = {"text": f"Draft from client {n}, request {i}.", "note": "load"}
            start = time.perf_counter()
            status, payload = client.call(method, path, body)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                times[name].append(elapsed)
                if status >= 400 or status == 0:
                    errors[name] += 1
                elif name == "version save":
                    saved.append(payload["number"])

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall = time.perf_counter() - started
    endpoints = {name: {"requests": len(v), "errors": errors[name],
                        "p50_ms": round(statistics.median(v), 1),
                        "p95_ms": round(percentile(v, 95), 1)} for name, v in times.items()}
    total = sum(len(v) for v in times.values())
    return {"wall_s": round(wall, 1), "requests": total, "rps": round(total / wall, 1),
            "endpoints": endpoints}, saved


def verify_versions(db_path: str, pitch_id: int, acknowledged: list[int]) -> dict:
    conn = sqlite3.connect(db_path)
    numbers = [r[0] for r in conn.execute(
        "SELECT number FROM pitch_versions WHERE pitch_id = ? ORDER BY number", [pitch_id])]
    check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    missing = sorted(set(acknowledged) - set(numbers))
    return {"integrity": check, "versions": len(numbers), "acknowledged": len(acknowledged),
            "duplicates": len(numbers) - len(set(numbers)), "missing_acknowledged": missing,
            "contiguous": numbers == list(range(1, len(numbers) + 1))}


def worker_pids(master: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(master)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def fault_phase(db_path: str, port: int, workers: int, client: Client, pitch_id: int):
    server = start(db_path, port, workers)
    acknowledged: list[int] = []
    lock, stop_saving = threading.Lock(), threading.Event()
    deadline = time.time() + 60

    def saver(n: int):
        i = 0
        while not stop_saving.is_set() and time.time() < deadline and i < 400:
            status, payload = client.call("POST", f"/api/v1/pitches/{pitch_id}/versions",
                                          {"text": f"Fault-test save {n}.{i}"})
            if status == 201:
                with lock:
                    acknowledged.append(payload["number"])
            i += 1

    pool = [threading.Thread(target=saver, args=(n,)) for n in range(4)]
    for t in pool:
        t.start()
    time.sleep(3)
    killed = worker_pids(server.pid)[:1]
    for pid in killed:
        os.kill(pid, signal.SIGKILL)  # a worker dies mid-save
    time.sleep(4)
    stop_saving.set()
    for t in pool:
        t.join()
    stop(server)
    server = start(db_path, port, workers)  # a full restart reopens the database
    status, _ = client.call("GET", f"/api/v1/pitches/{pitch_id}")
    stop(server)
    return {"killed_workers": len(killed), "after_restart_status": status, "acknowledged": acknowledged}


def run(threads: int, per_thread: int, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db_path = str(Path(tmp) / "load.sqlite")
        token, profile_id, pitch_id = prepare(db_path)
        port = free_port()
        client = Client(f"http://127.0.0.1:{port}", token)
        server = start(db_path, port, workers)
        try:
            # Warm up: every worker builds its engine and serves a check before timing starts.
            for _ in range(3 * workers):
                client.call("POST", "/api/v1/check", {"text": make_text(150), "sector": "education"})
            load, saved = load_phase(client, profile_id, pitch_id, threads, per_thread)
        finally:
            stop(server)
        already = len(saved)
        load["after"] = verify_versions(db_path, pitch_id, saved)
        fault = fault_phase(db_path, port, workers, client, pitch_id)
        fault["after"] = verify_versions(db_path, pitch_id, saved + fault.pop("acknowledged"))
        fault["saves_before"] = already
        return {"workers": workers, "client_threads": threads, "load": load, "faults": fault}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=6)
    parser.add_argument("--requests", type=int, default=60, help="requests per client thread")
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args(argv)
    results = run(args.threads, args.requests, args.workers)
    print(json.dumps(results, indent=2))
    load, fault = results["load"], results["faults"]
    ok = (all(e["errors"] == 0 for e in load["endpoints"].values())
          and load["after"]["integrity"] == "ok" and not load["after"]["missing_acknowledged"]
          and load["after"]["duplicates"] == 0 and fault["after"]["integrity"] == "ok"
          and not fault["after"]["missing_acknowledged"] and fault["after"]["duplicates"] == 0
          and fault["after_restart_status"] == 200)
    print("PASS" if ok else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
