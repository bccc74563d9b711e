"""Fit a replacement phrase into the sentence it replaces a span of.

The replacement comes from a rule or sector pack in its base form
("person with a substance use disorder", "die by suicide"). Using the parse
of the original span we match its number (addicts -> people with ...),
its verb form (committed -> died by suicide), the article in front of it
(a -> an) and its capitalization.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

IRREGULAR_VERBS = {
    # base: (past, past participle, third person, -ing)
    "die": ("died", "died", "dies", "dying"),
    "take": ("took", "taken", "takes", "taking"),
    "be": ("was", "been", "is", "being"),
    "have": ("had", "had", "has", "having"),
    "make": ("made", "made", "makes", "making"),
    "give": ("gave", "given", "gives", "giving"),
    "go": ("went", "gone", "goes", "going"),
    "get": ("got", "gotten", "gets", "getting"),
    "do": ("did", "done", "does", "doing"),
    "tell": ("told", "told", "tells", "telling"),
    "find": ("found", "found", "finds", "finding"),
    "speak": ("spoke", "spoken", "speaks", "speaking"),
    "show": ("showed", "shown", "shows", "showing"),
    "write": ("wrote", "written", "writes", "writing"),
    "begin": ("began", "begun", "begins", "beginning"),
    "choose": ("chose", "chosen", "chooses", "choosing"),
    "run": ("ran", "run", "runs", "running"),
    "bring": ("brought", "brought", "brings", "bringing"),
    "strangle": ("strangled", "strangled", "strangles", "strangling"),
    "use": ("used", "used", "uses", "using"),
    "rise": ("rose", "risen", "rises", "rising"),
    "hit": ("hit", "hit", "hits", "hitting"),
    "put": ("put", "put", "puts", "putting"),
    "set": ("set", "set", "sets", "setting"),
    "cut": ("cut", "cut", "cuts", "cutting"),
    "let": ("let", "let", "lets", "letting"),
    "hurt": ("hurt", "hurt", "hurts", "hurting"),
    "spread": ("spread", "spread", "spreads", "spreading"),
    "read": ("read", "read", "reads", "reading"),
    "lead": ("led", "led", "leads", "leading"),
    "keep": ("kept", "kept", "keeps", "keeping"),
    "meet": ("met", "met", "meets", "meeting"),
    "send": ("sent", "sent", "sends", "sending"),
    "spend": ("spent", "spent", "spends", "spending"),
    "build": ("built", "built", "builds", "building"),
    "feel": ("felt", "felt", "feels", "feeling"),
    "leave": ("left", "left", "leaves", "leaving"),
    "hold": ("held", "held", "holds", "holding"),
    "know": ("knew", "known", "knows", "knowing"),
    "see": ("saw", "seen", "sees", "seeing"),
    "say": ("said", "said", "says", "saying"),
    "pay": ("paid", "paid", "pays", "paying"),
    "teach": ("taught", "taught", "teaches", "teaching"),
    "buy": ("bought", "bought", "buys", "buying"),
    "think": ("thought", "thought", "thinks", "thinking"),
    "win": ("won", "won", "wins", "winning"),
    "beat": ("beat", "beaten", "beats", "beating"),
    "catch": ("caught", "caught", "catches", "catching"),
    "seek": ("sought", "sought", "seeks", "seeking"),
    "forget": ("forgot", "forgotten", "forgets", "forgetting"),
    "hide": ("hid", "hidden", "hides", "hiding"),
    "steal": ("stole", "stolen", "steals", "stealing"),
    "throw": ("threw", "thrown", "throws", "throwing"),
    "drive": ("drove", "driven", "drives", "driving"),
    "break": ("broke", "broken", "breaks", "breaking"),
    "shake": ("shook", "shaken", "shakes", "shaking"),
    "grow": ("grew", "grown", "grows", "growing"),
    "draw": ("drew", "drawn", "draws", "drawing"),
    "fall": ("fell", "fallen", "falls", "falling"),
    "lose": ("lost", "lost", "loses", "losing"),
    "sell": ("sold", "sold", "sells", "selling"),
    "sit": ("sat", "sat", "sits", "sitting"),
    "stand": ("stood", "stood", "stands", "standing"),
    "understand": ("understood", "understood", "understands", "understanding"),
    "bind": ("bound", "bound", "binds", "binding"),
    "shoot": ("shot", "shot", "shoots", "shooting"),
    "fight": ("fought", "fought", "fights", "fighting"),
}
IRREGULAR_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women",
                     "youth": "youth", "staff": "staff", "family": "families"}
# Words after which a noun phrase's head has been passed ("person WITH a ...").
HEAD_STOPS = {"with", "who", "that", "in", "of", "experiencing", "without", "from", "for", "at",
              "addicted", "affected", "involved"}  # participles after the head
VOWEL_SOUND = re.compile(r"^(?:[aeio]|u(?!ni|se|sa|su|ro|ti)|hour|honest|honor)", re.IGNORECASE)


PAST_TO_BASE = {form: base for base, forms in IRREGULAR_VERBS.items() for form in forms[:2]}
# Every inflected form of the irregular verbs: "has" is already the third person.
FORM_TO_BASE = {form: base for base, forms in IRREGULAR_VERBS.items() for form in forms}


def base_form(verb: str) -> str:
    """Best-effort base form of a verb a rule pack wrote already inflected ('died', 'killed')."""
    lower = verb.lower()
    if lower in FORM_TO_BASE:
        return FORM_TO_BASE[lower]
    if lower.endswith("ied"):
        return verb[:-3] + "y"
    if lower.endswith("ed") and len(lower) > 4 and not lower.endswith("eed"):
        return verb[:-2]
    return verb


def verb_form(base: str, tag: str) -> str:
    """Inflect a verb for a Penn tag (VBD, VBN, VBZ, VBG; VB/VBP unchanged).

    A verb that is already past tense stays as it is for VBD/VBN and is first
    brought back to its base form for the others; another inflected form of a
    known verb ("has") is brought back to its base first.
    """
    lower = base.lower()
    if tag in ("VBD", "VBN") and (lower in PAST_TO_BASE or
                                  (lower.endswith("ed") and not lower.endswith("eed"))):
        return base
    if tag in ("VBZ", "VBG", "VB", "VBP") or base.lower() in FORM_TO_BASE:
        base = base_form(base)
    base_lower = base.lower()
    forms = IRREGULAR_VERBS.get(base_lower)
    index = {"VBD": 0, "VBN": 1, "VBZ": 2, "VBG": 3}.get(tag)
    if index is None:
        return base
    if forms:
        return forms[index]
    if index in (0, 1):
        if base_lower.endswith("e"):
            return base + "d"
        if re.search(r"[^aeiou]y$", base_lower):
            return base[:-1] + "ied"
        return _doubled(base) + "ed"
    if index == 2:
        if re.search(r"(?:s|sh|ch|x|z|o)$", base_lower):
            return base + "es"
        if re.search(r"[^aeiou]y$", base_lower):
            return base[:-1] + "ies"
        return base + "s"
    if base_lower.endswith("ie"):
        return base[:-2] + "ying"
    if base_lower.endswith("e") and not base_lower.endswith("ee"):
        return base[:-1] + "ing"
    return _doubled(base) + "ing"


# One syllable ending consonant-vowel-consonant doubles its last letter before -ed and
# -ing ("spot" -> "spotted", "hit" -> "hitting"); w, x and y never double.
DOUBLING = re.compile(r"^[^aeiou]*[aeiou][b-df-hj-np-tvz]$")


def _doubled(base: str) -> str:
    return base + base[-1] if DOUBLING.match(base.lower()) else base


def plural(noun: str) -> str:
    """Plural of one noun (enough for the heads rule packs use)."""
    lower = noun.lower()
    if lower in IRREGULAR_PLURALS:
        out = IRREGULAR_PLURALS[lower]
    elif re.search(r"(?:s|sh|ch|x|z)$", lower):
        out = noun + "es"
    elif re.search(r"[^aeiou]y$", lower):
        out = noun[:-1] + "ies"
    else:
        out = noun + "s"
    return out.capitalize() if noun[:1].isupper() else out


PLURAL_VERBS = {"is": "are", "was": "were", "has": "have", "does": "do"}


def plural_verb(verb: str) -> str:
    """The form of a present-tense verb that agrees with a plural subject."""
    lower = verb.lower()
    if lower in PLURAL_VERBS:
        out = PLURAL_VERBS[lower]
    elif re.search(r"[^aeiou]ies$", lower):
        out = verb[:-3] + "y"
    elif re.search(r"(?:ss|sh|ch|x|z|o)es$", lower):
        out = verb[:-2]
    elif lower.endswith("s") and not lower.endswith("ss"):
        out = verb[:-1]
    else:
        out = verb
    return out.capitalize() if verb[:1].isupper() else out


def _head_index(words: list[str]) -> int:
    """Index of a noun phrase's head: the word before a preposition, relative
    pronoun or participle ("members FACING abuse", "person WITH a ...")."""
    for i, word in enumerate(words):
        lower = word.lower()
        if i > 0 and (lower in HEAD_STOPS or (lower.endswith("ing") and len(lower) > 5)):
            return i - 1
    return len(words) - 1


def pluralize_phrase(phrase: str) -> str:
    """'person who uses drugs' -> 'people who use drugs'."""
    words = phrase.split()
    head = _head_index(words)
    if words and words[0].lower() in ("a", "an"):
        words = words[1:]
        head -= 1
    if head < 0:
        return phrase
    words[head] = plural(words[head])
    # A relative clause on the head agrees with it too: "who uses" -> "who use".
    if head + 2 < len(words) and words[head + 1].lower() in ("who", "that"):
        words[head + 2] = plural_verb(words[head + 2])
    return " ".join(words)


def looks_plural(phrase: str) -> bool:
    """Whether a noun phrase's head is plural ('students in unstable housing')."""
    return _looks_plural(phrase) or " and " in phrase


