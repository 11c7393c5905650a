"""Alignment by meaning: claims that state one fact join whatever their wording; different facts,
instances, names and one source's two values stay apart; candidates come from shared words, not all pairs."""

from __future__ import annotations

import importlib

import numpy as np
import pytest

from factcheck.align.candidates import candidates
from factcheck.align.guards import same_instance
from factcheck.align.slots import align
from factcheck.testing import make_claim, make_value
from factcheck.values.keys import attribute_form

TALKS = "japan_south_korea_security_talks"
align_module = importlib.import_module("factcheck.align.slots")
MARCH = make_value("date", "March 2018", "2018-03")


def _tb(source, subject, attribute, text, amount, quote, unit="terabyte"):
    """A count claim, in terabytes unless told."""
    return make_claim(source, subject, attribute, make_value("number", text, amount, unit=unit), quote=quote)


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


def test_paraphrased_subjects_and_attributes_of_one_fact_join():
    copied = _tb(
        "a",
        "attackers",
        "data copied",
        "1.9 terabytes",
        "1.9",
        "The attackers copied 1.9 terabytes of data before they set off the encryptor",
    )
    taken = _tb(
        "b", "hackers", "data taken", "1.9 terabytes", "1.9", "The hackers took 1.9 terabytes of data from the insurer"
    )
    assert len(align([copied, taken])) == 1


def test_instance_words_keep_slots_apart():
    first = make_claim(
        "a",
        TALKS,
        "first meeting date",
        make_value("date", "June 1998", "1998-06"),
        quote="The first meeting of the Japan-South Korea security talks was held in June 1998",
    )
    last = make_claim(
        "b",
        TALKS,
        "last meeting date",
        MARCH,
        quote="The last meeting of the Japan-South Korea security talks was held in March 2018",
    )
    place = make_claim(
        "a",
        TALKS,
        "first meeting place",
        make_value("entity", "Seoul", "seoul"),
        quote="The first meeting of the Japan-South Korea security talks was held in Seoul",
    )
    assert len(align([first, last, place])) == 3
    assert attribute_form("first meeting date").markers == frozenset({"first"})
    assert not same_instance(frozenset({"first"}), frozenset({"second"}))
    assert not same_instance(frozenset({"deputy"}), frozenset())  # a deputy is not the chief
    assert same_instance(frozenset({"first"}), frozenset())  # 'first logged in' / 'entered': order unsaid


def _named(source, key, subject, attribute, value, quote):
    """A claim whose subject is a name as written."""
    return make_claim(source, key, attribute, value, quote=quote, subject=subject)


JUNE_1998 = make_value("date", "June 1998", "1998-06")
HECTARES = make_value("number", "12,300 hectares", "12300", unit="hectare")
NAMED_APART = {
    "talks-and-a-test": [
        _named(
            "a",
            TALKS,
            "Japan-South Korea security talks",
            "first meeting date",
            JUNE_1998,
            "The first Japan-South Korea security meeting was held in June 1998",
        ),
        _named(
            "b",
            "north_korea",
            "North Korea",
            "first nuclear test",
            JUNE_1998,
            "In June 1998, officials said, North Korea was preparing its first test",
        ),
    ],
    "two-fires": [
        _named(
            "a",
            "sitkum_ridge_fire",
            "Sitkum Ridge fire",
            "area burned",
            HECTARES,
            "So far the Sitkum Ridge fire burned 12,300 hectares",
        ),
        _named(
            "b",
            "sitkum_creek_fire",
            "Sitkum Creek fire",
            "area burned",
            HECTARES,
            "In 2017 the Sitkum Creek fire burned 12,300 hectares",
        ),
    ],
}


@pytest.mark.parametrize("pair", NAMED_APART.values(), ids=NAMED_APART)
def test_two_named_subjects_with_no_name_in_common_stay_apart(pair):
    assert len(align(pair)) == 2


def _one_source_two_values():
    """One article's two counts of alike-worded groups: two facts."""
    return [
        _tb(
            "a",
            "larkspur",
            "members covered",
            "1.4 million",
            "1400000",
            "Larkspur covers about 1.4 million members in Oregon",
            None,
        ),
        make_claim(
            "a",
            "larkspur",
            "people covered",
            make_value("number", "900,000", "900000"),
            start=60,
            quote="Larkspur covers at least 900,000 people in Washington",
        ),
    ]


