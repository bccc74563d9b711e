"""``framing compare``: text, JSON and CSV output, profiles from files and the store."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from compare_samples import VARIANTS

from framing.cli import main


@pytest.fixture
def files(tmp_path):
    paths = {}
    for label in ("schools", "sender", "stigma"):
        paths[label] = tmp_path / f"{label}.txt"
        paths[label].write_text(VARIANTS[label] + "\n", encoding="utf-8")
    profile = {"name": "Lincoln USD", "sector": "education",
               "priorities": [{"id": "attendance"}, {"id": "achievement"}]}
    paths["profile"] = tmp_path / "lincoln.json"
    paths["profile"].write_text(json.dumps(profile), encoding="utf-8")
    return {k: str(v) for k, v in paths.items()}


@pytest.fixture
def invoke(cli_engine):
    # The session's analyzer instead of loading spaCy again for every command.
    return lambda *args, **kw: CliRunner().invoke(main, ["compare", *args], **kw)


def test_text_output(files, invoke):
    out = invoke(files["schools"], files["sender"], "--profile", files["profile"],
                 "--sector", "labor")
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0] == "2 variants, 2 target(s), kind pitch"
    row = next(line for line in lines if line.startswith(files["schools"]))
    sender = next(line for line in lines if line.startswith(files["sender"]))
    # The partner-led variant is marked best for the profile and scores well above.
    assert row.split()[1].endswith("*")
    assert int(row.split()[1].rstrip("*")) >= int(sender.split()[1].rstrip("*")) + 30
    assert f"best fit (*): Lincoln USD -> {files['schools']}" in out.output
    assert "  worse: Misses" in out.output and "priorities reached: " in out.output


def test_json_output(files, invoke):
    out = invoke(files["schools"], files["stigma"], "--sector", "education", "--format", "json")
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert [t["key"] for t in data["targets"]] == ["sector:education"]
    assert data["best"] == {"sector:education": files["schools"]}
    stigma = data["variants"][1]
    assert stigma["source"] == files["stigma"] and stigma["findings_by_category"]["stigma"] == 2
    assert "Adds 2 stigma findings the others avoid." in stigma["worse"]


def test_csv_output(files, invoke):
    out = invoke(files["schools"], files["sender"], files["stigma"], "--format", "csv")
    assert out.exit_code == 0, out.output
    data = out.stdout_bytes.decode("utf-8")
    assert data.count("\r\n") >= 4  # CRLF rows (RFC 4180)
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert [r["variant"] for r in rows] == [files["schools"], files["sender"], files["stigma"]]
    assert rows[2]["findings by category"].count("stigma: 2") == 1


def test_stored_profile_by_id(files, invoke, tmp_path):
    from framing.lexicon import get_lexicons
    from framing.store import connect, migrate
    from webapp import MIGRATIONS
    from framing.store.profiles import ProfileStore, defaults_for_sector
    path = tmp_path / "app.sqlite"
    db = connect(path)
    migrate(db, MIGRATIONS)
    sectors = get_lexicons().sectors
    saved = ProfileStore(db, set(sectors)).create(
        {**defaults_for_sector(sectors["education"]), "name": "Lincoln USD"}, "maria")
    db.conn.close()
    out = invoke(files["schools"], files["sender"], "--profile", str(saved.id),
                 "--format", "json", env={"FRAMING_DATABASE": str(path)})
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["best"] == {f"profile:{saved.id}": files["schools"]}


@pytest.mark.parametrize("args, message", [
    (["one"], "at least two files"),
    (["one", "one"], "different file"),
    (["one", "two", "--sector", "nope"], "--sector: unknown sector 'nope'"),
    (["one", "missing.txt"], "missing.txt: no such file"),
])
def test_usage_errors_exit_2(files, invoke, args, message):
    args = [files["schools"] if a == "one" else files["sender"] if a == "two" else a
            for a in args]
    out = invoke(*args)
    assert out.exit_code == 2 and message in out.output


def test_real_engine(tmp_path, monkeypatch):
    # One run as the installed command would, with the engine it builds itself.
    for label in ("union", "sender"):
        (tmp_path / f"{label}.txt").write_text(VARIANTS[label], encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["compare", "union.txt", "sender.txt", "--sector", "labor",
                                    "--format", "json"])
    assert out.exit_code == 0, out.stderr
    assert json.loads(out.stdout)["best"] == {"sector:labor": "union.txt"}
