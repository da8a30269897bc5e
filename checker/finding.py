"""Findings: what the checker concludes about one rule and one activity, with its reasons.

Plain output models. Their JSON form is the documented output (README, "JSON output");
add fields freely, but rename or remove one only with a new SCHEMA_VERSION.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .vocabulary import Confidence, Status

SCHEMA_VERSION = "1.0"


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class BoundParty(Out):
    role: str
    party: str | None  # party id in the case, None when the case names no such party
    name: str


class ConditionResult(Out):
    """One test of the rule, the stated value it was decided on and the sources of that value."""

    test: str
    field: str
    value: object | None  # None: the case does not state it
    compared_with: str | None = None  # the other fact, for tests that refer to one
    compared_value: object | None = None
    result: str  # held | failed | unknown
    sources: list[str]


class ExceptionResult(Out):
    id: str
    title: str
    citation: str
    result: str  # applies | not_shown | does_not_apply
    conditions: list[ConditionResult]


class ReadingResult(Out):
    reading: str
    title: str
    status: Status


class ClaimShown(Out):
    by: str
    text: str
    source: str


class Finding(Out):
    rule: str
    title: str
    instrument: str
    paragraph: str
    citation: str
    status: Status
    statement: str
    confidence: Confidence
    bound: list[BoundParty]
    activity: str
    activity_title: str
    reading: str | None
    reading_question: str | None  # the ambiguity the readings answer, shown so it is not hidden
    other_readings: list[ReadingResult]
    reading_changes_outcome: bool
    time: str
    reasons: list[ConditionResult]
    exceptions: list[ExceptionResult]
    missing: list[str]
    would_change: list[str]
    claims: list[ClaimShown]
    notes: str  # the rule's notes for analysts: how the text is read, and its limits
    sources: list[str]


class RuleOutcome(Out):
    """Every rule is accounted for, whether or not it produced findings."""

    rule: str
    outcome: str  # applied | not_applicable | skipped
    reason: str


class Expectation(Out):
    rule: str
    activity: str | None
    reading: str | None
    expected: Status
    actual: list[Status]
    met: bool


class SourceShown(Out):
    id: str
    publisher: str
    title: str
    date: str
    kind: str
    grade: str  # Admiralty code: reliability letter and credibility digit, e.g. B2
    url: str | None


class CaseResult(Out):
    case: str
    title: str
    file: str
    file_sha256: str
    as_of: str
    findings: list[Finding]
    rules: list[RuleOutcome]
    unused_facts: list[str]
    expectations: list[Expectation]
    sources: list[SourceShown]
