"""Kind ``party``: an act named in words that fit consenting adults, where a party
to it is someone who cannot consent (a child, a minor, a student).

"Had sex with a minor" or "a sexual relationship with a 16-year-old" describe
abuse as a relationship. The parties are read from the parse: the subject of
the act's verb (or the noun a relative clause hangs from) and the objects of
"with", "on", "from" attached to the act. Generic present-tense statements
("teens who have sex with an older partner...") report no act and are left out.

With ``pairs`` the kind looks for two people instead: a fight or an argument
"between a man and a woman", "Mortimer and his wife argued", "the couple
fought" casts one partner's violence as a two-sided conflict. A party then
counts when it is a word for two people (``pairs``) or is joined by "and" to
another, one of them described by ``parties``.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..message import Message
from .spans import in_quotation, inside, named_within

# Prepositions that introduce the other party of an act.
PARTY_PREPS = {"with", "on", "upon", "from", "to"}
# Dependencies through which an act noun hangs from its verb ("had [sex]",
# "engaged in [sex]", "a relationship [with] ...").
CLIMB_DEPS = {"dobj", "pobj", "prep", "attr", "conj"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
RELATIVE = {"WP", "WDT"}
GENERIC_TAGS = {"VBP", "VBZ"}


def _with_conjuncts(token: Token) -> list[Token]:
    return [token, *(c for c in token.children if c.dep_ == "conj")]


def _verb_of(root: Token) -> tuple[Token | None, list[Token]]:
    """The verb an act word belongs to, and the words on the way up to it."""
    path = [root]
    token = root
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX"):
            return token, path
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            break
        # Only through a preposition of the verb ("engaged in sex"), not of another
        # noun ("the dates of their relationship" is not an act of "confirmed").
        if token.dep_ == "prep" and token.head.pos_ not in ("VERB", "AUX"):
            break
        token = token.head
        path.append(token)
    return (token, path) if token.pos_ in ("VERB", "AUX") else (None, path)


def _party_objects(token: Token) -> list[Token]:
    """The objects of ``token``'s party prepositions ("with a student")."""
    return [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ in PARTY_PREPS
            for obj in prep.children if obj.dep_ == "pobj" for c in _with_conjuncts(obj)]


def parties(root: Token) -> tuple[Token | None, list[Token]]:
    """The verb of the act and the people taking part in it, as far as the parse says."""
    verb, path = _verb_of(root)
    found: list[Token] = []
    for token in path:
        found += _party_objects(token)
    if verb is not None and not found:
        # "had sex during off-campus tutoring with a 17-year-old": the parser hangs
        # the party on the noun of the phrase before it.
        found += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ not in PARTY_PREPS
                  for obj in prep.children if obj.dep_ == "pobj" for p in _party_objects(obj)]
    if verb is not None:
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if not subjects and verb.dep_ == "conj":
            subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
        for subject in subjects:
            if subject.tag_ in RELATIVE and verb.dep_ == "relcl":
                found.append(verb.head)
            else:
                found += _with_conjuncts(subject)
        if not subjects and verb.dep_ in ("acl", "relcl"):
            found.append(verb.head)
    return verb, found


def describes(party: Token, pattern) -> bool:
    """Does the party's noun phrase up to its head ("a 15-year-old girl") match? A count
    names its group after "of": "one of her students"."""
    phrase = party.doc[party.left_edge.i:party.i + 1].text
    if pattern.search(phrase) is not None:
        return True
    if party.pos_ in ("NUM", "PRON") or party.like_num:
        return any(describes(obj, pattern) for prep in party.children
                   if prep.dep_ == "prep" and prep.lower_ == "of"
                   for obj in prep.children if obj.dep_ == "pobj")
    return False


def is_pair(party: Token, who, pairs) -> bool:
    """Two people: a word for two ("the couple") or two joined by "and", one described."""
    if describes(party, pairs):
        return True
    joined = [c for c in party.children if c.dep_ == "conj"]
    return bool(joined) and any(describes(p, who) for p in (party, *joined))


