"""A person named by one name alone is the person the story names in full with it, when only one is.

"Jasmine · doctors asked: between 50 and 60 doctors" and "Jasmine Tridevil · rejected by: more than 50
doctors" are claims about one woman: the story gives "Jasmine" as part of one full name only, so the claim
keyed `jasmine` is keyed `jasmine_tridevil`. The full names are the people the quotes name (two to four
capitalised words that are not titles, places or organisation words: `extract/aliases.py`) that spaCy's
entity recogniser reads as a person in a quote, and the full name must be the subject of a claim of its
own. A name that is part of two people's names ("Trump" with "Donald Trump" and "Ivanka Trump") is left
alone, and so is a subject that is not one capitalised name ("the company", a country). The claims keep their ids.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from factcheck.extract.aliases import AliasTable
from factcheck.extract.entities import country_key, fold_accents
from factcheck.models import Claim
from factcheck.values.keys import rekeyed, subject_of
from factcheck.values.meaning import parsed
from factcheck.values.text import slug

PARSED_QUOTES = 3  # quotes giving a full name read to tell whether it names a person


def full_names(claims: Sequence[Claim]) -> dict[str, str]:
    """One name's key -> the key of the one full name of a person it is part of, where the full name is a subject."""
    subjects = {subject_of(c) for c in claims}
    table = AliasTable()
    for quote in dict.fromkeys(c.quote for c in claims if c.quote):
        table.learn_people(quote)
    written = {slug(fold_accents(p)): p for p in table.people}
    within: dict[str, set[str]] = defaultdict(set)
    for person in written:
        parts = person.split("_")
        for part in {parts[0], parts[-1]}:
            within[part].add(person)
    named = {subject_of(c) for c in claims if _one_name(c.subject)}
    folds = {
        key: next(iter(within[key]))
        for key in named
        if len(within.get(key, ())) == 1 and next(iter(within[key])) in subjects
    }
    quotes = [c.quote for c in claims]
    return {key: full for key, full in folds.items() if _read_as_person(written[full], quotes)}


def _read_as_person(name: str, quotes: Sequence[str]) -> bool:
    """Whether spaCy's entity recogniser reads the name as a person in a quote that gives it (not 'Brightwater
    Therapeutics', an organisation, nor 'Weird Whitstable', a website); without the pipeline, never."""
    for quote in [q for q in dict.fromkeys(quotes) if name in q][:PARSED_QUOTES]:
        doc = parsed(quote)
        if doc is None:
            return False
        if any(ent.text == name and ent.label_ == "PERSON" for ent in doc.ents):
            return True
    return False


def under_full_names(claims: Sequence[Claim]) -> list[Claim]:
    """The claims, those about a person named by one name alone keyed by that person's full name."""
    return rekeyed(claims, full_names(claims))


def _one_name(subject: str) -> bool:
    """Whether a subject is one capitalised name that is not a country ('Jasmine', not 'the actress' or 'Japan')."""
    text = subject.strip()
    return (
        len(text.split()) == 1
        and text[:1].isupper()
        and text[1:].islower()
        and text.isalpha()
        and country_key(text) is None
    )
