"""Run a comparison: score framing variants against partner profiles and sectors.

The comparison pages (which cache results per saved comparison) and the JSON
API (stateless ``/compare`` and saved ``/comparisons``) both score through
:func:`run_comparison`; resolving the targets stays with each caller, since
the pages list deleted profiles and the API names the field at fault.
"""
from __future__ import annotations

from typing import Iterable

from framing.compare import VariantInput, compare



def run_comparison(analyzer, variants: Iterable[tuple[str, str, str | None]], targets,
                   kind: str = "pitch"):
    """The :class:`framing.compare.ComparisonResult` for ``(label, text, source)`` variants
    against ``targets``.

    Lets the engine's ``TextTooLarge`` and ``InputError`` through.
    """
    inputs = [VariantInput(label, text, source or "") for label, text, source in variants]
    return compare(analyzer, inputs, targets, kind=kind)
