"""The README's two commands: the lock files they install from and `make run` itself.

`.ci/run` runs `make test` in a fresh clone with no pip cache, so the install
is exercised there the way a new user runs it; these tests pin down what makes
that install independent of the pip the interpreter bundles.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from repo_paths import ROOT

REQUIREMENT = re.compile(r"^([A-Za-z0-9_.\-]+)(\[[^\]]*\])?(==|>=|<=|~=|>|<|!=)?([^ \\;]*)")


def requirements(path: Path) -> dict[str, tuple[str, str, list[str]]]:
    """Name -> (operator, version, hashes) for each requirement of a pip lock file."""
    entries: dict[str, tuple[str, str, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").replace("\\\n", " ").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        match = REQUIREMENT.match(line)
        assert match, f"{path.name}: cannot read {line!r}"
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})", line)
        entries[match.group(1).lower()] = (match.group(3) or "", match.group(4), hashes)
    return entries


@pytest.mark.parametrize("name", ["requirements.lock", "requirements-pip.lock"])
def test_every_requirement_is_pinned_exactly_with_hashes(name):
    entries = requirements(ROOT / name)
    assert entries, name
    for package, (operator, version, hashes) in entries.items():
        assert operator == "==" and version, f"{name}: {package} is not pinned with =="
        assert hashes, f"{name}: {package} has no hash"


def test_bootstrap_pip_matches_the_lock():
    bootstrap = requirements(ROOT / "requirements-pip.lock")
    lock = requirements(ROOT / "requirements.lock")
    assert set(bootstrap) == {"pip"}
    assert bootstrap["pip"][1] == lock["pip"][1]
    assert set(bootstrap["pip"][2]) == set(lock["pip"][2])


def test_install_puts_the_pinned_pip_in_before_the_lock():
    """An old bundled pip must never read requirements.lock (it refuses pinned extras)."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8")
    first_pip = recipe.index("-r requirements-pip.lock")
    first_lock = recipe.index("-r requirements.lock")
    assert first_pip < first_lock
    assert recipe.count("--require-hashes") >= 2


def test_ci_installs_with_a_cold_cache_and_runs_the_readme_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "PIP_NO_CACHE_DIR=1" in script
    assert re.search(r"^\s*make test\s*$", script, re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_run_serves_on_the_chosen_port(tmp_path):
    """`make run PORT=…` answers, and a fresh database first asks for the admin account."""
    port = free_port()
    env = dict(os.environ, FRAMING_DATABASE=str(tmp_path / "app.sqlite"))
    process = subprocess.Popen(["make", "--no-print-directory", "run", f"PORT={port}"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        body, deadline = None, time.monotonic() + 90
        while body is None and time.monotonic() < deadline:
            assert process.poll() is None, process.stdout.read().decode(errors="replace")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as reply:
                    body = reply.read().decode()
                    final_url = reply.geturl()
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        assert body is not None, "make run did not answer within 90 s"
        assert final_url.endswith("/setup")
        assert "Set up Framing" in body
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