def _between(root: Token) -> list[Token]:
    """Objects of "between" anywhere under the act noun: the parser often hangs
    "between a man and a woman" on the nearest noun ("a fight in a residence between")."""
    if root.pos_ in ("VERB", "AUX"):
        return []
    return [obj for prep in root.subtree if prep.dep_ == "prep" and prep.lower_ == "between"
            for obj in prep.children if obj.dep_ == "pobj"]


# Words that point back to two people already named ("the two had sex").
BACK_REFERENCES = {"two", "pair", "both", "they", "them", "couple"}


def _when_minor(verb: Token | None, who) -> list[Token]:
    """"having sex with four officers when she was under 18": a clause of time on the
    act that describes a party as someone who cannot consent."""
    if verb is None:
        return []
    return [c for c in verb.children if c.dep_ == "advcl" and any(
        m.dep_ == "advmod" and m.lower_ == "when" or m.dep_ == "mark" and m.lower_ == "when"
        for m in c.children) and who.search(c.doc[c.left_edge.i:c.right_edge.i + 1].text)]


def _told_again(root: Token, people: list[Token]) -> bool:
    """An act whose parties point back to two people ("the two", "they") or that is
    named as one already told ("the sexual activity"): a later mention of the act."""
    if root.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that")
                                   for c in root.children):
        return True  # "the school learned of the sexual contact"
    # Only words for the two: "she" alone may be someone else with someone else.
    return bool(people) and all(p.lower_ in BACK_REFERENCES for p in people)


def _joint(root: Token, people: list[Token]) -> bool:
    """An act told of two people together: "they had sex", "the two had sex", "their
    intimate relationship began", "the couple's friendship became sexual", "with each
    other"."""
    def ours(token: Token) -> bool:
        return any(c.dep_ == "poss" and c.lower_ in BACK_REFERENCES | {"their"}
                   for c in token.children)
    def each_other(token: Token) -> bool:
        return token.lower_ == "other" and any(c.lower_ in ("each", "one") for c in token.children)
    if people:
        return all(p.lower_ in BACK_REFERENCES or ours(p) or each_other(p) for p in people)
    return ours(root)


def _minor_nearby(root: Token, who) -> bool:
    """Whether the act's sentence or the one before names someone ``who`` describes
    (outside the act's own words): a text search, not a reading of whom "they" refers
    to, so ``who`` is kept to words that name a minor as such."""
    sent = root.sent
    start = sent.start
    if start > 0:
        start = root.doc[start - 1].sent.start
    before = root.doc[start:root.i].text
    after = root.doc[root.i + 1:sent.end].text
    return who.search(before) is not None or who.search(after) is not None


def _other_sense(word: Token | None, preps: set[str], deps: set[str]) -> bool:
    """"fought for the law", "argued that...": the act word in another sense."""
    return word is not None and any(
        (c.dep_ == "prep" and c.lower_ in preps) or c.dep_ in deps for c in word.children)


def _outside(candidates, acts: list) -> list:
    """The ``candidates`` matches that overlap none of the ``acts`` matches ("relationship"
    inside "a sexual relationship"); both come in text order, so one pass does."""
    kept, i = [], 0
    for match in candidates:
        while i < len(acts) and acts[i][0].end() <= match.start():
            i += 1
        if i < len(acts) and acts[i][0].start() < match.end():
            continue
        kept.append(match)
    return kept


