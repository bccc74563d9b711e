"""How a matched word is used, read from the parse: its part of speech where the
tagger errs on words that are both noun and verb, an adjective describing a noun
after it, a category counted in a statistic, the role of a noun in its clause, a
belief's content. Used by the ``term`` kind's ``pos``, ``attributive``, ``counted``,
``roles`` and ``beliefs`` options.
"""
from __future__ import annotations


def is_attributive(span) -> bool:
    """Whether the match's last word describes a noun after it ("the homeless team",
    "the homeless outreach workers"): an adjective, not a word for people."""
    last = span[-1]
    head = last.head
    return (last.dep_ in ("amod", "compound") and head.i > last.i
            and head.pos_ in ("NOUN", "PROPN"))


def role_of(span) -> str | None:
    """The dependency role of the noun the match is: its own, or for a list's later
    item the first item's ("the heroin and opioid epidemic"); the object of a
    preposition as "pobj" with the preposition ("pobj of": "in the midst of an opioid
    epidemic"), and one with a clause of its own as its subject ("a drug catastrophe
    that has been sweeping the nation" says what the crisis does). None for anything
    else (an adjective, a verb, an adverb), which says how things are or go, not of what:
    "the numbers are high and alarming", "rising at an alarming rate"."""
    token = span.root
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    if token.dep_ != "pobj":
        return token.dep_
    if any(c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX") for c in token.children):
        return "nsubj"
    return f"pobj {token.head.lower_}"


def in_a_belief(span, beliefs: set[str]) -> bool:
    """Whether the match lies in what a belief named as one holds: the clause "that"
    opens after one of ``beliefs`` ("the notion that somehow they asked for it by what
    they were wearing"), held up to be answered, not a relative clause ("the idea that
    we had"); or the clause of a verb one of ``beliefs`` marks as mistaken ("parents
    mistakenly believe that drinking is an inevitable rite of passage")."""
    node = span.root
    # a clause joined with a subject of its own is the writer's, not the belief's ("some
    # wrongly think the county can arrest its way out, and more deaths are inevitable")
    joined = False
    while node.head.i != node.i:
        head = node.head
        if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and \
                head.lemma_.lower() in beliefs and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
            return True
        if node.dep_ == "ccomp" and head.pos_ in ("VERB", "AUX") and not joined and any(
                c.dep_ == "advmod" and c.lower_ in beliefs
                and not any(g.dep_ == "neg" for g in c.children)  # "not wrongly"
                for c in head.children):
            return True
        joined = joined or (node.dep_ == "conj" and any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children))
        node = head
    return False


# Words that open a clause with a subject of its own ("when your child bullies").
SUBJECT_CUES = {"when", "whenever", "if", "why", "because", "while", "until", "who"}


def part_of_speech(token) -> str:
    """The token's part of speech, read as a verb where the tagger says noun but the
    parse gives it an infinitive marker ("not to bully"): the tagger errs on words that
    are both, the attachment of "to" does not."""
    if token.pos_ in ("NOUN", "PROPN") and any(
            child.dep_ == "aux" and child.tag_ == "TO" for child in token.children):
        return "VERB"
    if (token.pos_ in ("VERB", "ADV") or (token.pos_ == "ADJ" and token.dep_ != "amod")) and token.i > 0 and not any(
            c.dep_ in ("dobj", "dative") and c.pos_ in ("NOUN", "PROPN", "PRON") for c in token.children):
        # ... and as a noun where it takes no object after an article or a possessive
        # ("to find and stop a cyberbully", "today's bullies", "that person is the
        # cyberbully"); a subject before it keeps the verb ("when students bully
        # online"), a noun after it the adjective ("an objective measure")
        if token.doc[token.i - 1].tag_ in ("DT", "PRP$", "POS"):
            return "NOUN"
        if token.pos_ == "VERB" and _headline_noun(token):
            return "NOUN"
    return token.pos_


def _headline_noun(token) -> bool:
    """A verb-tagged word after a noun in a headline's clipped grammar, where a verb
    follows it or nothing does ("School bullies attack smaller boy", "A message to
    school bullies"): the noun before names them, a compound. A subject keeps the verb
    ("when your child bullies", "my daughter bullies")."""
    doc = token.doc
    before = doc[token.i - 1]
    if before.pos_ != "NOUN" or any(c.dep_ in ("det", "poss") for c in before.children) or any(
            t.lower_ in SUBJECT_CUES for t in doc[max(token.sent.start, token.i - 4):token.i]):
        return False
    rest = [t for t in doc[token.i + 1:token.sent.end] if not t.is_space]
    after = next((t for t in rest if not t.is_punct), None)
    if after is None:
        return not rest or rest[-1].text not in (".", "!", "?")  # a title line
    return after.tag_ in ("VBP", "VBD", "VBZ", "MD")


def is_counted(span) -> bool:
    """Whether the phrase is counted by a number ("114 domestic incidents", "hundreds of
    domestic disputes"): a category in a statistic, not a word for one event."""
    root = span.root
    if any(c.dep_ == "nummod" and c.like_num for c in root.children):
        return True
    head = root.head
    return (root.dep_ == "pobj" and head.lower_ == "of"
            and (head.head.like_num or head.head.lower_ in ("dozens", "hundreds", "thousands")))
