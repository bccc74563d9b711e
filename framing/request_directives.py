"""Directive frames of :mod:`framing.request_frames`: a request told through a verb of
asking or needing ("we ask your district to...", "staff are encouraged to...", "we need
your nurses to..."), a named request ("our request that the county fund..."), a demand
in the passive ("the Lifeline must be funded") and a duty ("you have a responsibility
to...").

A mixin of :class:`framing.request_frames.RequestReader`, which supplies ``spec`` and
``party``.
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon.requests_spec import RequestSpec
from .request_parts import SENDER_POSSESSIVES, Party, actions_of, has_aux, lemma_of, subject_of


def subjunctive_passive(verb: Token) -> bool:
    """A passive in the bare form a demand takes: "that all sign-ons be made", "that
    funding be restored" (not "that funding was restored")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children)


def addresses_reader(verb: Token) -> bool:
    """Whether the verb's object is the reader: "you", or a noun with "your"."""
    return any(c.dep_ in ("dobj", "dative") and (
        c.lower_ in ("you", "y'all") or any(g.dep_ == "poss" and g.lower_ == "your" for g in c.children))
        for c in verb.children)


# Prepositions that put the reader in what the chance asked for is to do: with them,
# to them, at or before their meeting ("for" says whom it is for, not who is asked).
READER_PREPS = ("with", "to", "at", "before")
# Words that open a clause of time or condition: a directive verb there tells a
# situation the reader may meet ("when you are asked to"), not what the sender asks.
SITUATION_WORDS = frozenset({"when", "whenever", "if", "once", "until", "whether"})
# Words that make a resolution or a measure the sender's own.
SENDERS_OWN = frozenset({"our", "my", "attached", "enclosed", "we", "us"})
# Whom a sender asks when asking all who read.
EVERYONE = frozenset({"everyone", "everybody", "anyone", "anybody"})


def to_do_with_the_reader(noun: Token, verb: Token | None = None) -> Token | None:
    """The infinitive that says what a chance asked for is to do, when it is done with
    the reader or in the reader's meeting: "the opportunity to meet with you", "a chance
    to present at your next staff meeting" (not a relative clause or a participle: "a
    meeting held at our office"). With ``verb``, the verb asking for it, also an
    infinitive the parser hung on that verb after the noun ("we request a few minutes
    to present at your next staff meeting")."""
    clauses = [c for c in noun.children if c.dep_ == "acl"]
    if verb is not None:
        clauses += [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > noun.i]
    for clause in clauses:
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            continue
        for c in clause.children:
            if (c.dep_ == "dobj" and _yours(c)) or (
                    c.dep_ == "prep" and c.lower_ in READER_PREPS
                    and any(_yours(g) for g in c.children if g.dep_ == "pobj")):
                return clause
    return None


def _yours(token: Token, depth: int = 0) -> bool:
    """"you", "your", or a chain of possessives ending in "your" ("your team's")."""
    if token.lower_ in ("you", "your") or depth > 3:
        return token.lower_ in ("you", "your")
    return any(c.dep_ == "poss" and _yours(c, depth + 1) for c in token.children)


def of_the_reader(noun: Token) -> bool:
    """Whether a thing asked for is the reader's to give: "your team's attention" (a
    chain of possessives ending in "your"), "a meeting with you", "a few minutes of
    your time"."""
    if any(c.dep_ == "poss" and _yours(c) for c in noun.children):
        return True
    return any(_yours(g) for c in noun.children if c.dep_ == "prep" and c.lower_ in ("with", "of")
               for g in c.children if g.dep_ == "pobj")


