"""Joining slots across differently named subjects on a shared specific value, and pooling claims
scoped to one disputed event."""

from __future__ import annotations

from factcheck.models import FindingKind
from factcheck.reconcile import reconcile
from factcheck.reconcile.align import align
from factcheck.reconcile.crossalign import anchor_key, distinctive, remaining_words
from factcheck.reconcile.synthetic import make_claim, make_source, make_value

FLEETS = "Under the trade agreement, EU fleets must give up 25 percent of the value of their catch in UK waters"
VESSELS = "EU vessels are handing back 25% of the value of their catch in UK waters in stages"
FISHERY = "the fishery in English waters"
CLOSED = f"Britain closed {FISHERY} of the North Sea, including the Dogger Bank, on March 26"
TONNAGE = "EU fleets will have handed over about 15 percent of the tonnage they used to land from British waters"


def percent(text: str, n: float, qualifier: str | None = None) -> object:
    return make_value("number", text, str(int(n)), number=n, unit="percent", qualifier=qualifier)


def fleets() -> object:
    return make_claim("a", "eu_fleets", "percent give", percent("25 percent", 25), quote=FLEETS)


def vessels() -> object:
    return make_claim("b", "eu_vessels", "percent handing", percent("25%", 25), quote=VESSELS)


def test_one_value_in_the_same_words_joins_two_subjects():
    [slot] = align([fleets(), vessels()])
    assert {c.source_id for c in slot.claims} == {"a", "b"}
    sources = [make_source("a", "2024-04-18"), make_source("b", "2024-05-02")]
    [finding] = reconcile(sources, [fleets(), vessels()])
    assert finding.kind == FindingKind.AGREEMENT and finding.source_ids == ["a", "b"]


def test_the_words_left_are_what_the_quote_says_about_the_value():
    words = remaining_words(vessels())
    assert {"value", "catch", "uk", "water"} <= words
    assert not words & {"eu", "vessel", "percent", "25", "hand"}  # subject, attribute, value


def test_one_source_or_different_words_never_join():
    same_source = make_claim("a", "eu_vessels", "percent handing", percent("25%", 25), quote=VESSELS)
    assert len(align([fleets(), same_source])) == 2
    budget = "Member states pay 25% of the budget"
    other_fact = make_claim("b", "member_states", "percent share", percent("25%", 25), quote=budget)
    assert len(align([fleets(), other_fact])) == 2


def test_different_values_do_not_join_and_no_contradiction_is_made():
    about_15 = percent("about 15 percent", 15, "about")
    tonnage = make_claim("c", "eu_fleets_catch", "percent handed", about_15, quote=TONNAGE)
    assert len(align([fleets(), tonnage])) == 2
    sources = [make_source("a", "2024-04-18"), make_source("c", "2024-05-14")]
    kinds = {f.kind for f in reconcile(sources, [fleets(), tonnage])}
    assert FindingKind.CONTRADICTION not in kinds


def test_a_slot_holding_a_disagreeing_value_is_not_joined():
    """Joining on 25 = 25 would bring 30 (source c) beside 25 (source a): a contradiction nobody stated."""
    thirty = make_claim("c", "eu_vessels", "percent handing", percent("30%", 30), quote="EU vessels hand back 30%")
    slots = align([fleets(), vessels(), thirty])
    assert len(slots) == 2
    assert any({c.source_id for c in s.claims} == {"b", "c"} for s in slots)


def test_identical_wording_of_different_subjects_is_not_enough():
    """Generated quotes ('subject 12 3 last held March 2000') leave nothing but subject, attribute, value."""
    march = make_value("date", "March 2000", "2000-03")
    claims = [make_claim("a", "subject_12_3", "last held", march), make_claim("b", "subject_40_3", "last held", march)]
    assert len(align(claims)) == 2


def test_one_subject_needs_fewer_shared_words_than_two():
    """'closed' and 'shut' are two attribute wordings; the day and its month agree, in the same words."""
    day = make_value("date", "March 26", "2024-03-26")
    month = make_value("date", "March 2024", "2024-03")
    uk = {"subject": "Britain"}
    closed = make_claim("a", "united_kingdom", "closed fishery", day, quote=CLOSED, **uk)
    shut = make_claim("b", "united_kingdom", "shut fishery", month, quote=f"Britain shut {FISHERY} in March 2024", **uk)
    [slot] = align([closed, shut])
    assert len(slot.claims) == 2
    other = make_claim("b", "france", "shut fishery", month, quote=f"France shut {FISHERY} in March 2024")
    assert len(align([closed, other])) == 2  # two subjects: two shared words are not enough


