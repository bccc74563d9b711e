"""Whether a passive is the account of the one harmed, told by themselves.

"Residents told police that they were strangled", "18% said they had been sexually
harassed", "a third of all working women say they have been harassed": the people
harmed tell it, and no abuser is left out by the writer. An official or a relative
telling of her or him ("the sheriff's department says she was shot", "her mother
says she was raped") is someone else telling it. Read from the parse by
:mod:`framing.checks.passive`.
"""
from __future__ import annotations

from spacy.tokens import Token

# A share of people said as a number or a part ("18% said", "a third of women say").
SHARE_WORDS = frozenset({"%", "percent", "half", "third", "quarter", "fifth", "majority",
                         "minority", "many", "most", "some", "all", "both", "several"})


def _plural_speaker(speaker: Token) -> bool:
    """Whether a speaker is many people: a plural noun, a share of them ("18%", "a
    third of all working women") or "who" standing for a plural noun ("the men who
    said"); "one of the women" and "the mother of two boys" are one person."""
    if speaker.tag_ in ("WP", "WDT") and speaker.head.dep_ == "relcl":
        speaker = speaker.head.head
    if speaker.tag_ in ("NNS", "NNPS"):
        return True
    # "one" is one person, unless a share ("one in three students")
    one = speaker.lower_ in ("one", "1") and not any(
        c.dep_ == "prep" and c.lower_ in ("in", "out") for c in speaker.children)
    return (speaker.like_num and not one) or speaker.lower_ in SHARE_WORDS


def _same_person(pronoun: Token, speaker: Token) -> bool:
    """Could the pronoun stand for the speaker? (number agreement is all the parse gives)."""
    plural = pronoun.lower_ in ("they", "we")
    return plural == _plural_speaker(speaker) or (
        pronoun.lower_ in ("i", "we") and speaker.pos_ == "PRON")


def _tells_of_another(speaker: Token, officials: frozenset[str], relatives: frozenset[str]) -> bool:
    """Whether the speaker tells of someone else: an official, by its own word ("the
    department") or a title or word before it ("Sheriff Tom Lopez", "the sheriff's
    office"), not a word in a clause about it ("a woman who called police"); or
    someone's relative or friend ("her mother", "the victim's sister"; "the mother of
    two boys" may be the one harmed)."""
    words = [speaker] + [c for c in speaker.children
                         if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < speaker.i]
    words += [g for c in words[1:] for g in c.children if g.dep_ in ("compound", "poss")]
    if any(t.lemma_.lower() in officials for t in words):
        return True
    return speaker.lemma_.lower() in relatives and any(c.dep_ == "poss" for c in speaker.children)


def _speakers(verb: Token, pronoun: Token) -> list[Token]:
    """Who says it: the reporting verb's subject, or for a participle with none of its
    own, the subject of the clause it hangs on, when people speak of themselves ("a
    dozen people have come forward saying they were abused"). A "she" or "he" after such
    a participle is as often someone else's account ("her husband called 911 saying
    she had been shot"), so only "they" and "we" borrow the speaker."""
    speakers = [c for c in verb.children if c.dep_ == "nsubj"]
    if (not speakers and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj")
            and pronoun.lower_ in ("they", "we")):
        speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return speakers


def is_self_report(subject: Token, verb: Token, report_verbs: set[str],
                   report_nouns: set[str], officials: frozenset[str] = frozenset(),
                   relatives: frozenset[str] = frozenset()) -> bool:
    """The person harmed tells it: the passive hangs from a reporting verb whose
    speaker the pronoun subject stands for ("residents told police that they were
    strangled"), or carries "by their own account". An official or a relative telling
    of her or him ("the sheriff's department says she was shot", "her mother says she
    was raped": ``officials``, ``relatives``) is not the one harmed; officers telling
    of themselves ("two deputies said they were attacked") are, and so are people a
    participle's clause names ("a dozen people came forward saying they were abused")."""
    for child in verb.children:
        if child.dep_ == "prep":
            for noun in child.children:
                if noun.lemma_.lower() in report_nouns and any(
                        c.dep_ == "poss" for c in noun.children):
                    return True
    if subject.pos_ != "PRON":
        return False
    head = verb
    for _ in range(3):  # the reporting verb is at most a few clauses up
        if head.head.i == head.i:
            return False
        head = head.head
        if head.lemma_.lower() in report_verbs:
            # (a dateline the parser reads as a second subject is passed over: "NEW
            # YORK — Almost a third of all working women say they have been…")
            return any(_same_person(subject, speaker) and not (
                subject.lower_ in ("she", "he") and _tells_of_another(speaker, officials, relatives))
                for speaker in _speakers(head, subject))
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN" for c in head.children):
            # a clause between told of someone by name names whom the pronoun stands
            # for: "she believed Mrs Martin was hit … before she was strangled" (not "the
            # night ended when she was strangled", which she tells)
            return False
    return False
