"""Who holds a post: role claims read as the post held by a name when sources name rival holders."""

from __future__ import annotations

from factcheck.align.holders import HELD_BY, held_posts, post_of
from factcheck.classify.reconcile import reconcile
from factcheck.models import Claim, FindingKind
from factcheck.testing import make_claim, make_source, make_value


def _role(source: str, name: str, role: str, quote: str | None = None) -> Claim:
    return make_claim(
        source,
        name.lower().replace(" ", "_"),
        "role",
        make_value("text", role, role.lower()),
        subject=name,
        quote=quote or f"{role} {name} said the park would reopen.",
    )


FREARS = _role("02", "Daniel Frears", "Chief executive")
OYELARAN = _role("04", "Margaret Oyelaran", "Chief executive")


def test_a_post_is_read_with_its_owner() -> None:
    assert post_of(FREARS) == ("chief executive", "")
    owned = _role(
        "03", "Miriam Tallis", "council's chief executive", "The council's chief executive, Miriam Tallis, said"
    )
    assert post_of(owned) == ("chief executive", "council")
    foreign = _role("02", "Yoko Kamikawa", "Foreign Minister", "Japanese Foreign Minister Yoko Kamikawa said")
    assert post_of(foreign) == ("foreign minister", "japanese")


def test_duties_many_hold_past_holders_and_one_word_offices_are_no_post() -> None:
    assert post_of(_role("01", "Ann Lee", "spokeswoman")) is None
    assert post_of(_role("01", "Colin Marsh", "Fennick's chief executive at the time")) is None
    assert post_of(_role("01", "Ann Lee", "former chief executive")) is None
    assert post_of(_role("01", "Ann Lee", "director")) is None
    assert post_of(_role("01", "Ann Lee", "mayor")) == ("mayor", "")


def test_rival_holders_of_one_post_conflict() -> None:
    sources = [make_source("02", "2024-06-11"), make_source("04", "2024-06-14")]
    turned = held_posts([FREARS, OYELARAN])
    assert [(c.subject_key, c.attribute, c.value.text) for c in turned] == [
        ("chief_executive", HELD_BY, "Daniel Frears"),
        ("chief_executive", HELD_BY, "Margaret Oyelaran"),
    ]
    assert [c.id for c in turned] == [FREARS.id, OYELARAN.id]
    findings = reconcile(sources, [FREARS, OYELARAN])
    assert [f.kind for f in findings if f.kind == FindingKind.CONTRADICTION] == [FindingKind.CONTRADICTION]


def test_holders_of_posts_of_two_owners_or_one_article_are_left_alone() -> None:
    yoon = _role("01", "Yoon Suk Yeol", "President", "South Korean President Yoon Suk Yeol met")
    biden = _role("02", "Joe Biden", "President", "U.S. President Joe Biden said")
    assert held_posts([yoon, biden]) == [yoon, biden]
    both = _role("02", "Alan Strood", "Chief executive")
    assert held_posts([FREARS, both, OYELARAN]) == [FREARS, both, OYELARAN]


def test_holders_told_years_apart_or_named_together_are_left_alone() -> None:
    old, new = make_source("02", "2016-06-11"), make_source("04", "2024-06-14")
    assert held_posts([FREARS, OYELARAN], {"02": old, "04": new}) == [FREARS, OYELARAN]
    told = make_source("04", "2024-06-14", body="Chief executive Margaret Oyelaran, who replaced Daniel Frears")
    assert held_posts([FREARS, OYELARAN], {"04": told}) == [FREARS, OYELARAN]


def test_one_holder_in_every_source_stays_a_role() -> None:
    again = _role("04", "Daniel Frears", "Chief executive")
    assert held_posts([FREARS, again]) == [FREARS, again]


def test_a_holder_named_at_the_opening_of_the_quote_is_a_full_name() -> None:
    opening = _role(
        "03", "Ivor Claypole", "colliery's general manager", "Ivor Claypole, the colliery's general manager"
    )
    assert post_of(opening) == ("general manager", "colliery")
    assert post_of(_role("03", "Claypole", "general manager")) is None


def test_posts_of_two_named_owners_keep_two_keys() -> None:
    def owned(source: str, name: str, owner: str) -> Claim:
        return _role(source, name, "chief executive", f"{owner} chief executive {name} said the offer stood.")

    claims = [
        owned("01", "Mark Reyes", "Dalton"),
        owned("02", "Anna Holm", "Dalton"),
        owned("03", "Piet Vos", "Vestra"),
        owned("04", "Lena Berg", "Vestra"),
    ]
    assert [c.subject_key for c in held_posts(claims)] == [
        "dalton_chief_executive",
        "dalton_chief_executive",
        "vestra_chief_executive",
        "vestra_chief_executive",
    ]


def test_the_head_of_an_owner_is_one_post_whatever_its_wording() -> None:
    head = _role(
        "02",
        "Mohamed Abu Shamallah",
        "head of the Gaza civil defense",
        "Mohamed Abu Shamallah, head of the Gaza civil defense, said",
    )
    chief = _role(
        "03",
        "Said Al-Saudi",
        "chief of the civil defence agency in Gaza",
        "Said Al-Saudi, chief of the civil defence agency in Gaza, said",
    )
    assert post_of(head) == ("head", "gaza civil defense")
    assert post_of(_role("02", "Ann Lee", "head")) is None
    turned = held_posts([head, chief])
    assert {c.subject_key for c in turned} == {"civil_defence_agency_in_gaza_chief"}
    county = _role(
        "03", "Said Al-Saudi", "head of the county council", "Said Al-Saudi, head of the county council, said"
    )
    city = _role("02", "Ann Lee", "head of the city council", "Ann Lee, head of the city council, said")
    assert held_posts([county, city]) == [county, city]
