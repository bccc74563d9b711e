"""The sender's own sentences, read for :mod:`framing.request_frames`: a sentence about
the sender itself ("We have served…", "Our agency is the leading…"), and the name a
letter presents itself by ("the Task Force is proud to announce…"), which makes the
same name the sender when it comes back as a subject ("the Task Force has
organized…").

A mixin of :class:`framing.request_frames.RequestReader`, which supplies ``spec`` and
``party``.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon.requests_spec import RequestSpec
from .request_parts import Party, doer_of, has_aux, is_inclusive_we, lemma_of


class SelfReadings:
    """The sender's readings of itself, for a reader with ``spec`` and ``party``."""

    spec: RequestSpec

    def party(self, token: Token | None) -> Party:  # provided by the reader
        raise NotImplementedError

    def self_presenting(self, sent: Span) -> Token | None:
        """The organisation a sentence presents in the sender's voice, by name: "The
        Alliance is proud to have created…", "KSA launches…" (its subject's head)."""
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or root._.in_quote:
            return None
        subject = doer_of(root)
        if subject is None or subject.pos_ != "PROPN" or self.party(subject).kind != "other":
            return None
        if lemma_of(root, self.spec) in self.spec.self_presentation or any(
                c.dep_ == "acomp" and lemma_of(c, self.spec) in self.spec.self_presentation
                for c in root.children):
            return subject
        return None

    def self_name(self, sent: Span) -> frozenset[str]:
        """The words of the name a sentence presents the sender by, in its own voice
        ("the Task Force is proud to announce", "KSA launches"): the subject's head and
        the proper nouns compounded or possessed with it, never a place or a person after
        "of" or "for" ("Hope Alliance of Greenville"). A name that only won, received or
        recognizes something (a newspaper, the CDC, a survivor) is not taken."""
        subject = self.self_presenting(sent)
        if subject is None:
            return frozenset()
        root = sent.root
        announced = lemma_of(root, self.spec) in self.spec.self_announcing or any(
            c.dep_ == "acomp" for c in root.children)
        if not announced:
            return frozenset()
        words, chain = {subject.lower_}, [subject]
        while chain:
            for child in chain.pop().children:
                if child.dep_ in ("compound", "poss") and child.pos_ == "PROPN":
                    words.add(child.lower_)
                    chain.append(child)
        return frozenset(words)

    def self_names(self, sentences) -> frozenset[str]:
        """The words of the names the letter presents itself by (:meth:`self_name`): once
        "the Task Force is proud to announce…", "the Task Force has organized…" is the
        sender's record too."""
        return frozenset().union(*map(self.self_name, sentences))

    def self_talk(self, sent: Span, names: frozenset[str] = frozenset()) -> bool:
        """A sentence about the sender itself: its subject is the sender ("We have
        served…", "Our agency is the leading…", or a name the letter presents itself by:
        ``names``) and it neither asks, offers nor says what the sender knows of the
        partner ("We know your staff are stretched")."""
        root = sent.root
        if root.pos_ not in ("VERB", "AUX") or root._.in_quote:
            return False  # a quoted speaker's "we" is not the sender
        subject = doer_of(root)  # "The training was developed by our staff": the sender's
        if subject is None:
            return False
        if self.self_presenting(sent) is not None:
            return True  # "The Alliance is proud to have created…", "KSA launches…"
        spec = self.spec
        named = (subject.pos_ == "PROPN" and subject.lower_ in names
                 and self.party(subject).kind == "other")
        if not named and (self.party(subject).kind != "sender" or is_inclusive_we(subject, spec)):
            return False
        if lemma_of(root, spec) in spec.perspective:
            return False  # what the sender knows of the partner ("the Task Force knows…")
        if has_aux(root, spec.offer_modals) or root.tag_ == "VB":
            return False  # a promise or a plan ("the Task Force will send you…")
        if named:
            # Told by name, its record unless it speaks of the partner's own ("you",
            # "the league's coaches").
            return not any(t.lower_ in ("you", "your", "yours") or (
                self.party(t).theirs and any(c.dep_ == "poss" for c in t.children)) for t in sent)
        # Naming the partner anywhere ("To help you get an early start, we are
        # sending…") makes it about them, whoever the subject is.
        return not any(self.party(t).theirs for t in sent
                       if t.pos_ in ("PRON", "NOUN", "PROPN") and t.i != subject.i)