def test_a_source_never_states_two_values_of_one_fact():
    """Two groups that one article gives different values are two facts, however alike they read."""
    assert len(align(_one_source_two_values())) == 2


def test_conflicting_values_need_close_wording_to_join():
    """Values set against each other make a contradiction: two facts of one subject stay apart."""
    aid = make_claim(
        "a",
        "denmark",
        "aid",
        make_value("money", "200 million crowns", "DKK 200000000"),
        quote="Denmark said it would give 200 million crowns in aid to the fleet",
    )
    fine = make_claim(
        "b",
        "denmark",
        "fine paid",
        make_value("money", "300 million crowns", "DKK 300000000"),
        quote="Denmark paid a fine of 300 million crowns to the court",
    )
    assert len(align([aid, fine])) == 2


def test_candidates_come_from_shared_words_not_all_pairs(monkeypatch):
    encoded = []
    real = align_module.join_by_meaning

    def counting(groups, embedder, judge=None, sources=None):
        encoded.append(len(candidates(groups)))
        return real(groups, embedder, judge, sources)

    monkeypatch.setattr(align_module, "join_by_meaning", counting)
    n = 400
    claims = [
        make_claim(
            "s",
            f"subject{i}",
            f"attribute{i} word{i}",
            make_value("number", str(i), str(i)),
            start=i,
            quote=f"subject{i} attribute{i} word{i}",
        )
        for i in range(n)
    ]
    assert len(align(claims)) == n
    assert encoded == [0]  # no two statements share a word: nothing to compare
    encoded.clear()
    chained = [
        make_claim(
            "s", f"s{i}", f"w{i} w{i + 1}", make_value("number", str(i), str(i)), start=i, quote=f"w{i} w{i + 1}"
        )
        for i in range(n)
    ]
    align(chained)
    assert encoded[0] <= 2 * n  # each statement shares a word with its neighbours only: linear, not n * n


def test_slots_are_ordered_and_claims_within_them_too():
    claims = [
        make_claim(
            src,
            subj,
            "role",
            make_value("entity", "Prime Minister", "prime_minister"),
            quote=f"As of today {subj.title()} is Prime Minister",
            subject=subj.title(),
        )
        for subj in ("zeta", "alpha")
        for src in ("b", "a")
    ]
    slots = align(claims)
    assert [s.subject_key for s in slots] == ["alpha", "zeta"]
    assert [c.source_id for c in slots[0].claims] == ["a", "b"]


def test_two_facts_of_one_sentence_stay_apart():
    sentence = (
        "An early resumption of the dialogue, last held in March 2018, was agreed by Prime Minister "
        "Fumio Kishida and Yoon at their summit on March 16"
    )
    two_facts = [
        make_claim("a", TALKS, "last held", MARCH, quote=sentence),
        make_claim("b", TALKS, "resumption agreed", make_value("date", "March 16", "2023-03-16"), quote=sentence),
    ]
    assert len(align(two_facts)) == 2


def test_any_embedder_with_encode_can_drive_alignment():
    """The stage takes the embedder as a parameter: a model that says everything differs joins nothing new."""

    class Orthogonal:
        def encode(self, texts):
            return np.eye(len(texts), 8 if len(texts) < 8 else len(texts), dtype=np.float32)

    claims = [
        make_claim("a", "attackers", "data copied", make_value("number", "1.9 terabytes", "1.9", unit="terabyte")),
        make_claim("b", "hackers", "data taken", make_value("number", "1.9 terabytes", "1.9", unit="terabyte")),
    ]
    assert len(align(claims, embedder=Orthogonal())) == 2


def _doubtful_pair():
    logged = make_claim(
        "a",
        "attackers",
        "first logged in",
        make_value("date", "26 February", "2025-02-26"),
        quote="The attackers first logged in on 26 February using a contractor's password",
    )
    entered = make_claim(
        "b",
        "attackers",
        "entered larkspur's network",
        make_value("date", "Feb. 10", "2025-02-10"),
        quote="The attackers entered Larkspur's network on Feb. 10, the filing says",
    )
    return [logged, entered]


def test_a_judge_settles_the_joins_the_embeddings_leave_in_doubt():
    asked = []

    def same(sets):
        asked.extend(sets)
        return [[{cid for cid, _ in members}] for members in sets]

    def apart(sets):
        return [[] for _ in sets]

    claims = _doubtful_pair()
    assert len(align(claims)) == 2  # too far apart in wording for values that conflict
    assert len(align(claims, judge=apart)) == 2
    [slot] = align(claims, judge=same)
    assert len(slot.claims) == 2
    assert [[claim.attribute for _, claim in members] for members in asked] == [
        ["first logged in", "entered larkspur's network"]
    ]