def check_party(rule: Rule, msg: Message) -> list[Finding]:
    """One finding per act (``patterns``) with a party the rule's ``parties`` describe."""
    acts = compiled_option(rule, "patterns")
    who = compiled_option(rule, "parties", boundary=False)
    if acts is None or who is None:
        return []
    pairs = compiled_option(rule, "pairs", boundary=False)
    preps = {p.lower() for p in rule.options.get("exclude_preps", [])}
    deps = set(rule.options.get("exclude_deps", []))
    couples = compiled_option(rule, "couples", boundary=False)
    couple_preps = {p.lower() for p in rule.options.get("couple_preps", [])}
    again = compiled_option(rule, "again") if rule.options.get("continues") else None
    joint = compiled_option(rule, "joint_parties", boundary=False)
    named = named_within(rule, msg)
    matches = [(m, False) for m in acts.finditer(msg.text) if not inside(m.start(), m.end(), named)]
    if again is not None:
        matches += [(m, True) for m in _outside(again.finditer(msg.text), matches)]
        matches.sort(key=lambda item: item[0].start())
    found, seen = [], set()
    for match, only_again in matches:
        if only_again and not found:
            continue  # "the relationship" is the act only once the act has been told
        span: Span | None = msg.doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(t._.is_mention for t in span):
            continue
        root = span.root
        if root.dep_ == "compound":  # "sex trafficking", "sex offender": not the act
            continue
        verb, people = parties(root)
        if rule.options.get("names_person") and root.pos_ == "NOUN":
            people = [root, *people]  # "two teen-age prostitutes": the word is the person
        if only_again:
            # "the alleged relationship", "discovered the relationship": the act told
            # before, named with the article and no one new
            others = [g for c in root.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                      for g in c.children if g.dep_ == "pobj"]
            if _told_again(root, []) and all(p.lower_ in BACK_REFERENCES for p in others):
                quoted = in_quotation(span)
                found.append(msg.finding(rule, span.start_char, span.end_char, quoted=quoted,
                                         context={"in_quote": quoted}))
            continue
        if verb is not None and verb.tag_ in GENERIC_TAGS:
            continue  # "teens who have sex with an older partner" tells no act
        # "the couple argued about a phone bill": a couple's quarrel over something is
        # still theirs ("partners argued over the grant" is not a couple's)
        sense = preps - couple_preps if couples is not None and any(
            describes(p, couples) for p in people) else preps
        if _other_sense(root, sense, deps) or (verb is not root and _other_sense(verb, sense, deps)):
            continue
        if pairs is not None:
            minors = [p for p in people + _between(root) if is_pair(p, who, pairs)]
        else:
            # "an inappropriate relationship between a student and an employee": the
            # parties named after "between" take part in the act too, unless the act is
            # the subject of a statement of a kind ("sexual contact between a staff
            # member and a student is always abuse", "what a healthy relationship
            # between two teens looks like").
            if not (root.dep_ in SUBJECT_DEPS and root.head.tag_ in GENERIC_TAGS):
                people = people + [c for p in _between(root) for c in _with_conjuncts(p)]
            minors = [p for p in people if describes(p, who)] or _when_minor(verb, who)
            if (not minors and not found and joint is not None
                    and _joint(root, people) and _minor_nearby(root, joint)):
                # First told of the two together ("their friendship grew sexual",
                # "they engaged in sexual acts with each other") right after the story
                # names a minor: the two take the minor in. The finding is the act's
                # words alone.
                minors = [root]
            elif not minors and found and rule.options.get("continues") and _told_again(root, people):
                # The same act told again later in the story ("the two had sex on at
                # least three occasions", "the sexual activity"): a minor still. The
                # finding is the act's words alone.
                minors = [root]
                if root.dep_ != "dobj":
                    verb = None  # "learned of the sexual contact": not the act's verb
        if not minors:
            continue
        # (an act told of the two alone is its own words: "grew sexual", not the verbs
        # joined to it)
        tokens = [span.start, span.end - 1,
                  *(c.i for p in minors if p.i != root.i for c in _with_conjuncts(p))]
        if verb is not None:
            tokens.append(verb.i)
        start, end = min(tokens), max(tokens)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        first, last = msg.doc[start], msg.doc[end]
        quoted = in_quotation(span)
        found.append(msg.finding(rule, first.idx, last.idx + len(last.text), quoted=quoted,
                                 context={"in_quote": quoted}))
    return found
