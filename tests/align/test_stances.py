"""Stances across articles: a clause is kept only where another article denies it or states it too, and the
stances that meet share one subject key; in one slot an assertion and a denial conflict, two denials agree."""

from __future__ import annotations

from datetime import date

from factcheck.align.stances import disputed
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind, Granularity, Period
from factcheck.testing import make_claim, make_source, make_value


def _stance(source: str, key: str, attribute: str, text: str, denied: bool) -> Claim:
    value = make_value("stance", text, "denied" if denied else "asserted")
    return make_claim(source, key, attribute, value, quote=f"{key} {attribute}: {text}")


def test_stances_no_other_article_meets_are_left_out() -> None:
    said = _stance("a", "alderford", "evacuate", "was evacuated", denied=False)
    other = _stance("b", "alderford", "flood", "rejected as false", denied=True)
    assert disputed([said, other]) == []


def test_a_clause_two_articles_state_is_kept_and_agrees() -> None:
    said = _stance("a", "alderford", "evacuate", "was evacuated", denied=False)
    also = _stance("b", "village_of_alderford", "evacuate", "has been evacuated", denied=False)
    kept = disputed([said, also])
    assert [c.subject_key for c in kept] == ["alderford", "alderford"]
    kinds = [f.kind for f in reconcile([make_source("a"), make_source("b")], [said, also])]
    assert kinds == [FindingKind.AGREEMENT]


def test_two_articles_stories_meet_only_where_one_is_called_false() -> None:
    told = _stance("a", "story", "true", "has died", denied=False)
    also = _stance("b", "story", "true", "wants his fans to know", denied=False)
    assert disputed([told, also]) == []


def test_an_assertion_another_article_denies_is_kept_under_the_denials_key() -> None:
    said = _stance("a", "village_of_alderford", "evacuate", "was evacuated", denied=False)
    denial = _stance("b", "alderford", "evacuate", "rejected as false", denied=True)
    kept = disputed([said, denial])
    assert [c.subject_key for c in kept] == ["alderford", "alderford"]


def test_an_article_that_denies_a_clause_does_not_also_assert_it() -> None:
    quoted = _stance("b", "alderford", "evacuate", "is evacuated", denied=False)  # a fact-check quoting the claim
    denial = _stance("b", "alderford", "evacuate", "FALSE", denied=True)
    elsewhere = _stance("c", "alderford", "evacuate", "no truth", denied=True)
    assert quoted not in disputed([quoted, denial, elsewhere])


def test_subjects_sharing_no_word_do_not_meet() -> None:
    said = _stance("a", "kellow_dam", "burst", "had burst", denied=False)
    denial = _stance("b", "main_pipe", "burst", "were untrue", denied=True)
    assert disputed([said, denial]) == []


def test_an_assertion_told_with_a_verb_that_entails_the_denied_one_conflicts() -> None:
    gave_way = _stance("a", "lerna_dam", "give way", "gave way", denied=False)
    collapsed = _stance("b", "lerna_dam", "collapse", "were wrong", denied=True)
    assert len(disputed([gave_way, collapsed])) == 2
    kinds = [f.kind for f in reconcile([make_source("a"), make_source("b")], [gave_way, collapsed])]
    assert kinds == [FindingKind.CONTRADICTION]


def test_two_verbs_of_undergoing_with_an_object_in_common_tell_one_act() -> None:
    underwent = _stance("a", "kim_jong_un", "undergo ankle surgery", "underwent", denied=False)
    did_not_have = _stance("b", "kim_jong_un", "have surgery", "did not have", denied=True)
    assert len(disputed([underwent, did_not_have])) == 2
    had_talks = _stance("b", "kim_jong_un", "have talk", "did not have", denied=True)
    assert disputed([underwent, had_talks]) == []  # another thing undergone


def test_a_denied_kind_of_the_asserted_act_does_not_conflict() -> None:
    injured = _stance("a", "officer", "injure", "was injured", denied=False)
    not_shot = _stance("b", "officer", "shoot", "denied", denied=True)  # hurt some other way
    assert disputed([injured, not_shot]) == []
    shot = _stance("a", "officer", "shoot", "was shot", denied=False)
    not_injured = _stance("b", "officer", "injure", "no officers were injured", denied=True)
    assert len(disputed([shot, not_injured])) == 2


def _identity(source: str, subject: str, text: str, denied: bool) -> Claim:
    value = make_value("stance", text, "denied" if denied else "asserted")
    key = subject.split()[-1]
    return make_claim(source, key, "be paul rudd", value, quote=f"{subject} {text}", subject=subject)


def test_who_someone_unnamed_is_meets_whatever_words_tell_of_them() -> None:
    said = _identity("a", "one of the onlookers", "was Paul Rudd", denied=False)
    denial = _identity("b", "the man with a noble heart", "is not Paul Rudd", denied=True)
    assert len(disputed([said, denial])) == 2
    assert _kinds(said, denial) == [FindingKind.CONTRADICTION]


def test_two_named_people_are_two_people() -> None:
    said = _identity("a", "Smith", "was Paul Rudd", denied=False)
    denial = _identity("b", "Jones", "is not Paul Rudd", denied=True)
    assert disputed([said, denial]) == []


def test_other_claims_pass_untouched() -> None:
    count = make_claim("a", "village", "residents", make_value("number", "130", "130", number=130))
    assert disputed([count]) == [count]


