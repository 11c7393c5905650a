"""Time scoping: different values at different times are updates; at the same time, contradictions."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind, Modality
from factcheck.testing import make_claim, make_source, make_value

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


def test_status_changes_across_sources_are_one_timeline_not_a_contradiction():
    """Status values as the offline extractor writes them: present tense at the publication date."""
    sources = [make_source("004", "2016-09-16"), make_source("003", "2023-10-05")]
    claims = [
        make_claim("004", "gsomia", "status", make_value("text", "canceled"), time="2012", start=0),
        make_claim(
            "004", "gsomia", "status", make_value("text", "revisiting", "being revisited"), time="2016-09-16", start=100
        ),
        make_claim(
            "003",
            "gsomia",
            "status",
            make_value("text", "threatened to terminate", "termination threatened"),
            time="2019",
            start=0,
        ),
        make_claim(
            "003",
            "gsomia",
            "status",
            make_value("text", "working to normalize", "being normalized"),
            time="2023-10-05",
            start=100,
        ),
    ]
    [update] = reconcile(sources, claims)
    assert update.kind == FindingKind.UPDATE
    assert [e.value for e in update.timeline] == [
        "reported: canceled",
        "reported: being revisited",
        "reported: termination threatened",
        "reported: being normalized",
    ]
    assert "canceled (004 2016-09-16, about 2012) -> being revisited (004 2016-09-16)" in update.explanation


def test_two_changes_in_one_year_are_not_a_contradiction_but_two_states_of_one_day_are():
    sources = [make_source("a", "2023-03-27"), make_source("b", "2023-10-05")]
    year = [
        make_claim("a", TALKS, "status", make_value("text", "suspended"), time="2018"),
        make_claim("b", TALKS, "status", make_value("text", "resumed"), time="2018"),
    ]
    assert FindingKind.CONTRADICTION not in {f.kind for f in reconcile(sources, year)}
    day = [
        make_claim("a", TALKS, "status", make_value("text", "suspended"), time="2018-05-02"),
        make_claim("b", TALKS, "status", make_value("text", "resumed"), time="2018-05-02"),
    ]
    assert kinds(reconcile(sources, day)) == [("contradiction", "status")]


def test_a_status_and_the_dated_claim_of_the_same_quote_are_reported_once():
    sources = [make_source("004", "2016-09-16"), make_source("003", "2023-10-05")]
    canceled = "The Japan-Korea GSOMIA was canceled in 2012"
    claims = [
        make_claim("004", "gsomia", "canceled", make_value("date", "2012"), quote=canceled),
        make_claim("004", "gsomia", "status", make_value("text", "canceled"), time="2012", quote=canceled),
        make_claim(
            "003", "gsomia", "status", make_value("text", "working to normalize", "being normalized"), time="2023-10-05"
        ),
    ]
    [update] = reconcile(sources, claims)
    assert update.kind == FindingKind.UPDATE and set(update.claim_ids) == {c.id for c in claims}
    assert [e.claim_ids for e in update.timeline] == [[claims[1].id], [claims[2].id]]
    alone = reconcile(sources, claims[:2])
    assert [(f.kind, f.attribute) for f in alone] == [(FindingKind.SINGLE_SOURCE, "canceled")]
    assert set(alone[0].claim_ids) == {claims[0].id, claims[1].id}


def test_a_plan_confirmed_by_a_later_report_is_an_agreement_but_a_changed_plan_is_an_update():
    sources = [make_source("a", "2023-03-27"), make_source("b", "2023-10-05")]
    claims = [
        make_claim("a", TALKS, "resumed", make_value("date", "next month", "2023-04"), modality="planned"),
        make_claim("b", TALKS, "resumed", make_value("date", "April", "2023-04")),
    ]
    [agreement] = reconcile(sources, claims)
    assert agreement.kind == FindingKind.AGREEMENT and agreement.independent_sources == 2
    assert agreement.explanation.endswith("planned in a 2023-03-27, confirmed by b 2023-10-05")
    moved = [claims[0], make_claim("b", TALKS, "resumed", make_value("date", "May", "2023-05"))]
    [update] = reconcile(sources, moved)
    assert update.kind == FindingKind.UPDATE and "confirmed" not in update.explanation
    assert update.explanation.startswith(
        "japan south korea security talks, resumed changed over time: "
        "planned: next month (2023-04) (a 2023-03-27) -> reported: May (2023-05)"
    )


def test_undated_articles_giving_one_value_as_a_plan_and_as_a_fact_agree():
    """Two undated articles give no order to read: 'they'll transport his body to Turkey' in one and
    'attempting to deliver it to Turkey' in the other state one value, not two."""
    sources = [make_source("a"), make_source("b")]
    claims = [
        make_claim("a", "isis", "deliver body to", make_value("entity", "Turkey", "turkey")),
        make_claim("b", "isis", "deliver body to", make_value("entity", "Turkey", "turkey"), modality="planned"),
    ]
    [agreement] = reconcile(sources, claims)
    assert agreement.kind == FindingKind.AGREEMENT and agreement.independent_sources == 2
    assert agreement.explanation.endswith("planned in b, stated by a")
    dated = [make_source("a", "2023-03-27"), make_source("b")]
    assert sorted(f.kind for f in reconcile(dated, claims)) == [FindingKind.SINGLE_SOURCE] * 2


def test_a_planned_duration_and_the_reported_one_agree():
    """'more than five years' (planned talks) and 'a hiatus of five years' (reported later) are one fact."""
    sources = [make_source("000", "2023-03-27"), make_source("003", "2023-10-05")]
    claims = [
        make_claim(
            "000",
            TALKS,
            "hiatus",
            make_value("number", "more than five years", "5", number=5, unit="years", qualifier="more_than"),
            time="2023-04",
            modality="planned",
        ),
        make_claim(
            "003", TALKS, "hiatus", make_value("number", "five years", "5", number=5, unit="years"), time="2023-04"
        ),
    ]
    [agreement] = reconcile(sources, claims)
    assert agreement.kind == FindingKind.AGREEMENT
    assert "planned in 000 2023-03-27, confirmed by 003 2023-10-05" in agreement.explanation


def test_no_agreement_between_claims_about_periods_that_cannot_be_the_same():
    """A forecast of 2023-03-16 and a 'plan' for March 2023 written in May 2024 are not one meeting."""
    sources = [make_source("001", "2023-03-15"), make_source("002", "2024-05-22"), make_source("000", "2023-03-27")]
    talks = "fumio_kishida_yoon_suk_yeol_talks"
    expected = make_claim(
        "001", talks, "meeting date", make_value("date", "Thursday", "2023-03-16"), modality="expected"
    )
    stale = make_claim("002", talks, "meeting date", make_value("date", "March 2023", "2023-03"), modality="planned")
    assert {f.kind for f in reconcile(sources[:2], [expected, stale])} == {FindingKind.SINGLE_SOURCE}
    # the same value reported after the fact does confirm the forecast
    reported = make_claim("000", talks, "meeting date", make_value("date", "March 16", "2023-03-16"))
    agreements = [f for f in reconcile(sources, [expected, stale, reported]) if f.kind == FindingKind.AGREEMENT]
    assert [sorted(f.source_ids) for f in agreements] == [["000", "001"]]
    # one place named for two meetings more than a year apart is two facts, not corroboration
    seoul = [
        make_claim("001", talks, "meeting place", make_value("entity", "Seoul", "seoul"), time="2023-03-16"),
        make_claim("002", talks, "meeting place", make_value("entity", "Seoul", "seoul"), time="2024-05-26"),
    ]
    assert FindingKind.AGREEMENT not in {f.kind for f in reconcile(sources, seoul)}


def test_two_plans_at_the_same_time_contradict_but_hedges_do_not():
    sources = [make_source("a", "2023-03-27"), make_source("b", "2023-03-28")]
    plans = [
        make_claim("a", TALKS, "venue", make_value("entity", "Seoul", "seoul"), modality="planned"),
        make_claim("b", TALKS, "venue", make_value("entity", "Tokyo", "tokyo"), modality="expected"),
    ]
    assert kinds(reconcile(sources, plans)) == [("contradiction", "venue")]
    hedges = [plans[0], make_claim("b", TALKS, "venue", make_value("entity", "Tokyo", "tokyo"), modality="hedged")]
    assert {f.kind for f in reconcile(sources, hedges)} == {FindingKind.SINGLE_SOURCE}


def test_a_fact_told_with_reserve_contradicts_a_report_but_a_possibility_does_not():
    sources = [make_source("a", None), make_source("b", None)]
    report = make_claim(
        "a",
        "rui_albergaria",
        "time absent",
        make_value("number", "eight years", "8", number=8, unit="years"),
        quote="he had not turned up for work for eight years",
    )

    def told(quote: str) -> Claim:
        value = make_value("number", "at least 13 years", "13", number=13, unit="years")
        return make_claim("b", "rui_albergaria", "time absent", value, modality="hedged", quote=quote)

    reserved = told("a council worker who allegedly failed to turn up to his job for at least 13 years")
    assert kinds(reconcile(sources, [report, reserved])) == [("contradiction", "time absent")]
    possible = told("a council worker who may have failed to turn up to his job for at least 13 years")
    assert FindingKind.CONTRADICTION not in {f.kind for f in reconcile(sources, [report, possible])}


def test_one_plan_told_two_ways_at_the_same_time_contradicts_but_a_finished_act_does_not():
    """'Denmark would give 200 million crowns' / 'Copenhagen's 300 million crown aid package', a day apart:
    one plan's amount told two ways. 'has cut 2,000 jobs' against 'will cut 10,000 jobs' is a deed and a plan."""
    sources = [make_source("a", "2024-05-13"), make_source("b", "2024-05-14")]

    def aid(source: str, text: str, amount: float, modality: str, quote: str) -> object:
        value = make_value("money", text, f"DKK {amount:.0f}", number=amount, unit="DKK")
        return make_claim(source, "denmark", "aid", value, modality=modality, quote=quote)

    told = [
        aid("a", "200 million crowns", 2e8, "planned", "Denmark said it would give 200 million crowns in aid"),
        aid("b", "300 million crowns", 3e8, "reported", "payments from Copenhagen's 300 million crown aid package"),
    ]
    assert kinds(reconcile(sources, told)) == [("contradiction", "aid")]
    forecast = [told[0].model_copy(update={"modality": Modality.EXPECTED}), told[1]]  # a forecast can miss
    assert "contradiction" not in {k for k, _ in kinds(reconcile(sources, forecast))}
    jobs = [
        make_claim(
            "a",
            "acme",
            "jobs cut",
            make_value("number", "10,000 jobs", "10000", number=10000),
            modality="planned",
            quote="Acme will cut 10,000 jobs",
        ),
        make_claim(
            "b",
            "acme",
            "jobs cut",
            make_value("number", "2,000 jobs", "2000", number=2000),
            quote="Acme cut 2,000 jobs last year",
        ),
    ]
    assert "contradiction" not in {k for k, _ in kinds(reconcile(sources, jobs))}


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


