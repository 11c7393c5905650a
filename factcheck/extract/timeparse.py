"""Time expressions: find them in text and resolve relative ones against a publication date.

Rules follow news usage: a bare weekday after a past-tense verb ("said Monday") is the most
recent such day on or before the publication date; with a future cue ("are to meet on Sunday")
it is the next such day on or after it. A month or day without a year takes the year that puts
it nearest the anchor, consistent with tense.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Literal

from factcheck import lexicon
from factcheck.extract.datetense import sentence_tense
from factcheck.extract.periods import (
    Tense,
    at_granularity,
    day_period,
    figures_date,
    figures_readings,
    month_day,
    month_period,
    part_month,
    part_of,
    rel_period,
    rel_unit,
    share_of_year,
    shift,
    weekday_period,
    yearless_month,
)
from factcheck.models import Granularity, Period
from factcheck.values.opendates import open_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

MONTHS: dict[str, int] = lexicon.table("months")
WEEKDAYS: dict[str, int] = lexicon.table("weekdays")
NUMBER_WORDS: dict[str, int] = lexicon.table("number_words")
QUALIFIERS: dict[str, str] = lexicon.qualifiers()

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?=\s+(?:[0-3]?\d(?:st|nd|rd|th)?|1[6-9]\d\d|20\d\d)\b))"  # 'Sep 30', 'Jan 2014'
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_YEAR_FORM = re.compile(_YEAR)


def year_form(text: str) -> bool:
    """Whether a figure as written is a year ('2013', '1998'): four digits from 1600 to 2099."""
    return _YEAR_FORM.fullmatch(text) is not None


NUMBER = (
    r"(?:\d+(?:\.\d+)?|" + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)) + r"|an?)"
)
_QUAL = r"(?:(?:" + lexicon.qualifier_pattern() + r")\s+)?"
_UNIT = r"(?:years?|months?|weeks?|days?|decades?|hours?|centuries|century)"
_PART = r"(?:early|mid|late|the (?:beginning|start|middle|end) of)"
ORDINALS: dict[str, int] = lexicon.table("ordinals")
# A quarter or half of a year ('the second quarter of 2015', 'first-half 2016', 'Q2 2015', 'H1 2016'): read only
# with its year, since a quarter alone may be a game's ('scored twice in the first quarter').
_SHARE = r"(?P<n>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<share>quarter|half)"
_SHARE_OF = r"(?:\s+(?:of|in))?\s+"  # not 'of fiscal 2016': a company's fiscal quarters are not the calendar's
_LEX = r"(?<![\w-])"
_REX = r"(?![\w-])"

_FIGURES = re.compile(r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>" + _YEAR + r"|\d\d)")
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(_LEX + r"(?P<y>" + _YEAR + r")-(?P<m>\d\d)-(?P<d>\d\d)" + _REX)),
    ("figures", re.compile(_LEX + _FIGURES.pattern + r"(?![\w/-])")),
    (
        "year_range",
        re.compile(
            _LEX
            + r"(?:(?:from|between)\s+)?(?P<y1>"
            + _YEAR
            + r")\s*(?:-|–|—|to|and|until)\s*(?P<y2>"
            + _YEAR
            + r")"
            + _REX
        ),
    ),
    (
        "month_day",
        re.compile(
            r"\b(?P<mon>" + _MONTH + r")\s?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>" + _YEAR + r"))?" + _REX
        ),
    ),
    (
        "day_month",
        re.compile(
            _LEX + r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mon>" + _MONTH + r")(?:,?\s+(?P<y>" + _YEAR + r"))?" + _REX
        ),
    ),
    (
        "part_month",
        re.compile(
            r"\b(?P<part>" + _PART + r")[\s-]+(?P<mon>" + _MONTH + r")(?:,?\s+(?P<y>" + _YEAR + r"))?" + _REX, re.I
        ),
    ),
    ("month_year", re.compile(r"\b(?P<mon>" + _MONTH + r"),?\s+(?P<y>" + _YEAR + r")" + _REX)),
    ("part_year", re.compile(r"\b(?P<part>" + _PART + r")[\s-]+(?P<y>" + _YEAR + r")" + _REX, re.I)),
    ("share_year", re.compile(r"\b(?:the\s+)?" + _SHARE + _SHARE_OF + r"(?P<y>" + _YEAR + r")" + _REX, re.I)),
    (
        "share_year",
        re.compile(r"\b(?:the\s+)?" + _SHARE + _SHARE_OF + r"(?P<rel>this|next|last|the)\s+year\b(?!['’]s)", re.I),
    ),
    ("share_code", re.compile(_LEX + r"(?P<code>[QH][1-4])(?:\s+of)?\s+(?P<y>" + _YEAR + r")" + _REX)),
    ("share_code", re.compile(_LEX + r"(?P<y>" + _YEAR + r")\s+(?P<code>[QH][1-4])" + _REX)),
    (
        "month",
        re.compile(
            r"(?:(?<=\bin )|(?<=\bsince )|(?<=\bby )|(?<=\buntil )|(?<=\bthis )|(?<=\blast )|(?<=\bnext )|(?<=\bIn )|(?<=\bfor ))"
            r"(?P<mon>" + _MONTH + r")" + _REX
        ),
    ),
    ("decade", re.compile(r"\b(?:the\s+)?(?:(?P<dpart>early|mid|late)[\s-]+)?(?P<y>1[6-9]\d0|20\d0)s\b", re.I)),
    ("rel_weekday", re.compile(r"\b(?P<rel>last|next|this|past|coming)\s+(?P<wd>" + _WEEKDAY + r")\b", re.I)),
    ("weekday", re.compile(r"\b(?P<wd>" + _WEEKDAY + r")(?='s\b|\b)")),
    ("rel_period", re.compile(r"\b(?P<mod>later|earlier)\s+this\s+(?P<unit>week|month|year)\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<rel>last|next|this|past|previous|coming)\s+(?P<unit>week|month|year)\b", re.I)),
    ("ago", re.compile(_LEX + r"(?P<n>" + NUMBER + r")\s+(?P<unit>" + _UNIT + r")\s+ago\b", re.I)),
    ("day_word", re.compile(r"\b(?P<w>today|yesterday|tomorrow)\b", re.I)),
    (
        "duration",
        re.compile(
            _LEX
            + r"(?P<q>"
            + _QUAL
            + r")(?P<n>"
            + NUMBER
            + r")\s+(?P<unit>"
            + _UNIT
            + r")(?![\s-]+(?:ago|old|later|earlier))"
            + _REX,
            re.I,
        ),
    ),
    ("year", re.compile(_LEX + r"(?P<y>" + _YEAR + r")(?![\w-]|\s*(?:-|–)\s*\d)")),
]

# A yearless month or day inside a sentence that names its year ("held three rounds last year: the
# first in May ...", "In 2019, talks began on March 5") takes that year instead of one guessed from tense.
_YEARLESS = {"month_day", "day_month", "part_month", "month"}
# Expressions placed in time only by the publication date: without one they are kept as written, time open.
_ANCHORED = _YEARLESS | {"rel_weekday", "weekday", "rel_period", "rel_unit", "ago", "day_word", "share_year"}
_YEAR_FRAME = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?:early\s+|late\s+|mid-?)?(?P<y>" + _YEAR + r")(?![\w-]|\s*(?:-|–)\s*\d)"
)
_REL_YEAR = re.compile(r"\b(?P<rel>last|next|this|past|previous|coming)\s+year\b(?!['’]s)", re.I)
_REL_STEP = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}


@dataclass(frozen=True)
class TimeMention:
    """One time expression found in text: a point/period, or a duration."""

    start: int
    end: int
    text: str
    kind: Literal["point", "duration", "open"]
    period: Period | None
    amount: float | None = None
    unit: str | None = None
    qualifier: str | None = None


def resolve_time(expression: str, anchor: date | None, tense: Tense | None = None) -> Period | None:
    """Resolve one time expression (e.g. 'next month', 'March 16', '1910-1945') to a Period."""
    text = expression.strip()
    for mention in scan(text, anchor, tense=tense, infer_tense=False):
        if mention.start == 0 and mention.end >= len(text.rstrip(".,;")) - 2:
            return mention.period
    for mention in scan(text, anchor, tense=tense, infer_tense=False):
        return mention.period
    if not text.lower().startswith("in "):
        return resolve_time("in " + text, anchor, tense)
    return None


def written_in_figures(text: str) -> list[date]:
    """The days a date written in figures may be ('1/12/14': 2014-01-12 and 2014-12-01); [] for any other text."""
    match = _FIGURES.fullmatch(text.strip())
    return figures_readings(int(match["a"]), int(match["b"]), match["y"]) if match else []


def find_times(text: str, anchor: date | None) -> list[tuple[int, int, Period]]:
    """Every resolvable time expression in text as (start, end, period), offsets relative to text."""
    return [(m.start, m.end, m.period) for m in scan(text, anchor) if m.period is not None]


def scan(
    text: str,
    anchor: date | None,
    tense: Tense | None = None,
    infer_tense: bool = True,
    doc: Doc | None = None,
    offset: int = 0,
) -> list[TimeMention]:
    """Find time expressions, longest first and without overlaps, in text order. A date without a year takes the
    tense of the verb governing it in the parse (`doc` when given: the parse of a sentence holding text at
    `offset`), unless `tense` is given or `infer_tense` is off."""
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    weekdays: list[TimeMention] = []
    frames = year_frames(text, anchor)
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < b and a < end for a, b in taken):
                continue
            frame_year = (
                _frame_year(frames, start, end) if kind in _YEARLESS and not match.groupdict().get("y") else None
            )
            use_tense = tense
            if tense is None and infer_tense and anchor is not None and frame_year is None and _tensed(kind, match):
                use_tense = sentence_tense(text, start, end, doc, offset)
            mention = _build(kind, match, anchor if frame_year is None else None, use_tense, frame_year)
            if mention is None:
                continue
            taken.append((mention.start, mention.end))
            found.append(mention)
            if kind in ("weekday", "rel_weekday"):
                weekdays.append(mention)
    found = [m for m in found if not (m in weekdays and _beside_its_date(text, m, found))]
    return sorted(found, key=lambda m: m.start)


_BESIDE = re.compile(r"[\s,]*(?:the\s+)?")


def _beside_its_date(text: str, weekday: TimeMention, found: list[TimeMention]) -> bool:
    """Whether a weekday is written beside a calendar day ('Saturday, April 6', 'on April 6, a Saturday'): that day
    is meant, and the weekday alone would resolve to another week."""
    days = [m for m in found if m is not weekday and m.period is not None and m.period.granularity == Granularity.DAY]
    gaps = [text[weekday.end : m.start] if m.start >= weekday.end else text[m.end : weekday.start] for m in days]
    return any(_BESIDE.fullmatch(gap) for gap in gaps)


def _tensed(kind: str, match: re.Match[str]) -> bool:
    """Whether the expression's date depends on tense: a month or day without a year, a bare weekday."""
    g = match.groupdict()
    return (kind in _YEARLESS and not g.get("y")) or (kind == "weekday")


