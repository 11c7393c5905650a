"""A small shallow grammar for news sentences: tokens, clauses, verbs and noun phrases.

No statistical parser: word lists and a few positional rules that are enough to find, for a
value in a sentence, the clause it sits in, the verb that governs it and the noun phrase that
verb is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck import lexicon

_TOKEN = re.compile(
    r"\$|€|£|¥|--|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[\w'’&-]|\.(?=\w))*(?!,\d)|[–—,;:()\"“”]|[A-Za-z0-9](?:[\w'’&-]|\.(?=\w))*"
)
_ABBREV_DOT = re.compile(
    r"^(?:[A-Z](?:\.[A-Z])*|Corp|Co|Inc|Ltd|Sept|Sep|Jan|Feb|Aug|Oct|Nov|Dec|Jr|Sr|St|Gen|Adm|Sen|Rep|Dr|Mr|Mrs|Ms|a\.m|p\.m)$"
)

DETERMINERS = lexicon.exact("extract_offline_text_determiners")
PREPOSITIONS = lexicon.exact("extract_offline_text_prepositions")
AUXILIARIES = lexicon.exact("extract_offline_text_auxiliaries")
NAME_JOINERS = {"on", "of", "for"}
SUBORDINATORS = lexicon.exact("extract_offline_text_subordinators")
MODALS = lexicon.exact("extract_offline_text_modals")
PREDICATE_ADJECTIVES = lexicon.exact("extract_offline_text_predicate_adjectives")
IRREGULAR_PAST = lexicon.exact("extract_offline_text_irregular_past")
QUANTITY_VERBS = lexicon.exact("extract_offline_text_quantity_verbs")
ING_NOUNS = lexicon.exact("extract_offline_text_ing_nouns")
ED_NOT_VERBS = lexicon.exact("extract_offline_text_ed_not_verbs")
PRONOUNS = lexicon.exact("extract_offline_text_pronouns")
_SUBJECT_PRONOUNS = {"it", "they"}  # a thing or group named before; a person is resolved elsewhere
SPEECH_VERBS = lexicon.exact("extract_offline_text_speech_verbs")


@dataclass
class Token:
    """One word or punctuation mark, with offsets relative to the sentence."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Clause:
    """A run of tokens between clause boundaries; `intro` is the subordinator that opens it, if any."""

    first: int
    last: int
    intro: str | None = None
    parts: list[int] = field(default_factory=list)


