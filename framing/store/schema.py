"""Imports every store module so that their migrations register, in this order."""
from . import accounts, profiles, pitches  # noqa: F401
