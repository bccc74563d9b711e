"""Framing: check outreach and campaign messages against partner priorities
and published messaging guidelines.

>>> from framing import Analyzer
>>> report = Analyzer().analyze("...", sector="education")
"""
from .engine import Analyzer, InputError
from .findings import CATEGORIES, SEVERITIES, Finding, Report
from .profile import PartnerProfile, ProfileError

__all__ = ["Analyzer", "InputError", "Finding", "Report", "PartnerProfile", "ProfileError",
           "CATEGORIES", "SEVERITIES"]
__version__ = "0.1.0"
