"""A person named once with a description in apposition is the one the story later calls by that description.

News names a person once and describes them after a comma ("Hugh Hefner, Founder and chief creative officer
of Playboy Enterprises, was found dead"), then calls them by the description ("The Playboy founder, 88").
When a claim's quote gives a named subject such an appositive description by role, every subject key that
describes a person by role (roles.py) in words all found in that description, among them a name the
description gives ('Playboy': "a police officer" names no one in particular), with the same rank ('deputy',
'former': the chief officer is not the deputy chief officer), stands for the named key, in every source: one
description given for one name only. A definite description that names nothing ("The driver, Alan Brisco, 61";
"Piet Amsel, the driver,") stands for the name when a subject is described in just its words ('the driver'). Alignment then groups their claims as one subject,
whatever their values.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from factcheck.align.roles import role_description, role_nouns
from factcheck.models import Claim
from factcheck.values.keys import rank_words
from factcheck.values.text import STOPWORDS, slug, words

MAX_DESCRIPTION = 12  # words of an appositive description; a longer stretch is a clause, not a description
_APPOSITION = r",\s+((?:the\s+)?[^,;:()\"\u201c\u201d]{3,120}?)\s*(?:,|\.|$)"
_BEFORE = r"(?:^|[,;:.]\s+|\s)((?:the|The)\s+[^,;:()\"\u201c\u201d]{3,60}?),\s+"  # 'The driver, Alan Brisco, 61'


def appositive_keys(claims: Iterable[Claim]) -> dict[str, str]:
    """Subject key describing a person by role -> the one named key an appositive description covers."""
    claims = list(claims)
    described: list[tuple[frozenset[str], frozenset[str], str]] = []
    for claim in claims:
        key = slug(claim.subject_key)
        if not key or slug(claim.subject) != key or role_description(key) or not _named(claim.subject):
            continue
        name = re.escape(claim.subject.strip())
        given = [m.group(1) for m in re.finditer(name + _APPOSITION, claim.quote)]
        given += [m.group(1) for m in re.finditer(_BEFORE + name + r"\b", claim.quote)]
        for text in given:
            kept = [w for w in words(text) if w not in STOPWORDS]
            names = _names(text)
            definite = text.lower().startswith("the ")
            if 0 < len(kept) <= MAX_DESCRIPTION and (names or definite) and role_description(slug(text)):
                described.append((frozenset(kept), names, key))
    if not described:
        return {}
    owners: dict[str, set[str]] = defaultdict(set)
    ranks = rank_words()
    for subject in {slug(c.subject_key) for c in claims}:
        if not subject or not role_description(subject):
            continue
        wanted = {w for w in subject.split("_") if w not in STOPWORDS}
        for found, names, key in described:
            named = wanted & names and wanted <= found  # 'the Playboy founder' within the description
            the_same = not names and wanted == found  # 'the driver' for 'The driver, Alan Brisco'
            if (named or the_same) and wanted & ranks == found & ranks and key != subject:
                owners[subject].add(key)
    return {subject: next(iter(keys)) for subject, keys in owners.items() if len(keys) == 1}


def _names(text: str) -> frozenset[str]:
    """Words a description capitalises that are not role nouns ('Playboy', 'Enterprises'; not 'Founder')."""
    found = re.findall(r"[^\W\d_]+", text)
    return frozenset(w.lower() for w in found if w[:1].isupper() and w.lower() not in role_nouns() | STOPWORDS)


def _named(subject: str) -> bool:
    """Whether a subject is written as a name: every word capitalised."""
    parts = re.findall(r"[^\W\d_]+", subject)
    return bool(parts) and all(p[:1].isupper() for p in parts)