def test_only_specific_values_anchor_a_join():
    assert anchor_key(make_value("date", "May 7, 2024", "2024-05-07")) == ("date", 2024, 5)
    assert anchor_key(make_value("date", "2020", "2020")) is None
    assert anchor_key(make_value("number", "three", "3", number=3)) is None
    assert anchor_key(make_value("number", "three rounds", "3", number=3, unit="rounds")) is not None
    assert anchor_key(make_value("ordinal", "second", "2", number=2)) is None
    assert anchor_key(make_value("money", "$1.3 billion", "USD 1300000000", number=1.3e9, unit="USD")) is not None
    assert anchor_key(make_value("entity", "London", "london")) == ("name", "london")
    assert anchor_key(make_value("text", "minister")) is None


def test_claims_scoped_to_one_disputed_event_agree_on_its_place():
    """Two sources date one meeting differently (a contradiction); both put it in London."""
    sources = [make_source("b", "2024-05-08"), make_source("c", "2024-05-14")]
    talks = "eu_uk_talks"
    claims = [
        make_claim("b", talks, "meeting date", make_value("date", "May 7", "2024-05-07"), quote="in London on May 7"),
        make_claim("c", talks, "meeting date", make_value("date", "May 9", "2024-05-09"), quote="in London on May 9"),
        make_claim("b", talks, "meeting place", make_value("entity", "London", "london"), time="2024-05-07",
                   quote="held in London on May 7"),
        make_claim("c", talks, "meeting place", make_value("entity", "London", "london"), time="2024-05-09",
                   quote="held in London on May 9"),
    ]
    findings = reconcile(sources, claims)
    by_attr = {(f.attribute, f.kind) for f in findings}
    assert ("meeting date", FindingKind.CONTRADICTION) in by_attr
    assert ("meeting place", FindingKind.AGREEMENT) in by_attr


def test_claims_about_two_undisputed_days_stay_apart():
    """Without a contradiction linking the dates, two days are two events: the same place is not an agreement."""
    sources = [make_source("b", "2024-05-08"), make_source("c", "2024-07-20")]
    talks = "eu_uk_talks"
    claims = [
        make_claim("b", talks, "meeting place", make_value("entity", "London", "london"), time="2024-05-07"),
        make_claim("c", talks, "meeting place", make_value("entity", "London", "london"), time="2024-07-18"),
    ]
    kinds = [f.kind for f in reconcile(sources, claims)]
    assert kinds == [FindingKind.SINGLE_SOURCE, FindingKind.SINGLE_SOURCE]


SLOWER = "who took velorastat declined 29% more slowly over 48 weeks than those on a placebo"
LIVER = "Liver enzymes rose in 6% of patients taking velorastat during the trial"


def test_a_like_attribute_counts_as_evidence_for_two_subjects():
    """Two words besides the value ('slowly', 'placebo') and one attribute: enough for two subjects."""
    a = make_claim("a", "velorastat", "percent declined", percent("29%", 29), quote=SLOWER)
    b = make_claim("b", "drug", "percent declined", percent("29 percent", 29),
                   quote="patients on the drug declined 29 percent more slowly than those on a placebo")
    [slot] = align([a, b])
    assert {c.source_id for c in slot.claims} == {"a", "b"}
    other = make_claim("b", "drug", "percent fell", percent("29 percent", 29),
                       quote="patients on the drug fell 29 percent more slowly than those on a placebo")
    assert len(align([a, other])) == 2  # the same two words under another attribute are not enough


def test_two_six_percent_figures_about_different_things_stay_apart():
    """'rose 6%' twice, both quotes naming the drug: one attribute and one word are not enough."""
    liver = make_claim("a", "liver_enzymes", "percent rose", percent("6%", 6), quote=LIVER)
    shares = make_claim("b", "brightwater_shares", "percent rose", percent("6 percent", 6),
                        quote="Brightwater shares rose 6 percent after velorastat was approved")
    assert len(align([liver, shares])) == 2
    sources = [make_source("a", "2024-03-21"), make_source("b", "2024-06-13")]
    kinds = {f.kind for f in reconcile(sources, [liver, shares])}
    assert kinds == {FindingKind.SINGLE_SOURCE}


def test_percentages_anchor_with_their_unit():
    assert anchor_key(percent("29%", 29)) == anchor_key(percent("29 percent", 29)) == ("quantity", "percent", 29)
    assert anchor_key(percent("6%", 6)) != anchor_key(make_value("number", "6 weeks", "6", number=6, unit="weeks"))


