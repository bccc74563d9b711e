"""CSV cells a spreadsheet will not run as formulas (OWASP CSV injection), defined once.

Every CSV the project writes (comparison results, campaign exports, partner
profiles) passes its text cells through :func:`defuse_formula`.
"""
from __future__ import annotations

# Leading characters that make a spreadsheet treat a cell as a formula: = + - @, and
# tab and carriage return, which some spreadsheets skip before reading the formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse_formula(text: str, reversible: bool = False) -> str:
    """``text`` with a leading apostrophe when a spreadsheet would run it as a formula.

    With ``reversible``, text that already starts with an apostrophe gets one too,
    so :func:`restore_formula` gives back exactly what was written (profile
    round trips); exports read only by people leave such text as it is.
    """
    starts = FORMULA_START + ("'",) if reversible else FORMULA_START
    return "'" + text if text.startswith(starts) else text


def restore_formula(text: str) -> str:
    """The text :func:`defuse_formula` was given with ``reversible=True``."""
    if text.startswith("'") and text[1:].startswith(FORMULA_START + ("'",)):
        return text[1:]
    return text
