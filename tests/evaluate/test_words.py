"""Text and entity values scored by their content words (factcheck.evaluate.words)."""

from __future__ import annotations

import pytest

from factcheck.evaluate.words import content_words, words_agree
from factcheck.models import Value, ValueType

T, E = ValueType.TEXT, ValueType.ENTITY


def value(vtype: ValueType, text: str, normalized: str | None = None) -> Value:
    return Value(type=vtype, text=text, normalized=text.lower() if normalized is None else normalized)


@pytest.mark.parametrize(
    ("predicted", "gold", "agree"),
    [
        # the gold's hand-written normal form, all of it in the predicted wording
        (
            value(T, "poured acid on her boyfriend's genitals"),
            value(T, "poured acid on genitals", "acid on genitals"),
            True,
        ),
        (value(T, "a wheel spanner"), value(T, "a wheel spanner", "wheel spanner"), True),
        # most words shared, whatever the type (a name given as text)
        (value(T, "in hiding in France"), value(E, "France", "france"), True),
        (value(E, "Perón"), value(E, "Peron", "peron"), True),
        (value(T, "urinates through tubes"), value(T, "a tube", "tube"), True),
        # a negation on one side only never agrees
        (value(T, "aware he was filming"), value(T, "not aware he was filming", "not aware of filming"), False),
        (value(T, "will press charges"), value(T, "will not press charges"), False),
        # other words, or a long value that only holds the gold's words among many more
        (value(T, "a 9 mm pistol"), value(T, "a W48 nuclear artillery shell", "w48 shell"), False),
        (
            value(T, "acid on genitals while he was drinking beer with friends at a tavern in a village"),
            value(T, "acid on genitals"),
            False,
        ),
        # numbers and dates are never scored by words
        (value(ValueType.NUMBER, "17"), value(T, "17"), False),
    ],
)
def test_words_agree(predicted: Value, gold: Value, agree: bool) -> None:
    assert words_agree(predicted, gold) is agree


def test_content_words_fold_case_accents_plurals_and_stop_words() -> None:
    assert content_words("The Heads of José's Ministries didn't") == {"head", "jose", "ministry", "not"}