def year_frames(text: str, anchor: date | None) -> list[tuple[int, int, int]]:
    """Explicit year scopes of a sentence as (start, end, year): 'in 2019', 'during 2020', 'last year'."""
    frames = [(m.start(), m.end(), int(m.group("y"))) for m in _YEAR_FRAME.finditer(text)]
    if anchor is not None:
        for m in _REL_YEAR.finditer(text):
            frames.append((m.start(), m.end(), anchor.year + _REL_STEP[m.group("rel").lower()]))
    return sorted(frames)


def _frame_year(frames: list[tuple[int, int, int]], start: int, end: int) -> int | None:
    """The year a yearless month or day takes from its sentence: the nearest scope before it, else after it."""
    before = [y for a, b, y in frames if b <= start]
    if before:
        return before[-1]
    after = [y for a, b, y in frames if a >= end]
    return after[0] if after else None


def _build(  # noqa: C901 - one branch per kind of time expression  # long: one branch per kind of time expression, in the order the scanner names them
    kind: str, match: re.Match[str], anchor: date | None, tense: Tense | None, frame_year: int | None = None
) -> TimeMention | None:
    g = match.groupdict()
    if frame_year is not None:
        g = {**g, "y": str(frame_year)}
        if kind == "month":
            kind = "month_year"
    start, end = match.span()
    text = match.group(0)
    period: Period | None = None
    if kind == "duration":
        amount = number_value(g["n"])
        if amount is None:
            return None
        unit = _unit(g["unit"])
        qual = QUALIFIERS.get(" ".join(g["q"].lower().split())) if g["q"] else None
        if anchor is not None:
            period = Period(start=shift(anchor, unit, -amount), end=anchor, granularity=Granularity.RANGE, text=text)
        return TimeMention(start, end, text, "duration", period, amount, unit, qual)
    if kind == "iso":
        period = day_period(date(int(g["y"]), int(g["m"]), int(g["d"])))
    elif kind == "figures":
        period = figures_date(int(g["a"]), int(g["b"]), g["y"])
    elif kind == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 <= y1:
            return None
        period = Period(start=date(y1, 1, 1), end=date(y2, 12, 31), granularity=Granularity.RANGE)
    elif kind in ("month_day", "day_month"):
        period = month_day(_month(g["mon"]), int(g["d"]), g.get("y"), anchor, tense)
    elif kind == "part_month":
        period = part_month(g["part"], _month(g["mon"]), g.get("y"), anchor, tense)
    elif kind == "month_year":
        period = month_period(int(g["y"]), _month(g["mon"]))
    elif kind == "part_year":
        period = part_of(g["part"], date(int(g["y"]), 1, 1), date(int(g["y"]), 12, 31))
    elif kind in ("share_year", "share_code"):
        period = _share(g, anchor)
    elif kind == "month":
        period = yearless_month(_month(g["mon"]), anchor, tense)
    elif kind == "decade":
        y = int(g["y"])
        first, last = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get((g.get("dpart") or "").lower(), (0, 9))
        period = Period(start=date(y + first, 1, 1), end=date(y + last, 12, 31), granularity=Granularity.RANGE)
    elif kind == "year":
        y = int(g["y"])
        period = Period(start=date(y, 1, 1), end=date(y, 12, 31), granularity=Granularity.YEAR)
    elif kind in ("rel_weekday", "weekday"):
        period = weekday_period(WEEKDAYS[g["wd"].lower()], (g.get("rel") or "").lower(), anchor, tense)
    elif kind == "rel_period":
        period = rel_period(g["mod"].lower(), g["unit"].lower(), anchor)
    elif kind == "rel_unit":
        period = rel_unit(g["rel"].lower(), g["unit"].lower(), anchor)
    elif kind == "ago":
        amount = number_value(g["n"])
        if anchor is not None and amount is not None:
            unit = _unit(g["unit"])
            when = shift(anchor, unit, -amount)
            period = day_period(when) if unit in ("days", "hours") else at_granularity(when, unit)
    elif kind == "day_word":
        if anchor is not None:
            period = day_period(anchor + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[g["w"].lower()]))
    if period is None:
        open_time = anchor is None and kind in _ANCHORED and not g.get("y")
        return TimeMention(start, end, text, "open", None) if open_time else None
    return TimeMention(start, end, text, "point", period.model_copy(update={"text": text}))


