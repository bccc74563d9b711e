"""Registered spaCy components: message context marking and term matching.

``framing_context`` marks what the term checks must know about each token
(inside a quotation, attributed to a speaker, mentioned rather than used,
part of a proper name) and which topics the message is about.
``framing_terms`` runs every ``term`` rule's patterns once and stores the
matches in ``doc.spans["framing_terms"]``, labelled with the rule id.
"""
from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .lexicon import Lexicons, get_lexicons
from .lexicon.anchor import finditer_at, start_places
from .lexicon.compiled import literal_memo, term_patterns
from .lexicon.prefilter import may_match
from .cue_reading import LIST_ITEMS, denied, listed, plural
from .lexicon.scan import Screen, Source, spans
from .quotations import quoted_ranges
from .spacy_attributes import QUOTED_KEY, doc_text, shared_source
from .structure import Structure, analyze_structure, inside

ATTRIBUTION_LEMMAS = {"say", "tell", "state", "explain", "recall", "write", "add", "testify", "describe"}
# A sentence that gives its source: "according to", "it is estimated that", "data
# show", or a footnote number right after a full stop ("... at school.2").
ACCORDING_TO = re.compile(
    r"\baccording to\b|\bit\s+is\s+estimated\b|\b(?:estimates|data|studies|research|surveys?)\s+"
    r"(?:show|shows|showed|suggest|suggests|found|finds|indicate|indicates)\b"
    r"|[a-z][.!?][¹²³⁴⁵⁶⁷⁸⁹⁰\d]{1,2}(?:\s|$)|\[\d{1,3}\]"
    # "experts say that ...", "the agency reported in 2016 that ..."
    r"|\b(?:experts?|officials?|researchers?|advocates?|authorities|scientists?|doctors?)\s+"
    r"(?:say|says|said|estimate|estimates|estimated|believe|warn|warned)\s+that\b"
    r"|\breported\s+(?:in\s+\d{4}\s+)?that\b", re.IGNORECASE)
# Words that announce that the next words are talked about, not used.
MENTION_CUES = re.compile(
    r"\b(?:(?:do not|don['’]t|never|no longer|stop|not|(?:should|must|ought to)(?:n['’]t| not))"
    r" (?:say|use|call|write)(?:s|ing)?"
    r"|(?:terms?|words?|phrases?|labels?|language) (?:like|such as)"
    # things said, given as examples: "asking questions like what they were wearing"
    r"|(?:questions?|comments?|remarks?|statements?|jokes?) (?:like|such as)"
    r"|the (?:words?|terms?|phrases?|labels?)"
    r"|outdated|stigmatizing (?:terms?|words?|language)"
    r"|including:)(?!\w)",
    re.IGNORECASE,
)
# Words that set one thing against another: they announce a mention only in a
# sentence about wording ("say 'person who uses drugs' rather than addict", "avoid
# labels", "replace 'addict'"). In "prosecutors go after dealers rather than users
# of heroin" or "avoid the emergency room" the words after them are used.
CONTRAST_CUES = re.compile(
    r"\b(?:avoid(?:s|ed|ing)?|instead of|rather than|in place of|replac(?:e|es|ed|ing)"
    r"|swap(?:s|ped)?)(?!\w)", re.IGNORECASE)
# A sentence about wording: words for words, quotation marks, an instruction that
# opens it ("Say ...", "Use ...") or a gerund of wording ("avoid saying"); not a
# reporting "prosecutors say".
WORDING_TALK = re.compile(
    r"\b(?:saying|asking|telling|using|calling|writing|terms?|words?|wording|language|labels?|labell?ing"
    r"|phrases?|referring|describing)\b|[\"“”‘]|^\W*(?:say|use|call|write|refer to|describe)\b",
    re.IGNORECASE)
