"""Per-user rate limit on the analysis endpoints: 429 with Retry-After and a clear message,
counted in the database so that every app process (gunicorn worker) shares the count."""
from __future__ import annotations

import subprocess
import sys

import pytest

from repo_paths import ROOT
from view_helpers import DRAFT, html
from web_helpers import api_token, bearer, login, make_app, make_user

from framing.store import connect, migrate
from webapp import MIGRATIONS
from framing.store.request_counts import RequestCounts
from webapp.config import Defaults

CHECK = {"text": DRAFT, "sector": "education"}
# Windows are fixed (aligned to multiples of the window), so a short one could end in the
# middle of a test and reset the count: a week-long window keeps every test inside one.
LIMIT, WINDOW = 3, 7 * 24 * 3600


@pytest.fixture()
def app(tmp_path, analyzer):
    app = make_app(tmp_path / "limits.sqlite", WTF_CSRF_ENABLED=False,
                   ANALYSIS_RATE_LIMIT=LIMIT, ANALYSIS_RATE_WINDOW_SECONDS=WINDOW)
    app.extensions["framing_analyzer"] = analyzer
    for name, role in (("eddie", "editor"), ("rita", "reviewer")):
        make_user(app, name, role)
    return app


def assert_limited(response, limit=LIMIT, window=WINDOW):
    assert response.status_code == 429
    wait = int(response.headers["Retry-After"])
    assert 1 <= wait <= window
    message = (f"Too many analysis requests: each user may run {limit:,} in {window:,} "
               f"seconds. Try again in {wait:,} second")
    return wait, message


# -- the JSON API -------------------------------------------------------------------------------
def test_api_answers_429_with_retry_after_once_the_limit_is_used(app):
    client, headers = app.test_client(), bearer(api_token(app, "eddie"))
    for _ in range(LIMIT):
        assert client.post("/api/v1/check", json=CHECK, headers=headers).status_code == 200
    response = client.post("/api/v1/check", json=CHECK, headers=headers)
    _, message = assert_limited(response)
    error = response.get_json()["error"]
    assert error["status"] == 429 and error["message"].startswith(message)


def test_check_suggest_reframe_and_compare_share_one_budget_per_user(app):
    client = app.test_client()
    eddie, rita = bearer(api_token(app, "eddie")), bearer(api_token(app, "rita"))
    assert client.post("/api/v1/check", json=CHECK, headers=eddie).status_code == 200
    assert client.post("/api/v1/suggest", json=CHECK, headers=eddie).status_code == 200
    assert client.post("/api/v1/reframe", json=CHECK, headers=eddie).status_code == 200
    compare = {"variants": [{"label": "A", "text": DRAFT}, {"label": "B", "text": "Call 988."}],
               "sectors": ["education"]}
    assert_limited(client.post("/api/v1/compare", json=compare, headers=eddie))
    # Another user has a budget of their own, and reading is not counted.
    assert client.post("/api/v1/compare", json=compare, headers=rita).status_code == 200
    assert client.get("/api/v1/sectors", headers=eddie).status_code == 200


def test_the_count_is_shared_with_other_processes(app):
    """Two requests counted by another process (as another gunicorn worker would) leave
    this one a single request of its budget of three."""
    user = connect(app.config["DATABASE"]).execute(
        "SELECT id FROM users WHERE username = 'eddie'").fetchone()[0]
    code = ("import sys; from framing.store import connect; "
            "from framing.store.request_counts import RequestCounts; "
            "counts = RequestCounts(connect(sys.argv[1])); "
            f"[counts.hit('analysis:user:{user}', {WINDOW}) for _ in range(2)]")
    subprocess.run([sys.executable, "-c", code, app.config["DATABASE"]], cwd=ROOT, check=True)
    client, headers = app.test_client(), bearer(api_token(app, "eddie"))
    assert client.post("/api/v1/check", json=CHECK, headers=headers).status_code == 200
    assert_limited(client.post("/api/v1/check", json=CHECK, headers=headers))