def tokenize(text: str) -> list[Token]:
    """Words (keeping abbreviation dots: 'U.S.', 'Corp.') and punctuation marks."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        word = match.group(0)
        if end < len(text) and text[end] == "." and _ABBREV_DOT.match(word):
            end += 1
            word += "."
        tokens.append(Token(word, start, end))
    return tokens


def clauses(tokens: list[Token]) -> list[Clause]:
    """Split at punctuation and subordinators; a fronted phrase ('On March 6,') joins the next clause."""
    out: list[Clause] = []
    start = 0
    intro: str | None = None
    for i, tok in enumerate(tokens):
        boundary_punct = tok.text in {",", ";", "--", "–", "—", "(", ")", ":"} and not (
            tok.text == "," and _list_comma(tokens, i)
        )
        boundary_word = i > start and tok.low in SUBORDINATORS and _opens_clause(tokens, i)
        if boundary_punct or boundary_word:
            if i > start:
                out.append(Clause(start, i - 1, intro))
            start = i + 1 if boundary_punct else i
            intro = None if boundary_punct else tok.low
            if not boundary_punct:
                continue
        elif i == start and tok.low in SUBORDINATORS and _opens_clause(tokens, i):
            intro = tok.low
    if start < len(tokens):
        out.append(Clause(start, len(tokens) - 1, intro))
    merged: list[Clause] = []
    for clause in out:
        if merged and _is_fronted(tokens, merged[-1]) and merged[-1].last + 2 >= clause.first:
            prev = merged.pop()
            clause = Clause(prev.first, clause.last, prev.intro or clause.intro)
        merged.append(clause)
    return merged


def _list_comma(tokens: list[Token], i: int) -> bool:
    """A comma inside a list: 'bilateral, regional and international affairs', 'Biden, Kishida and Modi'."""
    if i == 0 or not tokens[i - 1].is_word:
        return False
    if tokens[i - 1].is_cap:
        if i + 1 >= len(tokens) or not tokens[i + 1].is_cap or tokens[i + 1].low in SUBORDINATORS:
            return False
        for k in range(i + 1, min(i + 8, len(tokens))):
            if tokens[k].low == "and":
                return k + 1 < len(tokens) and tokens[k + 1].is_cap
            if not tokens[k].is_word or is_verb(tokens, k) or (not tokens[k].is_cap and tokens[k].low not in {"of"}):
                return False
        return False
    for k in range(i + 1, min(i + 4, len(tokens))):
        if tokens[k].low in {"and", "or"}:
            return k + 1 < len(tokens) and tokens[k + 1].is_word and not tokens[k + 1].is_cap
        if not tokens[k].is_word or tokens[k].is_cap or is_verb(tokens, k):
            return False
    return False


def _opens_clause(tokens: list[Token], i: int) -> bool:
    word = tokens[i].low
    prev = tokens[i - 1].low if i else ""
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if word == "as":
        return prev not in {"such", "well", "known", "same", "so", "as"} and nxt not in {"well", "a", "an", "part"}
    if word == "that":
        return (prev not in PREPOSITIONS and nxt not in {"is", "was"}) or prev in SPEECH_VERBS
    if word in ("after", "before", "since"):
        if nxt in {"a", "an", "the", "its", "their", "his", "her"} or i + 1 >= len(tokens):
            return False
        for k in range(i + 2, min(i + 8, len(tokens))):
            if not tokens[k].is_word:
                return False
            if is_verb(tokens, k):
                return True
        return False
    return True


def _is_fronted(tokens: list[Token], clause: Clause) -> bool:
    """A short opening phrase with no verb, e.g. 'In early March' or 'On Wednesday'."""
    if clause.first != 0:
        return False
    words = tokens[clause.first : clause.last + 1]
    if words and words[0].low in {"but", "and", "also"}:
        words = words[1:]
    return (
        0 < len(words) <= 6
        and words[0].low in PREPOSITIONS | {"later", "earlier", "meanwhile", "also"}
        and not any(is_verb(tokens, k) for k in range(clause.first, clause.last + 1))
    )


def is_verb(tokens: list[Token], i: int) -> bool:
    """Heuristic: is tokens[i] a finite verb, participle or gerund in this position?"""
    tok = tokens[i]
    w = tok.low
    if not tok.is_word or (tok.is_cap and i > 0):
        return False
    prev = tokens[i - 1].low if i else ""
    if w in AUXILIARIES:
        return True
    if prev in MODALS - {"to"} and w.isalpha() and w not in DETERMINERS and w not in {"not", "also", "be"}:
        return True
    if prev == "to" and w.isalpha() and w not in DETERMINERS and w not in PRONOUNS:
        return not (i >= 2 and tokens[i - 2].low in {"according", "due", "close", "up", "next", "prior"})
    after_det = prev in DETERMINERS or (prev in PREPOSITIONS and prev != "to")
    if prev[:1].isdigit() or prev in {"million", "billion", "thousand", "trillion"}:
        return False
    nxt_tok = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if w in QUANTITY_VERBS and (
        nxt_tok[:1].isdigit()
        or nxt_tok[:1] in "$€£¥"
        or nxt_tok.lower() in {"about", "more", "nearly", "almost", "over", "some", "around"}
    ):
        return True
    if w in _DITRANSITIVE_COST and not after_det and _object_then_amount(tokens, i):
        return True  # 'the fire cost the province C$12 million': a quantity verb with an indirect object
    if (
        _before_quantity(tokens, i)
        and not after_det
        and prev.isalpha()
        and prev not in AUXILIARIES | DETERMINERS
        and w.isalpha()
        and w not in PREPOSITIONS | _NOT_QUANTITY_VERBS
    ):
        return True  # 'vessels account for roughly 90 percent', 'the fleet takes some 90 percent'
    if w in IRREGULAR_PAST:
        return not after_det or w in {"said", "met", "took", "made", "gave"}
    if w.endswith("ed") and len(w) > 4 and w not in ED_NOT_VERBS:
        return not after_det
    if w.endswith("ing") and len(w) > 5 and w not in ING_NOUNS and w.rsplit("-", 1)[-1] not in ING_NOUNS:
        return not after_det
    nxt = tokens[i + 1].low if i + 1 < len(tokens) else ""
    if (
        i > 0
        and tokens[i - 1].is_cap
        and tokens[i - 1].is_word
        and nxt in {"the", "a", "an", "their", "its"}
        and w.isalpha()
        and len(w) > 2
    ):
        return w not in PREPOSITIONS and w not in {"and", "or", "but"}
    return prev in PRONOUNS and prev not in {"his", "its", "their", "her", "our"} and w.isalpha()


_QUANTITY_OPENERS = lexicon.exact("extract_offline_text_quantity_openers")
_NOT_QUANTITY_VERBS = lexicon.exact("extract_offline_text_not_quantity_verbs")


_DITRANSITIVE_COST = lexicon.exact("extract_offline_text_ditransitive_cost")


def _object_then_amount(tokens: list[Token], i: int) -> bool:
    """Is tokens[i] followed by a short noun phrase and then an amount ('cost British Columbia C$91 million')?"""
    for k in range(i + 1, min(i + 7, len(tokens))):
        text = tokens[k].text
        if text[:1].isdigit() or text[:1] in "$€£¥" or tokens[k].low in _QUANTITY_OPENERS - {"up"}:
            return k > i + 1
        if not tokens[k].is_word or tokens[k].low in PREPOSITIONS | {"and", "or", "but"}:
            return False
    return False


def _before_quantity(tokens: list[Token], i: int) -> bool:
    """Is tokens[i] followed by an amount ('90', 'some 90', '$5', 'for roughly 90')?"""
    k = i + 1
    if k < len(tokens) and tokens[k].low in {"for", "to"}:
        k += 1
    if k >= len(tokens):
        return False
    nxt = tokens[k].text
    return (
        nxt[:1].isdigit()
        or nxt[:1] in "$€£¥"
        or (tokens[k].low in _QUANTITY_OPENERS and k + 1 < len(tokens) and tokens[k + 1].text[:1].isdigit())
    )


def verb_before(tokens: list[Token], first: int, index: int) -> int | None:
    """The nearest verb token before index, not before token `first`."""
    for k in range(index - 1, first - 1, -1):
        if is_verb(tokens, k):
            return k
    return None


def verb_chain_start(tokens: list[Token], k: int, first: int) -> int:
    """Walk back over a verb group: 'are arranging to hold' -> index of 'are'."""
    while k > first:
        prev = tokens[k - 1]
        if (
            prev.low == "to"
            or prev.low in PREDICATE_ADJECTIVES
            or is_verb(tokens, k - 1)
            or (prev.low.endswith("ly") and prev.low not in {"only", "italy"})
            or prev.low in {"not", "also", "last", "first", "just", "already", "still", "effectively", "recently"}
        ):
            k -= 1
            continue
        break
    return k


def name_joiner(tokens: list[Token], k: int) -> bool:
    """A lower-case word inside a multi-word name: 'Committee on Fisheries', 'Bank of England', 'Court of Justice'."""
    if tokens[k].low not in NAME_JOINERS or k == 0 or k + 1 >= len(tokens):
        return False
    before, after = tokens[k - 1], tokens[k + 1]
    month_or_day = re.compile(
        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?$"
    )
    return (
        before.is_cap
        and after.is_cap
        and before.is_word
        and after.is_word
        and not month_or_day.match(after.text)
        and not month_or_day.match(before.text)
    )


def np_before(tokens: list[Token], end: int, first: int) -> tuple[int, int] | None:
    """The noun phrase ending just before token `end`: back to a verb, a boundary or a preposition."""
    k = end - 1
    while k >= first and (
        (tokens[k].low.endswith("ly") and not tokens[k].is_cap)
        or tokens[k].low in {"also", "not", "still", "meanwhile"}
    ):
        k -= 1
    last = k
    if last >= first and tokens[last].low in _SUBJECT_PRONOUNS:
        return (last, last)  # a pronoun takes no modifiers: 'on Monday and it approved' -> 'it'
    while k >= first:
        tok = tokens[k]
        if not tok.is_word or is_verb(tokens, k) or (tok.low in SUBORDINATORS and tok.low != "as"):
            break
        if tok.low in PREPOSITIONS and tok.low != "of" and k < last and not name_joiner(tokens, k):
            break
        k -= 1
    start = k + 1
    while start <= last and tokens[start].low in PREPOSITIONS:
        start += 1
    return (start, last) if start <= last else None


def np_after(tokens: list[Token], begin: int, last: int) -> tuple[int, int] | None:
    """The noun phrase starting at token `begin`: up to a verb, a boundary or a preposition other than 'of'."""
    k = begin
    while k <= last and tokens[k].low in PREPOSITIONS:
        k += 1
    start = k
    while k <= last:
        tok = tokens[k]
        if (
            not tok.is_word
            or (k > start and is_verb(tokens, k))
            or (tok.low in PREPOSITIONS and tok.low not in {"of"} and k > start and not name_joiner(tokens, k))
        ):
            break
        k += 1
    return (start, k - 1) if k - 1 >= start else None
