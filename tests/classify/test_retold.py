"""Findings on stances reported only where no other finding tells them: a story's conflict another contradiction
quotes, a debunking article's lead, and an agreement of stances whose sentences a finding on values sets side by side."""

from __future__ import annotations

from factcheck.classify.reconcile import reconcile
from factcheck.classify.retold import without_debunkers_leads
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _stance(source: str, key: str, attribute: str, text: str, denied: bool, start: int = 0) -> Claim:
    value = make_value("stance", text, "denied" if denied else "asserted")
    return make_claim(source, key, attribute, value, quote=f"{key} {attribute}: {text}", start=start)


def _kinds(claims: list[Claim]) -> list[tuple[FindingKind, str]]:
    sources = sorted({c.source_id for c in claims})
    return [(f.kind, f.subject_key) for f in reconcile([make_source(s) for s in sources], claims)]


def test_a_story_conflict_stands_where_nothing_else_sets_the_articles_apart() -> None:
    lead = _stance("a", "story", "true", "opened a number of dams", denied=False)
    called = _stance("b", "story", "true", "The claim is entirely false", denied=True, start=200)
    assert _kinds([lead, called]) == [(FindingKind.CONTRADICTION, "story")]


def test_a_story_conflict_another_contradiction_quotes_is_left_out() -> None:
    lead = _stance("a", "story", "true", "has died", denied=False)
    died = _stance("a", "tay_brixton", "die", "has died", denied=False)  # the lead sentence, read as its own act
    alive = _stance("b", "tay_brixton", "die", "rumours are false", denied=True)
    called = _stance("b", "story", "true", "fabricated stories", denied=True, start=300)
    assert _kinds([lead, died, alive, called]) == [(FindingKind.CONTRADICTION, "tay_brixton")]


def test_a_debunking_articles_lead_is_not_the_story() -> None:
    told = _stance("a", "story", "true", "has died", denied=False)
    answer = _stance("b", "story", "true", "wants his fans to know", denied=False)
    bogus = _stance("b", "tay_brixton", "kill", "bogus news report", denied=True, start=80)
    kept = without_debunkers_leads([told, answer, bogus])
    assert answer not in kept and told in kept and bogus in kept


def test_an_article_calling_its_own_story_false_keeps_its_lead() -> None:
    lead = _stance("b", "story", "true", "has named", denied=False)
    spoof = _stance("b", "story", "true", "It's a spoof", denied=True, start=300)
    bogus = _stance("b", "landfill", "name", "fake report", denied=True, start=200)
    assert lead in without_debunkers_leads([lead, spoof, bogus])


def test_an_agreement_of_stances_a_finding_on_values_already_quotes_is_left_out() -> None:
    three = make_claim(
        "a", "attack", "people killed", make_value("number", "Three", "3"), quote="Three people were killed"
    )
    five = make_claim("b", "attack", "people killed", make_value("number", "five", "5"), quote="The attack killed five")
    killed_a = _stance("a", "people", "kill", "were killed", denied=False)
    killed_b = _stance("b", "people", "kill", "killed", denied=False)
    assert _kinds([three, five, killed_a, killed_b]) == [(FindingKind.CONTRADICTION, "attack")]


def test_an_agreement_of_stances_in_sentences_of_their_own_stands() -> None:
    turned_a = _stance("a", "rodney_constantine", "turn in", "turned himself in", denied=False)
    turned_b = _stance("b", "rodney_constantine", "turn in", "turned himself in", denied=False)
    assert _kinds([turned_a, turned_b]) == [(FindingKind.AGREEMENT, "rodney_constantine")]


def test_two_articles_calling_one_report_false_agree_beside_its_figures() -> None:
    five_a = make_claim("a", "family", "people", make_value("number", "five", "5"), quote="a family of five tested")
    five_b = make_claim("b", "family", "people", make_value("number", "five", "5"), quote="a family of five tested")
    false_a = _stance("a", "family", "test positive", "rejected as false", denied=True)
    false_b = _stance("b", "family", "test positive", "FALSE", denied=True)
    found = _kinds([five_a, five_b, false_a, false_b])
    assert found.count((FindingKind.AGREEMENT, "family")) == 2


def test_an_agreement_of_stances_whose_sentences_give_figures_is_left_out() -> None:
    two = make_claim("a", "civilians", "wounded", make_value("number", "Two", "2"), quote="Two civilians were wounded")
    five = make_claim("b", "civilians", "wounded since", make_value("number", "five", "5"), quote="five civilians had")
    wounded_a = _stance("a", "civilians", "wound", "were wounded", denied=False)
    wounded_b = _stance("b", "civilians", "wound", "had been wounded", denied=False)
    assert (FindingKind.AGREEMENT, "civilians") not in _kinds([two, five, wounded_a, wounded_b])


def test_a_measure_of_the_doer_beside_a_stated_act_counts_nothing_the_act_is_about() -> None:
    """'Ting Su, 50 kg, caught her husband' / 'Ting Su, 1.6 m tall, caught her husband': a measure of her (or her
    age) is not how many did it, so the act agrees; two counts of the civilians a clause says were wounded tell the clause."""
    age_a = make_claim("a", "ting_su", "weight", make_value("number", "50", "50 kg", unit="kg"), quote="Ting Su, 50 kg")
    age_b = make_claim("b", "ting_su", "height", make_value("number", "1.6", "1.6 m", unit="m"), quote="Ting Su, 1.6 m")
    caught_a = _stance("a", "ting_su", "catch husband", "caught her husband", denied=False)
    caught_b = _stance("b", "ting_su", "catch husband", "caught her husband", denied=False)
    for claim, other in ((age_a, caught_a), (age_b, caught_b)):
        assert claim.span is not None and other.span is not None and claim.span.overlaps(other.span)
    found = _kinds([age_a, age_b, caught_a, caught_b])
    assert (FindingKind.AGREEMENT, "ting_su") in found
    two = make_claim(
        "a", "attack", "injured", make_value("number", "Two", "2", unit="civilians"), quote="Two civilians"
    )
    five = make_claim(
        "b", "attack", "injured", make_value("number", "five", "5", unit="civilians"), quote="five civilians"
    )
    wounded_a = _stance("a", "civilians", "wound", "were wounded", denied=False)
    wounded_b = _stance("b", "civilians", "wound", "had been wounded", denied=False)
    assert (FindingKind.AGREEMENT, "civilians") not in _kinds([two, five, wounded_a, wounded_b])
