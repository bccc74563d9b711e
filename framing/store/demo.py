"""Demo data: eight fictional Riverton partners and three saved pitches.

Seeded on first run so a new install shows every lens filled in. People,
organizations and numbers are invented; dates sit around late 2026 and 2027.
"""
from __future__ import annotations

import sqlite_utils

from .pitches import PitchStore
from .db import write_transaction
from .profiles import ProfileStore, utcnow

USER = "demo"


def _d(label, kind, date, end=None, notes=""):
    return {"label": label, "kind": kind, "date": date, "end": end, "notes": notes}


def _p(name, role, authority, motivations, owner, stance, channel):
    return {"name": name, "role": role, "authority": authority, "motivations": motivations,
            "owner": owner, "stance": stance, "channel": channel}


def _w(name, kind, influence, interest, notes=""):
    return {"name": name, "kind": kind, "influence": influence, "interest": interest, "notes": notes}


def _r(stage, scores, assessed):
    return {"stage": stage, "assessed": assessed, "dimensions": dict(zip("ABCDEF", scores))}


def _a(term, instead=(), why=""):
    return {"term": term, "instead": list(instead), "why": why}


# Priorities: (sector priority id or None, label if custom, the partner's own words).
PROFILES = [
    dict(name="Lincoln Unified School District", sector="education", tags=["schools", "north county"],
         notes="Eight schools, 6,100 students. The new student-services director wants one "
               "coordinated plan for wellness partners instead of separate programs.",
         politics={"policy_culture": "evidence-driven", "fiscal_climate": "austerity",
                   "mandates": "State chronic-absence improvement plan; McKinney-Vento liaison "
                               "duties; Local Control and Accountability Plan update by June.",
                   "key_dates": [
                       _d("School board election", "election", "2026-11-03",
                          notes="Two new trustees, seated at the December meeting"),
                       _d("Board organizational meeting", "meeting", "2026-12-10"),
                       _d("Budget study sessions", "budget", "2027-02-01", "2027-04-30"),
                       _d("Spring testing window", "school-year", "2027-04-12", "2027-05-21",
                          "Poor time for any ask of teachers"),
                       _d("Board adopts 2027-28 budget", "budget", "2027-06-17"),
                       _d("First day of school", "school-year", "2027-08-11")]},
         priorities=[("attendance", None, ["chronic absence", "seat time", "Attendance Works"]),
                     ("wellbeing", None, ["whole child", "advisory period"]),
                     ("climate", None, ["Healthy Kids Survey", "connectedness"]),
                     (None, "Teacher workload", ["planning period", "duty-free lunch"])],
         people=[_p("Dr. Ana Ruiz", "Superintendent", "decides", "Graduation rate; calm board",
                    "Maria L.", 1, "email"),
                 _p("Marcus Bell", "Director of Student Services", "recommends",
                    "One wellness plan, fewer vendors", "Maria L.", 2, "phone"),
                 _p("Tina Okafor", "Homeless and foster youth liaison", "informs",
                    "Students doubled up with relatives", "Jae K.", 2, "in person"),
                 _p("Greg Holm", "Board president", "decides", "Budget discipline",
                    "", -1, "public comment")],
         power=[_w("Lincoln PTA Council", "advocacy", 4, 3, "Runs the spring family night"),
                _w("Lincoln Teachers Association", "network", 4, 2, "Watches workload closely"),
                _w("North County Parents Facebook group", "public-opinion", 3, 4)],
         readiness=_r(4, [4, 3, 5, 4, 3, 2], "2026-09-15"), capacity="stretched",
         vocabulary=["whole child", "Lincoln Lions", "MTSS", "family engagement"],
         avoid=[_a("mandatory", ["optional", "available"], "Board pushback on the 2024 survey"),
                _a("at-risk", ["students facing housing instability"], "District style guide")]),
    dict(name="Service Workers Local 418", sector="labor", tags=["labor", "healthcare workers"],
         notes="2,300 members: CNAs, dietary and environmental services staff at two hospitals "
               "and nine nursing homes. Many members work nights and split shifts.",
         politics={"policy_culture": "values-led", "fiscal_climate": "flat",
                   "mandates": "State paid sick leave covers DV survivors; contract has no safe-leave "
                               "language yet.",
                   "key_dates": [
                       _d("Executive board meeting", "meeting", "2026-12-08"),
                       _d("Bargaining window", "bargaining", "2027-03-01", "2027-06-30",
                          "Proposals set by the bargaining committee in February"),
                       _d("Officer elections", "election", "2027-05-13"),
                       _d("Contract expires", "bargaining", "2027-06-30")]},
         priorities=[("leave", None, ["safe leave", "protected time off", "PTO bank"]),
                     ("contract", None, ["contract language", "side letter"]),
                     ("member_safety", None, ["workplace violence", "health and safety committee"]),
                     ("job_security", None, ["no-fault attendance", "points system"])],
         people=[_p("Rosa Delgado", "President", "decides", "Winning a strong contract",
                    "Jae K.", 1, "text"),
                 _p("Kevin Tran", "Chief steward", "recommends", "Members disciplined for absences "
                    "caused by abuse at home", "Jae K.", 2, "phone"),
                 _p("Alicia Ward", "Communications director", "gatekeeps", "Member newsletter space",
                    "Maria L.", 0, "email")],
         power=[_w("Riverton Central Labor Council", "network", 4, 3),
                _w("Member newsletter (monthly, 2,300 copies)", "media", 3, 4)],
         readiness=_r(3, [2, 3, 4, 3, 3, 2], "2026-08-20"), capacity="normal",
         vocabulary=["members", "stewards", "brothers and sisters", "solidarity"],
         avoid=[_a("victims", ["members", "survivors"], "Members asked for person-first wording"),
                _a("management", ["the employer"], "Union usage")]),
    dict(name="The Riverton Daily Record", sector="media", tags=["media", "countywide"],
         notes="Daily online, print Tuesday to Sunday. Three reporters cover all local news.",
         politics={"policy_culture": "other", "fiscal_climate": "austerity",
                   "mandates": "Independent newsroom; no pay-to-play; opinion page separate from news.",
                   "key_dates": [
                       _d("Op-ed deadline for February pieces", "editorial", "2027-01-15"),
                       _d("Teen Dating Violence Awareness Month", "awareness", "2027-02-01",
                          "2027-02-28", "Editorial calendar peg"),
                       _d("Back-to-school section", "editorial", "2027-08-01"),
                       _d("Domestic Violence Awareness Month", "awareness", "2027-10-01",
                          "2027-10-31")]},
         priorities=[("timeliness", None, ["news peg", "this week"]),
                     ("local_angle", None, ["Riverton", "county data"]),
                     ("new_information", None, ["first look", "new survey"]),
                     ("audience", None, ["readers", "what parents can do"])],
         people=[_p("Dana Whitfield", "Managing editor", "decides", "Local scoops; fewer press "
                    "releases", "Maria L.", 0, "email"),
                 _p("Sam Ortiz", "Education and youth reporter", "recommends", "Data stories with "
                    "a named local source", "Maria L.", 1, "email"),
                 _p("Priya Nair", "Opinion editor", "decides", "Local voices, 650 words",
                    "Jae K.", 1, "email")],
         power=[_w("Daily Record readership (38,000 weekly online)", "media", 5, 2),
                _w("Record Facebook page", "public-opinion", 3, 2)],
         readiness=_r(5, [5, 4, 5, 5, 4, 4], "2026-10-01"), capacity="overloaded",
         vocabulary=["readers", "local angle", "on the record", "data"],
         avoid=[_a("epidemic", ["rising", "a local concern"], "Editor calls it hype"),
                _a("exclusive", why="Record will not promise exclusives to outside groups")]),
    dict(name="Calder Logistics", sector="business", tags=["employers", "south county"],
         notes="Regional warehouse and trucking firm, 640 employees, 24/7 shifts. HR team of four.",
         politics={"policy_culture": "compliance-driven", "fiscal_climate": "growth",
                   "mandates": "OSHA recordkeeping; state workplace violence prevention plan.",
                   "key_dates": [
                       _d("Annual budget set", "budget", "2026-12-15"),
                       _d("Peak season ends", "other", "2027-01-08", notes="No asks before this"),
                       _d("Q1 safety stand-down", "meeting", "2027-03-09"),
                       _d("Benefits open enrollment", "other", "2027-10-04", "2027-10-29")]},
         priorities=[("retention", None, ["turnover", "90-day retention"]),
                     ("workplace_safety", None, ["incident rate", "workplace violence plan"]),
                     ("productivity", None, ["no-shows", "shift coverage"]),
                     ("costs", None, ["EAP utilization"])],
         people=[_p("Lauren Pike", "VP of People", "decides", "Cut first-year turnover",
                    "Jae K.", 1, "LinkedIn"),
                 _p("Derrick Moss", "Safety manager", "recommends", "Clean OSHA log",
                    "Jae K.", 0, "email")],
         power=[_w("Riverton Chamber of Commerce", "network", 4, 2),
                _w("South County Employers Council", "advocacy", 3, 2)],
         readiness=_r(2, [1, 2, 3, 2, 2, 3], "2026-07-10"), capacity="ample",
         vocabulary=["team members", "shift leads", "retention", "ROI"],
         avoid=[_a("domestic violence training", ["safety at home and work briefing"],
                   "Managers expect a compliance lecture")]),
    dict(name="Grace Fellowship Church", sector="faith", tags=["faith", "east side"],
         notes="About 450 attending; active youth group of 60; food pantry on Thursdays.",
         politics={"policy_culture": "values-led", "fiscal_climate": "flat",
                   "mandates": "Safe sanctuary policy for youth volunteers.",
                   "key_dates": [
                       _d("Advent and Christmas", "other", "2026-11-29", "2026-12-25",
                          "Staff fully booked"),
                       _d("Church council", "meeting", "2027-01-12"),
                       _d("Youth group spring retreat", "other", "2027-03-19", "2027-03-21"),
                       _d("Stewardship and budget season", "budget", "2027-10-03", "2027-11-14")]},
         priorities=[("youth_family", None, ["youth group", "confirmation class"]),
                     ("care", None, ["care team", "pastoral care"]),
                     ("values", None, ["dignity", "hospitality"])],
         people=[_p("Rev. Daniel Osei", "Senior pastor", "decides", "Families who stay connected",
                    "Maria L.", 1, "in person"),
                 _p("Hannah Lee", "Youth director", "recommends", "Hard topics handled well",
                    "Maria L.", 2, "text")],
         power=[_w("East Side Interfaith Council", "network", 3, 3),
                _w("Sunday bulletin", "media", 2, 3)],
         readiness=_r(3, [2, 2, 4, 3, 3, 3], "2026-06-05"), capacity="normal",
         vocabulary=["congregation", "families", "youth ministry", "care team"],
         avoid=[_a("perpetrator", ["someone who causes harm"], "Pastor prefers restorative language")]),
    dict(name="Riverton Youth Prevention Coalition", sector="prevention",
         tags=["coalitions", "countywide", "DFC"],
         notes="DFC-funded substance-use coalition; shares risk and protective factors with our work.",
         politics={"policy_culture": "evidence-driven", "fiscal_climate": "growth",
                   "mandates": "DFC core measures; all 12 sectors represented.",
                   "key_dates": [
                       _d("Quarterly coalition meeting", "meeting", "2027-01-20"),
                       _d("Youth survey results release", "other", "2027-02-10"),
                       _d("DFC continuation application due", "budget", "2027-03-15"),
                       _d("Red Ribbon Week", "awareness", "2027-10-23", "2027-10-31")]},
         priorities=[("shared_factors", None, ["school connectedness", "caring adults"]),
                     ("joint_work", None, ["joint campaign", "shared calendar"]),
                     ("data", None, ["youth survey", "core measures"])],
         people=[_p("Luis Carranza", "Coalition coordinator", "decides", "Shared outcomes, no "
                    "duplicated effort", "Jae K.", 2, "email"),
                 _p("Mei Chen", "Evaluator", "recommends", "Clean data sharing", "Jae K.", 1, "email")],
         power=[_w("Youth Advisory Council", "advocacy", 3, 5),
                _w("County Behavioral Health", "network", 5, 4)],
         readiness=_r(8, [8, 7, 8, 8, 7, 8], "2026-10-20"), capacity="ample",
         vocabulary=["shared risk and protective factors", "sector members", "core measures"],
         avoid=[]),
    dict(name="Riverton Public Library", sector="public-resources", tags=["libraries", "countywide"],
         notes="Main branch plus four branches; teen space opened in 2025.",
         politics={"policy_culture": "local-control", "fiscal_climate": "flat",
                   "mandates": "Patron privacy policy; no sign-in sheets for teen programs.",
                   "key_dates": [
                       _d("Summer program planning deadline", "other", "2027-02-26"),
                       _d("Library board budget hearing", "budget", "2027-04-14"),
                       _d("Summer reading starts", "other", "2027-06-14")]},
         priorities=[("programming", None, ["teen programs", "summer reading"]),
                     ("information", None, ["resource lists", "booklists"]),
                     ("public_space", None, ["teen space", "safe space"])],
         people=[_p("Beatriz Soto", "Teen services librarian", "recommends",
                    "Programs teens actually attend", "Maria L.", 2, "email"),
                 _p("Owen Fisher", "Library director", "decides", "Patron privacy",
                    "Maria L.", 1, "email")],
         power=[_w("Friends of the Library", "advocacy", 3, 3)],
         readiness=_r(6, [6, 5, 6, 7, 5, 5], "2026-05-12"), capacity="normal",
         vocabulary=["patrons", "programming", "teens", "branch"],
         avoid=[_a("intervention", ["program", "resources"], "Reads as clinical to patrons")]),
    dict(name="Riverton Housing Authority", sector="housing", tags=["housing", "countywide"],
         notes="1,150 public housing units and 2,400 vouchers; resident services team of three.",
         politics={"policy_culture": "compliance-driven", "fiscal_climate": "austerity",
                   "mandates": "VAWA emergency transfer plan; HUD PHA annual plan.",
                   "key_dates": [
                       _d("PHA plan public hearing", "meeting", "2027-01-27"),
                       _d("PHA annual plan due to HUD", "other", "2027-04-16"),
                       _d("Fiscal year begins", "budget", "2027-07-01")]},
         priorities=[("compliance", None, ["VAWA", "emergency transfer plan"]),
                     ("tenancy_stability", None, ["lease violations", "evictions"]),
                     ("resident_services", None, ["resident council"])],
         people=[_p("Carla Jimenez", "Executive director", "decides", "Clean HUD review",
                    "Jae K.", 0, "email"),
                 _p("Andre Wallace", "Resident services manager", "recommends",
                    "Families who keep their housing", "Jae K.", 2, "phone")],
         power=[_w("Resident Advisory Board", "advocacy", 3, 4),
                _w("Continuum of Care board", "network", 4, 3)],
         readiness=_r(5, [5, 4, 6, 5, 4, 4], "2026-08-30"), capacity="stretched",
         vocabulary=["residents", "households", "VAWA protections"],
         avoid=[_a("shelter", ["housing"], "Not their role"), _a("clients", ["residents"])]),
]

