"""A rulebook: instruments (resolutions) and the rules that encode their operative paragraphs.

One YAML file per instrument: its citation data once, then its rules. Conditions stay
as written here (`when:` mappings); `load` parses them into condition tests.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from .conditions import Test
from .types import Day, Slug
from .vocabulary import ActivityKind, Role, Status

Paragraph = str  # "8", "8 (c)", "8 (a) (ii)": checked by pattern below
PARAGRAPH_PATTERN = r"^\d{1,3}(?: ?\([a-z]{1,4}\))*$"
SYMBOL_PATTERN = r"^S/RES/\d{3,4} \(\d{4}\)$"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Instrument(Model):
    symbol: str = Field(pattern=SYMBOL_PATTERN, description="e.g. S/RES/2397 (2017)")
    title: str
    adopted: Day
    url: HttpUrl
    chapter_vii: bool = Field(description="adopted under Chapter VII, so binding on all Member States")


class Reading(Model):
    """One way of reading an ambiguous term, as the conditions that term adds to the rule."""

    id: Slug
    title: str
    summary: str
    when: dict[str, Any] = Field(default_factory=dict)


class Readings(Model):
    term: str = Field(description="the ambiguous term, quoted from the text (a few words)")
    question: str
    default: Slug
    why_default: str
    options: list[Reading] = Field(min_length=2)


class Exception_(Model):
    """A carve-out written into the text: when it holds, the rule's finding is `exempt`."""

    id: Slug
    title: str
    instrument: str | None = Field(default=None, pattern=SYMBOL_PATTERN,
                                   description="where the carve-out is written, if not in the rule's own instrument")
    paragraph: str = Field(pattern=PARAGRAPH_PATTERN)
    summary: str
    when: dict[str, Any]
    ended_by: Day | None = Field(default=None,
                                 description="a wind-down: the exception covers only conduct that ended by this day")


class Wording(Model):
    """How a finding of each status reads; {placeholders} name the activity's parties."""

    violation: str | None = None
    possible_violation: str | None = None
    exempt: str | None = None
    no_violation: str | None = None
    not_applicable: str | None = None

    def for_status(self, status: Status) -> str | None:
        return getattr(self, status.value)


class Rule(Model):
    id: Slug
    paragraph: str = Field(pattern=PARAGRAPH_PATTERN)
    title: str
    summary: str = Field(description="the obligation paraphrased; quote at most a key term")
    binding: bool = True
    bound: list[Role] = Field(min_length=1, description="the parties of the activity the obligation binds")
    in_force: Day
    deadline: Day | None = Field(default=None, description="the day by which the obligation must be met; "
                                                           "conduct is judged from then on")
    conduct: Literal["continuing", "starting"] = Field(
        default="continuing", description="continuing: any conduct inside the window breaches it (e.g. keeping "
        "workers); starting: only conduct that begins inside it (e.g. admitting workers)")
    applies_to: list[ActivityKind] = Field(min_length=1)
    when: dict[str, Any]
    readings: Readings | None = None
    unless: list[Exception_] = Field(default_factory=list)
    extends: list[Slug] = Field(default_factory=list, description="rules whose measures this paragraph extends")
    verified: str = Field(min_length=10, description="where the paragraph number and text were checked")
    wording: Wording = Wording()
    notes: str = ""


class RuleFile(Model):
    instrument: Instrument
    rules: list[Rule] = Field(min_length=1)


@dataclass(frozen=True)
class LoadedRule:
    """A rule with its conditions parsed, its instrument attached and its file remembered."""

    rule: Rule
    instrument: Instrument
    file: str
    line: int
    tests: tuple[Test, ...]
    reading_tests: dict[str, tuple[Test, ...]] = field(default_factory=dict)
    exception_tests: dict[str, tuple[Test, ...]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def reading_ids(self) -> list[str]:
        return sorted(self.reading_tests) or [""]

    @property
    def default_reading(self) -> str:
        return self.rule.readings.default if self.rule.readings else ""

    def citation(self, paragraph: str | None = None, instrument: str | None = None) -> str:
        return f"{instrument or self.instrument.symbol}, para. {paragraph or self.rule.paragraph}"


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[LoadedRule, ...]
    digest: str  # sha256 of the rule files' content, in a fixed order
    files: tuple[str, ...]

    def get(self, rule_id: str) -> LoadedRule | None:
        return next((r for r in self.rules if r.id == rule_id), None)
