"""Whom a person is related to or works for, read from the parse: 'his wife Crystal Hefner', 'He and wife Crystal
Hefner', 'Park Sung-jin, Paris correspondent for Yonhap', 'Brian Stelter from CNN', 'Lumetra's chief executive Nadia
Petrov' (a post an organisation's name owns, lexicon 'office_nouns' and 'possessive_posts': one of its holders).

A relation noun (lexicon 'extract_offline_values_relations': wife, daughter, spokesman, ...) with a name beside it
(in apposition, or the noun as the name's first word) gives the owner an entity value under the relation: the
owner is the noun's possessor ('Joan's', 'his'), or the one the name is joined to by 'and' ('He and wife ...').
A named person whose apposition is a post 'for' or 'at' an organisation ('a correspondent for Yonhap'), or who is
'from' one right after the name, gives the person an `employer`. 'He', 'his' and 'she' are the last person named
before them in the sentence, else in the sentences before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.entities import clean_name, country_key, organisation_key, place_key, slug
from factcheck.extract.offline.reference import person_before
from factcheck.extract.offline.tree import entity_of, personal_pronoun
from factcheck.models import ONE_OF, Modality, Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from factcheck.extract.aliases import AliasTable
    from factcheck.extract.offline.claims import ClaimWriter

    _Base = ClaimWriter
else:
    _Base = object

EMPLOYER = "employer"
_POSTS = {"for", "at"}
_NAME_DEPS = {"compound", "flat"}


@dataclass(frozen=True)
class Affiliation:
    """An owner, the relation and the related name; offsets relative to the sentence."""

    owner: Token
    attribute: str
    name: Span
    organisation: bool
    start: int
    end: int
    several: bool = False  # a post several may hold at once ('Apple's founder'), unlike a wife or a daughter


def org_key(name: str, aliases: AliasTable) -> str:
    """An organisation's or institution's key: a well-known one's, else its name as written ('the American Board
    of ...' keeps 'american', a word of a proper name, where a person's key would fold a demonym)."""
    text = clean_name(name)
    return organisation_key(text) or aliases.resolve(slug(text))


def affiliations(doc: Doc) -> list[Affiliation]:
    """Every relation a named person is given in the sentence, and every employer a post or 'from' names."""
    return [*_relatives(doc), *_employers(doc)]


def _relatives(doc: Doc) -> list[Affiliation]:
    """'his wife Crystal Hefner', 'Joan's daughter Melissa', 'He and wife Crystal Hefner'."""
    out: list[Affiliation] = []
    relations = lexicon.exact("extract_offline_values_relations")
    posts = lexicon.words("office_nouns") | lexicon.words("possessive_posts")
    for noun in doc:
        if noun.pos_ != "NOUN" or (noun.lower_ not in relations and noun.lower_ not in posts):
            continue
        name_head = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        carrier = noun  # the token the phrase hangs on in the sentence
        if name_head is None and noun.dep_ == "compound" and noun.head.pos_ == "PROPN":
            name_head = carrier = noun.head  # 'wife Crystal Hefner' parsed as one name
        if name_head is None:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None and carrier.dep_ == "conj" and carrier.head.pos_ in {"PRON", "PROPN"}:
            owner = carrier.head  # 'He and wife Crystal Hefner'
        if owner is None or (owner.pos_ == "PRON" and not personal_pronoun(owner)):
            continue
        name = _name(name_head, skip=noun)
        start = min(owner.idx, noun.idx)
        if noun.lower_ in relations:
            out.append(Affiliation(owner, noun.lower_, name, False, start, name.end_char))
        elif owner.pos_ == "PROPN":  # 'Lumetra's chief executive Nadia Petrov': the post with its qualifiers
            post = " ".join(c.lower_ for c in [*noun.lefts, noun] if c.dep_ in {"amod", "compound"} or c is noun)
            out.append(Affiliation(owner, post, name, False, start, name.end_char, several=True))
    return out


def _employers(doc: Doc) -> list[Affiliation]:
    """'Park Sung-jin, Paris correspondent for Yonhap', 'Brian Stelter from CNN': a person's organisation."""
    out: list[Affiliation] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        posts = [c for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        preps = [p for post in posts for p in post.children if p.dep_ == "prep" and p.lower_ in _POSTS]
        objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
        after = doc[ent.end] if ent.end + 1 < len(doc) else None
        if after is not None and after.lower_ == "from" and ent.root.dep_ != "pobj":  # not "a letter to X from Y"
            objects.append(doc[ent.end + 1])  # 'Brian Stelter from CNN'
        for obj in objects:
            org = _organisation(obj)
            if org is not None:
                out.append(Affiliation(ent.root, EMPLOYER, org, True, ent.start_char, org.end_char))
    return out


def _organisation(obj: Token) -> Span | None:
    """The organisation a post is for: a name the parse labels one, or a proper name it takes for a place that
    names no country or capital ('correspondent for Yonhap'; 'envoy for Sudan' is a place's)."""
    ent = entity_of(obj)
    if ent is None or ent.label_ not in {"ORG", "GPE"} or ent.root.pos_ != "PROPN":
        return None
    if ent.label_ == "GPE" and (country_key(ent.text) or place_key(ent.text) != slug(clean_name(ent.text))):
        return None
    return ent


def _name(head: Token, skip: Token) -> Span:
    """A proper name from its head back through its compounds, without the relation noun ('wife')."""
    start = head.i
    while start > 0 and head.doc[start - 1].dep_ in _NAME_DEPS and head.doc[start - 1].pos_ == "PROPN":
        start -= 1
    if head.doc[start].i == skip.i:
        start += 1
    return head.doc[start : head.i + 1]


class AffiliationsMixin(_Base):
    """Emits a person's relatives and employers as entity values of the person; mixed into the offline reader."""

    doc: Doc

    def _affiliations(self) -> None:
        """One claim per relation or employer the sentence names, unless the relation rule of values.py has it."""
        for found in affiliations(self.doc):
            if any(a <= found.start < b for a, b in self.attrib.skip):
                continue
            owner = self._owner_key(found.owner)
            value_key = (
                org_key(found.name.text, self.aliases) if found.organisation else self.aliases.key(found.name.text)
            )
            lone = not found.organisation and "_" not in value_key  # a lone 'Melissa': one outlet's word for her
            if not owner or not value_key or lone or owner == value_key:
                continue
            if any(
                c.attribute == found.attribute
                and c.value.normalized == value_key
                and c.span.start - self.offset <= found.end
                and found.start <= c.span.end - self.offset
                for c in self.claims
            ):
                continue  # 'Yoon's predecessor, Moon Jae In': already told by roles.find_roles
            qualifier = ONE_OF if found.several else None
            value = Value(type=ValueType.ENTITY, text=found.name.text, normalized=value_key, qualifier=qualifier)
            subject = found.owner.text
            self._emit_span(subject, owner, found.attribute, value, None, found.start, found.end, Modality.REPORTED)

    def _owner_key(self, owner: Token) -> str:
        """A named owner's key, or the person 'he', 'his' or 'she' refers to."""
        if not personal_pronoun(owner):
            ent = entity_of(owner)
            return self.aliases.key(ent.text if ent is not None else owner.text)
        person = person_before(owner.doc, owner.i)
        return self.aliases.key(person) if person else self.last_person or ""