class DirectiveReadings:
    """The directive frames, for a reader with ``spec`` and ``party``."""

    spec: RequestSpec

    def party(self, token: Token | None) -> Party:  # provided by the reader
        raise NotImplementedError

    def named_request(self, verb: Token, subject: Token | None, joined: bool = False):
        """"Our urgent request that the Ministry of Health provide immediate funding",
        "our recommendation is that your district adopt the policy": an ask named as a
        noun, its "that" clause saying who is to do what (the partner, or a body by
        name with the subjunctive)."""
        if subject is None or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
            return None
        spec = self.spec
        if verb.dep_ == "acl":
            noun = verb.head
        elif verb.dep_ == "ccomp" and lemma_of(verb.head, spec) == "be":
            noun = subject_of(verb.head)
        else:
            return None
        if noun is None or lemma_of(noun, spec) not in spec.request_nouns:
            return None
        asked = self.asked_in_clause(verb)
        if any(c.dep_ == "poss" and c.lower_ not in SENDER_POSSESSIVES for c in noun.children) \
                and not (joined and asked is not None and self.party(asked).kind == "partner"):
            # "her request is that the officers leave", "the parents' request that your
            # board delay the vote" report someone else's; but someone's request that the
            # partner itself act, which the sender joins (``joined``: "add my support to
            # FAIR's request that you air two spots"), asks it
            return None
        # The tagger may give a singular name's subjunctive the present's tag ("that
        # the Ministry provide"): here the noun says it is asked.
        if asked is None and verb.tag_ == "VBP" and subject.tag_ == "NNP" \
                and self.party(subject).kind != "sender":
            asked = subject
        return None if asked is None else ("directive", asked, actions_of(verb, spec), False)

    def demanded(self, verb: Token, subject: Token | None) -> bool:
        """"The Lifeline must be sustainably funded", "these victims must be added to
        the plan": an obligation in the passive with no one named to do it, in the
        letter's own main clause, asks whoever the letter is written to."""
        spec = self.spec
        if subject is None or subject.dep_ != "nsubjpass" or verb.dep_ != "ROOT":
            return False  # "… is a key word and the relationship should be based on…" explains
        if not has_aux(verb, spec.obligations) or lemma_of(verb, spec) in spec.states:
            return False
        if any(c.dep_ == "agent" for c in verb.children):
            return False  # "must be approved by the state": the state's to do
        return self.party(subject).kind == "other"

    def duty(self, verb: Token) -> Token | None:
        """"have a responsibility to V", "have an ethical duty to V": the action V."""
        if lemma_of(verb, self.spec) != "have":
            return None
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if lemma_of(obj, self.spec) in self.spec.duty_nouns:
                return next((g for g in obj.children if g.dep_ in ("acl", "relcl", "xcomp")
                             and g.pos_ == "VERB" and any(t.lower_ == "to" for t in g.children)),
                            None)
        return None

    def semi_modal(self, verb: Token) -> bool:
        """"need to V", "have to V": the action is the ``xcomp`` of need/have."""
        head = verb.head
        return (verb.dep_ == "xcomp" and lemma_of(head, self.spec) in ("need", "have")
                and any(c.lower_ == "to" for c in verb.children))

    def directive(self, verb: Token, subject: Token | None, who: Party | None):
        """"we ask your X to V", "districts are encouraged to V", "we need your nurses to V"."""
        spec = self.spec
        if subject is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
            subject = verb.head  # "All staff required to attend": the noun it describes
        # "Members are asked to…", or telegraphic "All staff required to attend".
        passive = subject is not None and (subject.dep_ == "nsubjpass" or (
            verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)))
        if (passive or subject is None) and any(
                c.dep_ in ("advmod", "mark") and c.lower_ in SITUATION_WORDS for c in verb.children):
            # "there may be times when you are asked to support a member", "when asked
            # for help": a situation told, not the ask ("If you could encourage your
            # members to sign…" still asks)
            return None
        if passive:
            asked = subject
        else:
            if subject is not None and lemma_of(subject, spec) in spec.law_words and not any(
                    t.lower_ in SENDERS_OWN for t in subject.subtree):
                # "The Act requires employers to provide ten days' paid leave": what a
                # law requires, told; the sender asks nothing by telling it ("The attached
                # resolution, adopted by our coalition, urges every school board…" is the
                # sender's own instrument, and asks)
                return None
            if verb.dep_ == "relcl" and (who is None or who.kind != "sender"):
                # "the community members who need your support the most": who they are,
                # described, not what the sender asks
                return None
            if who is not None and who.theirs and not addresses_reader(verb):
                # The partner asking someone else is reported, not asked; a body that
                # asks "your congregation" ("The Council of Churches encourages your
                # congregation to…") asks the reader whatever its name.
                return None
            if lemma_of(verb, spec) in spec.speaker_directives and (
                    who is None or who.kind != "sender"):
                return None  # "research suggests that schools…" reports a finding
            if subject is None and verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
                # "to ask …" asks only when the sender is the one asking ("I am
                # writing to ask you…"); "a chance to ask the federal government" is not.
                head_subject = subject_of(verb.head)
                # Whoever "is writing to request" is the letter's sender ("The
                # undersigned groups are writing to request that…").
                writer = lemma_of(verb.head, spec) == "write" and verb.head.tag_ in ("VBG", "VBP", "VBZ")
                if head_subject is None or (self.party(head_subject).kind != "sender" and not writer):
                    return None
                # ... and then the sender is the one asking, for what follows as for a
                # verb with its own subject ("we are writing to request a meeting with
                # you", "I am writing to request that funding be restored")
                who = Party("sender")
            asked = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if (asked is not None and asked.dep_ == "dobj" and lemma_of(verb, spec) in spec.thing_directives
                    and asked.pos_ in ("NOUN", "PROPN") and self.party(asked).kind != "partner"):
                # "we suggest some safe practices to ensure…": the reader is asked to
                # take up what is put forward
                return ("directive", None, [asked], False)
            if asked is None:
                for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")):
                    asked = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if (asked is not None and asked.dep_ == "dobj" and who is not None
                and who.kind == "sender" and lemma_of(verb, spec) in spec.asking_for
                and lemma_of(asked, spec) in spec.reader_time_nouns):
            meant = to_do_with_the_reader(asked, verb)
            if meant is not None and lemma_of(meant, spec) in spec.reader_time_verbs:
                # "we request the opportunity to meet with you": a meeting the reader
                # says yes to, the sender doing the talking (as "we would welcome the
                # chance to brief your team" is read)
                return ("permission", None, [meant], True)
        if (asked is not None and asked.dep_ == "dobj" and asked.pos_ == "NOUN"
                and not self.party(asked).theirs and who is not None and who.kind == "sender"
                and lemma_of(verb, spec) in spec.asking_for and of_the_reader(asked)
                and not any(c.dep_ == "dobj" and c.i != asked.i for c in verb.children)):
            # "we request a meeting with you to discuss the new policy": the meeting is
            # asked for; the infinitive after it only says what it is for
            return ("directive", asked, [asked], False)
        # (a purpose fronted before the verb is not what is asked: "To further complement
        # this kit, we recommend signing up")
        action = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp")
                       and c.pos_ in ("VERB", "AUX")
                       and not (c.dep_ == "advcl" and c.i < verb.i
                                and who is not None and who.kind == "sender")), None)
        if (action is None and asked is not None and asked.dep_ == "pobj"
                and asked.head.lower_ in ("on", "upon")):
            # "We call on [who on your team] to urge…": the blank's "who" read as the
            # subject of what follows, which the parser then hangs on the preposition
            action = next((c for c in asked.head.children
                           if c.dep_ == "pcomp" and c.pos_ == "VERB"), None)
        by_name = None  # the partner named in a mandative clause
        if asked is None and action is None:
            # "I ask that your district take part": the clause's subject is asked.
            clause = next((c for g in verb.subtree if g.dep_ in ("ccomp", "appos", "dobj")
                           for c in [g] if c.pos_ in ("VERB", "AUX") and c.i > verb.i), None)
            inner = self.asked_in_clause(clause) if clause is not None else None
            if inner is not None:
                asked, action = inner, clause
                by_name = inner
        if action is not None and (asked is None or not self.party(asked).theirs):
            # "we need your staff to distribute" parsed as a clause; "I ask one thing:
            # that your district take part".
            inner = self.asked_in_clause(action)
            if inner is not None:
                asked = by_name = inner
        if action is None and asked is not None:
            action = next((c for c in asked.children if c.dep_ in ("acl", "relcl", "xcomp")
                           and c.pos_ == "VERB" and any(g.lower_ == "to" for g in c.children)), None)
        if action is None:
            # "we ask for your support": the noun is the action.
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
                noun = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if noun is not None and self.party(noun).kind != "sender":
                    return ("directive", noun, [noun], False)
            # "we request your continued support for the NVDRS": theirs to give.
            owned = next((c for c in verb.children if c.dep_ == "dobj" and self.party(c).kind == "partner"
                          and c.lower_ not in ("you", "yourself")), None)
            if owned is not None:
                return ("directive", owned, [owned], False)
            # "I am writing to invite you to the Overdose Awareness Day event": to attend it.
            if lemma_of(verb, spec) == "invite" and asked is not None and self.party(asked).theirs:
                to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
                event = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
                if event is not None:
                    return ("directive", asked, [event], False)
            # "we respectfully request a meeting with you", "the undersigned request
            # your team's attention": the sender asks the reader for it (a verb of
            # asking proper: not "we expect a turnout from your families")
            if who is not None and who.kind == "sender" and lemma_of(verb, spec) in spec.asking_for:
                thing = next((c for c in verb.children if c.dep_ == "dobj" and of_the_reader(c)), None)
                if thing is not None:
                    return ("directive", thing, [thing], False)
            return None
        if (asked is None and action is not None and action.dep_ == "ccomp"
                and who is not None and who.kind == "sender" and subjunctive_passive(action)):
            # "We ask that all sign-ons be made by noon Friday", "we request that
            # funding be restored": whoever reads is to see it done.
            return ("directive", None, actions_of(action, spec), False)
        if (asked is None and action is not None and action.tag_ == "VBG"
                and who is not None and who.kind == "sender"
                and lemma_of(verb, spec) in spec.speaker_directives
                and subject_of(action) is None):
            # "we recommend signing up for our webinars": whoever reads is to do it
            return ("directive", None, actions_of(action, spec), False)
        if lemma_of(verb, spec) == "need" and asked is None:
            return None  # "we need to hire" is the sender's own need
        # (the sender asking "everyone" asks whoever reads: "I encourage everyone to
        # visit the exhibit"; not reminded of a fact: "remind everyone that they are not
        # alone")
        everyone = (asked is not None and asked.lower_ in EVERYONE
                    and who is not None and who.kind == "sender"
                    and action is not None and action.dep_ == "xcomp")
        if asked is None or not (self.party(asked).theirs or asked is by_name or everyone):
            return None  # "she is called in to counsel co-workers" tells; it asks no one here
        # "are required to", "we mandate that": an obligation, not a request.
        mode = "obligation" if lemma_of(verb, spec) in spec.obligating_verbs else "directive"
        return (mode, asked, actions_of(action, spec), False)

    def asked_in_clause(self, clause: Token) -> Token | None:
        """The subject of a clause a directive governs, when it is the partner's:
        "that your district take part", or the partner by name with the verb's bare
        form, which says it is asked ("we request that RHS republish the notice")."""
        inner = subject_of(clause)
        if inner is None:
            return None
        party = self.party(inner)
        if party.theirs or (inner.pos_ == "PROPN" and clause.tag_ == "VB" and party.kind != "sender"):
            return inner
        return None

    @staticmethod
    def subjunctive(clause: Token) -> bool:
        """A clause in the bare (mandative) form: "that each dollar be spent", "that
        the county fund it", not "that the county funds it" or "will fund it"."""
        if any(c.dep_ == "aux" and c.lower_ != "be" for c in clause.children):
            return False  # a modal or a tense: "will fund", "has funded"
        be = next((c for c in clause.children if c.dep_ == "auxpass"), None)
        return (be.tag_ == "VB") if be is not None else clause.tag_ == "VB"