def _kinds(*claims: Claim) -> list[FindingKind]:
    sources = [make_source(s) for s in sorted({c.source_id for c in claims})]
    findings = reconcile(sources, disputed(claims))
    return sorted(f.kind for f in findings if f.kind != FindingKind.SINGLE_SOURCE)


def test_an_assertion_and_a_denial_are_a_contradiction() -> None:
    said = _stance("a", "alderford", "evacuate", "was evacuated", denied=False)
    denial = _stance("b", "alderford", "evacuate", "rejected as false", denied=True)
    assert _kinds(said, denial) == [FindingKind.CONTRADICTION]


def test_two_denials_agree() -> None:
    one = _stance("b", "alderford", "evacuate", "rejected as false", denied=True)
    two = _stance("c", "alderford", "evacuate", "FALSE", denied=True)
    assert _kinds(one, two) == [FindingKind.AGREEMENT]


def test_one_clause_read_both_ways_round_meets_the_other_once() -> None:
    value_a = make_value("stance", "hadn't seen", "denied")
    value_b = make_value("stance", "had not seen", "denied")
    active_a = make_claim("a", "murren", "see check", value_a, quote="he hadn't seen")
    passive_a = make_claim("a", "check", "see", value_a, quote="he hadn't seen a check")
    active_b = make_claim("b", "murren", "see check", value_b, quote="he had not seen")
    passive_b = make_claim("b", "check", "see", value_b, quote="he had not seen a check")
    assert len(disputed([active_a, passive_a, active_b, passive_b])) == 2


def test_a_report_called_false_a_month_later_is_still_a_contradiction() -> None:
    said = _stance("a", "alderford", "evacuate", "was evacuated", denied=False)
    denial = _stance("b", "alderford", "evacuate", "rejected as false", denied=True)
    sources = [make_source("a", "2025-03-01"), make_source("b", "2025-04-10")]
    kinds = [f.kind for f in reconcile(sources, [said, denial]) if f.kind != FindingKind.SINGLE_SOURCE]
    assert kinds == [FindingKind.CONTRADICTION]


def test_a_negation_then_the_act_a_month_later_is_an_update() -> None:
    before = make_claim(
        "a", "suspect", "identify", make_value("stance", "has not been identified", "denied", qualifier="negated")
    )
    after = _stance("b", "suspect", "identify", "was identified", denied=False)
    sources = [make_source("a", "2025-03-01"), make_source("b", "2025-04-10")]
    kinds = [f.kind for f in reconcile(sources, [before, after]) if f.kind != FindingKind.SINGLE_SOURCE]
    assert kinds == [FindingKind.UPDATE]


def test_predicates_sharing_only_a_preposition_do_not_meet() -> None:
    said = _stance("a", "kim", "be in control", "is", denied=False)
    denial = _stance("b", "kim", "be in eye", "are not", denied=True)
    assert disputed([said, denial]) == []


def test_a_stance_dated_to_a_year_meets_only_stances_of_that_year() -> None:
    then = _stance("a", "halloway", "arrest", "was arrested", denied=False)
    year = Period(start=date(2011, 1, 1), end=date(2011, 12, 31), granularity=Granularity.YEAR)
    then = then.model_copy(update={"time": year})
    denial = _stance("b", "halloway", "arrest", "was not arrested", denied=True)
    assert disputed([then.with_id(), denial]) == []  # 'arrested in 2011': another arrest
    assert len(disputed([_stance("a", "halloway", "arrest", "was arrested", denied=False), denial])) == 2


def test_a_possessed_thing_is_not_its_owner() -> None:
    found = _stance("a", "caldwell", "find", "was found", denied=False)
    body = _stance("b", "caldwells_body", "find", "false report", denied=True).model_copy(
        update={"subject": "Caldwell's body"}
    )
    assert disputed([found, body.with_id()]) == []  # the man was found; a report of his body found was false


def test_a_denial_of_everyone_meets_the_act_told_of_anyone() -> None:
    nobody = make_claim(
        "b",
        "nobody",
        "charge",
        make_value("stance", "has been charged", "denied"),
        subject="Nobody",
        quote="Nobody has been charged",
    )
    two_men = _stance("a", "two_men", "charge", "were charged", denied=False)
    assert len(disputed([two_men, nobody])) == 2
    not_the_mayor = _stance("c", "mayor", "charge", "was not charged", denied=True)
    assert disputed([not_the_mayor, nobody]) == []  # two denials: neither meets an act told
    fired = _stance("a", "two_men", "fire", "were fired", denied=False)
    assert disputed([fired, nobody]) == []  # another act


def test_a_bare_act_denied_denies_it_with_any_object() -> None:
    fee = _stance("a", "hallam", "agree fee", "have agreed", denied=False)
    nobody = make_claim(
        "b",
        "no_one",
        "agree",
        make_value("stance", "had been reached", "denied"),
        subject="no one",
        quote="no agreement",
    )
    assert len(disputed([fee, nobody])) == 2
    bare = _stance("c", "hallam", "agree", "have agreed", denied=False)
    other_object = _stance("d", "hallam", "agree wage", "did not agree", denied=True)
    assert disputed([bare, other_object]) == []  # the act asserted bare, another object denied: no conflict


def test_a_denial_of_everyone_meets_only_the_same_act() -> None:
    no_deal = make_claim(
        "b", "no_one", "deal", make_value("stance", "has been reached", "denied"), subject="no one", quote="no deal"
    )
    treated = _stance("c", "deal", "treat", "treat", denied=False)  # 'treat' shares a sense with 'deal'
    assert disputed([no_deal, treated]) == []
