"""Load and validate everything under ``lexicons/``.

Loading is strict: an unknown key, a missing key, a bad regex, an unknown
category, gate, source or sector fails with a :class:`LexiconError` naming
the file and the key.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path
from typing import Any

from ..findings import CATEGORIES, SEVERITIES, Source
from ..typography import plain
from ..settings import lexicon_root
from ..constants import MESSAGE_KINDS
from .kinds import BUILTIN_GATES, CAMPAIGN_ROLES, KIND_OPTIONS, REWRITES
from .model import Branch, Example, FigureSources, Lexicons, Pack, Rule, Topic
from .schema import Checker, LexiconError, compile_any, terms_pattern
from .sectors import load_sector
from .structure_spec import load_structure
from .requests_spec import load_requests
from .rewrite_spec import load_rewrite


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning any parse or encoding error into a LexiconError."""
    import yaml  # only when the packs are not in the cache (framing.lexicon.cached)
    try:
        raw = path.read_bytes()
        return yaml.safe_load(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise LexiconError(path, "(file)", f"not UTF-8: {exc}") from None
    except yaml.YAMLError as exc:
        raise LexiconError(path, "(file)", f"not valid YAML: {exc}") from None


def load_lexicons(root: Path | str | None = None) -> Lexicons:
    """Load, validate and compile every pack under ``root``."""
    root = lexicon_root(root)
    if not root.is_dir():
        raise LexiconError(root, "(folder)", "lexicon folder not found")
    digest = hashlib.sha256()
    files = sorted(root.rglob("*.yaml"))
    for path in files:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())

    topics = _load_topics(root / "topics.yaml")
    names = _load_names(root / "allowlist.yaml")
    sectors = {}
    for path in sorted((root / "sectors").glob("*.yaml")):
        sector = load_sector(path, read_yaml(path))
        if sector.id in sectors:
            raise LexiconError(path, "id", f"duplicate sector id {sector.id!r}")
        sectors[sector.id] = sector

    packs: dict[str, Pack] = {}
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    gates = set(topics) | set(BUILTIN_GATES)
    for path in sorted((root / "guidelines").glob("*.yaml")):
        pack, pack_rules = _load_pack(path, read_yaml(path), gates, set(sectors))
        if pack.id in packs:
            raise LexiconError(path, "pack", f"duplicate pack id {pack.id!r}")
        packs[pack.id] = pack
        for index, rule in enumerate(pack_rules):
            if rule.id in seen:
                raise LexiconError(path, f"rules[{index}].id",
                                   f"duplicate rule id {rule.id!r} (also in {seen[rule.id]})")
            seen[rule.id] = str(path)
            rules.append(rule)
    help_statements, not_help, figure_sources, reader_actions, reader_invitations = (
        _load_help_statements(root / "resources.yaml"))
    return Lexicons(root=str(root), version=digest.hexdigest()[:12], packs=packs,
                    rules=rules, topics=topics, names=names, sectors=sectors,
                    guideline_wording=_guideline_wording(rules),
                    local_resources=_load_org(root / "org.yaml"),
                    structure=_load_structure(root / "structure.yaml"),
                    requests=_load_requests(root / "requests.yaml"),
                    rewrite=_load_rewrite(root / "rewrite.yaml"),
                    help_statements=help_statements, not_help=not_help,
                    figure_sources=figure_sources, reader_actions=reader_actions,
                    reader_invitations=reader_invitations)


def _guideline_wording(rules: list[Rule]):
    """One pattern for the literal wordings guideline rules recommend (not those with a
    blank to fill, ``[abuser]``, or a word kept from the match, ``{drug}``)."""
    wording = {s for rule in rules for s in (*rule.suggestions,
                                             *(x for b in rule.swaps for x in b.suggestions))
               if "[" not in s and "{" not in s}
    if not wording:
        return None
    # Each wording as written, whitespace-flexible, its last word also in the plural
    # ("trafficking survivors").
    escaped = sorted((r"\s+".join(re.escape(part) for part in plain(text).split()) + "(?:e?s)?"
                      for text in wording), key=len, reverse=True)
    return compile_any(escaped)


def _load_topics(path: Path) -> dict[str, Topic]:
    check = Checker(path)
    data = check.mapping(read_yaml(path), "", {"topics": lambda v, k: v},
                         {"source": check.text})
    if not isinstance(data["topics"], dict):
        raise check.fail("topics", "expected a mapping of topic id to cues")
    topics = {}
    for topic_id, body in data["topics"].items():
        key = f"topics.{topic_id}"
        spec = check.mapping(body, key, {"label": check.text, "cues": check.regexes},
                             {"exclude": check.regexes, "support": check.regexes,
                              "events": check.regexes,
                              "about_sentences": check.integer, "about_lead": check.integer})
        topics[topic_id] = Topic(topic_id, spec["label"], compile_any(spec["cues"]),
                                 compile_any(spec.get("exclude", [])),
                                 compile_any(spec.get("support", [])),
                                 spec.get("about_sentences", 2), spec.get("about_lead", 3),
                                 compile_any(spec.get("events", [])))
    return topics


