"""Imports every store module so that their migrations register (applied by name order)."""
import campaigns.migrations  # noqa: F401  (campaigns, pieces, versions, reviews, checks)

from . import accounts, comparisons, demo, interactions, pitches, profiles  # noqa: F401