PITCHES = [
    ("Lincoln USD: students without stable housing", "Lincoln Unified School District", [
        ("Our coalition is proud to announce our new youth homelessness initiative. We are "
         "requesting that all teachers complete our 3-hour training on trauma-informed "
         "approaches and distribute our flyers to every student.", "First draft"),
        ("Chronic absence at Lincoln is highest among students who are doubled up or moving "
         "between homes. Teachers often notice first, and a short, shared way to connect those "
         "students with Ms. Okafor's office keeps them in class. Could we meet with you and Ms. "
         "Okafor for 15 minutes in January to pick one February staff meeting for a 20-minute "
         "briefing? We will bring the referral cards and handle every follow-up.",
         "Lead with attendance; smaller ask")]),
    ("Local 418: safe leave contract language", "Service Workers Local 418", [
        ("Members facing abuse at home are losing points under the no-fault attendance system "
         "for days they need for court or a safe move. Safe leave language protects their jobs "
         "and their paychecks. Would your executive board give us 20 minutes at its December 8 "
         "meeting? We will bring sample contract language used by other locals and a one-page "
         "summary for stewards.", "")]),
    ("Daily Record: most Riverton teens respect their partners", "The Riverton Daily Record", [
        ("New county survey data out February 10 show that most Riverton high school students, "
         "8 in 10, say they would speak up if a friend were controlling a partner. With Teen "
         "Dating Violence Awareness Month in February, this is a local, hopeful story for "
         "readers about what students and parents can do. Could we share the data with you the "
         "week of February 1? We can bring a student spokesperson and a resources box with "
         "love is respect, 1-866-331-9474, for readers who need help.", "")]),
]