# A line of a table of terms: "Addict → person with a substance use disorder",
# "Drug abuser = Person with substance use disorder".
TABLE_ARROW = re.compile(r"→|->|=>|\s=\s")
# A sentence that opens with a negative instruction ("Don't romanticize the act.",
# "7. Avoid calling it a relationship problem.") warns against what it names.
# Anywhere, only an instruction about wording counts; in a guideline page any
# negative instruction does ("DON'T suggest nothing can be done.").
NEGATIVE_INSTRUCTION = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:do\s+not|don[’']t|avoid|never|refrain\s+from)\s+"
    r"(?:us(?:e|ing)|say(?:ing)?|call(?:ing)?|describ\w+|writ(?:e|ing)|refer(?:ring)?\s+to|label\w*|the\s+(?:words?|terms?|phrases?))\b",
    re.IGNORECASE)
ADVICE_INSTRUCTION = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:do\s+not|don[’']t|avoid|never|refrain\s+from)\b", re.IGNORECASE)
# A short line without a verb in a guideline page is an item of a list or table.
LIST_ITEM_WORDS = 8
TERM_QUESTION_WORDS = 4  # words of a verbless question that offers a name
MENTION_REACH = 6  # tokens after a cue that count as mentioned
# Parts of speech after "the word" / "the terms" that show no word is named there.
NOT_AN_EXAMPLE = ("ADP", "PART", "ADV", "PRON", "DET", "AUX", "SCONJ", "CCONJ")
# Words that judge the word before them: "'Date rape' sounds too cute", "Sex or
# intercourse (as a euphemism for rape)", "'Addict' is outdated". The subject of
# such a predicate, or the words just before the cue, are talked about.
WORDING_JUDGMENT = re.compile(
    r"\b(?:a\s+euphemism|euphemisms?\s+for|is\s+(?:outdated|stigmatizing|offensive|dehumanizing)"
    r"|are\s+(?:outdated|stigmatizing|offensive|dehumanizing))\b",
    re.IGNORECASE)
# Verbs whose subject is a word being judged ("'Revenge porn' suggests the victim...").
JUDGING_VERBS = re.compile(
    r"\b(?:sounds?|implies|diminish\w*|minimiz\w*|trivializ\w*|sensationaliz\w*|normaliz\w*"
    r"|blurs?|erases?|suggests?|connotes?|reinforces?|perpetuates?|stigmatizes?|frames?)\b",
    re.IGNORECASE)
JUDGING_LEMMAS = {"sound", "imply", "diminish", "minimize", "trivialize", "sensationalize",
                  "normalize", "blur", "erase", "euphemize", "suggest", "connote", "reinforce",
                  "perpetuate", "stigmatize", "frame"}
# Subjects of a judging verb that are people, not the words judged.
SPEAKERS = {"i", "we", "you", "he", "she", "they"}
# Words that make a capitalized run an organization or program name.
NAME_HEADS = {
    "Administration", "Institute", "Center", "Centre", "Network", "Program", "Programme",
    "Act", "Anonymous", "Coalition", "Alliance", "Association", "Foundation", "Project",
    "Council", "Department", "Office", "Services", "Agency", "Hotline", "Lifeline", "Survey",
    "Initiative", "Partnership", "Commission", "Committee", "Board", "Society", "University",
    "College", "Clinic", "Hospital", "Church", "Court", "Campaign", "Fund", "Task", "Force",
    "Collaborative", "Consortium", "Authority", "District", "Helpline", "Division", "Bureau",
    # a job title written as one ("KDVA Homeless Veterans Coordinator Trina Patty",
    # "Substance Abuse Program Director")
    "Coordinator", "Director", "Specialist", "Liaison", "Manager",
}
# Observances are names too ("National Substance Abuse Prevention Month"), but a
# text that names one is about its topic.
OBSERVANCE_HEADS = {"Month", "Week", "Day"}
# Words that make a capitalized run a name only in running text: "Rape Crisis England
# & Wales said", "local Rape Crisis Centres", but not a headline's "America's Mental
# Health Crisis", where every word is capitalized.
RUNNING_TEXT_HEADS = {"Crisis"}
RUN_HEADS = NAME_HEADS | OBSERVANCE_HEADS | RUNNING_TEXT_HEADS
# In running text, a run of this many capitalized words that does not open its
# sentence is a proper name whatever its words ("members of the Disabled American
# Veterans"): prose capitalizes only names. It is marked as a name, but its words
# still open topics (only names with a head word are kept out of topic cues).
LONG_RUN_WORDS = 3
# An acronym in brackets right after a capitalized run: "… Prevention (ASAP)".
ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-Z]{3,8})\)")
ACRONYM_NAME_WORDS = 4
# Share of a line's longer words that are lower case for it to be running text.
RUNNING_TEXT_SHARE = 0.5
# (no-break and thin spaces join a name's words as plain spaces do)
CAPITALIZED_RUN = re.compile(
    r"\b[A-Z][\w'&.-]*(?:[ \t\u00a0\u2009\u202f]+(?:(?:of|and|for|on|the|&|against|to|in)"
    r"[ \t\u00a0\u2009\u202f]+)*[A-Z][\w'&.-]*)+")


