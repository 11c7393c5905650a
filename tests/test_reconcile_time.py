"""Time scoping: different values at different times are updates; at the same time, contradictions."""

from __future__ import annotations

from factcheck.models import FindingKind
from factcheck.reconcile import reconcile
from factcheck.reconcile.synthetic import make_claim, make_source, make_value

TALKS = "japan_south_korea_security_talks"


def kinds(findings):
    return [(f.kind.value, f.attribute) for f in findings]


def only(findings, kind):
    [found] = [f for f in findings if f.kind == kind]
    return found


def test_role_at_two_times_is_an_update_with_an_ordered_timeline():
    sources = [make_source("a", "2016-09-16"), make_source("b", "2023-03-27")]
    claims = [
        make_claim("b", "fumio_kishida", "role", make_value("entity", "Prime Minister", "prime_minister")),
        make_claim(
            "a", "fumio_kishida", "role", make_value("entity", "Foreign Minister", "foreign_minister"), time="2016-09"
        ),
    ]
    [update] = reconcile(sources, claims)
    assert update.kind == FindingKind.UPDATE
    assert [e.value for e in update.timeline] == ["reported: Foreign Minister", "reported: Prime Minister"]
    assert update.timeline[0].time.start.year == 2016
    assert "Foreign Minister" in update.explanation and "Prime Minister" in update.explanation


def test_same_time_different_values_is_a_contradiction_quoting_both_sides():
    sources = [make_source("a", "2023-03-15"), make_source("b", "2023-03-27")]
    claims = [
        make_claim(
            "a",
            TALKS,
            "last held",
            make_value("date", "March 2017", "2017-03"),
            quote="a security dialogue, last held in March 2017",
        ),
        make_claim(
            "b",
            TALKS,
            "last held",
            make_value("date", "March 2018", "2018-03"),
            quote="the dialogue, last held in March 2018",
        ),
    ]
    [contradiction] = reconcile(sources, claims)
    assert contradiction.kind == FindingKind.CONTRADICTION
    assert "last held in March 2017" in contradiction.explanation
    assert "last held in March 2018" in contradiction.explanation
    assert contradiction.source_ids == ["a", "b"]


def test_a_later_report_of_a_newer_event_is_an_update_but_an_older_one_contradicts():
    # 'last held' moves on when the newer date falls after the earlier report.
    sources = [make_source("a", "2023-03-27"), make_source("b", "2023-10-05"), make_source("c", "2023-10-06")]
    newer = [
        make_claim("a", TALKS, "last held", make_value("date", "March 2018", "2018-03")),
        make_claim("b", TALKS, "last held", make_value("date", "April 2023", "2023-04")),
    ]
    assert kinds(reconcile(sources, newer)) == [("update", "last held")]
    older = [
        make_claim("a", TALKS, "last held", make_value("date", "March 2018", "2018-03")),
        make_claim("b", TALKS, "last held", make_value("date", "March 2016", "2016-03")),
    ]
    assert kinds(reconcile(sources, older)) == [("contradiction", "last held")]


def test_fixed_facts_never_update():
    sources = [make_source("a", "2016-09-16"), make_source("b", "2023-03-27")]
    claims = [
        make_claim("a", TALKS, "first meeting place", make_value("entity", "Seoul", "seoul")),
        make_claim("b", TALKS, "first meeting place", make_value("entity", "Tokyo", "tokyo")),
    ]
    assert kinds(reconcile(sources, claims)) == [("contradiction", "first meeting place")]


def test_nuclear_tests_counted_years_apart_are_an_update():
    sources = [make_source("upi", "2016-09-16"), make_source("kyodo", "2023-03-27")]
    claims = [
        make_claim(
            "upi",
            "north_korea",
            "nuclear test number",
            make_value("ordinal", "fifth", "5", number=5),
            time="2016-09-09",
        ),
        make_claim(
            "kyodo",
            "north_korea",
            "nuclear test number",
            make_value("ordinal", "seventh", "7", number=7),
            modality="hedged",
        ),
    ]
    update = only(reconcile(sources, claims), FindingKind.UPDATE)
    assert [e.value for e in update.timeline] == ["reported: fifth", "possibly seventh"]