# Words that open a clause, not a noun phrase: "what most members do" has no noun
# head to put in the plural.
CLAUSE_OPENERS = {"what", "how", "who", "whom", "where", "when", "why", "whether", "that",
                  "which", "if"}
PLAIN_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def takes_verb_form(span: Span, first_word: str) -> str | None:
    """The Penn tag to give the replacement's first word, or None to leave it.

    Only when the parse shows the match opening on an inflected verb used as a verb
    ("committed suicide", "kicked the habit"): the replacement then stands in for it
    and opens on a verb too. A participle used as an adjective ("transgendered teens"),
    a clause whose verb comes later ("a fight turned physical"), a replacement that
    opens on a blank ("[abuser] assaulted ...") or a capital (a sentence) is left alone.
    """
    root = span.root
    if root.pos_ not in ("VERB", "AUX") or not root.tag_.startswith("VB"):
        return None
    if root.i != span.start or root.dep_ in ("amod", "compound", "nmod"):
        return None
    # A base-form match ("might commit suicide") takes the base form too ("die by suicide").
    return root.tag_ if PLAIN_WORD.fullmatch(first_word) else None


def takes_plural(span: Span, replacement: str) -> bool:
    """Whether to put the replacement in the plural: the match's head is a plural noun
    and the replacement is a noun phrase (not a clause, a blank or a template)."""
    words = replacement.split()
    if span.root.tag_ not in ("NNS", "NNPS") or not words:
        return False
    if words[0].lower() in CLAUSE_OPENERS or "[" in replacement or uncountable(replacement):
        return False
    return not _looks_plural(replacement)


