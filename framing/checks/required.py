"""Kind ``required``: a document-level element that must be present (help line, data source).

The element is asked of a message that is *about* the rule's topic (a cue in
its headline or in several sentences, see ``Message.subjects``), not of one that
names the topic in passing; never of a guideline page, which advises writers
and is not itself the copy the element belongs in. The finding points at the
first body sentence on the topic, never at a headline, salutation, signature
or ``###``.
"""
from __future__ import annotations

import re

from ..findings import Finding
from ..lexicon import Rule
from ..lexicon.model import compiled_option
from ..list_items import MARKER
from ..message import Message
from .counts import counted_as_doers, defined_by_an_act


def anchor_sentence(rule: Rule, msg: Message) -> tuple[int, int]:
    """Where a document-level finding points: the first body sentence on the rule's topic,
    else the first body sentence."""
    topics = msg.doc._.framing_topics or {}
    body = msg.body_sentences
    for gate in rule.gate:
        if gate in topics:
            start = topics[gate][0]
            on_topic = next((s for s in body if s.end_char > start), None)
            if on_topic is not None:
                return msg.sentence_range(on_topic)
    return msg.sentence_range(body[0])


def is_about(rule: Rule, msg: Message) -> bool:
    """Whether the message is about one of the rule's topic gates (other gates, such as
    the message kind, are checked by ``Message.applies``)."""
    topics = [g for g in rule.gate if g in msg.lexicons.topics]
    return not topics or any(g in msg.subjects for g in topics)


# A phone number in the sentence offers the resource (988 itself is matched as a
# resource of its own, offered unless it too is only a source).
PHONE = re.compile(r"\(?\b\d{3}\)?[-.\s]\d{3}[-.\s]\d{4}\b|\b1-8\d\d-")
# (the addresses of Canada, the UK, Australia, New Zealand and Ireland too: "Sheltersafe.ca")
WEB = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:org|gov|edu|com|net|ca|uk|au|nz|ie)\b")


def cited(msg: Message, start: int, end: int) -> bool:
    """Whether the resource named at ``start:end`` is only the source of a figure in its
    sentence, not help offered: "According to the National Domestic Violence Hotline,
    nearly 1 in 3…", "data from the 988 Lifeline", "the Hotline reports that 40%…",
    "the Hotline's survey". Read from the parse; the sentence must state a number
    other than the resource's own (a phone number is the resource)."""
    sources = msg.lexicons.figure_sources
    span = msg.doc.char_span(start, end, alignment_mode="expand")
    if sources is None or span is None:
        return False
    sent = span.sent
    outside = msg.text[sent.start_char:start] + " " + msg.text[end:sent.end_char]
    if PHONE.search(outside):
        return False  # "The Hotline says you are not alone: call 1-800-799-7233"
    if not any(t.like_num or t.text == "%" for t in sent if not (start <= t.idx < end)):
        return False
    root = span.root
    # "988" in "the 988 Suicide & Crisis Lifeline": the name is the noun it modifies.
    while root.dep_ in ("nummod", "nmod", "amod") or (
            root.dep_ == "compound" and root.head.pos_ == "PROPN"):
        root = root.head
    head = root.head

    def noun(token) -> bool:  # "data" has the lemma "datum"
        return token.lemma_.lower() in sources.nouns or token.lower_ in sources.nouns

    if root.dep_ == "pobj":
        if head.lower_ == "to" and head.head.lower_ == "according":
            return True
        return head.lower_ in ("from", "by", "of") and noun(head.head)
    if root.dep_ in ("nsubj", "nsubjpass"):
        return head.lemma_.lower() in sources.verbs
    if root.dep_ in ("poss", "compound"):
        return noun(head)
    return False


# Modals that make a verb of reaching help an invitation ("students can visit…").
INVITING = {"can", "may", "could", "should", "might"}
# An invitation in the passive counts in the present only ("were urged to" tells news).
PRESENT_BE = {"is", "are", "am", "be"}


def said_to_reader(msg: Message, start: int, end: int) -> bool:
    """Whether a help statement's verb of reaching help (``reader_actions``: call,
    visit, talk to…), if it has one, is said to the reader: an instruction, said to
    "you", or an invitation with "can" or "may"; not what others do ("few students
    will visit a counselor") nor an "if" clause's condition ("if you go to the end of
    the year"). Read from the parse."""
    actions = msg.lexicons.reader_actions
    span = msg.doc.char_span(start, end, alignment_mode="expand")
    if not actions or span is None:
        return True
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in actions]
    return not verbs or any(_to_reader(v, msg.lexicons.reader_invitations) for v in verbs)


