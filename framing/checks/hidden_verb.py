"""Kind ``hidden_verb``: nominalizations hiding the verb ("conduct an evaluation of")."""
from __future__ import annotations

from ..findings import Finding
from ..lexicon import Rule
from ..message import Message


def check_hidden_verb(rule: Rule, msg: Message) -> list[Finding]:
    """A weak verb whose object is a nominalization: 'conduct an evaluation'."""
    verbs = {v.lower() for v in rule.options["verbs"]}
    suffixes = tuple(s.lower() for s in rule.options["suffixes"])
    exclude = {e.lower() for e in rule.options.get("exclude", [])}
    found = []
    for token in msg.tokens_with_dep("dobj"):
        if token.head.lemma_.lower() not in verbs:
            continue
        noun = token.lemma_.lower()  # the lemma, so plurals ("evaluations") count too
        if len(noun) < 7 or not noun.endswith(suffixes) or noun in exclude or token._.is_mention:
            continue
        verb = token.head
        span = msg.doc[min(verb.i, token.i):max(verb.i, token.i) + 1]
        found.append(msg.finding(rule, span.start_char, span.end_char,
                                 message=f"{rule.message} (\"{span.text}\": use the verb "
                                         f"hidden in \"{token.text}\".)"))
    return found