def _load_org(path: Path):
    """Organization settings: local help resources (optional file)."""
    if not path.exists():
        return None
    check = Checker(path)
    data = check.mapping(read_yaml(path), "", {"source": check.text, "local_resources": check.list_of(
        lambda v, k: check.mapping(v, k, {"label": check.text, "patterns": check.regexes}))})
    patterns = [p for entry in data["local_resources"] for p in entry["patterns"]]
    return compile_any(patterns)


def _load_structure(path: Path):
    """Document structure patterns (optional file: without it no part of a text is set apart)."""
    return load_structure(path, read_yaml(path)) if path.exists() else None


def _load_requests(path: Path):
    """The request model's words (optional file: without it no request is read)."""
    return load_requests(path, read_yaml(path)) if path.exists() else None


def _load_rewrite(path: Path):
    """How rewrites are verified and where swaps may go (optional file: without it
    the reframer applies no edit automatically)."""
    return load_rewrite(path, read_yaml(path)) if path.exists() else None


def _load_help_statements(path: Path):
    """Ways a text states where to get help without naming a national line, and sentences
    that look like one but are not (a call for witnesses): resources.yaml, optional."""
    if not path.exists():
        return None, None, None, frozenset(), frozenset()
    check = Checker(path)
    data = check.mapping(read_yaml(path), "", {"source": check.text, "help_statements": check.regexes},
                         {"description": check.text, "not_help": check.regexes,
                          "reader_actions": check.texts,
                          "reader_invitations": check.texts,
                          "figure_sources": lambda v, k: check.mapping(
                              v, k, {"verbs": check.texts, "nouns": check.texts})})
    not_help = data.get("not_help")
    sources = data.get("figure_sources")
    figure_sources = FigureSources(frozenset(w.lower() for w in sources["verbs"]),
                                   frozenset(w.lower() for w in sources["nouns"])) if sources else None
    return (compile_any(data["help_statements"]), compile_any(not_help) if not_help else None,
            figure_sources, frozenset(w.lower() for w in data.get("reader_actions", ())),
            frozenset(w.lower() for w in data.get("reader_invitations", ())))


def _load_names(path: Path):
    check = Checker(path)
    data = check.mapping(read_yaml(path), "", {"names": check.texts, "source": check.text},
                         {"description": check.text})
    return terms_pattern(data["names"])



def _option_validator(check: Checker, type_name: str):
    if type_name.startswith("choice:"):
        return check.choice(*type_name.split(":", 1)[1].split("|"))
    if type_name == "stage_map":
        def stage_map(value: Any, key: str) -> dict[str, tuple[int, int]]:
            if not isinstance(value, dict) or not value:
                raise check.fail(key, "expected a mapping of ask type to [lowest, highest] stage")
            out = {}
            for name, bounds in value.items():
                if (not isinstance(bounds, list) or len(bounds) != 2
                        or not all(isinstance(b, int) and 1 <= b <= 9 for b in bounds)
                        or bounds[0] > bounds[1]):
                    raise check.fail(f"{key}.{name}", "expected [lowest, highest] stages from 1 to 9")
                out[str(name)] = (bounds[0], bounds[1])
            return out
        return stage_map
    if type_name == "regex_map":
        def regex_map(value: Any, key: str) -> dict[str, list[str]]:
            if not isinstance(value, dict) or not value:
                raise check.fail(key, "expected a mapping of name to regex list")
            return {str(k): check.regexes(v, f"{key}.{k}") for k, v in value.items()}
        return regex_map
    return getattr(check, {"regexes": "regexes", "texts": "texts", "integer": "integer",
                           "number": "number", "boolean": "boolean"}[type_name])


def _examples(check: Checker, value: Any, key: str, sectors: set[str]) -> tuple[Example, ...]:
    if not isinstance(value, list) or not value:
        raise check.fail(key, "expected a non-empty list of example messages")
    out = []
    for i, item in enumerate(value):
        item_key = f"{key}[{i}]"
        if isinstance(item, str):
            out.append(Example(check.text(item, item_key)))
            continue
        spec = check.mapping(item, item_key, {"text": check.text}, {
            "sector": check.text, "kind": check.choice(*MESSAGE_KINDS),
            "profile": check.any_mapping,
            "today": lambda v, k: v.isoformat() if isinstance(v, date) else check.text(v, k)})
        if "sector" in spec and spec["sector"] not in sectors:
            raise check.fail(f"{item_key}.sector", f"unknown sector {spec['sector']!r}")
        try:
            today = date.fromisoformat(spec["today"]) if "today" in spec else None
        except ValueError:
            raise check.fail(f"{item_key}.today", "expected a date like 2026-11-21") from None
        out.append(Example(spec["text"], spec.get("sector"), spec.get("kind", "pitch"),
                           spec.get("profile"), today))
    return tuple(out)


