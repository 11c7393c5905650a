"""A relation a model gives as one person's role is also the owner's relation (extract/llm/relations.py)."""

from __future__ import annotations

from factcheck.extract.llm.relations import counterpart_twin, no_role, relation_twin
from factcheck.testing import make_claim, make_value


def _role(subject: str, text: str) -> object:
    return make_claim("a", subject.lower().replace(" ", "_"), "role", make_value("text", text), subject=subject)


def test_a_role_naming_its_owner_is_the_owners_relation() -> None:
    twin = relation_twin(_role("Moon Jae In", "Yoon's predecessor"))
    assert twin is not None
    assert (twin.subject_key, twin.attribute, twin.value.normalized) == ("yoon", "predecessor", "moon_jae_in")


def test_an_unnamed_owner_or_another_kind_of_role_gives_no_relation() -> None:
    assert relation_twin(_role("Moon Jae In", "his predecessor")) is None  # whose is not said
    assert relation_twin(_role("Fumio Kishida", "Japan's prime minister")) is None  # an office, not a relation


def test_a_role_only_through_anothers_names_no_role() -> None:
    counterpart = make_claim("a", "yoon_suk_yeol", "role", make_value("text", "South Korean counterpart"))
    president = make_claim("a", "yoon_suk_yeol", "role", make_value("text", "South Korean President"))
    assert no_role(counterpart)
    assert not no_role(president)
    assert not no_role(make_claim("a", "talks", "counterpart", make_value("text", "counterpart")))  # not a role


def test_a_ministers_counterpart_in_the_quote_holds_the_ministers_office() -> None:
    quote = "Foreign Minister Yun Byung-se is to hold the dialogue with his Japanese counterpart Fumio Kishida."
    talks = make_claim("a", "yun_byung_se", "to hold dialogue with", make_value("entity", "Fumio Kishida"), quote=quote)
    twin = counterpart_twin(talks)
    assert twin is not None
    assert (twin.subject_key, twin.attribute, twin.value.normalized) == ("fumio_kishida", "role", "foreign minister")
    assert counterpart_twin(make_claim("a", "talks", "date", make_value("date", "May"), quote="Talks in May.")) is None
