"""Imports every store module so that their migrations register, in this order."""
from . import accounts, profiles, pitches  # noqa: F401
from . import interactions  # noqa: F401

import campaigns.migrations  # noqa: F401,E402  (campaigns, pieces, versions, reviews, checks)
from . import comparisons  # noqa: F401,E402  (variant comparisons, decisions, feedback)