# Nouns the rule packs use as replacement heads that have no plural and take no "a":
# "relationship problems" -> "domestic violence", not "domestic violences".
UNCOUNTABLE = {"violence", "abuse", "use", "misuse", "safety", "health", "care", "treatment",
               "support", "recovery", "housing", "information", "staff", "youth", "wellbeing",
               "well-being", "engagement", "attendance", "homelessness"}


def uncountable(phrase: str) -> bool:
    """Whether a noun phrase's head is a mass noun ("domestic violence")."""
    words = phrase.split()
    return bool(words) and words[_head_index(words)].lower() in UNCOUNTABLE


# "took their own life", "killed themself": the pronouns follow who the sentence is about.
REFLEXIVE = {"he": ("his", "himself"), "she": ("her", "herself"), "they": ("their", "themselves"),
             "we": ("our", "ourselves"), "i": ("my", "myself"), "you": ("your", "yourself")}
SINGULAR_THEY = re.compile(r"\b(their|themself|themselves)\b")


def fit_pronouns(replacement: str, span: Span) -> str | None:
    """``replacement`` with "their"/"themself" made to agree with the clause's subject
    ("He took his own life", "Students took their own lives"); None when the subject is
    a named person or a singular noun whose pronoun the text does not give."""
    if not SINGULAR_THEY.search(replacement):
        return replacement
    verb = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if subject.lower_ in REFLEXIVE:
        possessive, reflexive = REFLEXIVE[subject.lower_]
    elif subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("people", "youth"):
        possessive, reflexive = "their", "themselves"
    else:
        return None  # "Kryst", "a boy", "the student": their pronoun is not ours to pick
    out = re.sub(r"\bthemself\b|\bthemselves\b", reflexive, replacement)
    out = re.sub(r"\btheir\b", possessive, out)
    if reflexive == "themselves":
        out = re.sub(r"\bown life\b", "own lives", out)
    return out


