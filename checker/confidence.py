"""Confidence: how far the facts a finding rests on are borne out by their sources.

Sources are graded with the Admiralty code analysts use: reliability A (completely
reliable) to F (cannot be judged) for the source's record, credibility 1 (confirmed)
to 6 (cannot be judged) for the item. A fact is as strong as its best support, and a
finding as weak as its weakest decisive fact.
"""
from __future__ import annotations

from collections.abc import Iterable

from .case import Source
from .vocabulary import Confidence

_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


def _sound(source: Source) -> bool:
    return source.reliability.value in "ABC" and source.credibility <= 3


def fact_confidence(sources: Iterable[Source]) -> Confidence:
    """High: one A/B source rated 1-2, or sound sources from two independent publishers.
    Medium: one sound source (A-C, rated 1-3). Low: anything weaker."""
    sound = [s for s in sources if _sound(s)]
    if any(s.reliability.value in "AB" and s.credibility <= 2 for s in sound):
        return Confidence.HIGH
    if len({s.publisher.casefold() for s in sound}) >= 2:
        return Confidence.HIGH
    return Confidence.MEDIUM if sound else Confidence.LOW


def weakest(levels: Iterable[Confidence]) -> Confidence:
    levels = list(levels)
    return min(levels, key=_RANK.__getitem__) if levels else Confidence.LOW
