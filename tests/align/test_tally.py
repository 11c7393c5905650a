"""Two tallies of one whole (a split 'voted 10 to 2', a share 'nine of the 12 jurors') count one body."""

from __future__ import annotations

from factcheck.align.slots import align
from factcheck.align.tally import count_word, tally_of
from factcheck.classify.reconcile import reconcile
from factcheck.models import FindingKind
from factcheck.testing import make_claim, make_source, make_value

SOURCES = [make_source("a", "2023-06-02"), make_source("b", "2023-06-09")]


def _count(source: str, subject: str, attribute: str, text: str, n: int, quote: str, time: str | None = "2023-06"):
    value = make_value("number", text, str(n), number=float(n))
    return make_claim(source, subject, attribute, value, time=time, quote=quote)


SPLIT = _count(
    "a", "the jury", "verdict vote", "10 to 2", 10, "The jury voted 10 to 2 on Thursday to convict the mayor."
)
SHARE = _count(
    "b", "jurors voting to convict", "number", "nine", 9, "nine of the jury's 12 members voted to convict the mayor"
)


def test_a_split_and_a_share_of_one_whole_are_read():
    assert tally_of(SPLIT) is not None and tally_of(SPLIT).whole == 12
    assert tally_of(SHARE) is not None and tally_of(SHARE).parts == frozenset({9})
    assert count_word("twenty-one") == 21 and count_word("12") == 12 and count_word("panel") is None
    rise = _count("a", "rate", "rise", "5", 5, "The rate rose from 5 to 10 percent.")
    assert tally_of(rise) is None  # a range, not a split


def test_two_tallies_of_one_whole_join_and_conflict():
    assert len(align([SPLIT, SHARE])) == 1
    kinds = [f.kind for f in reconcile(SOURCES, [SPLIT, SHARE])]
    assert kinds == [FindingKind.CONTRADICTION]
    ten = SHARE.model_copy(
        update={"value": make_value("number", "ten", "10", number=10.0), "quote": "ten of the jury's 12 members voted"}
    ).with_id()
    assert [f.kind for f in reconcile(SOURCES, [SPLIT, ten])] == [FindingKind.AGREEMENT]


def test_tallies_stay_apart_with_another_whole_or_another_time_or_one_source():
    other_whole = SHARE.model_copy(
        update={"quote": "nine of the board's 15 members voted to convict the mayor"}
    ).with_id()
    assert len(align([SPLIT, other_whole])) == 2
    earlier = SHARE.model_copy(update={"time": make_value("date", "2019", "2019").period}).with_id()
    assert len(align([SPLIT, earlier])) == 2
    same_source = SHARE.model_copy(update={"source_id": "a"}).with_id()
    assert len(align([SPLIT, same_source])) == 2
