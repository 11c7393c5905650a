"""Roles told of a named person, read from spaCy's parse rather than from a list of titles.

Four ways news gives a person's role, each a `role` mention filed under the person:
- words before the name that modify it: "North Korean leader Kim Jong-un", "Blog curator Quinton Winter";
- an apposition after the name: "Hugh Hefner, founder of Playboy Enterprises, ...";
- the name in apposition after the role: "North Korea's leader, Kim Jong-un, ...";
- a relative clause with a verb of holding a post (lexicon `role_verbs`): "Dr. Cohen, who doubled as the
  clinic's medical director".
A courtesy title alone ("Dr.", "Mr.") is no role, nor is a bare adjective ("the late Joan Rivers"), an age
("27-year-old") or another name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck import lexicon
from factcheck.extract.offline.values import Mention
from factcheck.models import Value, ValueType

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MODIFIERS = frozenset({"compound", "amod"})
_BEFORE = _MODIFIERS | {"nmod"}  # 'Head of the committee Hakem Zameli': the parse's noun modifier


def _not_roles() -> frozenset[str]:
    """Head nouns that tell no role: names ('not her real name') and 'counterpart', a role only through another's."""
    return lexicon.words("not_roles")


_ROLE_HEADS = frozenset({"NOUN", "PROPN"})


def _office_acronyms() -> frozenset[str]:
    """Offices written in capitals, which the parse reads as proper nouns ('CEO', 'CFO')."""
    return frozenset(lexicon.table("office_acronym_words"))


def parsed_roles(doc: Doc, taken: list[tuple[int, int]]) -> list[Mention]:
    """Role mentions of the people the parse names in one sentence; none overlapping a span in `taken`."""
    out: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.root.pos_ != "PROPN" or _owner(ent) or _common(ent):
            continue  # "Joan Rivers' doctor" is not Joan Rivers; "Joan's daughter Melissa" is no clean name
        for found in (_before(ent), _apposed(ent), _apposed_to(ent), _held(ent)):
            if found is None:
                continue
            mention = _mention(doc, ent, *found)
            if mention is not None and not any(mention.start < b and a < mention.end for a, b in taken):
                out.append(mention)
                taken.append((mention.start, mention.end))
    return out


def _before(ent: Span) -> tuple[list[Token], Token] | None:
    """The modifiers right before the name that hang on it: 'North Korean leader' Kim Jong-un, 'Tallahassee
    Mayor-elect' Andrew Gillum, 'Head of the committee' Hakem Zameli (a noun with its 'of' phrase)."""
    inside = set(range(ent.start, ent.end))
    words: list[Token] = []
    i = ent.start - 1
    while i >= 0:
        tok = ent.doc[i]
        if _joined(tok):  # '-' inside 'Mayor-elect', 'co-chairman': the word before it is of the same word
            words[:0] = [ent.doc[i - 1], tok]
            i -= 2
            continue
        if _of_phrase(tok, ent):
            words.insert(0, tok)  # 'of the committee' after 'Head'
            i -= 1
            continue
        if tok.dep_ not in _BEFORE or (tok.head.i not in inside and all(tok.head.i != w.i for w in words)):
            break
        if tok.ent_type_ in ("PERSON", "DATE", "CARDINAL") or tok.like_num:
            return None
        words.insert(0, tok)
        i -= 1
    while words and (
        not words[-1].text.strip(".").isalnum() or words[-1].lower_.rstrip(".") in lexicon.words("honorifics")
    ):
        words.pop()  # 'the clinic's medical director Dr. Lawrence Cohen'
    return (words, words[-1]) if words else None


def _joined(tok: Token) -> bool:
    """A hyphen inside one word ('Mayor-elect'): no space either side."""
    return tok.text == "-" and tok.i > 0 and not tok.whitespace_ and not tok.doc[tok.i - 1].whitespace_


def _of_phrase(tok: Token, ent: Span) -> bool:
    """A word of an 'of' phrase whose noun modifies the name ('Head of the committee Hakem Zameli')."""
    for above in [tok, *tok.ancestors]:
        if above.dep_ == "prep" and above.lower_ == "of":
            noun = above.head
            return noun.i < tok.i and noun.head.i == ent.root.i and noun.dep_ in _BEFORE
    return False


