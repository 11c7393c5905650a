"""The quote of a value stated of a name (an age, a numbered name): the name and the value, and where the name is
the subject of the clause's verb, the whole subject and that verb too ('A 19-year-old man was arrested', not
'19-year-old man'), so the quote says what the person is told of."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from factcheck.extract.offline.values import Mention

_SUBJECTS = {"nsubj", "nsubjpass"}
_TOLD = {"prt", "attr", "acomp", "oprd", "dobj", "dative"}  # what the verb tells of the person, not where or when


def named_span(doc: Doc, mention: Mention) -> tuple[int, int]:
    """Characters start..end of the quote of a value stated of the mention's name."""
    start = min(mention.name_start, mention.start)
    end = max(mention.end, mention.name_start + len(mention.name))
    last = next((t for t in doc if t.idx < mention.end <= t.idx + len(t)), None)
    if last is not None and last.dep_ == "amod" and last.head.idx >= end:
        end = last.head.idx + len(last.head)  # 'a 23-year-old Tunisian national': the noun the age describes
        if last.head.pos_ in {"VERB", "AUX"}:
            first = last.left_edge
            det = doc[first.i - 1] if first.i > 0 and doc[first.i - 1].dep_ == "det" else first
            start = min(start, det.idx)  # 'The 34-year-old rose': the age is the subject, the verb after
    inside = [t for t in doc if start <= t.idx < end]
    heads = [t for t in inside if not start <= t.head.idx < end]
    if len(heads) != 1 or heads[0].dep_ not in _SUBJECTS:
        return start, end
    verb = heads[0].head
    between = [t for t in doc[heads[0].i : verb.i] if t.idx >= end]  # past the name and its age
    if (
        verb.pos_ not in {"VERB", "AUX"}
        or verb.i < heads[0].i
        or any(t.text in {",", ";", "("} for t in between[1:])
        or (between and between[0].text in {";", "("})
    ):
        return start, end
    told = [c for c in verb.rights if c.dep_ in _TOLD]  # 'was a senior technician', 'was handed over'
    last = max((c.right_edge for c in told), key=lambda t: t.i, default=verb)
    return min(start, heads[0].left_edge.idx), last.idx + len(last)