def test_a_subject_the_other_quote_mentions_is_evidence():
    """'Brightwater won approval for velorastat' / 'Velorastat was approved ... sold by Brightwater':
    each names the other's subject; the day falls in the other's month."""
    won = make_claim("a", "brightwater_therapeutics", "won approval", make_value("date", "Wednesday", "2024-06-12"),
                     quote="Brightwater Therapeutics won approval on Wednesday for velorastat",
                     subject="Brightwater Therapeutics")
    approved = make_claim("b", "velorastat", "approved", make_value("date", "June 2024", "2024-06"),
                          quote="Velorastat was approved in June 2024 and is sold by Brightwater Therapeutics",
                          subject="Velorastat")
    [slot] = align([won, approved])
    assert len(slot.claims) == 2
    elsewhere = make_claim("b", "velorastat", "approved", make_value("date", "June 2024", "2024-06"),
                           quote="Velorastat was approved in June 2024 by regulators", subject="Velorastat")
    assert len(align([won, elsewhere])) == 2  # only one subject is mentioned across: not enough


def test_shared_words_of_both_subjects_or_both_attributes_are_not_evidence():
    """Both name 'trial' as subject and 'enrolled' as attribute: those words are no evidence."""
    a = make_claim("a", "resolve_trial", "patients enrolled", make_value("number", "412 patients", "412",
                   number=412, unit="patients"), quote="the RESOLVE trial enrolled 412 patients")
    b = make_claim("b", "alpha_trial", "patients enrolled", make_value("number", "412 patients", "412",
                   number=412, unit="patients"), quote="the ALPHA trial enrolled 412 patients")
    assert len(align([a, b])) == 2


def test_a_declined_figure_and_the_decline_it_slowed_are_one_fact():
    """One subject: 'declined' in one attribute and 'the decline' in the other quote count as a word."""
    a = make_claim("a", "drug", "percent declined", percent("29%", 29),
                   quote="patients on the drug declined 29% more slowly than those on a placebo")
    b = make_claim("b", "drug", "percent slowed", percent("29%", 29),
                   quote="the drug slowed the decline in patients' physical function by 29% compared with a placebo")
    [slot] = align([a, b])
    assert len(slot.claims) == 2


def usd(text: str, amount: float) -> object:
    return make_value("money", text, f"USD {int(amount)}", number=amount, unit="USD")


def riders(n: int) -> object:
    return make_value("number", f"{n:,} weekday riders", str(n), number=n, unit="weekday riders")


HOLDS = "It holds an $840 million contract for the tunnel and the three downtown stations"
HELD = "Spanish contractor Grupo Ferrandis, which won the $840 million tunnel contract"


def test_exact_amounts_and_large_counts_are_distinctive_round_or_small_ones_are_not():
    for text, amount in [("$840 million", 840e6), ("$712 million", 712e6), ("$1.9 billion", 1.9e9),
                         ("C$62 million", 62e6), ("$95 million", 95e6), ("$2.68 billion", 2.68e9)]:
        assert distinctive(usd(text, amount)), text
    for text, amount in [("$40 million", 40e6), ("$2.5 billion", 2.5e9), ("$25 million", 25e6),
                         ("$1.75 billion", 1.75e9), ("$12", 12), ("$840", 840)]:
        assert not distinctive(usd(text, amount)), text
    assert distinctive(riders(31_000)) and distinctive(riders(1_100)) and distinctive(riders(24_500))
    assert not distinctive(riders(40_000)) and not distinctive(riders(1_500)) and not distinctive(riders(412))
    assert not distinctive(make_value("number", "43,118", "43118", number=43118))  # no unit
    assert not distinctive(make_value("date", "March 14, 2022", "2022-03-14"))


def test_a_distinctive_amount_needs_only_one_shared_word():
    """'tunnel' and 'contract', under unlike attributes: too few for two subjects, enough for $840 million."""
    holds = make_claim("a", "builder", "holds", usd("$840 million", 840e6), quote=HOLDS)
    held = make_claim("b", "grupo_ferrandis", "award", usd("$840 million", 840e6), quote=HELD)
    [slot] = align([holds, held])
    assert {c.source_id for c in slot.claims} == {"a", "b"}
    sources = [make_source("a", "2024-09-18"), make_source("b", "2027-05-23")]
    [finding] = reconcile(sources, [holds, held])
    assert finding.kind == FindingKind.AGREEMENT
    round_a = make_claim("a", "builder", "holds", usd("$800 million", 800e6),
                         quote=HOLDS.replace("$840", "$800"))
    round_b = make_claim("b", "grupo_ferrandis", "award", usd("$800 million", 800e6),
                         quote=HELD.replace("$840", "$800"))
    assert len(align([round_a, round_b])) == 2  # a round amount keeps the three-word rule


