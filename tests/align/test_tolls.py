"""Counts of one noun by one verb from two sources are one toll, however far apart their amounts."""

from __future__ import annotations

from factcheck.align.slots import align
from factcheck.align.tolls import count_act
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _count(source: str, subject: str, attribute: str, n: int, unit: str, quote: str) -> Claim:
    value = make_value("number", f"{n} {unit}", str(n), number=n, unit=unit)
    return make_claim(source, subject, attribute, value, quote=quote)


KILLING = _count(
    "a", "fighters", "government soldiers killing", 60, "government soldiers",
    "Fighters captured the base, killing 60 government soldiers.",
)  # fmt: skip
KILLED = _count("b", "soldiers", "soldiers killed", 7, "soldiers", "Seven soldiers were killed in the fighting.")


def test_the_noun_and_verb_of_a_count_are_read_however_inflected() -> None:
    assert count_act(KILLING) == count_act(KILLED) == ("soldier", "kill")
    model_worded = _count("c", "government_soldiers", "killed", 60, "", "60 government soldiers were killed")
    assert count_act(model_worded) == ("soldier", "kill")  # the noun from the subject
    weight = make_claim("a", "fish", "weighed", make_value("number", "140 kg", "140 kg", number=140, unit="kg"))
    assert count_act(weight) is None  # a measure is no count


def test_two_sources_counting_one_noun_by_one_verb_conflict() -> None:
    [slot] = align([KILLING, KILLED])
    assert len(slot.claims) == 2
    sources = [make_source("a"), make_source("b")]
    assert [f.kind for f in reconcile(sources, [KILLING, KILLED])] == [FindingKind.CONTRADICTION]


def test_other_verbs_or_nouns_are_other_counts() -> None:
    wounded = _count("b", "soldiers", "soldiers wounded", 15, "soldiers", "15 soldiers were wounded.")
    attackers = _count("b", "attackers", "attackers killed", 22, "attackers", "22 attackers were killed.")
    assert len(align([KILLING, wounded])) == 2
    assert len(align([KILLING, attackers])) == 2


def test_two_parties_one_article_quotes_give_their_tolls_of_one_act() -> None:
    army = KILLED.model_copy(update={"attribution": "He said"}).with_id()
    rebels = _count("b", "front", "soldiers killed", 60, "soldiers", "The front said it killed 60 soldiers.")
    rebels = rebels.model_copy(update={"attribution": "The front said"}).with_id()
    sources = [make_source("a"), make_source("b")]
    kinds = sorted(f.kind.value for f in reconcile(sources, [KILLING, army, rebels]))
    assert kinds == ["agreement", "contradiction"]  # a's 60 against the army's 7, alike with the front's 60