def test_a_judge_cannot_overrule_the_guards():
    """One source's two values stay two facts, whatever the judge says."""
    assert len(align(_one_source_two_values(), judge=lambda sets: [[{cid for cid, _ in m}] for m in sets])) == 2


def test_the_only_two_counts_of_one_named_thing_join_though_worded_apart():
    copied = _tb(
        "a",
        "attackers",
        "data copied",
        "1.9 terabytes",
        "1.9",
        "They copied 1.9 terabytes of data to a commercial cloud storage account before setting off the encryption.",
    )
    taken = _tb(
        "b",
        "attackers",
        "files taken",
        "1.6 terabytes",
        "1.6",
        "The attackers took 1.6 terabytes of files, according to the notice the insurer filed with the state.",
    )
    assert len(align([copied, taken])) == 1


def test_counts_of_one_thing_stay_apart_when_far_apart_or_not_the_only_two():
    far = [
        _tb(
            "a",
            "evacuation",
            "residents evacuated",
            "6,000 people",
            "6000",
            "Some 6,000 people were evacuated from the town",
            "people",
        ),
        _tb("b", "fire", "deaths", "three people", "3", "The fire has killed three people", "people"),
    ]
    assert len(align(far)) == 2
    three = [
        _tb(
            "a",
            "attackers",
            "data copied",
            "1.9 terabytes",
            "1.9",
            "They copied 1.9 terabytes of data to a cloud account.",
        ),
        _tb(
            "b",
            "attackers",
            "files taken",
            "1.6 terabytes",
            "1.6",
            "The attackers took 1.6 terabytes of files, the notice said.",
        ),
        _tb("c", "backup", "capacity", "1.5 terabytes", "1.5", "The backup array holds 1.5 terabytes."),
    ]
    assert len(align(three)) >= 2


def test_one_fact_named_alike_and_told_near_joins_across_subject_wordings():
    def day(text, iso):
        return make_value("date", text, iso)

    told = [
        make_claim(
            "a",
            "hazel",
            "breakthrough date",
            day("6 February", "2025-02-06"),
            quote="The machine, named Hazel, broke through into the station box on 6 February, ending its drive",
        ),
        make_claim(
            "b",
            "tunnel_boring_machine",
            "breakthrough date",
            day("Feb. 11, 2025", "2025-02-11"),
            quote="The machine did not break through at the far end of the tunnel until Feb. 11, 2025.",
        ),
    ]
    assert len(align(told)) == 1
    far = [
        make_claim(
            "a", "green_line", "opened", day("2001", "2001"), quote="The city's first light-rail line opened in 2001."
        ),
        make_claim(
            "b", "blue_line", "opened", day("May 22, 2027", "2027-05-22"), quote="The new line opened on May 22, 2027."
        ),
    ]
    assert len(align(far)) == 2
    years = [
        make_claim(
            "a", "senior_commander", "captured", day("2015", "2015"), quote="a senior commander captured in 2015"
        ),
        make_claim(
            "b", "conscript", "captured", day("2016", "2016"), quote="her son, a conscript, was captured in 2016"
        ),
    ]
    assert len(align(years)) == 2  # a year dates too many acts alike: two people, two captures


def test_one_attribute_of_a_subject_named_more_fully_joins_though_values_differ():
    def state(source, subject, word, quote):
        return make_claim(source, subject, "status", make_value("text", word, word), quote=quote)

    nested = [
        state("a", "talks", "suspended", "But the talks were suspended in 2018"),
        state(
            "b",
            "security_policy_talks",
            "restored",
            "the Security Policy Consultation, which was restored in April after a hiatus of five years",
        ),
    ]
    assert len(align(nested)) == 1
    beside = [
        state("a", "talks", "suspended", "But the talks were suspended in 2018"),
        state("b", "intelligence_pact", "restored", "the intelligence-sharing pact, which was restored in April"),
    ]
    assert len(align(beside)) == 2


def test_one_subject_giving_one_specific_count_alike_joins_though_its_attributes_differ():
    def count(source, subject, attribute, text, quote):
        return make_claim(source, subject, attribute, make_value("number", text, "30000"), quote=quote)

    claims = [
        count(
            "a",
            "als",
            "number",
            "About 30,000",
            "About 30,000 Americans are living with the disease, patient groups say",
        ),
        count(
            "b",
            "amyotrophic_lateral_sclerosis",
            "people affected in the united states",
            "roughly 30,000",
            "a fatal nerve disease that affects roughly 30,000 people in the United States",
        ),
    ]
    assert len(align(claims)) == 1


