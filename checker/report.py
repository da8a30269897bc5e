"""Reports: findings as text for the terminal, Markdown for briefs, JSON for machines."""
from __future__ import annotations

import json
from collections import Counter

from .finding import SCHEMA_VERSION, CaseResult, ConditionResult, Finding
from .vocabulary import STATUS_ORDER, Status

MARKS = {"held": "+", "failed": "x", "unknown": "?"}
FULL = {Status.VIOLATION, Status.POSSIBLE_VIOLATION, Status.EXEMPT}


def ordered(findings: list[Finding]) -> list[Finding]:
    """Most serious first, then by rule and activity, so readers meet violations first."""
    return sorted(findings, key=lambda f: (STATUS_ORDER.index(f.status), f.rule, f.activity))


def counts(findings: list[Finding]) -> str:
    tally = Counter(f.status for f in findings)
    return " · ".join(f"{tally.get(s, 0)} {s.value}" for s in STATUS_ORDER)


def to_json(results: list[CaseResult], run: dict) -> str:
    document = {"schema_version": SCHEMA_VERSION, "run": run,
                "cases": [r.model_dump(mode="json") for r in results]}
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _value(result: ConditionResult) -> str:
    if result.value is None:
        text = "not stated"
    elif isinstance(result.value, list):
        text = f"stated: {', '.join(map(str, result.value)) or 'none'}"
    else:
        text = f"stated: {str(result.value).lower() if isinstance(result.value, bool) else result.value}"
    if result.compared_with:
        other = "not stated" if result.compared_value is None else result.compared_value
        text += f"; {result.compared_with}: {other}"
    return text


def _condition_line(result: ConditionResult) -> str:
    sources = f" [{', '.join(result.sources)}]" if result.value is not None else ""
    return f"[{MARKS[result.result]}] {result.test} ({_value(result)}){sources}"


def _reading_line(f: Finding) -> str | None:
    if f.reading is None:
        return None
    others = "; ".join(f"under '{o.title}': {o.status.value}" for o in f.other_readings)
    change = "another reading changes the outcome" if f.reading_changes_outcome else "other readings agree"
    return f"{f.reading} ({change}: {others})"


def text(results: list[CaseResult], run: dict) -> str:
    out: list[str] = []
    for result in results:
        out += [f"Case {result.case}: {result.title}", f"  file {result.file}, facts as of {result.as_of}",
                f"  {counts(result.findings)}", ""]
        for f in ordered(result.findings):
            out.append(f"{f.status.value.upper().replace('_', ' ')}  {f.citation}: {f.title}")
            out.append(f"  activity   {f.activity}: {f.activity_title}")
            out.append(f"  finding    {f.statement}")
            if f.status not in FULL:
                out += [f"  because    {line}" for line in _short_reasons(f)] + [""]
                continue
            out.append("  bound      " + "; ".join(f"{b.name} ({b.role.replace('_', ' ')})" for b in f.bound))
            out.append(f"  confidence {f.confidence.value}")
            if (line := _reading_line(f)) is not None:
                out.append(f"  reading    {line}")
                out.append(f"  question   {f.reading_question}")
            out.append(f"  time       {f.time}")
            out.append("  conditions")
            out += [f"    {_condition_line(r)}" for r in f.reasons]
            if f.exceptions:
                out.append("  exceptions weighed")
                out += [f"    {e.result.replace('_', ' ')}: {e.title} ({e.citation})" for e in f.exceptions]
            if f.missing:
                out.append("  missing facts")
                out += [f"    - {m}" for m in f.missing]
            if f.would_change:
                out.append("  would change it")
                out += [f"    - {w}" for w in f.would_change]
            for c in f.claims:
                out.append(f"  claim      {c.by}: {c.text} [{c.source}] (weighed as a claim, not a fact)")
            if f.notes:
                out.append(f"  note       {f.notes}")
            out.append(f"  sources    {', '.join(f.sources)}")
            out.append("")
        out.append("Sources (Admiralty grade: reliability A-F, credibility 1-6)")
        out += [f"  {s.id}  {s.grade}  {s.publisher}, {s.date}: {s.title}" + (f" <{s.url}>" if s.url else "")
                for s in result.sources]
        out.append("")
        quiet = [r for r in result.rules if r.outcome != "applied"]
        if quiet:
            out.append("Rules not applied")
            out += [f"  {r.rule}: {r.outcome.replace('_', ' ')}: {r.reason}" for r in quiet]
            out.append("")
        if result.unused_facts:
            out.append("Facts no finding rests on")
            out += [f"  {u}" for u in result.unused_facts]
            out.append("")
        out += _expectation_lines(result)
    out.append(_run_line(run))
    return "\n".join(out) + "\n"


