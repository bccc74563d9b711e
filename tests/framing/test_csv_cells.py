"""One CSV-escaping function for every export: formulas defused, profile cells round-trip."""
from __future__ import annotations

import pytest

from campaigns.export import safe_cell
from framing.csv_cells import FORMULA_START, defuse_formula, restore_formula


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_dangerous_leading_character_is_defused(start):
    assert start in FORMULA_START
    cell = f"{start}HYPERLINK(\"http://evil.example\")"
    assert defuse_formula(cell) == "'" + cell
    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("text", ["plain words", "", "'quoted", "a=b", "988"])
def test_harmless_text_is_left_alone(text):
    assert defuse_formula(text) == text


@pytest.mark.parametrize("text", ["=1+1", "'=1+1", "'plain", "plain", "@x", "\tx", "''"])
def test_reversible_escaping_round_trips(text):
    escaped = defuse_formula(text, reversible=True)
    assert not escaped.startswith(FORMULA_START)
    assert restore_formula(escaped) == text