def test_no_limit_when_the_setting_is_zero(tmp_path, analyzer):
    app = make_app(tmp_path / "off.sqlite", ANALYSIS_RATE_LIMIT=0)
    app.extensions["framing_analyzer"] = analyzer
    client, headers = app.test_client(), bearer(api_token(app, "eddie"))
    for _ in range(LIMIT + 2):
        assert client.post("/api/v1/check", json=CHECK, headers=headers).status_code == 200


def test_maintenance_mode_still_limits_each_process(app, analyzer):
    make_app(app.config["DATABASE"])  # migrated and writable once, as in production
    readonly = make_app(app.config["DATABASE"], READ_ONLY=True, ANALYSIS_RATE_LIMIT=LIMIT,
                        ANALYSIS_RATE_WINDOW_SECONDS=WINDOW)
    readonly.extensions["framing_analyzer"] = analyzer
    client, headers = readonly.test_client(), bearer(api_token(app, "rita"))
    for _ in range(LIMIT):
        assert client.post("/api/v1/check", json=CHECK, headers=headers).status_code == 200
    assert_limited(client.post("/api/v1/check", json=CHECK, headers=headers))


def test_defaults_leave_room_for_the_load_test():
    # webapp/loadtest.py: one user, 6 threads x 60 requests, half of them checks, in
    # about 7 seconds; every one of them must pass under the default limit.
    assert Defaults.ANALYSIS_RATE_LIMIT >= 6 * 60 // 2
    assert Defaults.ANALYSIS_RATE_WINDOW_SECONDS > 0


def test_settings_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_ANALYSIS_RATE_LIMIT", "7")
    monkeypatch.setenv("FRAMING_ANALYSIS_RATE_WINDOW", "30")
    app = make_app(tmp_path / "env.sqlite")
    config = app.config
    assert (config["ANALYSIS_RATE_LIMIT"], config["ANALYSIS_RATE_WINDOW_SECONDS"]) == (7, 30)
    monkeypatch.setenv("FRAMING_ANALYSIS_RATE_WINDOW", "0")
    with pytest.raises(ValueError, match="ANALYSIS_RATE_WINDOW_SECONDS"):
        make_app(tmp_path / "env.sqlite")


# -- the pages ----------------------------------------------------------------------------------
def test_checker_page_answers_429_and_keeps_the_draft(app):
    client = app.test_client()
    assert login(client, "eddie").status_code == 302
    form = {"text": DRAFT, "against": "sector:education", "kind": "pitch"}
    assert client.get("/check").status_code == 200  # the empty form is not an analysis
    for _ in range(LIMIT):
        assert client.post("/check", data=form).status_code == 200
    response = client.post("/check", data=form)
    wait, message = assert_limited(response)
    page = html(response)
    assert message in page
    assert "Two of our students" in page  # the draft is kept in the form
    reframe = client.post("/check/reframe", data=form)
    assert_limited(reframe)
    assert "Two of our students" in html(reframe)
    # Opening a saved check with run=1 analyses too, so it is counted the same way.
    assert client.get("/check?run=1&text=Call+988.").status_code == 429


# -- the store ----------------------------------------------------------------------------------
def test_counts_start_again_in_the_next_window(tmp_path):
    db = connect(tmp_path / "counts.sqlite")
    migrate(db, MIGRATIONS)
    counts = RequestCounts(db)
    assert [counts.hit("k", 60, now=120.0 + i).count for i in range(3)] == [1, 2, 3]
    assert counts.hit("other", 60, now=125.0).count == 1
    third = counts.hit("k", 60, now=150.5)
    assert (third.count, third.retry_after(150.5)) == (4, 30)
    assert counts.hit("k", 60, now=180.0).count == 1  # a new window
    # Windows before the previous one are dropped.
    assert counts.hit("k", 60, now=400.0).count == 1
    assert db.execute("SELECT count(*) FROM request_counts WHERE window_start < 300"
                      ).fetchone()[0] == 0