def _short_reasons(f: Finding) -> list[str]:
    failed = [_condition_line(r) for r in f.reasons if r.result == "failed"]
    if f.status is Status.NO_VIOLATION and failed:
        return failed
    return [f.time]


def _expectation_lines(result: CaseResult) -> list[str]:
    if not result.expectations:
        return []
    met = sum(e.met for e in result.expectations)
    lines = [f"Expectations: {met} of {len(result.expectations)} met"]
    for e in result.expectations:
        if not e.met:
            got = ", ".join(s.value for s in e.actual) or "no finding"
            lines.append(f"  NOT MET {e.rule} on {e.activity or 'any activity'}"
                         f"{' (reading ' + e.reading + ')' if e.reading else ''}: expected {e.expected.value}, "
                         f"got {got}")
    return lines + [""]


def _run_line(run: dict) -> str:
    return (f"checked with {run['tool']}, durable-rules {run['durable_rules']}, Python {run['python']}; "
            f"rulebook {run['rulebook_sha256'][:12]} ({run['rule_count']} rules)")


def markdown(results: list[CaseResult], run: dict) -> str:
    out: list[str] = []
    for result in results:
        out += [f"# {result.title}", "", f"Case `{result.case}`, facts as of {result.as_of} (file `{result.file}`).",
                "", f"**Findings:** {counts(result.findings)}", "",
                "| Status | Measure | Activity | Bound | Confidence |", "|---|---|---|---|---|"]
        for f in ordered(result.findings):
            bound = ", ".join(b.name for b in f.bound)
            out.append(f"| {f.status.value} | {f.citation}: {f.title} | {f.activity} | {bound} | "
                       f"{f.confidence.value} |")
        out.append("")
        for f in ordered(result.findings):
            if f.status not in FULL:
                continue
            out += [f"## {f.status.value.replace('_', ' ').capitalize()}: {f.citation}, {f.activity}", "",
                    f"{f.statement}.", "", f"- **Confidence:** {f.confidence.value}", f"- **Time:** {f.time}"]
            if (line := _reading_line(f)) is not None:
                out.append(f"- **Reading:** {line}")
                out.append(f"- **Open question:** {f.reading_question}")
            out += ["", "| | Condition | Value | Sources |", "|---|---|---|---|"]
            out += [f"| {MARKS[r.result]} | {r.test} | {_value(r)} | {', '.join(r.sources)} |" for r in f.reasons]
            out.append("")
            if f.exceptions:
                out += ["Exceptions weighed:", ""]
                out += [f"- {e.result.replace('_', ' ')}: {e.title} ({e.citation})" for e in f.exceptions]
                out.append("")
            if f.missing:
                out += ["Missing facts:", ""] + [f"- {m}" for m in f.missing] + [""]
            if f.would_change:
                out += ["What would change it:", ""] + [f"- {w}" for w in f.would_change] + [""]
            if f.notes:
                out += [f"Note: {f.notes}", ""]
            if f.claims:
                out += ["Claims (weighed, not taken as facts):", ""]
                out += [f"- {c.by}: {c.text} ({c.source})" for c in f.claims] + [""]
        out += ["## Sources", "", "| Id | Grade | Publisher | Date | Title |", "|---|---|---|---|---|"]
        out += [f"| {s.id} | {s.grade} | {s.publisher} | {s.date} | "
                + (f"[{s.title or 'link'}]({s.url})" if s.url else s.title) + " |" for s in result.sources]
        out += ["", f"_{_run_line(run)}_", ""]
    return "\n".join(out)


FORMATS = {"text": text, "markdown": markdown, "json": to_json}