def _count(source, subject, attribute, text, amount, quote, unit=None):
    return make_claim(source, subject, attribute, make_value("number", text, amount, unit=unit), quote=quote)


def test_one_finished_act_counted_two_ways_months_apart_is_a_contradiction():
    sources = [make_source("a", "2025-04-03"), make_source("b", "2025-06-18")]
    claims = [
        _count(
            "a",
            "attackers",
            "data copied",
            "1.9 terabytes",
            "1.9",
            "They copied 1.9 terabytes of data to a cloud storage account.",
            "terabyte",
        ),
        _count(
            "b",
            "attackers",
            "data copied",
            "1.6 terabytes",
            "1.6",
            "The attackers took 1.6 terabytes of files, according to the notice.",
            "terabyte",
        ),
    ]
    assert kinds(reconcile(sources, claims)) == [("contradiction", "data copied")]


def test_a_state_now_or_a_running_figure_months_apart_is_an_update():
    sources = [make_source("a", "2024-04-18"), make_source("b", "2025-05-02")]
    backed = [
        _count(
            "a", "complaint", "member states backing", "five", "5", "The complaint is supported by five member states"
        ),
        _count(
            "b", "complaint", "member states backing", "eight", "8", "The complaint was backed by eight member states"
        ),
    ]
    assert kinds(reconcile(sources, backed)) == [("update", "member states backing")]
    cost = [
        _count("a", "attack", "cost", "38 million", "38000000", "The attack has cost the company 38 million so far"),
        _count("b", "attack", "cost", "71 million", "71000000", "The company said it spent an estimated 71 million"),
    ]
    assert kinds(reconcile(sources, cost)) == [("update", "cost")]