def _to_reader(verb, invitations: frozenset[str]) -> bool:
    if any(c.dep_ == "mark" and c.lower_ == "if" for c in verb.children):
        return False
    clause, chain = verb, [verb]
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head  # "you can reach out to", "call or text"
        chain.append(clause)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return True  # an instruction, or an infinitive ("to talk to someone, call…")
    if subject.lower_ in ("you", "y'all"):
        return True
    if (subject.dep_ == "nsubjpass" and clause.lemma_.lower() in invitations
            and any(c.dep_ == "auxpass" and c.lower_ in PRESENT_BE for c in clause.children)):
        return True
    # The invitation may sit on any verb on the way up: "victims do not have to report
    # to the police and can contact the centre directly".
    return any(c.dep_ == "aux" and c.lower_ in INVITING for v in chain for c in v.children)


# The longest sentence read as a list item when it stands alone on its line.
LIST_ITEM_WORDS = 14
# Verbs that start what goes on after them ("began providing services to victims").
INCEPTIVE = frozenset({"begin", "start"})
ENDED = frozenset({"close", "end", "stop", "cease", "shut", "suspend"})


def _described_as_there(root) -> bool:
    """Whether a relative clause on a help statement tells it is there now: "opened a
    crisis line that is available for students at 888-…" (its subject the relative
    pronoun, its verb in the present, not negated: not "a line that is no longer
    available", nor "a line that students say helped them")."""
    for clause in (c for c in root.children if c.dep_ == "relcl"):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        present = clause.tag_ in ("VBZ", "VBP") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in clause.children)
        # (its own "not", or one on a word of it: "no longer")
        negated = any(c.dep_ == "neg" for t in (clause, *clause.children) for c in t.children)
        if present and not negated and subject is not None and subject.tag_ in ("WDT", "WP"):
            return True
    return False


def told_as_past(msg: Message, start: int, end: int) -> bool:
    """Whether a help statement without a number or web address is told as something
    that happened ("the school made counselors available for students", "retweeted a
    message encouraging officers to text a help line"): news of help given then, not a
    line offered to the reader now. Read from the verb that governs it. A service
    named, or described in the present inside the statement (a verb in the present or a
    participle: "a charity supporting survivors"), is there now."""
    if PHONE.search(msg.text[start:end]) or WEB.search(msg.text[start:end]):
        return False
    span = msg.doc.char_span(start, end, alignment_mode="expand")
    after = span.doc[span.end] if span is not None and span.end < len(span.doc) else None
    if span is not None and (
            any(t.tag_ in ("VBZ", "VBP") for t in span)
            or _described_as_there(span.root)
            # "Women's Aid, the national organisation supporting women experiencing
            # abuse": a named service described by what it does, in a participle (not
            # "she had contacted a charity supporting survivors", told as past)
            or (named_before(msg.text, start) and any(t.tag_ == "VBG" and t.dep_ == "acl"
                                                       for t in span))
            or (span.root.pos_ == "PROPN" and span.root.dep_ != "compound"
                and not (after is not None and after.pos_ in ("NOUN", "PROPN")))
            or (span.root.pos_ in ("PROPN", "NOUN") and any(t.pos_ == "PROPN" for t in span)
                and any(t.dep_ == "appos" for t in span))):
        # A service named ("executive director of Family Crisis Services"; "SafeSpace,
        # the only certified domestic violence shelter") or told in the present ("a
        # counselling service that supports victims") is there now, whatever tense its
        # sentence is told in; a name that only titles someone ("a Coalition Against
        # Domestic Violence co-director") offers nothing.
        return False
    verb = _verb_above(span.root) if span is not None else None
    # Up through non-finite verbs to the clause that has a tense: "a message encouraging
    # officers to text a help line" is told by "retweeted". A finite clause keeps its
    # own tense ("counselors will be available, the district said" offers help now).
    while (verb is not None and verb.tag_ in ("VB", "VBG", "VBN")
           and (verb.dep_ in ("xcomp", "acl", "advcl") or (
               verb.dep_ == "relcl" and any(c.lower_ == "to" for c in verb.children)))  # "a message … to text"
           and not any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)
           and verb.head.i != verb.i):
        # an acl hangs on a noun ("a message from the program encouraging …"): the verb
        # whose phrase that noun is in
        verb = _verb_above(verb.head)
    if verb is None:
        return False
    # "began providing confidential services": it goes on now, unless it ended ("... but
    # closed last spring", joined to "began" or to "providing")
    carried = [c for c in verb.children if c.dep_ == "xcomp"]
    if verb.lemma_.lower() in INCEPTIVE and carried and not any(
            c.dep_ == "conj" and c.lemma_.lower() in ENDED for v in (verb, *carried) for c in v.children):
        return False
    # "had contacted a charity supporting survivors": the past perfect is past too
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children))


