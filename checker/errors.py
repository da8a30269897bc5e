"""Errors about bad input: each names the file, the line and how to fix it.

A compliance tool must never half-answer on bad input, so every loader collects
all the problems of a file and raises them together as one InputError.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file."""

    file: str
    line: int | None
    where: str  # the field path or rule id the problem is about ("" for the whole file)
    message: str
    hint: str = ""

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{place}: {self.where}: {self.message}" if self.where else f"{place}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


@dataclass
class InputError(Exception):
    """Raised with every problem found, so the user can fix them in one pass."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.problems = sorted(set(self.problems), key=lambda p: (p.file, p.line or 0, p.where, p.message))
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class EngineError(RuntimeError):
    """The rule engine failed or disagreed with the reasoning layer: a bug, not bad input."""


class EngineUnavailable(EngineError):
    """durable_rules cannot be loaded on this Python (e.g. 3.13): an environment problem, not a bug."""
