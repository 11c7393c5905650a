"""Who holds a post, told as two names: 'Chief executive Daniel Frears' / 'Chief executive Margaret Oyelaran'.

A role claim says what a named person is ('Daniel Frears · role: Chief executive'). Two outlets that give one
post to two people never meet that way: their subjects are two names. When sources disagree on who holds a
post, alignment reads each role claim of that post the other way round, as the post held by the name
('chief executive · held by: Daniel Frears'), so the names are compared as one fact's values.

A post is read from a role claim (lexicon `role_attributes`) whose value ends in an office noun (`office_nouns`)
that is not a duty many hold at once (`duty_offices`: a spokesman, an adviser), and names it in two words or
more ('chief executive', 'health minister') or by an office one person holds alone (`sole_offices`: mayor,
president). Its owner is what the value or the words just before it in the quote name ('the council's chief
executive', 'Fennick's', 'Japanese Foreign Minister'); two posts are one when their words match and their
owners match, or one has no owner and the other's is no name. Left alone:
- a holder named in one word, or a subject the quote does not write as a name;
- a post told with a word of another time or rank (`past_holder_words`: 'former', 'at the time', 'deputy');
- a post one article gives to two people, or rivals an article names both (two organisations' posts);
- rivals told more than a month apart (the post may have changed hands);
- a post every source gives to one person (then the role claims stay as they are).
The claim keeps its id and quote.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

from factcheck import lexicon
from factcheck.extract.entities import fold_accents
from factcheck.models import Claim, Source, Value, ValueType
from factcheck.values.kinds import one_kind
from factcheck.values.text import slug

HELD_BY = "held by"
MAX_DAYS = 31  # rival holders told further apart than this may be one post changing hands
SPELT = 5  # two words longer than this that share this many first letters are one word spelt two ways
_LEADS = {"the", "a", "an", "its", "his", "her", "their", "our"}
_WORD = r"[^\W\d_][\w'\u2019-]*"


def post_of(claim: Claim) -> tuple[str, str] | None:
    """(the post's words, its owner's words) of a role claim naming a post one person holds; else None."""
    if " ".join(claim.attribute.lower().split()) not in lexicon.words("role_attributes"):
        return None
    if claim.value.type not in (ValueType.TEXT, ValueType.ENTITY) or not _full_name(claim):
        return None
    said = [fold_accents(w).lower() for w in re.findall(_WORD, claim.value.text)]
    if not said or set(said) & lexicon.words("past_holder_words"):
        return None
    owner: list[str] = []
    for n, word in enumerate(said):
        if word.endswith(("'s", "\u2019s")):
            owner, said = [re.sub("['\u2019]s$", "", w) for w in said[: n + 1]], said[n + 1 :]
            break
    ends = [n for n, w in enumerate(said) if w in lexicon.words("office_ends")]
    of_owner = bool(ends) and said[ends[0]] == "of" and ends[0] + 1 < len(said)  # 'head of the Gaza civil defense'
    if ends:
        owner, said = owner + said[ends[0] + 1 :], said[: ends[0]]
    said = [w for w in said if w not in _LEADS]
    owner = [w for w in owner if w not in _LEADS]
    offices = lexicon.words("office_nouns") | (lexicon.words("owned_offices") if of_owner else frozenset())
    if not said or said[-1] not in offices or said[-1] in lexicon.words("duty_offices"):
        return None
    if len(said) < 2 and said[-1] not in lexicon.words("sole_offices") and not of_owner:
        return None
    return " ".join(said), " ".join(owner + _named_before(claim))


def _full_name(claim: Claim) -> bool:
    """Whether the subject is a person's full name the quote writes: two words or more, each capitalised and in
    the quote ('Ivor Claypole', also where the quote opens with it)."""
    said = re.findall(_WORD, claim.subject)
    return len(said) >= 2 and all(w[:1].isupper() and re.search(rf"\b{re.escape(w)}\b", claim.quote) for w in said)


def _named_before(claim: Claim) -> list[str]:
    """Capitalised words written just before the role in the quote ('Japanese Foreign Minister'), folded."""
    at = claim.quote.lower().find(claim.value.text.lower())
    if at <= 0 or claim.quote[:at].rstrip().endswith(","):
        return []  # 'Mohamed Abu Shamallah, head of ...': the holder's own name, not the owner's
    before = re.findall(_WORD, claim.quote[:at])[-3:]
    out: list[str] = []
    for word in reversed(before):
        if not word[:1].isupper() or word.lower() in _LEADS:
            break
        out.insert(0, re.sub("['\u2019]s$", "", fold_accents(word).lower()))
    return out


def _one_post(a: tuple[str, str], b: tuple[str, str], named: dict[str, bool]) -> bool:
    """Whether two (post, owner) pairs are one post: the same words or one office WordNet names in two words ('head'
    / 'chief'), and owners alike (one's words all the other's, spelt alike: 'Gaza civil defense' / 'civil defence
    agency in Gaza') or one unnamed."""
    one_word = " " not in a[0] and " " not in b[0]
    if a[0] != b[0] and not (one_word and one_kind(a[0], b[0])):
        return False
    if a[1] == b[1] or (a[1] and b[1] and _owners_alike(a[1], b[1])):
        return True
    return not (a[1] and b[1]) and not named[a[1] or b[1]]


def _owners_alike(a: str, b: str) -> bool:
    """Whether each word of the shorter owner is a word of the longer one, or spelt alike (its first SPELT letters)."""
    short, long = sorted((a.split(), b.split()), key=len)
    return all(any(w == v or (min(len(w), len(v)) > SPELT and w[:SPELT] == v[:SPELT]) for v in long) for w in short)


def held_posts(claims: Sequence[Claim], sources: Mapping[str, Source] | None = None) -> list[Claim]:
    """Every claim, the role claims of a post that sources give to different people turned to 'held by'."""
    posts: dict[str, tuple[str, str]] = {}
    named: dict[str, bool] = {}
    for claim in claims:
        if (post := post_of(claim)) is not None:
            posts[claim.id] = post
            named[post[1]] = _owner_named(claim, post[1])
    if len(posts) < 2:
        return list(claims)
    by_id = {c.id: c for c in claims}
    texts = _texts(claims, sources)
    turn: dict[str, tuple[str, str]] = {}
    weighed: dict[frozenset[str], bool] = {}
    for cid, post in posts.items():
        same = frozenset(other for other, p in posts.items() if _one_post(post, p, named))
        if same not in weighed:
            weighed[same] = _rivals([by_id[other] for other in sorted(same)], texts, sources or {})
        if weighed[same]:
            turn[cid] = min(posts[other] for other in same)  # one wording of the post keys all its claims
    return [_held(c, turn[c.id], named) if c.id in turn else c for c in claims]


def _rivals(same: Sequence[Claim], texts: Mapping[str, str], sources: Mapping[str, Source]) -> bool:
    """Whether the role claims of one post name rival holders: each article one holder, two or more in all, no
    article naming two of them, all told within MAX_DAYS of each other (a post changes hands over years)."""
    holders: dict[str, set[str]] = defaultdict(set)
    for claim in same:
        holders[claim.source_id].add(slug(claim.subject_key) or slug(claim.subject))
    everyone = set().union(*holders.values())
    if len(everyone) < 2 or any(len(h) > 1 for h in holders.values()):
        return False
    surnames = {h.rsplit("_", 1)[-1] for h in everyone}
    if any(sum(re.search(rf"\b{re.escape(n)}\b", text) is not None for n in surnames) > 1 for text in texts.values()):
        return False  # an article that names both knows them as two people: two posts
    dates = [d for sid in holders if (source := sources.get(sid)) is not None and (d := source.published)]
    return not dates or (max(dates) - min(dates)).days <= MAX_DAYS


def _texts(claims: Sequence[Claim], sources: Mapping[str, Source] | None) -> dict[str, str]:
    """Each article's text, folded and lower-cased: its own, else its claims' quotes."""
    out: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        source = (sources or {}).get(claim.source_id)
        if source is None or not source.text:
            out[claim.source_id].append(claim.quote)
    for sid, source in (sources or {}).items():
        out[sid] = [source.text or "", *out.get(sid, [])]
    return {sid: fold_accents(" ".join(parts)).lower().replace("_", " ") for sid, parts in out.items()}


def _owner_named(claim: Claim, owner: str) -> bool:
    """Whether the owner is a name: one of its words is written capitalised in the quote or the value."""
    text = f"{claim.value.text} {claim.quote}"
    return any(re.search(rf"\b{re.escape(w[:1].upper() + w[1:])}", text) for w in owner.split())


def _held(claim: Claim, post: tuple[str, str], named: Mapping[str, bool]) -> Claim:
    """The role claim told as the post held by its subject, keyed by the post and an owner that is a name (two
    companies' chief executives are two posts; 'the council's' and a bare post are the story's one)."""
    subject = " ".join(w for w in (post[1], post[0]) if w)
    key = slug(f"{post[1]} {post[0]}" if named.get(post[1]) else post[0])
    value = Value(type=ValueType.ENTITY, text=claim.subject, normalized=slug(claim.subject_key) or slug(claim.subject))
    return claim.model_copy(update={"subject": subject, "subject_key": key, "attribute": HELD_BY, "value": value})
