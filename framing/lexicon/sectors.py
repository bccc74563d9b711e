"""Load one sector pack (``lexicons/sectors/<id>.yaml``) strictly."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import OutOfScope, Priority, Sector, Swap
from .schema import Checker, terms_pattern, variants_pattern



def load_sector(path: Path, data: Any) -> Sector:
    """Validate and compile one sector pack."""
    check = Checker(path)
    spec = check.mapping(data, "", {
        "id": check.text, "name": check.text, "description": check.text,
        "sources": check.list_of(check.source),
        "priorities": check.list_of(lambda v, k: (v, k)),
        "capacity": lambda v, k: check.mapping(v, k, {"concerns": check.texts, "terms": check.texts}),
        "people": check.texts,
        "out_of_scope": check.list_of(lambda v, k: (v, k)),
        "swaps": check.list_of(lambda v, k: (v, k)),
        "examples": lambda v, k: check.mapping(v, k, {"lead": check.texts, "no_lead": check.texts}),
    }, {
        "framework": check.choice("DFC", "custom"),
        "familiar_terms": check.texts,
        "frames": check.texts,
        "calendar": check.text,
    })
    if path.stem != spec["id"]:
        raise check.fail("id", f"sector id {spec['id']!r} must match the file name {path.stem!r}")

    urls = {source.url for source in spec["sources"]}
    priorities = []
    for body, key in spec["priorities"]:
        p = check.mapping(body, key, {"id": check.text, "label": check.text, "terms": check.texts},
                          {"rank": check.integer, "paraphrases": check.texts, "sources": check.texts})
        rank = p.get("rank", len(priorities) + 1)
        # A priority's sources name pages listed in the pack's own sources, so
        # every term can be traced to the partner documents it came from.
        for i, url in enumerate(p.get("sources", ())):
            if url not in urls:
                raise check.fail(f"{key}.sources[{i}]", f"{url!r} is not among the pack's sources")
        phrases = list(p["terms"]) + list(p.get("paraphrases", ()))
        priorities.append(Priority(p["id"], p["label"], rank, tuple(p["terms"]),
                                   variants_pattern(phrases), tuple(p.get("paraphrases", ())),
                                   tuple(p.get("sources", ()))))
    if not priorities:
        raise check.fail("priorities", "a sector needs at least one priority")
    ids = [p.id for p in priorities]
    if len(set(ids)) != len(ids):
        raise check.fail("priorities", "priority ids must be unique")
    priorities.sort(key=lambda p: p.rank)

    swaps = []
    for body, key in spec["swaps"]:
        s = check.mapping(body, key, {"sender": check.texts, "partner": check.texts,
                                      "why": check.text, "example": check.text},
                          {"priority": check.text, "roles": lambda v, k: (v, k)})
        if s.get("priority") and s["priority"] not in ids:
            raise check.fail(f"{key}.priority", f"unknown priority {s['priority']!r}")
        swaps.append(Swap(tuple(s["sender"]), tuple(s["partner"]), s["why"], s.get("priority"),
                          s["example"], terms_pattern(s["sender"]),
                          _roles(check, *s["roles"]) if "roles" in s else ()))

    scopes = []
    for body, key in spec["out_of_scope"]:
        o = check.mapping(body, key, {"terms": check.texts, "why": check.text, "example": check.text},
                          {"suggestions": check.texts})
        scopes.append(OutOfScope(tuple(o["terms"]), o["why"], tuple(o.get("suggestions", ())),
                                 o["example"], terms_pattern(o["terms"])))

    return Sector(
        id=spec["id"], name=spec["name"], file=str(path), framework=spec.get("framework", "custom"),
        description=spec["description"], sources=tuple(spec["sources"]),
        priorities=tuple(priorities), capacity_concerns=tuple(spec["capacity"]["concerns"]),
        capacity_terms=tuple(spec["capacity"]["terms"]), people=tuple(spec["people"]),
        out_of_scope=tuple(scopes), swaps=tuple(swaps),
        familiar_terms=tuple(spec.get("familiar_terms", ())), frames=tuple(spec.get("frames", ())),
        calendar=spec.get("calendar", ""), lead_examples=tuple(spec["examples"]["lead"]),
        no_lead_examples=tuple(spec["examples"]["no_lead"]),
        people_pattern=terms_pattern(list(spec["people"])),
        capacity_pattern=terms_pattern(list(spec["capacity"]["terms"])),
    )


# The places in a sentence a swap may rewrite (framing.rewrite.roles reads them).
SWAP_ROLES = ("project",)


def _roles(check, value, key: str) -> tuple[tuple[str, str, str], ...]:
    """``roles: {project: {phrase: ..., example: ...}}``: each role a known one, each with
    the phrase it puts there and an example of the sender's words in that role."""
    if not isinstance(value, dict) or not value:
        raise check.fail(key + ".roles", "expected a mapping of role to phrase and example")
    out = []
    for role, body in value.items():
        if role not in SWAP_ROLES:
            raise check.fail(f"{key}.roles.{role}", f"unknown role; known: {', '.join(SWAP_ROLES)}")
        spec = check.mapping(body, f"{key}.roles.{role}", {"phrase": check.text,
                                                          "example": check.text})
        out.append((role, spec["phrase"], spec["example"]))
    return tuple(out)
