"""The English model's attribute rules, applied by table lookup.

The model's ``attribute_ruler`` maps each fine-grained tag to its part of speech
and morphology, and corrects a few words ("ai n't" is a form of "be", "let 's"
is "let us"). spaCy runs these 179 single- and two-token rules through its
general Matcher, which walked every token through every rule and took as long
as the dependency parser. This component applies the same rules, in the same
order, with the same result: each rule is filed under the tag or word it needs,
so a token is tested only against the few rules that can match it.

The rules are read from the loaded model, not copied: another English model's
ruler works too. If a rule uses a token attribute or an operator the table does
not know, :func:`replace_attribute_ruler` leaves spaCy's own component in place.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

# Matcher token attributes the table reads, and the Token attribute for each.
ATTRIBUTES = {"TAG": "tag_", "LOWER": "lower_", "DEP": "dep_", "IS_SPACE": "is_space"}
# Rule attributes the table sets, and the Token attribute for each.
SETTERS = {"POS": "pos_", "TAG": "tag_", "DEP": "dep_", "LEMMA": "lemma_"}
# Distinct (tag, word, dependency, space) combinations remembered before starting over.
MEMO_LIMIT = 200_000


class Unsupported(ValueError):
    """A rule the table cannot apply exactly (another operator or attribute)."""


def _test(attribute: str, value) -> tuple[str, str, object]:
    """One attribute test of a token pattern, as (token attribute, operator, value)."""
    if attribute not in ATTRIBUTES:
        raise Unsupported(f"token attribute {attribute}")
    name = ATTRIBUTES[attribute]
    if isinstance(value, dict):
        if len(value) != 1:
            raise Unsupported(f"{attribute}: {value}")
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN"):
            return name, op, frozenset(arg)
        if op == "REGEX":
            return name, op, re.compile(arg)
        raise Unsupported(f"operator {op}")
    if isinstance(value, (str, bool)):
        return name, "==", value
    raise Unsupported(f"{attribute}: {value!r}")


def _passes(values: dict, tests) -> bool:
    """Whether a token with these attribute ``values`` passes every test."""
    for name, op, value in tests:
        got = values[name]
        if op == "==":
            if got != value:
                return False
        elif op == "IN":
            if got not in value:
                return False
        elif op == "NOT_IN":
            if got in value:
                return False
        elif value.search(got) is None:  # REGEX
            return False
    return True


def _values(token: Token) -> dict:
    return {"tag_": token.tag_, "lower_": token.lower_, "dep_": token.dep_,
            "is_space": token.is_space}


class AttributeTable:
    """The rules of an ``AttributeRuler``, filed for lookup. Each rule is (its order, the
    tests of each token of its pattern, the index of the token it sets, what it sets)."""

    def __init__(self, ruler_patterns: list[dict]):
        # Tables by the token attribute a rule's first token needs; a rule is filed once.
        self.tables: dict[str, dict[object, list[tuple]]] = {name: {} for name in ATTRIBUTES.values()}
        self.always: list[tuple] = []
        for order, entry in enumerate(ruler_patterns):
            attrs = entry["attrs"]
            unknown = set(attrs) - set(SETTERS) - {"MORPH"}
            if unknown:
                raise Unsupported(f"sets {sorted(unknown)}")
            for pattern in entry["patterns"]:
                if any("OP" in spec for spec in pattern):
                    raise Unsupported("OP")
                tokens = tuple(tuple(_test(k, v) for k, v in spec.items()) for spec in pattern)
                self._file((order, tokens, entry.get("index", 0), attrs), tokens[0])
        # What the rules make of a token depends only on its four attribute values, and
        # a text repeats the same few hundred combinations: each is worked out once.
        self._memo: dict[tuple, tuple[tuple, tuple]] = {}

    def _file(self, rule: tuple, first: tuple) -> None:
        """File ``rule`` under the most selective equality (or IN) test of its first
        token: the word before the tag, the tag before the dependency."""
        for wanted in ("==", "IN"):
            for name in ("lower_", "tag_", "dep_", "is_space"):
                for attribute, op, value in first:
                    if attribute == name and op == wanted:
                        for one in (value,) if op == "==" else value:
                            self.tables[name].setdefault(one, []).append(rule)
                        return
        self.always.append(rule)

    def __call__(self, doc: Doc) -> Doc:
        """Set the attributes of every rule that matches, in the rules' order (a later
        rule overrides an earlier one on the same token, as in spaCy's ruler)."""
        hits = []
        n = len(doc)
        memo = self._memo
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            found = memo.get(key)
            if found is None:
                found = self._candidates(key)
                if len(memo) >= MEMO_LIMIT:  # a bound on memory for very varied input
                    memo.clear()
                memo[key] = found
            singles, longer = found
            i = token.i
            for order, index, attrs in singles:
                hits.append((order, i + index, attrs))
            for order, tokens, index, attrs in longer:
                end = i + len(tokens)
                if end > n or not all(_passes(_values(doc[i + k]), tests)
                                      for k, tests in enumerate(tokens) if k):
                    continue
                at = i + index if index >= 0 else end + index
                if not i <= at < end:
                    raise ValueError(f"attribute rule {order}: index {index} outside its match")
                hits.append((order, at, attrs))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        for _, at, attrs in hits:
            target = doc[at]
            for key, value in attrs.items():
                if key == "MORPH":
                    target.set_morph(value)
                else:
                    setattr(target, SETTERS[key], value)
        return doc

    def _candidates(self, key: tuple) -> tuple[tuple, tuple]:
        """For a token with these (tag, lower, dep, is_space) values: the one-token rules
        it matches, as (order, index, attrs), and the longer rules whose first token it
        matches, left to test against the tokens after it."""
        values = dict(zip(("tag_", "lower_", "dep_", "is_space"), key))
        rules = [rule for name, table in self.tables.items()
                 for rule in table.get(values[name], ())] + self.always
        singles, longer = [], []
        for rule in sorted(rules, key=lambda rule: rule[0]):
            order, tokens, index, attrs = rule
            if not _passes(values, tokens[0]):
                continue
            if len(tokens) == 1:
                if index not in (0, -1):
                    raise ValueError(f"attribute rule {order}: index {index} outside its match")
                singles.append((order, 0, attrs))
            else:
                longer.append(rule)
        return tuple(singles), tuple(longer)


@Language.factory("framing_attributes", default_config={"patterns": []})
def make_attribute_table(nlp: Language, name: str, patterns: list) -> AttributeTable:
    """The table of an attribute ruler's ``patterns`` (its ``.patterns``)."""
    return AttributeTable(patterns)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put the table in place of the pipeline's attribute ruler, when it can apply every
    one of the ruler's rules exactly; return whether it did."""
    if name not in nlp.pipe_names:
        return False
    patterns = nlp.get_pipe(name).patterns
    try:
        AttributeTable(patterns)
    except Unsupported:
        return False
    nlp.replace_pipe(name, "framing_attributes", config={"patterns": patterns})
    return True