def _spelled_out(text: str, end: int, words: list[str]) -> bool:
    """Whether the capitalized ``words`` ending at ``end`` are followed by their own
    acronym in brackets, which makes them a name: "Allies in Substance Abuse Prevention
    (ASAP)". The acronym's letters are the initials of the run's capitalized words, in
    order, ending at its last. A short run is a term being abbreviated ("Intimate
    Partner Violence (IPV)"), not a name: a name takes ``ACRONYM_NAME_WORDS`` words."""
    found = ACRONYM_AFTER.match(text, end)
    if found is None:
        return False
    initials = "".join(w[0] for w in words if w[:1].isupper())
    return len(initials) >= ACRONYM_NAME_WORDS and initials.endswith(found.group(1))


def _running_text(text: str, start: int, end: int) -> bool:
    """Whether the line around the words at ``start:end`` is running text, not a
    headline in title case or capitals: most of its other longer words are lower case."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    rest = text[first:start] + " " + text[end:last if last >= 0 else len(text)]
    words = [w for w in rest.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and sum(w[0].islower() for w in words) >= RUNNING_TEXT_SHARE * len(words)


def _written_as_name(found: str) -> bool:
    """Whether an allowlisted name is written as one: all in capitals ("RAINN"), or at
    least half of its longer words capitalized ("Runaway and Homeless Youth"), not a
    phrase that happens to spell it ("runaway and homeless youth", "Runaway and
    homeless youth in our county" at a sentence's start)."""
    if found.isupper():
        return True  # "RAINN", or a name in a headline set in capitals
    words = [w for w in re.findall(r"[^\W\d_][\w'-]*", found) if len(w) > 3] or found.split()
    # (a word in capitals inside lower-case ones is emphasis: "support runaway and
    # HOMELESS YOUTH")
    return sum(w[:1].isupper() and not w.isupper() for w in words) * 2 >= len(words)


def _title_case(word: str) -> bool:
    """A word with a capital and then lower case ("Disabled"), not capitals for
    emphasis ("BULLYING HAS BECOME A CRISIS")."""
    return word[:1].isupper() and any(c.islower() for c in word[1:])


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the words at ``start`` open a line or a sentence (or follow a colon or an
    opening quotation mark), where any word is capitalized."""
    before = text[:start].rstrip(" \t")
    return not before or before[-1] in "\n.!?:\"“‘'([—–-•*"


class ContextMarker:
    """Marks quotes, attribution, mentions, names and topics on a Doc."""

    def __init__(self, lexicons: Lexicons):
        self.lexicons = lexicons
        self.literals = literal_memo(lexicons)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        # Literal tests and word starts of the text (and of its plain form) skip the
        # scans that cannot match and find where a match could start, shared with
        # the term matcher and the checks (framing.lexicon.scan).
        source = shared_source(doc, text)
        ranges = quoted_ranges(text)
        doc.user_data[QUOTED_KEY] = ranges
        for start, end in ranges:
            self._mark(doc, start, end, "in_quote")
        sentences = [s for s in doc.sents if s.end_char > s.start_char]
        sentence_texts = [text[s.start_char:s.end_char] for s in sentences]
        # Sentences are searched for a pattern only where a match could start.
        screen = Screen(source, self.literals,
                        [(s.start_char, s.end_char, t) for s, t in zip(sentences, sentence_texts)])
        written = [i for i, t in enumerate(sentence_texts) if t.strip()]

        def said(pattern, i: int) -> bool:
            # a match outside the quotations (searched only where the screen finds one)
            index = written[i]
            if not screen.found(pattern, index):
                return False
            at = sentences[index].start_char
            return any(not inside(at + m.start(), at + m.end(), ranges)
                       for m in pattern.finditer(sentence_texts[index]))

        structure = analyze_structure(
            text, [sentence_texts[i] for i in written], self.lexicons.structure,
            found=lambda pattern, i: screen.found(pattern, written[i]), said=said)
        doc._.framing_structure = structure
        offered = self._names_offered(sentences, sentence_texts)
        for index, (sent, sent_text) in enumerate(zip(sentences, sentence_texts)):
            has_quote = any(s < sent.end_char and sent.start_char < e for s, e in ranges)
            if index in offered:
                for token in sent:
                    token._.is_mention = True
                continue
            self._mark_sentence(sent, sent_text, has_quote, structure, screen, index)
        for start, end in structure.mention_blocks:
            self._mark(doc, start, end, "is_mention")
        names = self._mark_names(doc, text, source)
        doc._.framing_topics, doc._.framing_subjects = self._topics(
            doc, text, names, sentences, structure, source)
        return doc

    @staticmethod
    def _mark(doc: Doc, start: int, end: int, *attributes: str) -> None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for token in span:
                for attribute in attributes:
                    setattr(token._, attribute, True)

    def _mark_sentence(self, sent: Span, sent_text: str, has_quote: bool,
                       structure: Structure, screen: Screen, index: int) -> None:
        # Token objects are only built where a sentence needs them: most have
        # no quotation, no arrow and no cue. Patterns are searched only in sentences
        # where a match could start (``screen``; ``index`` is this sentence's).

        def found(pattern: re.Pattern) -> bool:
            return screen.found(pattern, index)

        attributed = found(ACCORDING_TO) or (
            has_quote and any(t.lemma_ in ATTRIBUTION_LEMMAS and t.pos_ == "VERB"
                              # someone says it: an imperative "say X instead" attributes nothing
                              and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                              for t in sent if not t._.in_quote))
        if attributed:
            for token in sent:
                token._.attributed = True
        if (found(TABLE_ARROW) or found(NEGATIVE_INSTRUCTION)
                or (structure.advice and found(ADVICE_INSTRUCTION))):
            for token in sent:
                token._.is_mention = True
            return
        if structure.advice and not sent_text.isupper():
            # A guideline page writes its examples in capitals ("A person COMMITTED
            # SUICIDE."): words in capitals inside a sentence that is not all capitals.
            for token in sent:
                if token.is_upper and len(token.text) > 1 and token.is_alpha \
                        and not self._in_a_name(token):
                    token._.is_mention = True
        if structure.advice and self._list_item(sent, sent_text):
            for token in sent:
                token._.is_mention = True
            return
        if found(WORDING_JUDGMENT) or found(JUDGING_VERBS):
            self._mark_judged_words(sent, sent_text)
        if "defin" in sent_text.lower():
            self._mark_defined_terms(sent)
        cues = list(MENTION_CUES.finditer(sent_text)) if screen.may(MENTION_CUES, index) else []
        if screen.may(CONTRAST_CUES, index) and (
                structure.advice or has_quote or WORDING_TALK.search(sent_text)):
            cues += CONTRAST_CUES.finditer(sent_text)
        if not cues:
            if structure.advice and has_quote and not attributed:
                for token in sent:
                    if token._.in_quote:
                        token._.is_mention = True
            return
        base = sent.start_char
        for match in cues:
            cue_end = match.end() + base
            if match.group(0).lower().startswith("the ") and not self._names_an_example(sent, cue_end):
                continue  # "spread the word about…", "the terms of the grant": no word follows
            reach = 0
            for token in sent:
                if token.idx >= cue_end and reach < MENTION_REACH:
                    token._.is_mention = True
                    reach += 1
        # A quoted word in a sentence that talks about wording is a mention,
        # wherever the cue stands ("'Addict' is a word to avoid."); in a guideline
        # page every quoted word that nobody says is an example.
        if has_quote and not attributed:
            for token in sent:
                if token._.in_quote:
                    token._.is_mention = True

    @staticmethod
    def _mark_defined_terms(sent: Span) -> None:
        """A term a law or a text defines is mentioned, not used: the object of "defines
        … as" ("the Act defines “homeless children and youths” as those who lack…") or
        the subject of "is defined as" ("homeless youths are defined as…"); only the
        term, not what it is defined as ("the shelter defines success as the homeless
        families it houses" still uses "homeless families")."""
        for verb in sent:
            if verb.lemma_ != "define" or not any(
                    c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
                continue
            for term in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
                for token in term.subtree:
                    token._.is_mention = True

    @staticmethod
    def _in_a_name(token) -> bool:
        """An acronym inside a name ("the SUNY Youth Sports Institute", "NAMI
        Minnesota"): a capitalised word beside it, not at the sentence's start."""
        sent = token.sent
        for i in (token.i - 1, token.i + 1):
            if sent.start < i < sent.end and token.doc[i].is_title and token.doc[i].is_alpha:
                return True
        return False

    @staticmethod
    def _names_an_example(sent: Span, cue_end: int) -> bool:
        """Whether "the word", "the terms" … is followed by the words it names: a quote
        mark, a colon or a content word ("the word addict", "the term “suicide”"), not
        a preposition, particle or pronoun ("spread the word about the hotline", "get
        the word out", "the terms of the lease", "the words you choose")."""
        following = next((t for t in sent if t.idx >= cue_end and not t.is_space), None)
        if following is None:
            return False
        if following.is_punct:
            return following.is_quote or following.text in (":", "-", "–", "—")
        return following.pos_ not in NOT_AN_EXAMPLE

    @staticmethod
    def _mark_judged_words(sent: Span, sent_text: str) -> None:
        """Mark the words a wording judgment talks about: the subject of "sounds",
        "implies", "diminishes"..., and the words just before "(a euphemism for ...)"."""
        for token in sent:
            if token.lemma_.lower() in JUDGING_LEMMAS and token.pos_ in ("VERB", "AUX"):
                for child in token.children:
                    # "We suggest that…", "I would frame it…": a person speaking, not
                    # a word judged.
                    if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in SPEAKERS:
                        for word in child.subtree:
                            word._.is_mention = True
        base = sent.start_char
        for match in WORDING_JUDGMENT.finditer(sent_text):
            before = [t for t in sent if t.idx < base + match.start()]
            for token in before[-MENTION_REACH:]:
                token._.is_mention = True

    @staticmethod
    def _list_item(sent: Span, sent_text: str) -> bool:
        """A short verbless line: an item of a list or a cell of a table."""
        if "\n" in sent_text.strip() or len(sent) > LIST_ITEM_WORDS:
            return False
        return not any(t.pos_ in ("VERB", "AUX") for t in sent)

    @staticmethod
    def _names_offered(sentences: list[Span], texts: list[str]) -> set[int]:
        """Sentences that offer words as candidate names, not use them: a run of two or
        more verbless questions of a few words ("What is her death called? Homicide?
        Domestic dispute? A fatal gunshot wound?"). One such question alone is a
        heading or a teaser ("Vaping: Fact or Fiction?")."""
        def short_question(index: int) -> bool:
            stripped = texts[index].strip()
            if "\n" in stripped or not stripped.endswith("?"):
                return False
            sent = sentences[index]
            words = sum(t.is_alpha for t in sent)
            return (0 < words <= TERM_QUESTION_WORDS
                    and not any(t.pos_ in ("VERB", "AUX") for t in sent))

        marks = [short_question(i) for i in range(len(sentences))]
        return {i for i, mark in enumerate(marks) if mark and (
            (i > 0 and marks[i - 1]) or (i + 1 < len(marks) and marks[i + 1]))}

    def _mark_names(self, doc: Doc, text: str, source: Source) -> list[tuple[int, int]]:
        """Mark proper names (allowlist, organization-like capitalized runs, observances);
        the ranges of the names that open no topic (all but observances)."""
        ranges = []
        names = self.lexicons.names
        if names is not None:
            for start, end in spans(names, source, self.literals):
                if not _written_as_name(text[start:end]):
                    continue  # "support runaway and homeless youth": the words, not the name
                self._mark(doc, start, end, "in_name")
                ranges.append((start, end))
        # Runs of capitalized words joined by "of", "and"... that contain an
        # organization word: "Drug Abuse Resistance Education Program". A run
        # counts only for a head word, so a text holding none has no such run.
        acronyms = "(" in text and ACRONYM_AFTER.search(text) is not None
        for match in CAPITALIZED_RUN.finditer(text):
            # A run may end on a sentence's full stop ("... Crisis Lifeline.").
            words = [word.rstrip(".") for word in match.group(0).split()]
            # a head in the plural names too ("Homeless Youth Programs at Bellefaire")
            if any(word in NAME_HEADS or word.endswith("s") and word[:-1] in NAME_HEADS
                   for word in words) or (acronyms and _spelled_out(text, match.end(), words)):
                self._mark(doc, match.start(), match.end(), "in_name")
                ranges.append(match.span())
            elif any(word in OBSERVANCE_HEADS for word in words):
                self._mark(doc, match.start(), match.end(), "in_name")
            elif any(word in RUNNING_TEXT_HEADS for word in words) and _running_text(
                    text, match.start(), match.end()):
                self._mark(doc, match.start(), match.end(), "in_name")
                ranges.append(match.span())
            elif (sum(_title_case(word) for word in words) >= LONG_RUN_WORDS
                  and not _opens_sentence(text, match.start())
                  and _running_text(text, match.start(), match.end())):
                self._mark(doc, match.start(), match.end(), "in_name", "in_prose_name")
        return ranges

    def _topics(self, doc: Doc, text: str, names: list[tuple[int, int]], sentences: list[Span],
                structure: Structure, source: Source
                ) -> tuple[dict[str, tuple[int, int]], set[str]]:
        """Topics mentioned (first cue of each) and topics the document is about.

        A cue inside a name ("988 Suicide & Crisis Lifeline", "Sexual Assault
        Awareness Month"), a list of words to avoid or a denial ("the death is not
        believed to be a suicide") does not count. A support cue
        ("consent", "988") counts only beside a main cue. The document is about a
        topic when a cue stands in its headline, in its first ``about_lead`` body
        sentences or in ``about_sentences`` sentences, or when one of the topic's
        ``events`` is told in the body, which also mentions the topic when no cue does.
        """
        starts = [s.start_char for s in sentences]
        body = [i for i, s in enumerate(sentences)
                if structure.is_body(s.start_char, s.end_char)
                and not text[s.start_char:s.end_char].isspace()]  # Span.text, without a token walk
        mentioned: dict[str, tuple[int, int]] = {}
        about: set[str] = set()
        for topic in self.lexicons.topics.values():
            cued = spans(topic.cues, source, self.literals)
            told = spans(topic.events, source, self.literals) if topic.events is not None else []
            if not cued and not told:  # no cue at all: nothing to exclude
                continue
            excluded = [*(spans(topic.exclude, source, self.literals) if topic.exclude else ()),
                        *names, *structure.mention_blocks]
            # (nor a cue told as what something is not: "the death is not believed to
            # be a suicide")
            hits = [(start, end) for start, end in cued
                    if not any(s < end and start < e for s, e in excluded)
                    and not denied(doc, start, end)]
            # The event told in the body ("shot her, then killed himself", "stabbed to
            # death by her ex-partner") makes the story about the topic, cue or none.
            events = [(s, e) for s, e in told if structure.is_body(s, e)
                      and not any(x < e and s < y for x, y in excluded)]
            if not hits:
                if events:
                    mentioned[topic.id] = events[0]
                    about.add(topic.id)
                continue
            if topic.support is not None:
                hits += [(start, end) for start, end in spans(topic.support, source, self.literals)
                         if not any(s < end and start < e for s, e in excluded)]
                hits.sort()
            mentioned[topic.id] = hits[0]
            in_sentences = {bisect.bisect_right(starts, s) - 1 for s, _ in hits}
            in_headline = any(structure.frame_kind(s, e) in ("headline", "subject") for s, e in hits)
            # A lead that names the topic only as one item of a list ("at risk for
            # PTSD, depression, substance abuse and domestic violence") is not about it.
            lead = set(body[:topic.about_lead])
            # Named in that one sentence only, as one of a pair of counted kinds ("a 40%
            # increase in homicides and suicides"), it is a figure of another story.
            single = len(in_sentences) == 1
            in_lead = any(bisect.bisect_right(starts, s) - 1 in lead and not listed(
                doc, s, e, 2 if single and plural(doc, s, e) else LIST_ITEMS) for s, e in hits)
            if in_headline or in_lead or len(in_sentences) >= topic.about_sentences:
                about.add(topic.id)
            elif events:
                about.add(topic.id)
        return mentioned, about


class TermMatcher:
    """Runs the patterns of every ``term`` rule and stores matches in ``doc.spans``.

    A rule gated only on topics is skipped when none of its topics is in the
    message (the context marker runs first), which saves most of the work on
    a typical message.
    """

    def __init__(self, lexicons: Lexicons):
        self.rules = term_patterns(lexicons)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        # Patterns run on the plain form of the text (curly quotes, special spaces and
        # dashes as plain ones); offsets are mapped back to the original characters.
        view = shared_source(doc, doc_text(doc)).plain
        text, lowered = view.text, view.lower
        # Lower-casing can change the length of a few characters (e.g. "İ"); offsets
        # would shift, so such texts use the case-insensitive patterns instead.
        same_length = view.same_length
        present = set(doc._.framing_topics or {})
        for rule in self.rules:
            if rule.topics is not None and not rule.topics & present:
                continue
            # Where a match can start is the cheaper test when it is known; else the literals.
            if (rule.starts is None or rule.case_sensitive or not same_length) \
                    and not may_match(rule.literals, lowered):
                continue
            if rule.case_sensitive:
                matches = rule.fast.finditer(text)  # compiled without IGNORECASE
            elif same_length:
                if rule.starts is None:
                    matches = rule.fast.finditer(lowered)
                else:
                    places = start_places(rule.starts, lowered, view.words)
                    if not places:  # no place where a match can start
                        continue
                    matches = finditer_at(rule.fast, places, lowered)
            else:
                matches = rule.pattern.regex.finditer(text)
            for match in matches:
                start, end = match.span()
                if end == start:
                    continue
                if view.folded is not None:
                    start, end = view.folded.span(start, end)
                span = doc.char_span(start, end, label=rule.rule_id, alignment_mode="expand")
                if span is not None:
                    found.append(span)
        doc.spans["framing_terms"] = found
        return doc


@Language.component("framing_lines")
def mark_line_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break, so list items and headings that
    lack end punctuation are not read as one long sentence. Runs before the parser,
    which keeps these boundaries.

    A token starts a line when a line break lies between the start of the token
    before it and its own start (in practice: the token before is whitespace with
    a newline). All starts are written in one ``Doc.from_array`` call: setting
    ``Token.is_sent_start`` one token at a time rescans the whole doc on every
    call, which made many short lines cost time growing with the square of their
    number (50,000 lines took minutes).
    """
    text = doc_text(doc)
    if len(doc) < 2 or "\n" not in text:
        return doc
    # Character offsets of every newline (UTF-32 gives one code unit per character,
    # so array positions are string offsets) and of every token.
    chars = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
    breaks = numpy.flatnonzero(chars == ord("\n"))
    token_starts = doc.to_array([IDX]).astype(numpy.int64)
    # The token after a break is the first token starting beyond it.
    after = numpy.searchsorted(token_starts, breaks, side="right")
    after = after[(after >= 1) & (after < len(doc))]
    if not after.size:
        return doc
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    starts[after] = 1
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


@Language.factory("framing_context", default_config={"lexicon_root": ""})
def make_context_marker(nlp: Language, name: str, lexicon_root: str) -> ContextMarker:
    """Factory for :class:`ContextMarker`."""
    return ContextMarker(get_lexicons(lexicon_root or None))


@Language.factory("framing_terms", default_config={"lexicon_root": ""})
def make_term_matcher(nlp: Language, name: str, lexicon_root: str) -> TermMatcher:
    """Factory for :class:`TermMatcher`."""
    return TermMatcher(get_lexicons(lexicon_root or None))
