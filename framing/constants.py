"""Values the engine, the stores, the campaigns and the web app share, defined once here.

(Severity names and labels live with the findings in :mod:`framing.findings`;
the text-length limit with the other caps in :mod:`framing.settings`.)
"""
from __future__ import annotations

# The kinds of message the engine checks: a pitch to one partner, or campaign copy.
MESSAGE_KINDS = ("pitch", "campaign")

# Account roles that may edit profiles, campaigns, pieces and comparisons.
EDITORS = ("admin", "editor")