def _apposed(ent: Span) -> tuple[list[Token], Token] | None:
    """'Hugh Hefner, founder of Playboy Enterprises,': a common noun in apposition to the name, with its phrase."""
    for child in ent.root.children:
        between = ent.doc[ent.end : child.left_edge.i]
        acronym = child.pos_ == "PROPN" and child.text.isupper() and child.lower_ in _office_acronyms()
        if child.dep_ == "appos" and (child.pos_ == "NOUN" or acronym) and not any(t.ent_type_ for t in between):
            return _phrase(child), child  # a name between may be what the apposition describes ('Microsoft CEO')
    return None


def _apposed_to(ent: Span) -> tuple[list[Token], Token] | None:
    """ "North Korea's leader, Kim Jong-un": the name in apposition to a common noun before it."""
    head = ent.root.head
    if ent.root.dep_ != "appos" or head.pos_ != "NOUN" or head.i > ent.start:
        return None
    while head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # 'A reporter for the Oregonian newspaper, Tyson Alger': the reporter
    words = _trimmed([t for t in head.subtree if t.i < ent.start and t.pos_ not in ("PUNCT", "DET")])
    return words, head


def _held(ent: Span) -> tuple[list[Token], Token] | None:
    """'Dr. Cohen, who doubled as the clinic's medical director': the post a relative clause says the person holds."""
    verbs = lexicon.words("role_verbs")
    for clause in ent.root.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in verbs:
            continue
        for child in clause.children:
            post = child if child.dep_ == "attr" else None
            if child.dep_ == "prep" and child.lower_ == "as":
                post = next((g for g in child.children if g.dep_ == "pobj"), None)
            if post is not None and post.pos_ == "NOUN":
                return _phrase(post), post
    return None


def _phrase(head: Token) -> list[Token]:
    """A role noun with its modifiers and complements, without a leading article and without what a further
    apposition, a relative clause or a comma adds ('correspondent for Yonhap, South Korea's biggest agency')."""
    cut = {t.i for child in head.children if child.dep_ in ("appos", "relcl", "acl") for t in child.subtree}
    words = [t for t in head.subtree if t.i not in cut]
    comma = next((k for k, t in enumerate(words) if t.text == "," and t.i > head.i), len(words))
    words = words[:comma]
    return words[1:] if words and words[0].pos_ == "DET" else words


def _trimmed(words: list[Token]) -> list[Token]:
    """Without the courtesy title and stops at the end: 'the clinic's medical director Dr. Lawrence Cohen'."""
    courtesy = lexicon.words("honorifics")
    while words and (not words[-1].text.strip(".").isalnum() or words[-1].lower_.rstrip(".") in courtesy):
        words = words[:-1]
    return words


def _owner(ent: Span) -> bool:
    """Whether the name owns what follows it ("Joan Rivers' doctor", "Kim's mentor"), as a possessive."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    marks = ("'", "’", "‘")
    return (
        ent.root.dep_ == "poss"
        or ent[-1].text in marks
        or (after is not None and (after.dep_ == "case" or after.text in marks))
    )


def _common(ent: Span) -> bool:
    """Whether the entity holds a common noun or a possessive: the parser took a phrase for a name."""
    return any(t.pos_ == "NOUN" or t.dep_ == "case" for t in ent)


def _mention(doc: Doc, ent: Span, role: list[Token], head: Token) -> Mention | None:
    """The role as a text value of the person; None for a courtesy title, a bare adjective or another name."""
    named = head.ent_type_ and (head.pos_ == "PROPN" or head.ent_type_ != "PERSON")  # NER takes "Founder" for a name
    if not role or head.pos_ not in _ROLE_HEADS or named or head.lemma_.lower() in _not_roles():
        return (
            None  # a bare adjective ('the late'), a name ('Anbar Provincial Council Khalaf Tarmouz'), 'her real name'
        )
    if any(t.dep_ == "neg" or t.is_quote for t in doc[role[0].i : role[-1].i + 1]):
        return None  # 'X, not her real name,'; a quoted title ('the release of "The Interview," Seth Rogen')
    if all(t.lower_.rstrip(".") in lexicon.words("honorifics") for t in role):
        return None
    text = doc.text[role[0].idx : role[-1].idx + len(role[-1])]
    name = ent.text[:-2] if ent.text.endswith(("'s", "’s")) else ent.text.rstrip("'’‘")
    value = Value(type=ValueType.TEXT, text=text, normalized=" ".join(text.lower().split()))
    start, end = min(role[0].idx, ent.start_char), max(role[-1].idx + len(role[-1]), ent.end_char)
    return Mention(start, end, "role", value, name=name, name_start=ent.start_char)
