"""Alignment into slots, and blocking: candidate pairs come from shared blocks, never from all pairs."""

from __future__ import annotations

import importlib

from factcheck.reconcile.align import align, attribute_form
from factcheck.reconcile.synthetic import make_claim, make_value

TALKS = "japan_south_korea_security_talks"
align_module = importlib.import_module("factcheck.reconcile.align")
MARCH = make_value("date", "March 2018", "2018-03")


def slot_sizes(claims):
    return sorted((s.subject_key, s.attribute, len(s.claims)) for s in align(claims))


def test_near_wordings_of_one_attribute_share_a_slot():
    claims = [
        make_claim("a", TALKS, "last held", MARCH),
        make_claim("b", TALKS, "last held date", MARCH),
        make_claim("c", TALKS, "was last held", make_value("date", "2018", "2018")),
    ]
    [slot] = align(claims)
    assert len(slot.claims) == 3 and slot.attribute == "last held"


def test_markers_and_value_types_keep_slots_apart():
    claims = [
        make_claim("a", TALKS, "first meeting date", make_value("date", "June 1998", "1998-06")),
        make_claim("a", TALKS, "first meeting place", make_value("entity", "Seoul", "seoul")),
        make_claim("b", TALKS, "last meeting date", make_value("date", "March 2018", "2018-03")),
        make_claim("b", "north_korea", "first meeting date", make_value("date", "June 1998", "1998-06")),
    ]
    assert len(align(claims)) == 4
    assert attribute_form("first meeting date").markers == frozenset({"first"})
    assert attribute_form("first meeting place").core == attribute_form("first meeting date").core


def test_a_shorter_subject_key_folds_into_its_one_fuller_form():
    claims = [
        make_claim("a", TALKS, "last held", MARCH),
        make_claim("b", "security_talks", "last held", MARCH),
    ]
    [slot] = align(claims)
    assert slot.subject_key in {TALKS, "security_talks"} and len(slot.claims) == 2
    ambiguous = [*claims, make_claim("c", "china_japan_security_talks", "last held", MARCH)]
    assert len(align(ambiguous)) == 3  # two fuller forms: folding would be a guess


def test_a_spelled_out_name_folds_into_the_acronym_its_initials_spell():
    """Articles extracted one by one: one says GSOMIA, the other spells the agreement out."""
    canceled = make_value("text", "canceled")
    claims = [
        make_claim("a", "gsomia", "status", canceled, time="2012"),
        make_claim("b", "general_security_of_military_information_agreement", "status", canceled, time="2012"),
        make_claim("c", "general_security_talks", "status", canceled, time="2012"),  # initials spell no key
        make_claim("c", "japan_air_lines", "status", canceled, time="2012"),  # 'jal' is nobody's key here
    ]
    assert slot_sizes(claims) == [
        ("general_security_talks", "status", 1), ("gsomia", "status", 2), ("japan_air_lines", "status", 1),
    ]


def test_different_wording_with_the_same_value_and_alike_quotes_is_one_slot():
    claims = [
        make_claim(
            "a", TALKS, "last held", MARCH, quote="An early resumption of the dialogue, last held in March 2018"
        ),
        make_claim(
            "b",
            TALKS,
            "previous session",
            MARCH,
            quote="The resumption of a security dialogue, last held in March 2018, is expected",
        ),
    ]
    assert len(align(claims)) == 1
    unrelated = [claims[0], make_claim("b", TALKS, "court ruling", MARCH, quote="The court ruled in March 2018")]
    assert len(align(unrelated)) == 2


def test_attribute_matching_is_blocked_by_shared_words(monkeypatch):
    calls = []
    real = align_module._forms_match

    def counting(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(align_module, "_forms_match", counting)
    n = 400
    claims = [
        make_claim("s", "subject", f"attribute{i} word{i}", make_value("number", str(i), str(i)), start=i)
        for i in range(n)
    ]
    assert len(align(claims)) == n
    assert len(calls) == 0  # no two attributes share a word: nothing to compare
    calls.clear()
    chained = [
        make_claim("s", "subject", f"w{i} w{i + 1}", make_value("number", str(i), str(i)), start=i) for i in range(n)
    ]
    align(chained)
    assert len(calls) == n - 1  # each form shares a word with its neighbours only: linear, not n * n
    calls.clear()
    common = [make_claim("s", "subject", f"held w{i}", make_value("number", str(i), str(i)), start=i) for i in range(n)]
    align(common)
    assert len(calls) == 0  # 'held' is shared by more than MAX_POSTING forms: too common to block on


def test_slots_are_ordered_and_claims_within_them_too():
    claims = [
        make_claim(src, subj, "role", make_value("entity", "Prime Minister", "prime_minister"))
        for subj in ("zeta", "alpha")
        for src in ("b", "a")
    ]
    slots = align(claims)
    assert [s.subject_key for s in slots] == ["alpha", "zeta"]
    assert [c.source_id for c in slots[0].claims] == ["a", "b"]


def test_different_wording_around_the_same_words_is_one_slot_even_when_values_differ():
    announced = make_claim(
        "a", "south_korea", "announced", make_value("date", "early March", "2023-03-01/2023-03-10"),
        quote="In early March, South Korea announced a solution to the wartime labor issue",
    )
    decided = make_claim(
        "b", "south_korea", "decided", make_value("date", "March 16", "2023-03-16"),
        quote="On March 16, South Korea decided on a solution to the wartime labor issue",
    )
    assert len(align([announced, decided])) == 1
    sentence = ("An early resumption of the dialogue, last held in March 2018, was agreed by Prime Minister "
                "Fumio Kishida and Yoon at their summit on March 16")
    two_facts = [
        make_claim("a", TALKS, "last held", MARCH, quote=sentence),
        make_claim("b", TALKS, "resumption agreed", make_value("date", "March 16", "2023-03-16"), quote=sentence),
    ]
    assert len(align(two_facts)) == 2  # the words around each value differ: two facts, two slots