def test_a_tally_as_reported_months_apart_is_an_update():
    sources = [make_source("a", "2025-04-03"), make_source("b", "2025-06-18")]
    claims = [
        _count("a", "breach", "people affected", "900,000", "900000", "The insurer reported 900,000 members affected"),
        _count(
            "b",
            "breach",
            "people affected",
            "2.3 million",
            "2300000",
            "The insurer reported 2.3 million members affected",
        ),
    ]
    assert kinds(reconcile(sources, claims)) == [("update", "people affected")]


def test_one_running_figure_told_again_later_with_no_change_between_is_an_agreement():
    """'More than 400 firefighters are now on the lines' (23 July) / 'Over 400 remain on the fire' (8 August):
    the state held; a different figure told between them breaks it into two states."""
    sources = [make_source("a", "2025-07-15"), make_source("b", "2025-07-23"), make_source("c", "2025-08-08")]
    early = _count("a", "firefighters", "number", "about 250", "250", "about 250 firefighters were on the fire")
    now = _count(
        "b", "firefighters", "number", "More than 400", "400", "More than 400 firefighters are now on the lines"
    )
    later = _count("c", "firefighters", "number", "Over 400", "400", "Over 400 firefighters remain on the fire")
    findings = reconcile(sources, [early, now, later])
    assert [sorted(f.source_ids) for f in findings if f.kind == FindingKind.AGREEMENT] == [["b", "c"]]
    assert FindingKind.UPDATE in {f.kind for f in findings}
    between = _count("d", "firefighters", "number", "about 300", "300", "About 300 firefighters are now there")
    sources.append(make_source("d", "2025-07-30"))
    findings = reconcile(sources, [early, now, later, between])
    assert FindingKind.AGREEMENT not in {f.kind for f in findings}