def _load_pack(path: Path, data: Any, gates: set[str], sectors: set[str]):
    check = Checker(path)
    top = check.mapping(data, "", {"pack": check.text, "title": check.text,
                                   "sources": lambda v, k: v, "rules": check.list_of(lambda v, k: (v, k))},
                        {"description": check.text})
    if not isinstance(top["sources"], dict) or not top["sources"]:
        raise check.fail("sources", "expected a mapping of source id to publisher/url")
    sources = {sid: check.source(body, f"sources.{sid}") for sid, body in top["sources"].items()}
    pack = Pack(top["pack"], top["title"], str(path), top.get("description", ""), sources)
    rules = [_load_rule(check, body, key, pack, gates, sectors) for body, key in top["rules"]]
    return pack, rules


COMMON_REQUIRED = ("id", "kind", "category", "severity", "message", "source", "examples")


def _load_rule(check: Checker, body: Any, key: str, pack: Pack, gates: set[str],
               sectors: set[str]) -> Rule:
    if not isinstance(body, dict):
        raise check.fail(key, "expected a rule mapping")
    kind = body.get("kind")
    if kind not in KIND_OPTIONS:
        raise check.fail(f"{key}.kind", f"unknown kind {kind!r} (known: {', '.join(KIND_OPTIONS)})")
    key = f"{key} ({body.get('id', '?')})"
    required_opts, optional_opts = KIND_OPTIONS[kind]

    def gate_list(value: Any, k: str) -> list[str]:
        items = check.texts(value, k)
        for i, gate in enumerate(items):
            if gate not in gates:
                raise check.fail(f"{k}[{i}]", f"unknown gate {gate!r} (known: {', '.join(sorted(gates))})")
        return items

    def source_ref(value: Any, k: str) -> Source:
        if isinstance(value, str):
            if value not in pack.sources:
                raise check.fail(k, f"unknown source {value!r} (pack sources: {', '.join(pack.sources)})")
            return pack.sources[value]
        return check.source(value, k)

    def examples_map(value: Any, k: str) -> dict[str, tuple[Example, ...]]:
        spec = check.mapping(value, k, {"fail": lambda v, kk: v, "pass": lambda v, kk: v})
        return {name: _examples(check, spec[name], f"{k}.{name}", sectors) for name in spec}

    def branches(value: Any, k: str) -> tuple[Branch, ...]:
        out = []
        for i, item in enumerate(check.list_of(lambda v, kk: v)(value, k)):
            spec = check.mapping(item, f"{k}[{i}]", {"patterns": check.regexes,
                                                     "suggestions": lambda v, kk: v})
            offered = spec["suggestions"]
            if offered != []:  # an empty list: this branch gets advice, not a replacement
                offered = check.texts(offered, f"{k}[{i}].suggestions")
            patterns = tuple(re.compile(p, re.IGNORECASE) for p in spec["patterns"])
            for j, text in enumerate(offered):
                for name in re.findall(r"{(\w+)}", text):
                    if any(name not in p.groupindex for p in patterns):
                        raise check.fail(f"{k}[{i}].suggestions[{j}]",
                                         f"{{{name}}} is not a named group of every pattern")
            out.append(Branch(patterns, tuple(offered)))
        return tuple(out)

    def severity_map(value: Any, k: str) -> dict[str, str]:
        if not isinstance(value, dict):
            raise check.fail(k, "expected a mapping of gate to severity")
        for gate, sev in value.items():
            gate_list([gate], f"{k}")
            check.choice(*SEVERITIES)(sev, f"{k}.{gate}")
        return dict(value)

    required = {
        "id": check.text, "kind": check.text,
        "category": check.choice(*CATEGORIES), "severity": check.choice(*SEVERITIES),
        "message": check.text, "source": source_ref, "examples": examples_map,
    }
    optional = {
        "description": check.text, "gate": gate_list, "gate_all": gate_list,
        "skip_in": gate_list,
        "kinds": lambda v, k: [check.choice(*MESSAGE_KINDS)(x, f"{k}[{i}]")
                               for i, x in enumerate(check.texts(v, k))],
        "suggestions": check.texts, "severity_if": severity_map,
        "rewrite": check.choice(*REWRITES), "campaign": check.choice(*CAMPAIGN_ROLES),
        "swaps": branches,
    }
    for name, type_name in required_opts.items():
        required[name] = _option_validator(check, type_name)
    for name, type_name in optional_opts.items():
        optional[name] = _option_validator(check, type_name)
    spec = check.mapping(body, key, required, optional)
    options = {name: spec[name] for name in {*required_opts, *optional_opts} if name in spec}
    return Rule(
        id=spec["id"], pack=pack.id, file=str(check.file), kind=kind,
        category=spec["category"], severity=spec["severity"], message=spec["message"],
        source=spec["source"], description=spec.get("description", ""),
        gate=tuple(spec.get("gate", ())), gate_all=tuple(spec.get("gate_all", ())),
        skip_in=tuple(spec.get("skip_in", ())),
        kinds=tuple(spec.get("kinds", ())),
        suggestions=tuple(spec.get("suggestions", ())), severity_if=spec.get("severity_if", {}),
        options=options, fail_examples=spec["examples"]["fail"],
        pass_examples=spec["examples"]["pass"], rewrite=spec.get("rewrite"),
        campaign=spec.get("campaign"), swaps=spec.get("swaps", ()),
    )