def test_a_subject_named_in_the_other_quote_is_enough_for_a_distinctive_amount():
    """The agency committing $712 million is named where the other source calls it the federal share."""
    committed = make_claim("a", "federal_transit_administration", "committed amount", usd("$712 million", 712e6),
                           quote="The Federal Transit Administration has committed $712 million to the extension",
                           subject="Federal Transit Administration")
    capped = make_claim("b", "federal_share", "capped amount", usd("$712 million", 712e6),
                        quote="the federal share was capped at the $712 million grant the Federal Transit "
                              "Administration awarded in 2022", subject="federal share")
    [slot] = align([committed, capped])
    assert len(slot.claims) == 2


def test_a_budget_and_its_approval_of_one_distinctive_amount_are_one_fact():
    budget = make_claim("a", "project", "budgeted amount", usd("$1.9 billion", 1.9e9),
                        quote="The project was budgeted at $1.9 billion by the transit board")
    approved = make_claim("b", "board", "approved amount", usd("$1.9 billion", 1.9e9),
                          quote="more than the $1.9 billion the board approved in 2021", subject="the board")
    [slot] = align([budget, approved])
    assert len(slot.claims) == 2


def test_one_amount_for_two_different_facts_stays_apart():
    """A $40 million cost and a $40 million grant share 'city' and 'station': round, so not enough; an
    exact amount in quotes sharing no word, or in bare quotes under one attribute, is not enough either."""
    cost = make_claim("a", "station", "cost amount", usd("$40 million", 40e6),
                      quote="The new station cost $40 million to build, the city said")
    grant = make_claim("b", "city", "grant amount", usd("$40 million", 40e6),
                       quote="The city received a $40 million federal grant for the station's roof")
    assert len(align([cost, grant])) == 2
    exact_cost = make_claim("a", "station", "cost amount", usd("$43 million", 43e6),
                            quote="Building the new station cost $43 million")
    exact_grant = make_claim("b", "airport", "grant amount", usd("$43 million", 43e6),
                             quote="The airport received a $43 million federal grant last spring")
    assert len(align([exact_cost, exact_grant])) == 2
    bare = [make_claim(s, f"company_{s}", "revenue", usd("$840 million", 840e6),
                       quote=f"company {s} revenue $840 million") for s in ("a", "b")]
    assert len(align(bare)) == 2
    sources = [make_source("a", "2024-09-18"), make_source("b", "2027-05-23")]
    assert {f.kind for f in reconcile(sources, [exact_cost, exact_grant])} == {FindingKind.SINGLE_SOURCE}


def test_an_attribute_word_named_in_the_other_quote_joins_a_distinctive_count():
    """'The authority forecasts 31,000 weekday riders' says nothing but subject, attribute and value;
    'forecast' in the other quote is the one word they share."""
    forecasts = make_claim("a", "transit_authority", "weekday riders forecasts", riders(31_000),
                           quote="The authority forecasts 31,000 weekday riders", subject="The authority")
    forecast = make_claim("b", "first_year", "weekday riders", riders(31_000),
                          quote="The authority had forecast 31,000 weekday riders by the end of the first year")
    [slot] = align([forecasts, forecast])
    assert len(slot.claims) == 2
    counted = make_claim("b", "first_year", "weekday riders", riders(31_000),
                         quote="Gates counted 31,000 weekday riders in the first year")
    assert len(align([forecasts, counted])) == 2


def test_a_distinctive_amount_never_joins_a_slot_that_disagrees():
    """Joining on $840 million = $840 million would set $910 million (source c) beside it."""
    holds = make_claim("a", "builder", "holds", usd("$840 million", 840e6), quote=HOLDS)
    held = make_claim("b", "grupo_ferrandis", "award", usd("$840 million", 840e6), quote=HELD)
    other = make_claim("c", "grupo_ferrandis", "the amount", usd("$910 million", 910e6),
                       quote="Grupo Ferrandis, which won the $910 million tunnel contract")
    slots = align([holds, held, other])
    assert not any({c.source_id for c in s.claims} >= {"a", "b"} for s in slots)
    sources = [make_source(s, "2025-01-01") for s in "abc"]
    contradictions = [f for f in reconcile(sources, [holds, held, other]) if f.kind == FindingKind.CONTRADICTION]
    assert all("a" not in f.source_ids for f in contradictions)
