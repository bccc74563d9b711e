"""Imports every store module so that their migrations register (applied by name order)."""
import campaigns.migrations  # noqa: F401  (campaigns, pieces, versions, reviews, checks)

from . import accounts, comparisons, demo, interactions, pitches, profiles  # noqa: F401
from . import sessions, sign_in_log  # noqa: F401  (sign-in sessions and attempts)
from . import audit  # noqa: F401  (who viewed or exported profiles and campaigns)
from . import request_counts  # noqa: F401  (the analysis rate limit's counters)