def test_a_fixed_measure_dated_to_a_year_of_its_own_is_another_things_than_the_undated_one():
    """'the longest wels in our database, from a French lake in 2019, measured 2.89 metres' / 'measuring 2.81
    metres': undated articles, one length dated to its year: another fish, no contradiction. Both undated: one."""
    sources = [make_source("a"), make_source("b")]

    def length(source: str, metres: float, time: str | None = None) -> Claim:
        value = make_value("number", f"{metres} metres", f"{metres} m", number=metres, unit="metres")
        return make_claim(source, "wels_catfish", "length", value, time=time)

    assert FindingKind.CONTRADICTION not in {
        f.kind for f in reconcile(sources, [length("a", 2.81), length("b", 2.89, "2019")])
    }
    assert kinds(reconcile(sources, [length("a", 2.81), length("b", 2.89)])) == [("contradiction", "length")]


def test_the_length_of_a_thing_told_in_miles_is_a_fixed_fact_but_a_delay_is_not():
    sources = [make_source("a", "2027-05-23"), make_source("b", "2028-01-24")]
    tunnel = [
        make_claim("a", "downtown_tunnel", "length", make_value("number", "2.1-mile", "2.1", number=2.1, unit="mile")),
        make_claim("b", "downtown_tunnel", "length", make_value("number", "2.4-mile", "2.4", number=2.4, unit="miles")),
    ]
    assert kinds(reconcile(sources, tunnel)) == [("contradiction", "length")]
    delay = [
        make_claim(
            "a", "downtown_tunnel", "delay length", make_value("number", "3 months", "3", number=3, unit="months")
        ),
        make_claim(
            "b", "downtown_tunnel", "delay length", make_value("number", "5 months", "5", number=5, unit="months")
        ),
    ]
    assert kinds(reconcile(sources, delay)) == [("update", "delay length")]


