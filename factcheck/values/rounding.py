"""How far a figure may lie from the amount it rounds: half a unit of its last kept digit, and room beyond that.

An SI figure converted from another unit keeps only the digits the original was written with ('6.1 inches' is
0.15 m), so two figures of one measure agree when their ranges, so widened, meet (values/typed.compare_measures).
"""

from __future__ import annotations

import math

Interval = tuple[float, float, bool, bool]  # low, high, low_open, high_open


def half_digit(figure: str) -> float:
    """Half a unit of the last digit an SI figure keeps ('0.15' -> 0.005; '90000', kept to at least two figures,
    -> 500): the figure converted from '6.1 inches' is 0.15 m, and 0.155 m lies within its rounding."""
    if "." in figure:
        return 0.5 * 10.0 ** -len(figure.split(".")[1])
    digits = figure.lstrip("-")
    kept = max(len(digits.rstrip("0")), 2)
    return 0.5 * 10.0 ** max(len(digits) - kept, 0)


def rounded(i: Interval, half: float) -> Interval:
    """An interval widened by the rounding of its figure on each finite end."""
    low = i[0] - half if math.isfinite(i[0]) else i[0]
    high = i[1] + half if math.isfinite(i[1]) else i[1]
    return low, high, i[2], i[3]


def widened(i: Interval, share: float) -> Interval:
    """An interval with a share of each finite end added on either side."""
    low = i[0] - abs(i[0]) * share if math.isfinite(i[0]) else i[0]
    high = i[1] + abs(i[1]) * share if math.isfinite(i[1]) else i[1]
    return low, high, i[2], i[3]