def create_app_state(db: sqlite_utils.Database) -> None:
    """Migration 0500_app_state: app-wide flags (demo data seeded)."""
    db.execute("CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


def seed_demo_data(db: sqlite_utils.Database) -> bool:
    """Create the demo profiles and pitches on a database's first run; True if it seeded.

    Only once per database: if someone later deletes every profile, the demo
    data does not come back.
    """
    from ..lexicon import get_lexicons
    packs = get_lexicons().sectors
    profiles, pitches = ProfileStore(db, set(packs)), PitchStore(db)
    # One write transaction with the emptiness check inside it: two app
    # processes starting together cannot both seed.
    with write_transaction(db):
        if db.execute("SELECT 1 FROM app_state WHERE key = 'demo-seeded'").fetchone():
            return False
        db.execute("INSERT INTO app_state (key, value) VALUES ('demo-seeded', ?)", [utcnow()])
        if db.execute("SELECT COUNT(*) FROM profiles").fetchone()[0]:
            return False  # a database with real profiles never gets demo data
        ids = {}
        for spec in PROFILES:
            doc = dict(spec)
            labels = {p.id: p.label for p in packs[doc["sector"]].priorities}
            doc["priorities"] = [{"id": pid or "", "label": label or labels.get(pid, ""),
                                  "terms": terms} for pid, label, terms in spec["priorities"]]
            ids[doc["name"]] = profiles.create(doc, USER).id
        for title, partner, drafts in PITCHES:
            (text, note), rest = drafts[0], drafts[1:]
            pid = ids[partner]
            pitch = pitches.create(title, text, USER, profile_id=pid,
                                   sector=profiles.get(pid).sector, note=note)
            for text, note in rest:
                pitches.add_version(pitch.id, text, USER, note=note)
    return True
