"""Strict loading: a bad rule pack fails with the file and key named."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from lexicon_samples import GOOD_RULE
from repo_paths import LEXICONS

from framing.lexicon import LexiconError, load_lexicons




@pytest.fixture
def lexicon_dir(tmp_path):
    root = tmp_path / "lexicons"
    (root / "guidelines").mkdir(parents=True)
    shutil.copytree(LEXICONS / "sectors", root / "sectors")
    for name in ("topics.yaml", "allowlist.yaml"):
        shutil.copy(LEXICONS / name, root / name)
    return root


def write(root: Path, text: str, name: str = "sample.yaml") -> Path:
    path = root / "guidelines" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_project_packs_load():
    lexicons = load_lexicons(LEXICONS)
    assert lexicons.rules and lexicons.sectors and len(lexicons.version) == 12


def test_good_pack_loads(lexicon_dir):
    write(lexicon_dir, GOOD_RULE)
    assert [r.id for r in load_lexicons(lexicon_dir).rules] == ["sample.word"]


@pytest.mark.parametrize("change, key, problem", [
    (("    source: S1\n", "    source: S1\n    patern: ['x']\n"), "patern", "unknown key"),
    (("['badword']", "['bad(word']"), "patterns[0]", "bad regex"),
    (("category: stigma", "category: shaming"), "category", "expected one of"),
    (("severity: warning", "severity: info"), "severity", "expected one of"),
    (("    source: S1\n", "    source: S1\n    gate: [astrology]\n"), "gate[0]", "unknown gate"),
    (("    source: S1\n", "    source: S1\n    gate_all: [astrology]\n"), "gate_all[0]", "unknown gate"),
    (("source: S1\n    patterns", "source: S9\n    patterns"), "source", "unknown source"),
    (("kind: term", "kind: magic"), "kind", "unknown kind"),
    (("      pass: [\"A fine word here.\"]\n", ""), "examples.pass", "missing required key"),
    (("      fail: [\"A badword here.\"]",
      "      fail: [{text: \"A badword.\", sector: narnia}]"), "sector", "unknown sector"),
])
def test_bad_pack_names_file_and_key(lexicon_dir, change, key, problem):
    path = write(lexicon_dir, GOOD_RULE.replace(*change))
    with pytest.raises(LexiconError) as info:
        load_lexicons(lexicon_dir)
    message = str(info.value)
    assert str(path) in message and key in message and problem in message, message


def test_malformed_yaml_is_named(lexicon_dir):
    path = write(lexicon_dir, "pack: [unclosed\n")
    with pytest.raises(LexiconError, match="not valid YAML") as info:
        load_lexicons(lexicon_dir)
    assert str(path) in str(info.value)


def test_non_utf8_file_is_named(lexicon_dir):
    path = lexicon_dir / "guidelines" / "latin1.yaml"
    path.write_bytes("pack: caf\xe9\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        load_lexicons(lexicon_dir)


def test_duplicate_rule_ids_rejected(lexicon_dir):
    write(lexicon_dir, GOOD_RULE, "a.yaml")
    write(lexicon_dir, GOOD_RULE.replace("pack: sample", "pack: other"), "b.yaml")
    with pytest.raises(LexiconError, match="duplicate rule id 'sample.word'"):
        load_lexicons(lexicon_dir)


def test_sector_file_name_must_match_id(lexicon_dir):
    source = lexicon_dir / "sectors" / "education.yaml"
    source.rename(lexicon_dir / "sectors" / "schools.yaml")
    with pytest.raises(LexiconError, match="must match the file name"):
        load_lexicons(lexicon_dir)


def test_unknown_priority_source_is_refused(lexicon_dir):
    path = lexicon_dir / "sectors" / "education.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["priorities"][0]["sources"] = ["https://example.org/not-in-this-pack"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_lexicons(lexicon_dir)
    message = str(info.value)
    assert str(path) in message and "priorities[0].sources[0]" in message, message
    assert "not among the pack's sources" in message, message


def test_local_resources_count_as_help(lexicon_dir, tmp_path):
    from framing import Analyzer
    from framing.settings import Settings
    shutil.copytree(LEXICONS / "guidelines", lexicon_dir / "guidelines", dirs_exist_ok=True)
    text = ("Suicide is preventable, and our school counselors are ready to listen to any student "
            "who is struggling. If you are worried about a friend, call the Riverton Crisis Center "
            "at 555-0142 any time of day or night.")
    # public copy: a private letter needs no help line
    rules = lambda analyzer: {f.rule for f in analyzer.analyze(text, kind="campaign").findings}
    without = Analyzer(Settings(lexicon_root=str(lexicon_dir)))
    assert "suicide.resource-missing" in rules(without)
    with_org = tmp_path / "with-org"  # packs are cached per folder, as an app loads them once
    shutil.copytree(lexicon_dir, with_org)
    (with_org / "org.yaml").write_text(
        "source: test\nlocal_resources:\n  - label: Riverton Crisis Center\n"
        "    patterns: ['555-?0142']\n", encoding="utf-8")
    assert "suicide.resource-missing" not in rules(Analyzer(Settings(lexicon_root=str(with_org))))


def test_org_file_is_strict(lexicon_dir):
    path = lexicon_dir / "org.yaml"
    path.write_text("source: x\nlocal_resources:\n  - label: A\n    patterns: ['(']\n")
    with pytest.raises(LexiconError, match="patterns"):
        load_lexicons(lexicon_dir)


def test_structure_and_resources_files_are_strict(lexicon_dir):
    shutil.copy(LEXICONS / "structure.yaml", lexicon_dir / "structure.yaml")
    text = (LEXICONS / "structure.yaml").read_text(encoding="utf-8")
    (lexicon_dir / "structure.yaml").write_text(text.replace("max_words: 18", "max_words: many"),
                                                encoding="utf-8")
    with pytest.raises(LexiconError, match=r"structure\.yaml: headline\.max_words"):
        load_lexicons(lexicon_dir)
    (lexicon_dir / "structure.yaml").write_text(
        text.replace("min_modal_share: 0.45", "min_modal_share: 45"), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"structure\.yaml: procedure\.min_modal_share"):
        load_lexicons(lexicon_dir)
    (lexicon_dir / "structure.yaml").write_text(text, encoding="utf-8")
    (lexicon_dir / "resources.yaml").write_text("source: x\nhelp_statements: ['(']\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"resources\.yaml: help_statements\[0\]"):
        load_lexicons(lexicon_dir)
