"""Values shared across layers are defined once and read from there."""
from __future__ import annotations

from campaigns import workflow
from framing import constants, engine, findings, settings
from framing.lexicon import kinds
from framing.store import pitches


def test_message_kinds_are_one_value():
    assert engine.KINDS is constants.MESSAGE_KINDS
    assert pitches.PITCH_KINDS is constants.MESSAGE_KINDS
    assert set(constants.MESSAGE_KINDS) <= set(kinds.BUILTIN_GATES)


def test_text_limit_is_one_value():
    assert pitches.MAX_TEXT == settings.DEFAULT_MAX_CHARS == settings.Settings().max_chars


def test_editors_and_severity_labels():
    assert workflow.EDITORS == frozenset(constants.EDITORS)
    assert set(findings.SEVERITY_LABELS) == set(findings.SEVERITIES)


def test_package_data_found_through_settings(monkeypatch):
    for name in settings.DATA_FOLDERS:
        assert settings.data_root(name).is_dir()
    monkeypatch.delenv("FRAMING_LEXICONS", raising=False)
    assert settings.lexicon_root() == settings.data_root("lexicons")
    assert str(settings.lexicon_root("/somewhere")) == "/somewhere"
    monkeypatch.setenv("FRAMING_LEXICONS", "/elsewhere")
    assert str(settings.lexicon_root()) == "/elsewhere"