def fit_replacement(replacement: str, span: Span) -> str:
    """The replacement, agreeing with the span's number, verb form and capitals."""
    out = replacement
    words = out.split()
    tag = takes_verb_form(span, words[0]) if words else None
    if tag is not None:
        words[0] = verb_form(words[0], tag)
        out = " ".join(words)
    elif takes_plural(span, out):
        out = pluralize_phrase(out)
    if span.text[:1].isupper() and not out[:1].isupper():
        out = out[:1].upper() + out[1:]
    return out


def _looks_plural(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    head = words[_head_index(words)].lower()
    return head in IRREGULAR_PLURALS.values() or (head.endswith("s") and not head.endswith("ss"))


def article_for(word: str) -> str:
    """'a' or 'an' for the word that follows."""
    return "an" if VOWEL_SOUND.match(word) else "a"


DETERMINER_BEFORE = re.compile(r"\b(?:our|the|your|their|this|that|these|those|my|his|her|its)\s+$",
                               re.IGNORECASE)


def drop_double_determiner(text: str, start: int, replacement: str) -> str:
    """'our' + 'a news peg' -> 'our news peg'."""
    if DETERMINER_BEFORE.search(text[max(0, start - 8):start]):
        return re.sub(r"^(?:an?|the)\s+", "", replacement, flags=re.IGNORECASE)
    return replacement


def fix_article(text: str, start: int, replacement: str) -> tuple[int, str]:
    """If an article stands right before ``start``, make it agree with the replacement.

    Returns the (possibly earlier) start and the replacement including the article.
    """
    match = re.search(r"\b([Aa]n?)\s+$", text[max(0, start - 4):start])
    if not match or not replacement:
        return start, replacement
    article = match.group(1)
    article_start = start - (len(match.group(0)))
    if replacement.startswith("[") or (uncountable(replacement) and not replacement[:1].isupper()):
        # "a domestic dispute" -> "domestic violence": a mass noun takes no article, and
        # a clause with blanks ("a fight turned physical" -> "[abuser] assaulted ...") none.
        return article_start, replacement
    wanted = article_for(replacement)
    if article.lower() == wanted:
        return start, replacement
    fixed = wanted.capitalize() if article[0].isupper() else wanted
    return article_start, f"{fixed} {replacement}"
