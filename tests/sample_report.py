"""A hand-made sample Report for renderer and review tests.

This is a test fixture written by hand: three short invented articles about one story, with
claims and findings typed in to cover every kind of finding. It is not extractor or model output.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

from factcheck.models import (
    ChunkFailure,
    Claim,
    Finding,
    FindingKind,
    Granularity,
    Modality,
    Period,
    Report,
    RunInfo,
    Source,
    Span,
    TimelineEntry,
    Value,
    ValueType,
)
from factcheck.review import Decision, Status, finding_id, make_decision

ARTICLES = {
    "wire_2016": (
        "Example Wire",
        date(2016, 9, 16),
        "Seoul and Tokyo weigh intelligence pact after nuclear test",
        "Seoul and Tokyo weigh intelligence pact after nuclear test\n\n"
        "SEOUL, Sept. 16 -- South Korea and Japan are revisiting a military intelligence-sharing pact "
        "after North Korea conducted its fifth nuclear test last Friday.\n\n"
        "The pact, known as GSOMIA, was canceled in 2012 amid domestic opposition in South Korea.\n",
    ),
    "daily_2023": (
        "Daily Example",
        date(2023, 3, 15),
        "Japan, South Korea consider resuming security talks",
        "Japan and South Korea are considering resuming security talks, a government source said Wednesday.\n\n"
        "The security dialogue, last held in March 2018, was launched with the first meeting taking place "
        "in Seoul in June 1998.\n\n"
        "The intelligence pact was signed in November 2016 <after> years of delay & debate.\n\n"
        "Steelmaker POSCO said it has donated 4 billion won to the foundation.\n",
    ),
    "times_2023": (
        "Example Times",
        date(2023, 3, 27),
        "Japan, South Korea arranging first security talks in five years",
        "Japan and South Korea are arranging to hold security talks next month, a diplomatic source said.\n\n"
        "The dialogue was last held in March 2018. The first Japan-South Korea security gathering was held "
        "in Tokyo in June 1998.\n\n"
        "Seoul threatened in 2019 to terminate the intelligence pact | a move it later reversed.\n\n"
        "Officials fear North Korea may conduct its seventh nuclear test.\n\n"
        "Yoon, who took office in May 2022, has pledged to improve ties.\n",
    ),
}


def make_sources() -> list[Source]:
    """The three invented articles as Sources."""
    out = []
    for sid, (outlet, published, title, text) in ARTICLES.items():
        out.append(
            Source(
                id=sid,
                path=f"articles/{sid}.txt",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                outlet=outlet,
                title=title,
                published=published,
                published_basis="dateline",
                text=text,
                body=[Span(start=0, end=len(text))],
            )
        )
    return out


def period(start: date, end: date, granularity: Granularity) -> Period:
    return Period(start=start, end=end, granularity=granularity)


def claim(
    source: Source,
    quote: str,
    subject_key: str,
    attribute: str,
    vtype: ValueType,
    text: str,
    normalized: str,
    time: Period | None = None,
    modality: Modality = Modality.REPORTED,
) -> Claim:
    """A claim whose span is where `quote` occurs in the source text."""
    start = source.text.index(quote)
    return Claim(
        source_id=source.id,
        subject=subject_key.replace("_", " "),
        subject_key=subject_key,
        attribute=attribute,
        value=Value(type=vtype, text=text, normalized=normalized),
        time=time,
        quote=quote,
        span=Span(start=start, end=start + len(quote)),
        modality=modality,
        extractor="fixture",
    ).with_id()


def finding(
    kind: FindingKind, claims: list[Claim], explanation: str, timeline: list[TimelineEntry] | None = None
) -> Finding:
    return Finding(
        kind=kind,
        subject_key=claims[0].subject_key,
        attribute=claims[0].attribute,
        claim_ids=[c.id for c in claims],
        source_ids=sorted({c.source_id for c in claims}),
        explanation=explanation,
        timeline=timeline or [],
        independent_sources=len({c.source_id for c in claims}),
    ).with_id()


def sample_report(**run: object) -> Report:
    """The sample Report; keyword arguments override RunInfo fields."""
    wire, daily, times = make_sources()
    y = Granularity.YEAR
    place_d = claim(
        daily,
        "the first meeting taking place in Seoul in June 1998",
        "japan_south_korea_security_talks",
        "first meeting place",
        ValueType.ENTITY,
        "Seoul",
        "seoul",
    )
    place_t = claim(
        times,
        "The first Japan-South Korea security gathering was held in Tokyo in June 1998.",
        "japan_south_korea_security_talks",
        "first meeting place",
        ValueType.ENTITY,
        "Tokyo",
        "tokyo",
    )
    last_d = claim(
        daily,
        "The security dialogue, last held in March 2018",
        "japan_south_korea_security_talks",
        "last held",
        ValueType.DATE,
        "March 2018",
        "2018-03",
    )
    last_t = claim(
        times,
        "The dialogue was last held in March 2018.",
        "japan_south_korea_security_talks",
        "last held",
        ValueType.DATE,
        "March 2018",
        "2018-03",
    )
    g2012 = claim(
        wire,
        "The pact, known as GSOMIA, was canceled in 2012",
        "gsomia",
        "status",
        ValueType.TEXT,
        "canceled",
        "canceled",
        period(date(2012, 1, 1), date(2012, 12, 31), y),
    )
    g2016 = claim(
        daily,
        "The intelligence pact was signed in November 2016 <after> years of delay & debate.",
        "gsomia",
        "status",
        ValueType.TEXT,
        "signed",
        "signed",
        period(date(2016, 11, 1), date(2016, 11, 30), Granularity.MONTH),
    )
    g2019 = claim(
        times,
        "Seoul threatened in 2019 to terminate the intelligence pact | a move it later reversed.",
        "gsomia",
        "status",
        ValueType.TEXT,
        "terminate",
        "threatened_termination",
        period(date(2019, 1, 1), date(2019, 12, 31), y),
    )
    n2016 = claim(
        wire,
        "North Korea conducted its fifth nuclear test last Friday",
        "north_korea",
        "nuclear test number",
        ValueType.ORDINAL,
        "fifth",
        "5",
        period(date(2016, 9, 9), date(2016, 9, 9), Granularity.DAY),
    )
    n2023 = claim(
        times,
        "North Korea may conduct its seventh nuclear test",
        "north_korea",
        "nuclear test number",
        ValueType.ORDINAL,
        "seventh",
        "7",
        period(date(2023, 3, 27), date(2023, 12, 31), Granularity.RANGE),
        Modality.HEDGED,
    )
    posco = claim(
        daily,
        "Steelmaker POSCO said it has donated 4 billion won to the foundation.",
        "posco",
        "donation amount",
        ValueType.MONEY,
        "4 billion won",
        "KRW 4000000000",
    )
    yoon = claim(
        times,
        "Yoon, who took office in May 2022",
        "yoon_suk_yeol",
        "took office",
        ValueType.DATE,
        "May 2022",
        "2022-05",
    )
    claims = [place_d, place_t, last_d, last_t, g2012, g2016, g2019, n2016, n2023, posco, yoon]

    def entry(c: Claim) -> TimelineEntry:
        value = c.value.text if c.modality == Modality.REPORTED else f"possibly {c.value.text}"
        return TimelineEntry(time=c.time, value=value, claim_ids=[c.id])

    findings = [
        finding(
            FindingKind.CONTRADICTION,
            [place_d, place_t],
            "Sources name different places for the first meeting: Seoul vs Tokyo.",
        ),
        finding(FindingKind.AGREEMENT, [last_d, last_t], "2 sources agree the dialogue was last held in March 2018."),
        finding(
            FindingKind.UPDATE,
            [g2012, g2016, g2019],
            "The pact's status changed over time: canceled (2012), signed (2016), threatened with termination (2019).",
            [entry(g2012), entry(g2016), entry(g2019)],
        ),
        finding(
            FindingKind.UPDATE,
            [n2016, n2023],
            "North Korea's nuclear tests moved on: fifth (2016), seventh feared (2023).",
            [entry(n2016), entry(n2023)],
        ),
        finding(FindingKind.SINGLE_SOURCE, [posco], "Only Daily Example reports the POSCO donation."),
        finding(FindingKind.SINGLE_SOURCE, [yoon], "Only Example Times gives when Yoon took office."),
    ]
    info = {
        "factcheck_version": "0.1.0",
        "extractor": "fixture",
        "timings": {"read": 0.01, "extract": 0.25, "reconcile": 0.02},
        "ungrounded_discarded": 1,
        **run,
    }
    return Report(sources=[wire, daily, times], claims=claims, findings=findings, run=RunInfo.model_validate(info))


def incomplete_report(source_id: str, chunk_index: int, start: int, end: int, error: str) -> Report:
    """The sample Report of a run in which one chunk failed at the model."""
    failure = ChunkFailure(source_id=source_id, chunk_index=chunk_index, span=Span(start=start, end=end), error=error)
    return sample_report(failures=[failure], incomplete=True)


def decided(finding: Finding, status: Status, note: str | None = None) -> dict[str, Decision]:
    """An editor's decision on one finding, made on a fixed day, keyed as the review file keys it."""
    return {finding_id(finding): make_decision(finding, status, note, now=datetime(2024, 1, 2, tzinfo=UTC))}


def first_of(report: Report, kind: FindingKind) -> Finding:
    """The report's first finding of a kind."""
    return next(f for f in report.findings if f.kind == kind)