def _length(source: str, attribute: str, miles: float, quote: str | None = None):
    value = make_value("number", f"{miles}-mile", f"{miles} mile", number=miles, unit="mile")
    return make_claim(source, "tunnel", attribute, value, quote=quote)


def test_a_things_distance_told_apart_months_apart_is_a_contradiction():
    sources = [make_source("a", "2027-05-23"), make_source("b", "2028-01-24")]
    claims = [_length("a", "distance", 2.1), _length("b", "distance", 2.4)]
    assert [f.kind for f in reconcile(sources, claims)] == [FindingKind.CONTRADICTION]


def test_a_distance_an_act_covered_may_grow():
    sources = [make_source("a", "2024-06-03"), make_source("b", "2025-02-20")]
    claims = [
        _length("a", "distance moved", 0.1, "the machine has moved 0.1 miles"),
        _length("b", "distance moved", 2.1, "the machine has moved 2.1 miles"),
    ]
    assert [f.kind for f in reconcile(sources, claims)] == [FindingKind.UPDATE]


def test_two_dates_of_one_act_in_undated_articles_conflict():
    sources = [make_source("a"), make_source("b")]
    claims = [
        make_claim("a", "couple", "married", make_value("date", "June 2012", "2012-06"), time="2012-06"),
        make_claim("b", "couple", "married", make_value("date", "August 2012", "2012-08"), time="2012-08"),
    ]
    assert [f.kind for f in reconcile(sources, claims)] == [FindingKind.CONTRADICTION]


def test_a_past_acts_figure_dated_to_its_year_is_no_contradiction_of_the_storys_undated_one():
    from datetime import date

    from factcheck.extract.periods import at_granularity

    sources = [make_source("a", None), make_source("b", None)]
    past = _count(
        "a", "people", "people died", "64 people", "64", "the 1998 collapse, in which 64 people died", "people"
    )
    past = past.model_copy(update={"time": at_granularity(date(1998, 1, 1), "years")})
    now = _count("b", "people", "people died", "Nine people", "9", "Nine people died, city officials said", "people")
    assert [f.kind for f in reconcile(sources, [past, now])] == [FindingKind.SINGLE_SOURCE] * 2
    later = past.model_copy(update={"source_id": "b", "time": at_granularity(date(2016, 1, 1), "years")})
    later = later.model_copy(update={"value": make_value("number", "27 people", "27", unit="people")})
    assert FindingKind.CONTRADICTION not in [f.kind for f in reconcile(sources, [past, later])]


def test_an_undated_articles_figure_its_sentence_tells_of_last_year_is_background() -> None:
    from factcheck.models import Span

    earlier = "Ferries are common there. Last year, 31 people died in ferry accidents in the region."
    now = "Twenty-nine people died after the ferry capsized on Sunday."
    sources = [make_source("a", None, body=earlier), make_source("b", None, body=now)]

    def deaths(source: str, text: str, amount: str, body: str, quote: str) -> Claim:
        at = body.index(quote)
        claim = _count(source, "people", "people died", text, amount, quote, "people")
        return claim.model_copy(update={"span": Span(start=at, end=at + len(quote))})

    past = deaths("a", "31 people", "31", earlier, "31 people died in ferry accidents")
    today = deaths("b", "Twenty-nine people", "29", now, "Twenty-nine people died")
    assert FindingKind.CONTRADICTION not in [f.kind for f in reconcile(sources, [past, today])]
    told_now = deaths(
        "a", "31 people", "31", earlier.replace("Last year", "On Sunday"), "31 people died in ferry accidents"
    )
    sources[0] = make_source("a", None, body=earlier.replace("Last year", "On Sunday"))
    assert FindingKind.CONTRADICTION in [f.kind for f in reconcile(sources, [told_now, today])]