def _share(g: dict[str, str | None], anchor: date | None) -> Period | None:
    """A quarter or half of a year ('the second quarter of 2015', 'Q2 2015'); 'this year' needs the anchor."""
    code = str(g.get("code") or "").upper()
    share = ("quarter" if code[:1] == "Q" else "half") if code else str(g["share"]).lower()
    word = code[1:] or str(g["n"]).lower()
    last = word in ("final", "last")
    n = (4 if share == "quarter" else 2) if last else int(word[0]) if word[0].isdigit() else ORDINALS.get(word, 0)
    if g.get("y"):
        return share_of_year(share, int(n), int(str(g["y"])))
    if anchor is not None:
        return share_of_year(share, int(n), anchor.year + _REL_STEP.get(str(g.get("rel")).lower(), 0))
    return None


def open_key(text: str) -> str:
    """The normal form of a date left open (an undated article's 'on Friday'): its words as written, a day's
    ordinal ending aside ('April 16th' is 'april 16')."""
    return "open: " + open_words(re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", text.lower()))


def iso(period: Period) -> str:
    """Canonical string of a period: '2023-03-16', '2018-03', '2018', '2023-W10' or 'start/end'."""
    s, e = period.start, period.end
    if period.granularity == Granularity.DAY:
        return s.isoformat()
    if period.granularity == Granularity.MONTH:
        return f"{s.year:04d}-{s.month:02d}"
    if period.granularity == Granularity.YEAR:
        return f"{s.year:04d}"
    if period.granularity == Granularity.WEEK:
        year, week, _ = s.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if s == date(s.year, 1, 1) and e == date(e.year, 12, 31):
        return f"{s.year:04d}/{e.year:04d}"
    if s.day == 1 and (e + timedelta(days=1)).day == 1:  # whole months: 'late 2014' is 2014-09/2014-12
        return f"{s.year:04d}-{s.month:02d}/{e.year:04d}-{e.month:02d}"
    return f"{s.isoformat()}/{e.isoformat()}"


def number_value(word: str) -> float | None:
    """A number written in figures or words ('12', 'twelve', 'a'), or None."""
    w = word.lower()
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    try:
        return float(w)
    except ValueError:
        return None


def _unit(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "centuries"
    return w if w.endswith("s") else w + "s"


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]
