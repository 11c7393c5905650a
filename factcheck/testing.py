"""Build sources and claims by hand: for tests, benchmarks and evaluations on data that is not articles."""

from __future__ import annotations

import hashlib
from datetime import date

from factcheck.models import Claim, Modality, Period, Source, Span, Value, ValueType
from factcheck.values.typed import parse_period


def make_value(
    kind: str,
    text: str,
    normalized: str | None = None,
    *,
    number: float | None = None,
    unit: str | None = None,
    qualifier: str | None = None,
) -> Value:
    """A Value; dates get their period from the ISO normal form."""
    vtype = ValueType(kind)
    norm = normalized if normalized is not None else text
    period = parse_period(norm) if vtype == ValueType.DATE else None
    return Value(type=vtype, text=text, normalized=norm, number=number, unit=unit, qualifier=qualifier, period=period)


def make_period(iso: str) -> Period:
    """A Period from an ISO date, month, year or 'A/B' range."""
    period = parse_period(iso)
    if period is None:
        raise ValueError(f"not an ISO period: {iso!r}")
    return period


def make_source(source_id: str, published: str | None = None, body: str = "", outlet: str | None = None) -> Source:
    """A Source whose whole text is its body."""
    text = body or f"Article {source_id}."
    return Source(
        id=source_id,
        path=f"{source_id}.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        outlet=outlet,
        published=date.fromisoformat(published) if published else None,
        text=text,
        body=[Span(start=0, end=len(text))],
    )


def make_claim(
    source_id: str,
    subject_key: str,
    attribute: str,
    value: Value,
    *,
    time: str | None = None,
    modality: str = "reported",
    quote: str | None = None,
    start: int = 0,
    subject: str | None = None,
) -> Claim:
    """A Claim with its content-derived id."""
    quote = quote or f"{subject_key.replace('_', ' ')} {attribute} {value.text}"
    return Claim(
        source_id=source_id,
        subject=subject or subject_key.replace("_", " "),
        subject_key=subject_key,
        attribute=attribute,
        value=value,
        time=make_period(time) if time else None,
        quote=quote,
        span=Span(start=start, end=start + len(quote)),
        modality=Modality(modality),
        extractor="synthetic",
    ).with_id()