def test_figures_that_tell_their_own_day_are_of_two_moments_however_close_the_reports():
    """'By Monday morning ... was 5 percent contained' (12 Aug.) / 'By Wednesday morning ... was 30 percent
    contained' (14 Aug.): two days, an update; the same figures told with no day of their own, two days apart,
    are read as one state (SAME_STORY_DAYS), a contradiction."""
    sources = [make_source("a", "2024-08-12"), make_source("b", "2024-08-14")]

    def contained(source: str, amount: str, day: str | None) -> Claim:
        value = make_value("number", f"{amount} percent", amount, number=float(amount), unit="percent")
        claim = make_claim(source, "copper_gulch_fire", "containment", value, time=sources_day[source] if day else None)
        return claim.model_copy(update={"time": claim.time.model_copy(update={"text": day})}) if day else claim

    sources_day = {"a": "2024-08-12", "b": "2024-08-14"}
    told = [contained("a", "5", "Monday"), contained("b", "30", "Wednesday")]
    assert FindingKind.CONTRADICTION not in {f.kind for f in reconcile(sources, told)}
    untold = [contained("a", "5", None), contained("b", "30", None)]
    assert kinds(reconcile(sources, untold)) == [("contradiction", "containment")]


def test_a_toll_counted_up_days_later_is_an_update_but_another_count_told_twice_conflicts():
    sources = [make_source("a", "2024-05-14"), make_source("b", "2024-05-16")]

    def told(source: str, attribute: str, amount: str, quote: str) -> Claim:
        value = make_value("number", amount, amount, number=float(amount))
        return make_claim(source, "derailment", attribute, value, quote=quote)

    killed = told("a", "deaths", "2", "2 people were killed when a passenger train derailed")
    died = told("b", "deaths", "3", "3 people died in the crash")
    assert kinds(reconcile(sources, [killed, died])) == [("update", "deaths")]
    fewer = told("b", "deaths", "1", "1 person died in the crash")
    assert kinds(reconcile(sources, [killed, fewer])) == [("contradiction", "deaths")]
    enrolled = [
        told("a", "patients enrolled", "412", "The trial enrolled 412 patients"),
        told("b", "patients enrolled", "421", "The trial enrolled 421 patients"),
    ]
    assert kinds(reconcile(sources, enrolled)) == [("contradiction", "patients enrolled")]


def test_states_current_at_publications_weeks_apart_are_no_contradiction_but_days_apart_are():
    def told(source: str, state: str) -> Claim:
        return make_claim(source, "brookline_foods_contract", "status", make_value("text", state))

    weeks = [make_source("a", "2025-05-16"), make_source("b", "2025-06-10")]
    assert FindingKind.CONTRADICTION not in {
        f.kind for f in reconcile(weeks, [told("a", "suspended"), told("b", "reinstated")])
    }
    days = [make_source("a", "2025-05-16"), make_source("b", "2025-05-17")]
    assert kinds(reconcile(days, [told("a", "suspended"), told("b", "reinstated")])) == [("contradiction", "status")]


def test_an_age_that_grows_more_than_the_time_between_allows_is_a_contradiction() -> None:
    def aged(source: str, years: int) -> Claim:
        return make_claim(source, "joan_ferris", "age", make_value("number", str(years), str(years), number=years))

    weeks = [make_source("a", "2025-03-05"), make_source("b", "2025-03-27")]
    assert kinds(reconcile(weeks, [aged("a", 67), aged("b", 72)])) == [("contradiction", "age")]
    assert kinds(reconcile(weeks, [aged("a", 67), aged("b", 66)])) == [("contradiction", "age")]
    years = [make_source("a", "2019-03-05"), make_source("b", "2025-03-27")]
    assert FindingKind.CONTRADICTION not in {f.kind for f in reconcile(years, [aged("a", 67), aged("b", 72)])}