def test_one_subject_giving_one_open_day_alike_joins_though_its_attributes_differ():
    """Two undated articles date one person's night 'January 17' and 'Jan. 17': a day, though of no known
    year, is specific enough to join the two wordings."""
    beer = make_claim(
        "a",
        "dana_reyes",
        "drinking beer",
        make_value("date", "January 17", "open: january 17"),
        quote="while he was drinking beer with friends at a tavern near Harwick on January 17",
    )
    bar = make_claim(
        "b",
        "dana_reyes",
        "at bar",
        make_value("date", "Jan. 17", "open: january 17"),
        quote="after his girlfriend confronted him at a bar close to Harwick on Jan. 17",
    )
    assert len(align([beer, bar])) == 1
    other = bar.model_copy(update={"value": make_value("date", "Jan. 18", "open: january 18")})
    assert len(align([beer, other])) == 2


def test_a_specific_date_on_one_side_contained_in_the_other_counts_as_one_value_given_alike():
    """'took office in May 2022' / 'since his inauguration in 2022': the month lies within the year,
    so one subject giving it is evidence of one fact, though the attributes are worded apart."""
    took = make_claim(
        "a",
        "yoon",
        "took office",
        make_value("date", "May 2022", "2022-05"),
        quote="with Yoon, who took office in May 2022, pledging to improve relations with Japan",
    )
    sworn = make_claim(
        "b", "yoon", "inauguration", make_value("date", "2022", "2022"), quote="But since his inauguration in 2022"
    )
    assert len(align([took, sworn])) == 1
    other = make_claim(
        "b", "yoon", "inauguration", make_value("date", "2021", "2021"), quote="But since his inauguration in 2021"
    )
    assert len(align([took, other])) == 2  # no value given alike: too far apart in wording to conflict


def test_an_open_bound_agreeing_with_an_amount_of_another_order_is_no_evidence_for_a_join():
    """'At least 14 lawsuits' is consistent with 'about 1.4 million members', but says nothing of one fact."""

    def count(source, subject, attribute, text, amount, quote, qualifier=None):
        value = make_value("number", text, amount, qualifier=qualifier)
        return make_claim(source, subject, attribute, value, quote=quote)

    claims = [
        count(
            "a",
            "larkspur_health_plan",
            "people covered",
            "about 1.4 million",
            "1400000",
            "Larkspur Health Plan, the nonprofit insurer that covers about 1.4 million people",
        ),
        count(
            "c",
            "lawsuits_against_larkspur",
            "count",
            "At least 14",
            "14",
            "At least 14 lawsuits have been filed against Larkspur in federal court in Portland",
            "at least",
        ),
        count(
            "d",
            "larkspur",
            "members covered",
            "about 1.4 million",
            "1400000",
            "The nonprofit insurer, which covers about 1.4 million members in Oregon and Washington",
        ),
    ]
    sizes = sorted(len(s.claims) for s in align(claims))
    assert sizes == [1, 2]


def test_a_change_of_a_quantity_is_not_the_quantity():
    """'cost overrun' ($780 million) and 'cost' ($2.6 billion) of one line are two facts: one is a difference."""

    def money(source, attribute, text, amount, quote):
        return make_claim(source, "blue_line_east", attribute, make_value("money", text, f"USD {amount}"), quote=quote)

    cost = money(
        "a",
        "cost",
        "$2.6 billion",
        2600000000,
        "Its cost has climbed to $2.6 billion, more than a third above the budget the board approved",
    )
    overrun = money(
        "b",
        "cost overrun",
        "$780 million",
        780000000,
        "That is $780 million, or 41 percent, more than the $1.9 billion the board approved in 2021",
    )
    assert len(align([cost, overrun])) == 2
    assert attribute_form("cost overrun").markers == frozenset({"change"})


def test_who_did_a_deed_and_where_it_was_done_are_two_facts():
    """'kidnapped by: militants' names who did it and 'kidnapped in: Sanaa' where: never one slot."""
    assert attribute_form("kidnapped by").key != attribute_form("kidnapped in").key
    assert attribute_form("kidnapped in").key == attribute_form("kidnapped").key
