"""One event an article names in several wordings, under one subject.

An article names an event once ("South Korea and Japan restored the vice-ministerial diplomatic channels for
dialogue") and again in other words ("the vice-ministerial dialogue", "The vice ministers' meeting"). A model
copies each subject as written, so what the article says of one dialogue lands under several subjects and its
timeline is never drawn. The offline extractor reads such mentions as one event (extract/offline/context.py);
this does so for a model's claims.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from factcheck import lexicon
from factcheck.extract.offline.text import DETERMINERS
from factcheck.models import Claim
from factcheck.values.keys import instance_words
from factcheck.values.text import STOPWORDS


def one_event_per_source(claims: Sequence[Claim]) -> list[Claim]:
    """The claims with the events one article names in several wordings under one subject: 'vice-ministerial
    dialogue', "the vice ministers' meeting", 'vice-ministerial diplomatic channels for dialogue' are one dialogue
    when the words of their own of one are all the other's (by their first STEM letters: 'ministers' /
    'ministerial'; 'high-level dialogue' is not 'senior-level security talks'), name no other people and pick out
    no other instance ('the first meeting', 'the next meeting' are others). Each takes the
    subject the article named it by first."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for n, claim in enumerate(claims):
        if _names_event(claim.subject):
            by_source[claim.source_id].append(n)
    out = list(claims)
    for indexes in by_source.values():
        order = sorted(indexes, key=lambda i: (claims[i].span.start if claims[i].span else 0, i))
        firsts: list[Claim] = []
        for n in order:
            claim = claims[n]
            first = next((f for f in firsts if _one_event(f.subject, claim.subject)), None)
            if first is None:
                firsts.append(claim)
            elif first.subject_key != claim.subject_key:
                out[n] = claim.model_copy(update={"subject": first.subject, "subject_key": first.subject_key})
    return out


STEM = 6  # letters two words of one event's names share ('ministers' / 'ministerial')


def _one_event(a: str, b: str) -> bool:
    """Whether two event subjects of one article name one event (one_event_per_source)."""
    (ranks_a, names_a, own_a), (ranks_b, names_b, own_b) = _told(a), _told(b)
    if ranks_a != ranks_b or (names_a and names_b and not (names_a <= names_b or names_b <= names_a)):
        return False
    return bool(own_a and own_b) and (own_a <= own_b or own_b <= own_a)


def _told(subject: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """What an event subject picks out: its instance words ('first', 'vice'), its names (capitalised words) and
    its own words (the first STEM letters of the rest, event nouns and function words aside)."""
    heads, instances = lexicon.words("event_heads"), instance_words()
    written = _words(subject)
    said = [w.lower() for w in written]
    ranks = frozenset(instances[w] for w in said if w in instances)
    names = frozenset(w.lower() for w in written if w[:1].isupper() and w.lower() not in DETERMINERS)
    own = frozenset(w[:STEM] for w in said if w not in heads | STOPWORDS and w not in instances and len(w) > 2)
    return ranks, names, own


def _words(subject: str) -> list[str]:
    return re.findall(r"[^\W_]+(?:['’][^\W_]+)?", subject)  # 'vice-ministerial': vice, ministerial


def _names_event(subject: str) -> bool:
    """Whether a subject names an event by more than its noun, the noun its head ('vice-ministerial dialogue',
    'meetings between Yoon and Kishida'; not 'resumption of the security dialogue', an act done to one)."""
    words = [w.lower() for w in _words(subject)]
    return _head(subject) in lexicon.words("event_heads") and len([w for w in words if w not in DETERMINERS]) >= 2


def _head(subject: str) -> str:
    """The head noun of a subject: its last word before a preposition ('meetings between Yoon and Kishida')."""
    words = [w.lower() for w in _words(subject)]
    cut = next((n for n, w in enumerate(words) if n and w in lexicon.words("subject_prepositions")), len(words))
    return words[cut - 1] if cut else ""