# A line said not to be one ("which is not a crisis line", "unlike a crisis line").
DENIED_BEFORE = re.compile(r"\b(?:not|n't|never|unlike|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# A name, then a comma and the words that describe it: "Women's Aid, the national ".
NAMED_BEFORE = re.compile(r"[A-Z][\w'’&.-]*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}$")


def named_before(text: str, start: int) -> bool:
    """Whether the words before ``start`` set a name beside what follows ("Women's Aid,
    the national organisation supporting …"): the parser does not always read it as an
    apposition."""
    return NAMED_BEFORE.search(text[max(0, start - 80):start]) is not None


def _verb_above(token):
    """``token`` if it is a verb, else the nearest verb it hangs from (None if none)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def offered(msg: Message, pattern) -> bool:
    """Whether ``pattern`` names a resource anywhere other than as a figure's source."""
    return any(not cited(msg, start, end) for start, end in msg.spans_of(pattern))


def help_stated(rule: Rule, msg: Message, within: set[int] | None = None) -> bool:
    """A help resource stated in other words ("our 24-hour hotline", a phone or text
    line, a web address) for no other topic (read from its sentence, else from the
    sentences around it: see ``_TopicsNamed.of_statement``): a domestic violence
    hotline is not the help line a suicide needs. ``within``: the indexes of the
    sentences to look in (all when None)."""
    statements = msg.lexicons.help_statements
    if statements is None:
        return False
    topics = msg.lexicons.topics
    # (a rule that also needs another topic takes that topic's lines too: a story
    # linking bullying and suicide is helped by a suicide crisis line)
    own = {g for g in rule.gate + rule.gate_all if g in topics}
    not_help = msg.lexicons.not_help
    # shared by the help-line rules of every topic that check the same message
    topics_named = msg.analysis("help:topics_named", lambda: _TopicsNamed(msg, topics))
    # the statements are found once per message for the help-line rules of all topics
    for match in msg.analysis("help:statements", lambda: list(statements.finditer(msg.text))):
        index = msg.sentence_index(match.start())
        if within is not None and index not in within:
            continue
        sentence = msg.sentence_texts[index]
        if not_help is not None and not_help.search(sentence):
            continue  # "if you have any information about this incident, contact ..."
        if (cited(msg, match.start(), match.end())
                or not said_to_reader(msg, match.start(), match.end())
                or told_as_past(msg, match.start(), match.end())):
            continue
        # a statement that names its own topic ("a domestic violence shelter") is for
        # that topic, whatever else its sentence tells of
        statement = match.group(0)
        its_own = topics_named.in_text(statement)
        named = its_own or topics_named.of_statement(index)
        if not named or named & own:
            return True
        # ... unless the statement itself is a line of the rule's own kind naming no other
        # topic ("a 24-hour crisis intervention line" for students who are bullied is a
        # crisis line too; "the Rape Crisis helpline" is not)
        denied = DENIED_BEFORE.search(msg.text[max(0, match.start() - 30):match.start()])
        if not denied and not its_own and any(
                topics[g].support is not None and topics[g].support.search(statement)
                for g in own):
            return True
    return False


class _TopicsNamed:
    """Which topics each sentence names, and the nearest earlier sentence that names
    any, each worked out once per message (a help statement asks both; the help-line
    rules of all topics share one, as a message analysis)."""

    def __init__(self, msg: Message, topics):
        self.msg = msg
        self.topics = [t for t in topics.values() if t.id != "norms"]
        self.named_cache: dict[int, frozenset[str]] = {}
        self.before_cache: dict[int, frozenset[str]] = {}

    def named(self, index: int) -> frozenset[str]:
        if index not in self.named_cache:
            self.named_cache[index] = self.in_text(self.msg.sentence_texts[index])
        return self.named_cache[index]

    def in_text(self, text: str) -> frozenset[str]:
        """Topics a stretch of text names itself."""
        return frozenset(t.id for t in self.topics if t.cues.search(text))

    def before(self, index: int) -> frozenset[str]:
        """Topics of the nearest sentence before ``index`` that names any."""
        # walk back to a sentence already answered, then fill in forward
        start = index
        while start > 0 and start not in self.before_cache:
            start -= 1
        found = self.before_cache.get(start, frozenset())
        for i in range(start, index):
            found = self.named(i) or found
            self.before_cache[i + 1] = found
        return found

    def of_statement(self, index: int) -> frozenset[str]:
        """Topics a help statement's sentence names; when it names none, those of the
        sentences beside it on its line ("Identify the domestic violence. Find a
        confidential advocate to talk about your situation."), else of the nearest
        sentence before it that names one ("… victims of domestic violence," Jarmoc
        said. The coalition's hotline is 888-774-2900.)."""
        found = self.named(index)
        if found:
            return found
        sentences = self.msg.sentences
        sentence = sentences[index]
        for other in (index - 1, index + 1):
            if 0 <= other < len(sentences):
                near = sentences[other]
                # from the first sentence's start to the second's: a line break in it,
                # even one a sentence keeps at its end, parts them
                between = self.msg.text[min(near.start_char, sentence.start_char):
                                        max(near.start_char, sentence.start_char)]
                if "\n" not in between.rstrip(" "):
                    found |= self.named(other)
        return found or self.list_before(index) or self.before(index)

    def list_before(self, index: int) -> frozenset[str]:
        """When the sentences right before ``index`` are the items of a list (short lines,
        each alone on its line, marked by a bullet or number, or led into by a sentence
        ending in a colon or semicolon), the topics of the whole list and of the sentence
        that leads into it: after "warning signs of depression and suicide include:" and
        items ending "Risk-taking such as consuming drugs", a closing help line serves the
        list's subject, not only its last item's. Short paragraphs of news with no such
        lead-in or markers are no list: the nearest sentence decides."""
        found: frozenset[str] = frozenset()
        marked = False
        items = 0
        i = index - 1
        while i >= 0:
            kind = self.list_line(i)
            if kind is None or self.msg.sentence_texts[i].rstrip().endswith((":", ";")):
                break  # not an item, or the lead-in itself
            if kind != "marker":  # a marker the splitter made a sentence of its own
                found |= self.named(i)
                items += 1
            marked = marked or kind != "plain"
            i -= 1
        if not found or items < 2:
            return frozenset()
        lead = self.msg.sentence_texts[i].rstrip() if i >= 0 else ""
        if not (marked or lead.endswith((":", ";"))):
            return frozenset()
        return found | (self.named(i) if i >= 0 else frozenset())

    def list_line(self, index: int) -> str | None:
        """How the sentence at ``index`` stands as a list item: "marked" (its line opens
        with a bullet or number), "plain" (a short sentence alone on its line), "marker"
        (only a bullet or number, split off by the sentence splitter), or None."""
        sentence = self.msg.sentences[index]
        text = self.msg.text
        start = text.rfind("\n", 0, sentence.start_char) + 1
        end = text.find("\n", sentence.start_char)
        end = len(text) if end < 0 else end
        line = text[start:end]
        marker = MARKER.match(line)
        rest = (line[marker.end():] if marker else line).strip()
        own = self.msg.sentence_texts[index].strip()
        if marker and own == line[:marker.end()].strip():
            return "marker"
        own_marker = MARKER.match(own)
        if own_marker:
            own = own[own_marker.end():].strip()
        if rest != own or len(rest.split()) > LIST_ITEM_WORDS:
            return None
        return "marked" if marker else "plain"


def check_required(rule: Rule, msg: Message) -> list[Finding]:
    """One document-level finding when none of the required patterns occurs."""
    if msg.word_count < rule.options.get("min_words", 25) or not msg.sentences:
        return []
    if msg.structure.advice or not is_about(rule, msg):
        return []
    trigger = compiled_option(rule, "trigger")
    if trigger is not None and not msg.found(trigger):
        return []
    undergone = {w.lower() for w in rule.options.get("undergone", ())}
    states = {w.lower() for w in rule.options.get("undergone_states", ())}
    generic = {w.lower() for w in rule.options.get("generic_people", ())}
    if trigger is not None and rule.options.get("trigger_doers") and not any(
            counted_as_doers(claim, undergone, states) and not defined_by_an_act(claim, generic)
            for claim in (msg.doc.char_span(start, end, alignment_mode="expand")
                          for start, end in msg.spans_of(trigger))):
        return []
    pattern = compiled_option(rule, "patterns")
    first = rule.options.get("first_sentences")
    opening = msg.opening_sentences(first) if first is not None else []
    where = msg.text if first is None else " ".join(
        msg.text[s.start_char:s.end_char] for s in opening)

    # The whole text is searched only where a match can start; the opening sentences
    # are joined with spaces, which could make a new match, so they are searched as such.
    # A help line named only as a figure's source offers no help; a data source is
    # what a norms rule asks for, however it is named.
    helps = bool(rule.options.get("accept_local"))

    def present(found_pattern) -> bool:
        if first is not None:
            return bool(found_pattern.search(where))
        return offered(msg, found_pattern) if helps else msg.found(found_pattern)

    if pattern is not None and present(pattern):
        return []
    if rule.options.get("accept_local"):
        local = msg.lexicons.local_resources
        within = None if first is None else {msg.sentence_index(o.start_char) for o in opening}
        if (local is not None and present(local)) or help_stated(rule, msg, within):
            return []
    if first is not None:
        start, end = msg.sentence_range(opening[0])
    else:
        start, end = anchor_sentence(rule, msg)
    return [msg.finding(rule, start, end, scope="document")]
