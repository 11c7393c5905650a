"""What two claims' words settle beyond their typed values: tallies read at stated moments, descriptions and
offices that can both hold, a person's life state in any wording."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, Finding, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _run(*claims: Claim) -> list[Finding]:
    sources = [make_source(s) for s in sorted({c.source_id for c in claims})]
    return reconcile(sources, list(claims))


def _kinds(findings: list[Finding]) -> list[FindingKind]:
    return sorted(f.kind for f in findings if f.kind != FindingKind.SINGLE_SOURCE)


def _count(source: str, amount: int, quote: str) -> Claim:
    value = make_value("number", f"{amount:,}", str(amount), number=amount)
    return make_claim(source, "petition", "signatures", value, quote=quote)


def test_a_tally_read_at_two_stated_moments_is_an_update_in_clock_order() -> None:
    late = _count("b", 41000, "As of 10.30 p.m. the petition had 41,000 signatures.")
    early = _count("a", 25000, "By 6 p.m. Tuesday the petition was signed 25,000 times.")
    [update] = [f for f in _run(late, early) if f.kind != FindingKind.SINGLE_SOURCE]
    assert update.kind == FindingKind.UPDATE
    assert [e.claim_ids for e in update.timeline] == [[early.id], [late.id]]


def test_a_tally_at_a_stated_moment_beside_one_at_no_moment_is_neither_conflict_nor_change() -> None:
    stated = _count("a", 25000, "By 6 p.m. Tuesday the petition was signed 25,000 times.")
    bare = _count("b", 60000, "The petition was signed by 60,000 people.")
    assert _kinds(_run(stated, bare)) == []


def test_an_undated_running_total_beside_another_count_is_neither_conflict_nor_change() -> None:
    running = _count("a", 25000, "The petition has so far been signed 25,000 times.")
    bare = _count("b", 60000, "The petition was signed by 60,000 people.")
    assert _kinds(_run(running, bare)) == []


def test_an_age_told_with_a_death_is_no_running_total() -> None:
    def age(source: str, years: int, text: str, quote: str) -> Claim:
        value = make_value("number", text, str(years), number=years, unit="years")
        return make_claim(source, "teddy_brannock", "age", value, quote=quote)

    died = age("a", 63, "aged 63", "Teddy Brannock has died in a horror car smash in Portugal, aged 63")
    alive = age("b", 61, "61", "Brannock, 61, is due to go on tour with the band in March")
    assert _kinds(_run(died, alive)) == [FindingKind.CONTRADICTION]


def test_an_age_in_a_sentence_naming_another_day_is_no_figure_of_that_day() -> None:
    def age(source: str, years: int, quote: str) -> Claim:
        value = make_value("number", f"{years}-year-old", str(years), number=years, unit="years")
        return make_claim(source, "suspect", "age", value, quote=quote)

    first = age("a", 23, "The suspect, a 23-year-old Tunisian national, was arrested on Sunday")
    later = age("b", 19, "A third victim of Saturday's knife attack died, and the 19-year-old suspect was charged")
    assert _kinds(_run(first, later)) == [FindingKind.CONTRADICTION]


def test_one_pay_given_per_week_and_per_year_is_no_conflict() -> None:
    def pay(source: str, text: str, amount: float, quote: str) -> Claim:
        return make_claim(
            source,
            "luka_brenner",
            "earn amount",
            make_value("money", text, f"GBP {amount:g}", number=amount),
            quote=quote,
        )

    weekly = pay("a", "£85,000", 85000, "Brenner is expected to earn around £85,000 a week")
    yearly = pay("b", "£4.4 million", 4.4e6, "He will earn a reported £4.4 million a year")
    assert FindingKind.CONTRADICTION not in _kinds(_run(weekly, yearly))
    more = pay("b", "£9 million", 9e6, "He will earn a reported £9 million a year")
    assert _kinds(_run(weekly, more)) == [FindingKind.CONTRADICTION]


def test_two_tallies_at_no_stated_moment_still_conflict() -> None:
    one = _count("a", 25000, "The petition was signed 25,000 times.")
    other = _count("b", 60000, "The petition was signed by 60,000 people.")
    assert _kinds(_run(one, other)) == [FindingKind.CONTRADICTION]


def _text(source: str, subject: str, attribute: str, text: str) -> Claim:
    return make_claim(source, subject, attribute, make_value("text", text, text.lower()))


def test_two_descriptions_of_one_thing_can_both_hold() -> None:
    a = _text("a", "halvorsen", "description", "outdoor label")
    b = _text("b", "halvorsen", "description", "the mountaineering firm")
    assert _kinds(_run(a, b)) == []


def test_a_date_or_amount_under_a_descriptive_attribute_still_conflicts() -> None:
    a = make_claim("a", "halvorsen", "known since", make_value("date", "1990", "1990"))
    b = make_claim("b", "halvorsen", "known since", make_value("date", "2001", "2001"))
    assert _kinds(_run(a, b)) == [FindingKind.CONTRADICTION]


def test_two_short_values_of_another_attribute_still_conflict() -> None:
    a = _text("a", "ferry", "hull colour", "dark red")
    b = _text("b", "ferry", "hull colour", "pale blue")
    assert _kinds(_run(a, b)) == [FindingKind.CONTRADICTION]


def test_one_office_qualified_before_and_after_its_noun_is_no_conflict() -> None:
    a = _text("a", "ines_marlow", "role", "gallery curator")
    b = _text("b", "ines_marlow", "role", "curator of the museum")
    assert FindingKind.CONTRADICTION not in _kinds(_run(a, b))  # one head noun: an agreement (values/meaning.py)


def test_offices_qualified_on_one_side_or_of_another_rank_still_differ() -> None:
    a = _text("a", "ines_marlow", "role", "finance director")
    b = _text("b", "ines_marlow", "role", "sales director")
    assert _kinds(_run(a, b)) == [FindingKind.CONTRADICTION]
    c = _text("a", "tom_eld", "role", "deputy curator")
    d = _text("b", "tom_eld", "role", "curator of the museum")
    assert _kinds(_run(c, d)) == [FindingKind.CONTRADICTION]


def test_a_name_before_an_office_says_whose_office_it_is_not_which() -> None:
    a = _text("a", "wes_tolan", "role", "Falcons coach")
    b = _text("b", "wes_tolan", "role", "head coach")
    assert FindingKind.CONTRADICTION not in _kinds(_run(a, b))
    c = _text("a", "wes_tolan", "role", "defensive coach")
    d = _text("b", "wes_tolan", "role", "offensive coach")
    assert _kinds(_run(c, d)) == [FindingKind.CONTRADICTION]  # its other qualifiers still set it apart


def test_two_roles_of_different_kinds_both_hold_but_two_offices_still_differ() -> None:
    a = _text("a", "axl_rose", "role", "last remaining original member of the band")
    b = _text("b", "axl_rose", "role", "our beloved singer")
    assert _kinds(_run(a, b)) == []
    c = _text("a", "mara_voss", "role", "president")
    d = _text("b", "mara_voss", "role", "prime minister")
    assert _kinds(_run(c, d)) == [FindingKind.CONTRADICTION]


def test_a_country_within_the_other_value_names_the_whole_and_what_it_leads() -> None:
    a = make_claim("a", "weapons", "airdropped by", make_value("entity", "the US", "united_states"))
    b = make_claim("b", "weapons", "airdropped by", make_value("text", "U.S.-led coalition forces", "coalition"))
    assert _kinds(_run(a, b)) == []
    c = make_claim("b", "weapons", "airdropped by", make_value("entity", "Turkey", "turkey"))
    assert _kinds(_run(a, c)) == [FindingKind.CONTRADICTION]


def _life(source: str, text: str, attribution: str | None = None, modality: str = "reported") -> Claim:
    claim = make_claim(source, "mara_quell", "status", make_value("text", text, text.lower()), modality=modality)
    return claim.model_copy(update={"attribution": attribution}).with_id()


def test_dead_and_alive_in_any_wording_conflict_across_sources() -> None:
    found = _life("a", "found dead at her flat on Friday")
    alive = _life("b", "still very much alive")
    assert _kinds(_run(found, alive)) == [FindingKind.CONTRADICTION]


def test_alive_said_of_how_a_thing_was_done_is_no_life_state() -> None:
    burned = _life("a", "burned alive")
    dead = _life("b", "died")
    assert FindingKind.CONTRADICTION not in _kinds(_run(burned, dead))


def test_a_life_state_told_in_the_future_is_no_state_now() -> None:
    never = _life("a", "will never die")
    dead = _life("b", "died")
    assert FindingKind.CONTRADICTION not in _kinds(_run(never, dead))


def test_a_life_state_is_read_in_any_inflection() -> None:
    alive = _life("b", "alive and well")
    assert _kinds(_run(_life("a", "collapsed and later died"), alive)) == [FindingKind.CONTRADICTION]
    assert _kinds(_run(_life("a", "survived by two daughters"), alive)) == [FindingKind.CONTRADICTION]
    assert _kinds(_run(_life("a", "on a strict diet"), alive)) == []


def test_a_relayed_or_hedged_death_or_a_negated_one_conflicts_with_nothing() -> None:
    alive = _life("b", "alive and well")
    assert _kinds(_run(_life("a", "rumoured to have died"), alive)) == []
    assert _kinds(_run(_life("a", "pronounced dead", attribution="the hoax story"), alive)) == []
    assert _kinds(_run(_life("a", "found dead", modality="hedged"), alive)) == []
    assert _kinds(_run(_life("a", "not dead"), alive)) == []


def test_alive_then_dead_on_a_later_day_is_an_update_and_dead_then_alive_a_contradiction() -> None:
    alive = _life("a", "survived the crash")
    dead = _life("b", "died in hospital")
    sources = [make_source("a", "2024-03-01"), make_source("b", "2024-03-05")]
    assert _kinds(reconcile(sources, [alive, dead])) == [FindingKind.UPDATE]
    sources = [make_source("a", "2024-03-05"), make_source("b", "2024-03-01")]
    assert _kinds(reconcile(sources, [alive, dead])) == [FindingKind.CONTRADICTION]


def test_one_article_giving_both_life_states_is_no_contradiction() -> None:
    assert _kinds(_run(_life("a", "found dead"), _life("a", "alive"))) == []


def _wounded(source: str, amount: int, quote: str) -> Claim:
    value = make_value("number", str(amount), str(amount), number=amount)
    return make_claim(source, "civilians", "civilians wounded", value, quote=quote)


def _share(source: str, amount: float, quote: str) -> Claim:
    value = make_value("number", f"{amount:g} percent", f"{amount:g}", number=amount)
    return make_claim(source, "shares", "percent", value, quote=quote)


def test_undated_figures_told_of_other_days_are_neither_conflict_nor_change() -> None:
    sunday = _wounded("a", 2, "Two civilians were wounded on Sunday")
    since = _wounded("b", 5, "five civilians had been wounded since the truce began")
    monday = _wounded("c", 7, "Seven civilians were wounded on Monday")
    assert _kinds(_run(sunday, since)) == []  # one day, and a span since an event
    assert _kinds(_run(sunday, monday)) == []  # two weekdays
    closed = _share(
        "b", 2, "shares, which fell sharply on Monday as the rumours spread, closed 2 percent higher on Tuesday"
    )
    fell = _share("a", 4.5, "fell 4.5 percent on Monday")
    assert _kinds(_run(closed, fell)) == []  # the day nearest the figure: Tuesday


def test_undated_figures_told_of_one_day_still_conflict() -> None:
    one = _wounded("a", 2, "Two civilians were wounded on Sunday")
    other = _wounded("b", 5, "five civilians were wounded on Sunday")
    assert _kinds(_run(one, other)) == [FindingKind.CONTRADICTION]


def test_a_weekday_told_of_another_act_of_the_sentence_does_not_date_the_figure() -> None:
    def contract(source: str, years: int, quote: str) -> Claim:
        value = make_value("number", f"{years}-year", str(years), number=years, unit="year")
        return make_claim(source, "joel_amankwah", "contract length", value, quote=quote)

    agreed = contract("a", 4, "Amankwah, who completed a medical on Wednesday, has agreed a 4-year contract")
    signed = contract(
        "b",
        5,
        "The club got their man on Thursday, announcing the signing of Joel Amankwah from Ostervik FK on a 5-year deal",
    )
    assert _kinds(_run(agreed, signed)) == [FindingKind.CONTRADICTION]


def test_an_act_denied_as_not_done_so_far_is_no_contradiction_of_its_being_done() -> None:
    def stance(source: str, normalized: str, quote: str, qualifier: str | None = None) -> Claim:
        value = make_value("stance", quote, normalized).model_copy(update={"qualifier": qualifier})
        return make_claim(source, "hamlets", "reach", value, quote=quote)

    not_yet = stance("a", "denied", "crews had not yet reached several hamlets", qualifier="negated")
    reached = stance("b", "asserted", "rescuers reached mountain hamlets")
    assert FindingKind.CONTRADICTION not in _kinds(_run(not_yet, reached))
    never = stance("a", "denied", "crews never reached the hamlets", qualifier="negated")
    assert _kinds(_run(never, reached)) == [FindingKind.CONTRADICTION]


def test_an_act_told_done_before_a_later_not_yet_is_a_contradiction() -> None:
    def stance(normalized: str, quote: str, qualifier: str | None = None) -> Claim:
        value = make_value("stance", quote, normalized).model_copy(update={"qualifier": qualifier})
        return make_claim("x", "depot", "visit", value, quote=quote)

    visited = stance("asserted", "Officers visited the depot on Thursday")
    not_yet = stance("denied", "Inspectors have not yet visited the depot", qualifier="negated")
    for told, denied, kinds in (
        ("2025-05-15", "2025-05-16", [FindingKind.CONTRADICTION]),
        ("2025-05-16", "2025-05-15", []),
    ):
        claims = [visited.model_copy(update={"source_id": "a"}), not_yet.model_copy(update={"source_id": "b"})]
        sources = [make_source("a", told), make_source("b", denied)]
        assert [
            k for k in sorted(f.kind for f in reconcile(sources, claims)) if k != FindingKind.SINGLE_SOURCE
        ] == kinds


def test_a_denial_of_one_count_is_no_contradiction_of_another_count() -> None:
    def stance(source: str, normalized: str, quote: str) -> Claim:
        return make_claim(source, "people", "die", make_value("stance", quote, normalized), quote=quote)

    four = stance("a", "asserted", "four people had died")
    sixty_false = stance("b", "denied", 'Claim: "60 people have died." FALSE.')
    assert FindingKind.CONTRADICTION not in _kinds(_run(four, sixty_false))
    four_false = stance("b", "denied", 'Claim: "Four people have died." FALSE.')
    assert _kinds(_run(four, four_false)) == [FindingKind.CONTRADICTION]