def test_gsomia_timeline_is_ordered_by_time_not_by_input():
    sources = [make_source("upi", "2016-09-16"), make_source("daily", "2023-10-05")]
    status = [
        ("daily", "being normalised", "2023"),
        ("upi", "canceled", "2012"),
        ("daily", "threatened with termination", "2019"),
        ("upi", "revisited", "2016"),
    ]
    claims = [
        make_claim(s, "gsomia", "status", make_value("text", v, v.replace(" ", "_")), time=t) for s, v, t in status
    ]
    update = only(reconcile(sources, claims), FindingKind.UPDATE)
    assert [e.time.start.year for e in update.timeline] == [2012, 2016, 2019, 2023]
    assert update.explanation.index("canceled") < update.explanation.index("being normalised")


def test_a_plan_and_a_later_report_are_compared_as_such():
    sources = [make_source("a", "2023-03-27"), make_source("b", "2023-10-05")]
    claims = [
        make_claim("a", TALKS, "resumed", make_value("date", "next month", "2023-04"), modality="planned"),
        make_claim("b", TALKS, "resumed", make_value("date", "April", "2023-04")),
    ]
    [update] = reconcile(sources, claims)
    assert update.kind == FindingKind.UPDATE
    assert update.explanation.startswith(
        "japan south korea security talks, resumed changed over time: "
        "planned: next month (2023-04) (a 2023-03-27) -> reported: April (2023-04)"
    )
    assert "matches the earlier expectation" in update.explanation
    moved = [claims[0], make_claim("b", TALKS, "resumed", make_value("date", "May", "2023-05"))]
    [update] = reconcile(sources, moved)
    assert update.kind == FindingKind.UPDATE and "expectation" not in update.explanation


def test_two_plans_at_the_same_time_contradict_but_hedges_do_not():
    sources = [make_source("a", "2023-03-27"), make_source("b", "2023-03-28")]
    plans = [
        make_claim("a", TALKS, "venue", make_value("entity", "Seoul", "seoul"), modality="planned"),
        make_claim("b", TALKS, "venue", make_value("entity", "Tokyo", "tokyo"), modality="expected"),
    ]
    assert kinds(reconcile(sources, plans)) == [("contradiction", "venue")]
    hedges = [plans[0], make_claim("b", TALKS, "venue", make_value("entity", "Tokyo", "tokyo"), modality="hedged")]
    assert {f.kind for f in reconcile(sources, hedges)} == {FindingKind.SINGLE_SOURCE}


def test_one_article_disagreeing_with_itself_is_not_a_cross_source_contradiction():
    sources = [make_source("a", "2023-03-27")]
    claims = [
        make_claim("a", TALKS, "participants", make_value("number", "5", "5", number=5), start=0),
        make_claim("a", TALKS, "participants", make_value("number", "6", "6", number=6), start=50),
    ]
    assert {f.kind for f in reconcile(sources, claims)} == {FindingKind.SINGLE_SOURCE}


def test_explicit_times_scope_claims_without_publication_dates():
    sources = [make_source("q1"), make_source("q2"), make_source("q3")]
    claims = [
        make_claim("q1", "england", "last world cup semi final", make_value("date", "1990", "1990"), time="2015"),
        make_claim("q2", "england", "last world cup semi final", make_value("date", "2018", "2018"), time="2019"),
    ]
    assert kinds(reconcile(sources[:2], claims)) == [("update", "last world cup semi final")]
    conflict = make_claim("q3", "england", "last world cup semi final", make_value("date", "2018", "2018"), time="2015")
    assert kinds(reconcile(sources, [claims[0], conflict])) == [("contradiction", "last world cup semi final")]
