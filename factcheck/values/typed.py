"""Compare two values by type: dates at any granularity, quantities with tolerance, names through aliases."""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Sequence
from datetime import date, timedelta

from factcheck import lexicon
from factcheck.models import Granularity, Period, Value, ValueType
from factcheck.values.clock import clock_verdict, holds_clock_time
from factcheck.values.names import compare_names, untitled
from factcheck.values.opendates import compare_open
from factcheck.values.ranges import AMOUNT, decade_range, stated_range
from factcheck.values.rounding import Interval, half_digit, rounded, widened
from factcheck.values.text import content_tokens, nested_noun, slug
from factcheck.values.verdict import Verdict

INF = math.inf


TYPE_GROUP = {
    ValueType.DATE: "date",
    ValueType.NUMBER: "quantity",
    ValueType.ORDINAL: "quantity",
    ValueType.MONEY: "money",
    ValueType.ENTITY: "name",
    ValueType.TEXT: "name",
    ValueType.STANCE: "stance",
}

# Days per time unit, so "five years" and "60 months" compare; other units must match as written.
TIME_UNITS = {"year": 365.25, "month": 365.25 / 12, "week": 7.0, "day": 1.0, "hour": 1 / 24, "decade": 3652.5}
SCALES = {word: float(size) for word, size in lexicon.table("scales").items() if word not in {"hundred", "dozen"}} | {
    "b": 1e9
}
_MANTISSA = re.compile(
    r"(\d[\d,]*(?:\.(\d+))?)\s*-?\s*(" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_MONEY = re.compile(r"^([A-Z]{3})\s+(-?[\d.]+)$")
ROUND_SHARE = 0.01  # the share of its amount a round figure allows either side
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_ISO_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def value_group(value: Value) -> str:
    """The group of values a value compares with: its type's, but a time of day told as text is a date."""
    return "date" if value.type == ValueType.TEXT and holds_clock_time(value) else TYPE_GROUP[value.type]


def compare(a: Value, b: Value) -> Verdict:
    """Whether two values of one slot say the same thing, differ, or cannot be told apart."""
    group_a, group_b = TYPE_GROUP[a.type], TYPE_GROUP[b.type]
    clock = clock_verdict(a, b)  # 'around 4.30am' / 'shortly before 2am on Monday': a time of day, as text or date
    if clock is not None and (clock == Verdict.DISAGREE or group_a != group_b):
        return clock
    if group_a != group_b:
        return Verdict.UNKNOWN
    if group_a == "date":
        return compare_dates(a, b)
    if (a.type == ValueType.ORDINAL) != (b.type == ValueType.ORDINAL):
        same = amount_of(a) is not None and amount_of(a) == amount_of(b)  # 'fifth' / '5'
        return Verdict.AGREE if same else Verdict.UNKNOWN  # a rank and another count do not conflict
    if group_a in ("quantity", "money"):
        return compare_quantities(a, b)
    if group_a == "stance":
        return Verdict.AGREE if a.normalized == b.normalized else Verdict.DISAGREE  # asserted / denied
    return compare_names(a, b)


# ---- dates ---------------------------------------------------------------------------------------


def parse_period(normalized: str) -> Period | None:
    """Read an ISO date, month, year, week, quarter or 'A/B' range into a Period."""
    text = normalized.strip()
    if "/" in text:
        left, _, right = text.partition("/")
        a, b = parse_period(left), parse_period(right)
        if a is None or b is None or b.end < a.start:
            return None
        return Period(start=a.start, end=b.end, granularity=Granularity.RANGE, text=normalized)
    try:
        if m := _ISO_DAY.match(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return Period(start=day, end=day, granularity=Granularity.DAY, text=normalized)
        if m := _ISO_MONTH.match(text):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return Period(
                start=date(year, month, 1), end=date(year, month, last), granularity=Granularity.MONTH, text=normalized
            )
        if m := _ISO_YEAR.match(text):
            year = int(m[1])
            return Period(start=date(year, 1, 1), end=date(year, 12, 31), granularity=Granularity.YEAR, text=normalized)
        if m := _ISO_WEEK.match(text):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return Period(start=monday, end=monday + timedelta(days=6), granularity=Granularity.WEEK, text=normalized)
        if m := _ISO_QUARTER.match(text):
            year, q = int(m[1]), int(m[2])
            last = calendar.monthrange(year, 3 * q)[1]
            return Period(
                start=date(year, 3 * q - 2, 1),
                end=date(year, 3 * q, last),
                granularity=Granularity.RANGE,
                text=normalized,
            )
    except ValueError:
        return None
    return None


def value_period(value: Value) -> Period | None:
    """The absolute period of a date value, narrowed or opened by its qualifier."""
    period = value.period or parse_period(value.normalized)
    if period is None:
        return None
    qualifier = (value.qualifier or "").lower().replace(" ", "_")
    words = set(re.findall(r"[a-z]+", value.text.lower())) | {qualifier}
    span = (period.end - period.start).days + 1
    coarse = period.granularity in (Granularity.MONTH, Granularity.YEAR)
    if coarse and words & {"early", "mid", "late"}:  # a range already narrowed ('2023-03-01/2023-03-10') is kept
        third = span // 3
        if "early" in words:
            return period.model_copy(update={"end": period.start + timedelta(days=third - 1)})
        if "late" in words:
            return period.model_copy(update={"start": period.end - timedelta(days=third - 1)})
        return period.model_copy(
            update={"start": period.start + timedelta(days=third), "end": period.end - timedelta(days=third)}
        )
    if qualifier in ("before", "less_than") and period.start > date.min:
        return period.model_copy(update={"start": date.min, "end": period.start - timedelta(days=1)})
    if qualifier in ("after", "more_than") and period.end < date.max:
        return period.model_copy(update={"start": period.end + timedelta(days=1), "end": date.max})
    if qualifier in ("by", "at_most"):
        return period.model_copy(update={"start": date.min})
    if qualifier in ("since", "at_least"):
        return period.model_copy(update={"end": date.max})
    return period


def compare_dates(a: Value, b: Value) -> Verdict:
    """Dates agree when one period contains the other ('March 2018' and '2018-03-06'); two spans of
    years or months agree only end for end ('1910-1945' is not '1905-1945')."""
    opened = compare_open(a, b)  # an undated article's 'September' (opendates.py)
    if opened is not None:
        return opened
    pa, pb = value_period(a), value_period(b)
    if pa is None or pb is None:
        return Verdict.AGREE if slug(a.normalized) == slug(b.normalized) else Verdict.UNKNOWN
    if _is_span(a.normalized) and _is_span(b.normalized):
        ends_a, ends_b = _range_ends(a.normalized, pa), _range_ends(b.normalized, pb)
        same = all(x.contains(y) or y.contains(x) for x, y in zip(ends_a, ends_b, strict=True))
        return Verdict.AGREE if same else Verdict.DISAGREE
    if pa.contains(pb) or pb.contains(pa):
        return Verdict.AGREE
    return Verdict.DISAGREE


def _is_span(normalized: str) -> bool:
    """'1910/1945' or '2019-05/2020-02' is a span with two ends; '2023-03-01/2023-03-10' is a vague day."""
    if "/" not in normalized:
        return False
    ends = [parse_period(part) for part in normalized.split("/", 1)]
    return all(p is not None and p.granularity in (Granularity.YEAR, Granularity.MONTH) for p in ends)


def _range_ends(normalized: str, period: Period) -> tuple[Period, Period]:
    """The two ends of a range, each at the precision it was written."""
    left, _, right = normalized.partition("/")
    start, end = parse_period(left), parse_period(right)
    if start is None or end is None:
        start = Period(start=period.start, end=period.start, granularity=Granularity.DAY)
        end = Period(start=period.end, end=period.end, granularity=Granularity.DAY)
    return start, end


# ---- numbers, durations, money, ordinals -----------------------------------------------------------


def unit_of(value: Value) -> str | None:
    """Singular lower-case unit, or the currency code for money."""
    if value.type == ValueType.MONEY:
        m = _MONEY.match(value.normalized.strip())
        return (value.unit or (m[1] if m else "")).upper() or None
    if not value.unit:
        return None
    unit = value.unit.strip().lower()
    measure = measure_name(unit)
    if measure:
        return measure  # a unit of measure as pint names it: 'ft' and 'feet' are 'foot', 'm' and 'metres' 'meter'
    return unit[:-1] if unit.endswith("s") and len(unit) > 3 else unit


def measure_name(written: str) -> str | None:
    """The unit of measure a written unit names, as pint names it ('feet' -> foot); a letter ('m') counts, as the
    value was read as a measure where it was written ('3.7m across'); None for any other word."""
    letter = lexicon.table("letter_units").get(written)
    measure = lexicon.table("units").get(written) or (letter["unit"] if letter else None)
    return str(measure) if measure else None


def measured_unit(value: Value) -> str | None:
    """The unit two values must share to state one measure: the SI unit of a measure ('140 kg' written in pounds:
    kg, as '51 kilograms'), else the unit as written (unit_of)."""
    si = _SI.match(value.normalized.strip()) if value.type == ValueType.NUMBER and value.unit else None
    return si[2] if si else unit_of(value)


def amount_of(value: Value) -> float | None:
    """The numeric amount: Value.number, else read from the normal form ('KRW 4000000000', '7')."""
    if value.number is not None:
        return float(value.number)
    text = value.normalized.strip()
    m = _MONEY.match(text)
    if m:
        text = m[2]
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def quantity_interval(value: Value) -> Interval | None:
    """The range of amounts the value allows, in days for durations."""
    n = amount_of(value)
    if n is None:
        return None
    unit = unit_of(value)
    exact = value.type == ValueType.ORDINAL
    tol = 0.0 if exact else _rounding(value.text, value.unit)
    low, high, low_open, high_open = n - tol, n + tol, False, tol > 0
    if not exact and tol == 0.0 and unit in TIME_UNITS and n == int(n) and n > 0:
        high, high_open = n + 1, True  # "five years" is five and some months
    qualifier = "" if exact else (value.qualifier or "").lower().replace(" ", "_")
    if qualifier in ("more_than", "over", "above"):
        low, low_open, high, high_open = n, True, INF, False
    elif qualifier in ("at_least", "since"):
        low, low_open, high, high_open = n, False, INF, False
    elif qualifier in ("less_than", "under", "below"):
        low, low_open, high, high_open = -INF, False, n, True
    elif qualifier in ("at_most", "up_to"):
        low, low_open, high, high_open = -INF, False, n, False
    elif qualifier in ("about", "around", "approximately", "some", "roughly"):
        low, high = min(low, n * 0.9), max(high, n * 1.1)
    elif qualifier in ("nearly", "almost"):
        low, high = n * 0.9, n
    bounds = (
        None
        if exact or qualifier
        else stated_range(value.text) or (decade_range(value.text) if unit in ("year", "years") else None)
    )
    if bounds and bounds[0] > 0:  # 'between 50 and 60': n is the first bound, in the value's scale and unit
        low, high, low_open, high_open = n, n * bounds[1] / bounds[0], False, False
    if unit in TIME_UNITS:
        scale = TIME_UNITS[unit]
        low, high = low * scale, high * scale
    return low, high, low_open, high_open


def _rounding(text: str, unit: str | None = None) -> float:
    """Half a unit of the last digit written before a scale word: '4 billion' is 3.5 to 4.5 billion (the 'm' of
    '3.7m' whose unit is metres is that unit, not a million)."""
    m = _MANTISSA.search(text.replace("$", " "))
    if not m or (unit and m[3].lower() == unit.lower()):
        return 0.0
    decimals = len(m[2] or "")
    return 0.5 * SCALES[m[3].lower()] * 10.0 ** (-decimals)


def rounded_alike(a: Value, b: Value) -> bool:
    """One figure written round and one precise that rounds to it, within ROUND_SHARE ('the price will start at
    $350' / 'starting at $349'): one amount told two ways. Two round figures ('$1,250' / '$1,260') or two
    precise ones are compared as written, and '30' / '33' stay two counts."""
    fa, fb = AMOUNT.findall(a.text), AMOUNT.findall(b.text)
    na, nb = amount_of(a), amount_of(b)
    if len(fa) != 1 or len(fb) != 1 or "." in fa[0] + fb[0] or na is None or nb is None or a.qualifier or b.qualifier:
        return False  # one whole figure each ('$350', '1,200'; not '3.50')
    if fa[0].endswith("0") == fb[0].endswith("0"):
        return False
    written, whole, exact = (fa[0], na, nb) if fa[0].endswith("0") else (fb[0], nb, na)
    digits = written.replace(",", "")
    step = 10.0 ** (len(digits) - len(digits.rstrip("0")))
    return round(exact / step) * step == whole and abs(whole - exact) <= abs(whole) * ROUND_SHARE


def _overlap(a: Interval, b: Interval) -> bool:
    """Whether two intervals share at least one amount."""
    if a[0] == b[0]:
        low, low_open = a[0], a[2] or b[2]
    else:
        low, low_open = (a[0], a[2]) if a[0] > b[0] else (b[0], b[2])
    if a[1] == b[1]:
        high, high_open = a[1], a[3] or b[3]
    else:
        high, high_open = (a[1], a[3]) if a[1] < b[1] else (b[1], b[3])
    if low < high and not math.isclose(low, high, rel_tol=1e-12):
        return True
    return math.isclose(low, high, rel_tol=1e-12) and not (low_open or high_open)


def compare_quantities(a: Value, b: Value) -> Verdict:
    """Quantities agree when their allowed ranges overlap; different currencies or units are undecided."""
    if _stated_maximum(a) and _stated_maximum(b):  # 'can grow up to 3.7m' / 'up to 3.8 meters': two maxima
        a, b = a.model_copy(update={"qualifier": None}), b.model_copy(update={"qualifier": None})
    ua, ub = unit_of(a), unit_of(b)
    measured = compare_measures(a, b) if ua and ub and ua != ub else None
    if measured is not None:
        return measured
    if ua and ub and ua != ub and not (ua in TIME_UNITS and ub in TIME_UNITS) and not nested_noun(ua, ub):
        return Verdict.UNKNOWN  # 'soldiers' and 'government soldiers' count alike; 'people' and 'children' do not
    if (ua in TIME_UNITS) != (ub in TIME_UNITS) and ua and ub:
        return Verdict.UNKNOWN
    ia, ib = quantity_interval(a), quantity_interval(b)
    if ia is None or ib is None:
        return Verdict.AGREE if slug(a.normalized) == slug(b.normalized) else Verdict.UNKNOWN
    if (ua in TIME_UNITS) != (ub in TIME_UNITS):  # one side has no unit: compare in the other's unit
        unit = ua or ub
        scale = TIME_UNITS.get(unit or "", 1.0)
        ia, ib = (ia, _scaled(ib, scale)) if ua else (_scaled(ia, scale), ib)
    return Verdict.AGREE if _overlap(ia, ib) or rounded_alike(a, b) else Verdict.DISAGREE


def _stated_maximum(value: Value) -> bool:
    """Whether the value names a maximum ('up to 3.7m', or its conversion '(about 12 feet)' that carries its
    bound): two of them compare as the maxima they name, where a loose bound ('at most 40', 'no more than 40',
    'more than 500') allows any amount on its side."""
    text = " ".join(value.text.lower().split()) + " "
    if text.startswith(_MAXIMA):
        return True
    return (value.qualifier or "") == "at_most" and not text.startswith(_LOOSE_MAXIMA)


_MAXIMA = tuple(phrase + " " for phrase in lexicon.words("stated_maximum"))
_LOOSE_MAXIMA = tuple(
    phrase + " " for phrase, kind in lexicon.qualifiers().items() if kind == "at_most" and phrase + " " not in _MAXIMA
)


_SI = re.compile(r"^(-?\d+(?:\.\d+)?) ([A-Za-z*\d/]+)$")
MEASURE_TOLERANCE = 0.02  # beyond the figures' own rounding, a conversion may be loose ('90 km (55 miles)')


def compare_measures(a: Value, b: Value) -> Verdict | None:
    """Two measures written in different units, compared in the SI form of their normal form ('90000 m'):
    90 km and 56 miles agree, 90 km and 90 miles differ; None when either is not such a measure."""
    ma, mb = _SI.match(a.normalized.strip()), _SI.match(b.normalized.strip())
    if ma is None or mb is None or a.unit is None or b.unit is None:
        return None
    if ma[2] != mb[2]:
        return Verdict.UNKNOWN  # a length and a mass
    ia = quantity_interval(a.model_copy(update={"number": float(ma[1]), "unit": None, "text": ma[1]}))
    ib = quantity_interval(b.model_copy(update={"number": float(mb[1]), "unit": None, "text": mb[1]}))
    if ia is None or ib is None:
        return None
    widen = MEASURE_TOLERANCE / 2
    ia, ib = rounded(ia, half_digit(ma[1])), rounded(ib, half_digit(mb[1]))
    return Verdict.AGREE if _overlap(widened(ia, widen), widened(ib, widen)) else Verdict.DISAGREE


def _scaled(i: Interval, scale: float) -> Interval:
    return i[0] * scale, i[1] * scale, i[2], i[3]


def specificity(value: Value) -> float:
    """Smaller is more specific: the width of what the value allows (for ordering within groups)."""
    group = TYPE_GROUP[value.type]
    if group == "date":
        period = value_period(value)
        return float((period.end - period.start).days) if period else INF
    if group in ("quantity", "money"):
        interval = quantity_interval(value)
        return interval[1] - interval[0] if interval else INF
    return -float(len(content_tokens(value.normalized + " " + value.text)))


def coarse_keys(value: Value) -> Sequence[object]:
    """Blocking keys: values that can agree share one (a year, an order of magnitude, a word)."""
    group = TYPE_GROUP[value.type]
    if group == "date":
        period = value_period(value)
        if period is None:
            return [slug(value.normalized)]
        return sorted({period.start.year, period.end.year}) if period.end.year - period.start.year <= 1 else ["span"]
    if group in ("quantity", "money"):
        amount = amount_of(value)
        if amount is None or amount == 0:
            return [slug(value.normalized)]
        magnitude = math.floor(math.log10(abs(amount)))
        return [magnitude - 1, magnitude, magnitude + 1]
    return sorted(untitled(value)) or [slug(value.normalized)]
