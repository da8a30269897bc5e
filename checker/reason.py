"""Reasoning: from the engine's matches to findings, after all facts are in.

The engine says which activities no stated fact rules out for each rule, reading and
exception. Here each test is decided three-valued, exceptions are weighed, time
windows and readings applied, and each finding gets its reasons, missing facts,
confidence and what would change it. Nothing here depends on the order of facts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .case import Activity, Case, Source
from .compile import exception_pattern, reading_pattern
from .conditions import Ref, Test, evaluate
from .confidence import fact_confidence, weakest
from .errors import EngineError
from .facts import catalogue
from .finding import (BoundParty, ClaimShown, ConditionResult, ExceptionResult, Finding, ReadingResult)
from .rulebook import Exception_, LoadedRule
from .timing import TimeCheck, check_time
from .types import country_name
from .vocabulary import Role, Stage, Status

RESULT_WORDS = {True: "held", False: "failed", None: "unknown"}


@dataclass(frozen=True)
class Context:
    """What every assessment of one case needs."""

    case: Case
    facts: dict[str, dict[str, Any]]  # activity id -> flat stated facts
    matched: set[tuple[str, str]]  # (pattern name, activity id) from the engine
    sources: dict[str, Source]
    as_of: date


@dataclass(frozen=True)
class Decision:
    status: Status
    reasons: list[ConditionResult]
    exceptions: list[ExceptionResult]
    missing: list[str]
    decisive: list[str]  # fact fields the status rests on
    time: TimeCheck


def assess(rule: LoadedRule, activity: Activity, ctx: Context, chosen: str | None = None) -> Finding:
    """The finding for one rule on one activity, under the chosen (or default) reading."""
    decisions = {reading: _decide(rule, reading, activity, ctx) for reading in rule.reading_ids}
    reading = chosen or rule.default_reading
    decision = decisions[reading]
    others = [ReadingResult(reading=r, title=_reading_title(rule, r), status=d.status)
              for r, d in sorted(decisions.items()) if r != reading]
    missing = decision.missing
    return Finding(
        rule=rule.id, title=rule.rule.title, instrument=rule.instrument.symbol, paragraph=rule.rule.paragraph,
        citation=rule.citation(), status=decision.status,
        statement=_statement(rule, activity, decision.status, reading, ctx),
        confidence=weakest(_field_confidence(activity, f, ctx) for f in decision.decisive) if decision.decisive
        else fact_confidence(ctx.sources[s] for s in activity.sources),
        bound=_bound(rule, activity, ctx), activity=activity.id, activity_title=activity.title,
        reading=reading or None, other_readings=others,
        reading_question=f'"{rule.rule.readings.term}": {rule.rule.readings.question.strip()}'
        if rule.rule.readings else None,
        reading_changes_outcome=any(o.status != decision.status for o in others),
        time=decision.time.reason, reasons=decision.reasons, exceptions=decision.exceptions, missing=missing,
        would_change=_would_change(rule, decision, others),
        claims=sorted((ClaimShown(by=c.by, text=c.text, source=c.source) for c in activity.claims
                       if not c.bears_on or set(c.bears_on) & {r.field for r in decision.reasons}),
                      key=lambda c: (c.by, c.text, c.source)),
        notes=" ".join(rule.rule.notes.split()),
        sources=sorted({s for r in decision.reasons for s in r.sources} | set(activity.sources)),
    )


def _decide(rule: LoadedRule, reading: str, activity: Activity, ctx: Context) -> Decision:
    facts = ctx.facts[activity.id]
    tests = rule.tests + rule.reading_tests.get(reading, ())
    results = _results(tests, facts, activity)
    _agree(reading_pattern(rule.id, reading), activity.id, results, ctx)
    time = check_time(rule.rule, activity, ctx.as_of)
    exceptions = [_weigh(rule, e, activity, ctx) for e in sorted(rule.rule.unless, key=lambda e: e.id)]
    failed = [r for r in results if r.result == "failed"]
    if time.inside is False and time.status_if_outside is Status.NOT_APPLICABLE:
        return Decision(Status.NOT_APPLICABLE, results, exceptions, [], [], time)
    if failed:
        return Decision(Status.NO_VIOLATION, results, exceptions, [], [r.field for r in failed], time)
    if time.inside is False:
        return Decision(Status.NO_VIOLATION, results, exceptions, [], [], time)
    applying = [e for e in exceptions if e.result == "applies"]
    if applying:
        decisive = [c.field for e in applying for c in e.conditions]
        return Decision(Status.EXEMPT, results, exceptions, [], decisive, time)
    missing = [_question(f) for r in results if r.result == "unknown"
               for f in (r.field, r.compared_with) if f and f not in ctx.facts[activity.id]]
    if time.inside is None:
        missing.append(f"when the activity took place: {time.reason}")
    if activity.stage is Stage.ANNOUNCED:
        missing.append("whether the announced activity actually took place")
    held = [r.field for r in results if r.result == "held"]
    status = Status.POSSIBLE_VIOLATION if missing else Status.VIOLATION
    return Decision(status, results, exceptions, sorted(dict.fromkeys(missing)), held, time)


def _results(tests: tuple[Test, ...], facts: dict[str, Any], activity: Activity) -> list[ConditionResult]:
    results = []
    for t in tests:
        other = t.value.path if isinstance(t.value, Ref) else None
        results.append(ConditionResult(
            test=t.describe(), field=t.field, value=facts.get(t.field), compared_with=other,
            compared_value=facts.get(other) if other else None, result=RESULT_WORDS[evaluate(t, facts)],
            sources=sorted(set(_sources_of(activity, t.field)) | set(_sources_of(activity, other) if other else ()))))
    return results


def _agree(pattern: str, activity_id: str, results: list[ConditionResult], ctx: Context) -> None:
    """The engine and the Python reading of the same tests must agree; if not, stop: it is a bug."""
    engine_says = (pattern, activity_id) in ctx.matched
    python_says = all(r.result != "failed" for r in results)
    if engine_says != python_says:
        raise EngineError(f"engine and reasoning disagree on {pattern} for activity {activity_id}: "
                          f"engine {'matched' if engine_says else 'did not match'}, tests "
                          f"{[(r.test, r.result) for r in results]}")


def _weigh(rule: LoadedRule, exception: Exception_, activity: Activity, ctx: Context) -> ExceptionResult:
    results = _results(rule.exception_tests[exception.id], ctx.facts[activity.id], activity)
    _agree(exception_pattern(rule.id, exception.id), activity.id, results, ctx)
    outcome = "does_not_apply" if any(r.result == "failed" for r in results) else \
        "not_shown" if any(r.result == "unknown" for r in results) else "applies"
    if outcome == "applies" and exception.ended_by:  # a wind-down: only conduct ended by that day
        end = activity.period.end
        if end is not None and end.earliest > exception.ended_by:
            outcome = "does_not_apply"
        elif end is None or end.latest > exception.ended_by:
            outcome = "not_shown"  # no end date, or one too vague to place before the cut-off
    return ExceptionResult(id=exception.id, title=exception.title,
                           citation=rule.citation(exception.paragraph, exception.instrument),
                           result=outcome, conditions=results)


def _sources_of(activity: Activity, field: str) -> list[str]:
    return sorted(activity.evidence.get(field, activity.sources))


def _field_confidence(activity: Activity, field: str, ctx: Context):
    return fact_confidence(ctx.sources[s] for s in _sources_of(activity, field))


def _question(field: str) -> str:
    return catalogue()[field].question


def _reading_title(rule: LoadedRule, reading: str) -> str:
    if not rule.rule.readings:
        return "the text"
    return next(o.title for o in rule.rule.readings.options if o.id == reading)


def _party_name(ctx: Context, party_id: str | None) -> str:
    party = next((p for p in ctx.case.parties if p.id == party_id), None)
    return party.name if party else "not named in the case"


def _bound(rule: LoadedRule, activity: Activity, ctx: Context) -> list[BoundParty]:
    bound = []
    for role in sorted(set(rule.rule.bound), key=list(Role).index):
        party_id = activity.parties.get(role)
        bound.append(BoundParty(role=role.value, party=party_id, name=_party_name(ctx, party_id)))
    return bound


def _statement(rule: LoadedRule, activity: Activity, status: Status, reading: str, ctx: Context) -> str:
    names = {role.value: _party_name(ctx, activity.parties.get(role)) for role in activity.parties}
    values = {
        "bound": " and ".join(_party_name(ctx, activity.parties.get(r)) if activity.parties.get(r)
                              else f"the {r.value.replace('_', ' ')}"
                              for r in sorted(set(rule.rule.bound), key=list(Role).index)),
        "activity": activity.title, "deadline": str(rule.rule.deadline or ""), "in_force": str(rule.rule.in_force),
        "reading": _reading_title(rule, reading),
        **{r.value: names.get(r.value, f"the {r.value.replace('_', ' ')}") for r in Role},
    }
    template = rule.rule.wording.for_status(status) or DEFAULT_WORDING[status]
    return template.format(**values) + f" ({rule.citation()})"


DEFAULT_WORDING = {
    Status.VIOLATION: "{bound} in breach. Activity: {activity}",
    Status.POSSIBLE_VIOLATION: "{bound} possibly in breach; facts are missing. Activity: {activity}",
    Status.EXEMPT: "The conditions hold but an exception applies. Activity: {activity}",
    Status.NO_VIOLATION: "No breach by {bound}. Activity: {activity}",
    Status.NOT_APPLICABLE: "Outside the measure's time window. Activity: {activity}",
}


def _would_change(rule: LoadedRule, decision: Decision, others: list[ReadingResult]) -> list[str]:
    changes = []
    if decision.status in (Status.VIOLATION, Status.POSSIBLE_VIOLATION):
        for e in decision.exceptions:
            if e.result == "not_shown":
                unknown = [_question(f) for c in e.conditions if c.result == "unknown"
                           for f in (c.field, c.compared_with) if f and (c.value is None if f == c.field
                                                                          else c.compared_value is None)]
                changes.append(f"exempt if {e.title} ({e.citation}); establish {'; '.join(unknown) or 'its dates'}")
    if decision.status is Status.POSSIBLE_VIOLATION:
        changes.append("violation if the missing facts are established as the rule requires; "
                       "no violation if any of them is established otherwise")
    if decision.status is Status.NO_VIOLATION:
        for r in decision.reasons:
            if r.result == "failed":
                changes.append(f"the finding turns if {r.test} (the case states {_show(r.value)})")
    if decision.status is Status.EXEMPT:
        for e in decision.exceptions:
            if e.result == "applies":
                changes.append(f"no exemption if the facts behind {e.title} were otherwise")
    for other in others:
        if other.status != decision.status:
            changes.append(f"under the reading '{other.title}' the finding is {other.status.value}")
    return changes


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "none"
    if isinstance(value, str) and len(value) == 2 and value.isupper():
        return f"{value} ({country_name(value)})"
    return str(value)
