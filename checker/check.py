"""Checking cases: load, flatten, match with the engine, reason, and account for every rule and fact."""
from __future__ import annotations

import hashlib
import platform
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import __version__, engine
from .case import Case
from .compile import patterns, to_durable
from .conditions import engine_name
from .errors import InputError, Problem
from .facts import flatten
from .finding import CaseResult, Expectation, Finding, RuleOutcome, SourceShown
from .load import load_case
from .reason import Context, assess
from .rulebook import Rulebook
from .vocabulary import STATUS_ORDER, Role


@dataclass
class Checker:
    """A rulebook compiled once, ready to check many cases."""

    rulebook: Rulebook
    readings: dict[str, str] = field(default_factory=dict)  # rule id -> chosen reading
    as_of: date | None = None  # overrides each case's own as_of
    engine_seconds: float = 0.0

    def __post_init__(self) -> None:
        problems = []
        for rule_id, reading in sorted(self.readings.items()):
            rule = self.rulebook.get(rule_id)
            if rule is None:
                problems.append(Problem("--reading", None, rule_id, f"no rule '{rule_id}' in the rulebook",
                                        "see `sanctions-check rules list`"))
            elif reading not in rule.reading_tests:
                problems.append(Problem("--reading", None, rule_id, f"rule has no reading '{reading}'",
                                        f"use one of: {', '.join(rule.reading_tests) or 'none: it has one reading'}"))
        if problems:
            raise InputError(problems)
        self.definitions = to_durable(patterns(self.rulebook))

    def check_file(self, path: Path | str) -> CaseResult:
        case = load_case(path, self.rulebook)
        return self.check(case, str(path), hashlib.sha256(Path(path).read_bytes()).hexdigest())

    def check(self, case: Case, file: str = "", file_sha256: str = "") -> CaseResult:
        as_of = self.as_of or case.case.as_of
        facts = {a.id: flatten(a, case) for a in case.activities}
        engine_facts = [{"id": a.id, "kind": a.kind.value, **{engine_name(k): v for k, v in facts[a.id].items()}}
                        for a in sorted(case.activities, key=lambda a: a.id)]
        started = time.perf_counter()
        matched = engine.match(self.rulebook.digest, self.definitions, f"case-{case.case.id}", engine_facts)
        self.engine_seconds += time.perf_counter() - started
        ctx = Context(case, facts, matched, {s.id: s for s in case.sources}, as_of)
        findings, outcomes = [], []
        for rule in self.rulebook.rules:
            in_scope = sorted((a for a in case.activities if a.kind in rule.rule.applies_to), key=lambda a: a.id)
            if not in_scope:
                kinds = ", ".join(sorted(k.value for k in rule.rule.applies_to))
                outcomes.append(RuleOutcome(rule=rule.id, outcome="not_applicable",
                                            reason=f"the case reports no activity of kind {kinds}"))
                continue
            found = [assess(rule, a, ctx, self.readings.get(rule.id)) for a in in_scope]
            findings.extend(found)
            outcomes.append(RuleOutcome(rule=rule.id, outcome="applied",
                                        reason=f"assessed on {len(found)} activit{'y' if len(found) == 1 else 'ies'}"))
        return CaseResult(case=case.case.id, title=case.case.title, file=file, file_sha256=file_sha256,
                          as_of=as_of.isoformat(), findings=findings, rules=outcomes,
                          unused_facts=_unused(case, facts, self.rulebook),
                          expectations=_expectations(case, findings),
                          sources=[SourceShown(id=s.id, publisher=s.publisher, title=s.title, date=s.date.isoformat(),
                                               kind=s.kind.value, grade=f"{s.reliability.value}{s.credibility}",
                                               url=str(s.url) if s.url else None)
                                   for s in sorted(case.sources, key=lambda s: s.id)])

    def run_record(self) -> dict:
        """What the run was made with, as OPA's decision logs record it."""
        return {"tool": f"sanctions-checker {__version__}",
                "durable_rules": engine.version(), "python": platform.python_version(),
                "rulebook_sha256": self.rulebook.digest, "rule_count": len(self.rulebook.rules),
                "readings": dict(sorted(self.readings.items())),
                "as_of_override": self.as_of.isoformat() if self.as_of else None,
                "engine_seconds": round(self.engine_seconds, 6)}


# Party attributes reach every activity through its roles; they are the case's parties, not
# statements about the activity, so they are not listed as unused.
ROLE_PREFIXES = tuple(f"{role.value}." for role in Role)


def _unused(case: Case, facts: dict[str, dict], rulebook: Rulebook) -> list[str]:
    """Stated facts no rule tests (under any reading or exception), and activities no rule looks at."""
    unused = []
    for activity in sorted(case.activities, key=lambda a: a.id):
        rules = [r for r in rulebook.rules if activity.kind in r.rule.applies_to]
        if not rules:
            unused.append(f"activities.{activity.id}: no rule applies to a {activity.kind.value}")
            continue
        tests = [t for r in rules for group in (r.tests, *r.reading_tests.values(), *r.exception_tests.values())
                 for t in group]
        used = {f for t in tests for f in t.fields}
        stated = [p for p in sorted(facts[activity.id]) if not p.startswith(ROLE_PREFIXES)]
        unused.extend(f"activities.{activity.id}.{path}" for path in stated if path not in used)
    return unused


def _expectations(case: Case, findings: list[Finding]) -> list[Expectation]:
    result = []
    for e in sorted(case.expect, key=lambda e: (e.rule, e.activity or "", e.reading or "", e.status.value)):
        actual = sorted({f.status if not e.reading or f.reading == e.reading else
                         next(o.status for o in f.other_readings if o.reading == e.reading)
                         for f in findings if f.rule == e.rule and (e.activity is None or f.activity == e.activity)},
                        key=STATUS_ORDER.index)
        result.append(Expectation(rule=e.rule, activity=e.activity, reading=e.reading, expected=e.status,
                                  actual=actual, met=actual == [e.status]))
    return result
