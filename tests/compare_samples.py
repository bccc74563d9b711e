"""Variant sets and partners shared by the comparison tests (written for these tests).

One partner-led variant per partner (its priorities in the opening, "your"
voice), one sender-led variant (the coalition's own issue and needs first),
and one with stigmatizing labels.
"""
from __future__ import annotations

from framing.compare import Target, VariantInput
from framing.profile import PartnerProfile

VARIANTS = {
    "schools": "Chronic absence is rising at Lincoln middle schools, and your counselors see it "
               "first. Students who feel safe in their relationships attend more days and keep "
               "their grades up. We can bring a 20-minute lesson that fits your advisory period, "
               "at no cost.",
    "employers": "Turnover and absenteeism cost your company money every quarter. Employees "
                 "dealing with abuse at home miss shifts, and managers who know how to respond "
                 "help you retain good people. A one-hour training for your supervisors fits "
                 "into the safety hours you already schedule.",
    "union": "Members facing violence at home risk their job security. Safe leave language in "
             "your next contract protects them, and stewards get a clear path when a grievance "
             "comes up. We will draft sample contract language for your bargaining team at no "
             "cost.",
    "clinic": "Routine screening for relationship violence improves patient outcomes in your "
              "clinics. A two-question screen fits the clinic workflow you already use, and "
              "positive screens connect to a warm referral. We can train your care teams in one "
              "lunch hour.",
    "sender": "Our coalition works to end teen dating violence, which is an epidemic in our "
              "county. We received a grant and need partners to host our program. All staff "
              "will be required to complete our survey. Let us know if you are interested.",
    "stigma": "Our coalition helps addicts and the homeless in our county. We need your support "
              "for our program. Let us know if you are interested.",
}

# sector -> (partner name, ranked priority ids from the sector pack, its partner-led variant)
PARTNERS = {
    "education": ("Lincoln USD", ["attendance", "achievement"], "schools"),
    "business": ("Acme Foods", ["retention", "productivity"], "employers"),
    "labor": ("Local 12", ["job_security", "leave", "contract"], "union"),
    "healthcare": ("Valley Clinic", ["screening", "patient_outcomes"], "clinic"),
}


def inputs(*labels: str) -> list[VariantInput]:
    """VariantInputs for the named sample variants (all of them by default)."""
    return [VariantInput(label, VARIANTS[label]) for label in (labels or VARIANTS)]


def partner_targets() -> list[Target]:
    """One profile target per partner above, keyed profile:1..4."""
    targets = []
    for i, (sector, (name, priorities, _)) in enumerate(PARTNERS.items(), start=1):
        profile = PartnerProfile.from_dict({"id": i, "name": name, "sector": sector,
                                            "priorities": [{"id": p} for p in priorities]})
        targets.append(Target(f"profile:{i}", name, sector, profile))
    return targets
