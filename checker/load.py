"""Loading rule and case files: strict YAML, pydantic validation, cross-references checked.

Every problem comes back as a Problem naming file, line and field with a hint, all of a
file's problems at once. Nothing is half-loaded: a rulebook or a case loads whole or not.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import string
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .case import Case
from .conditions import parse
from .errors import InputError, Problem
from .facts import catalogue
from .rulebook import LoadedRule, Rule, Rulebook, RuleFile
from .vocabulary import Role
from .yamlfile import Document, read_yaml



def bundled_rules() -> Path:
    """The rulebook shipped with the tool: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise InputError([Problem(str(here / "rules"), None, "", "the bundled rulebook is missing",
                              "reinstall sanctions-checker, or give --rules DIR")])

# pydantic error types mapped to advice a person can act on
HINTS = {
    "extra_forbidden": "remove it, or check its spelling",
    "missing": "add this field",
    "enum": "use one of the listed values",
    "string_pattern_mismatch": "check the format",
    "string_type": "write text (quote it if it looks like a number, date or true/false)",
    "int_type": "write a whole number",
    "bool_type": "write true or false",
    "list_type": "write a list: [a, b] or one '- item' per line",
    "dict_type": "write a mapping of 'key: value' lines",
    "model_type": "write a mapping of 'key: value' lines",
    "too_short": "add at least one item",
    "greater_than_equal": "use a number that is not negative",
    "url_parsing": "write a full address starting with https://",
}


def validate(model: type[BaseModel], doc: Document) -> Any:
    """Validate a document against a model, turning every pydantic error into a Problem."""
    try:
        return model.model_validate_json(json.dumps(doc.data), strict=True)
    except ValidationError as exc:
        raise InputError([_problem(doc, error, model) for error in exc.errors()]) from None


def _problem(doc: Document, error: dict, model: type[BaseModel]) -> Problem:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "json-"))))
    kind = error["type"]
    message = error["msg"]
    hint = HINTS.get(kind, "")
    if kind == "extra_forbidden":
        name = loc[-1]
        message = f"unknown field '{name}'"
        known = _known_fields(model, loc[:-1], doc.data)
        near = difflib.get_close_matches(str(name), known, n=2)
        hint = f"did you mean {' or '.join(near)}?" if near else (
            f"known fields here: {', '.join(known)}" if known else hint)
    elif kind == "enum":
        message = f"'{error.get('input')}' is not allowed; expected {error['ctx']['expected']}"
    elif kind.startswith("value_error"):
        message = message.removeprefix("Value error, ")
    where = ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in loc).replace(".[", "[")
    return Problem(doc.path, doc.line_of(loc), where, message, hint)


def _known_fields(model: type[BaseModel], loc: tuple, data: Any) -> list[str]:
    """The field names allowed at a location, found by walking the model along the path."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        current = _inner_model(fields[part].annotation)
    return sorted(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
        stack.extend(typing.get_args(item))
    return None


# ---------------------------------------------------------------- rulebooks

def rule_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise InputError([Problem(str(directory), None, "", "no such rules folder",
                                  "give --rules a folder of rule YAML files")])
    files = sorted(p for p in directory.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    if not files:
        raise InputError([Problem(str(directory), None, "", "the rules folder holds no .yaml files",
                                  "point --rules at the folder with the rule files")])
    return files


def load_rulebook(directory: Path | str | None = None) -> Rulebook:
    """Load every rule file below `directory` (the bundled rulebook by default)."""
    directory = Path(directory) if directory else bundled_rules()
    problems: list[Problem] = []
    loaded: list[LoadedRule] = []
    digest = hashlib.sha256()
    files = rule_files(directory)
    for path in files:
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        try:
            doc = read_yaml(path)
            rule_file: RuleFile = validate(RuleFile, doc)
            loaded.extend(_parse_rules(doc, rule_file, problems))
        except InputError as exc:
            problems.extend(exc.problems)
    problems.extend(_cross_check(loaded))
    if problems:
        raise InputError(problems)
    rules = tuple(sorted(loaded, key=lambda r: r.id))
    return Rulebook(rules, digest.hexdigest(), tuple(str(p) for p in files))


def _parse_rules(doc: Document, rule_file: RuleFile, problems: list[Problem]) -> list[LoadedRule]:
    result = []
    for index, rule in enumerate(rule_file.rules):
        base = ("rules", index)

        def tests(when: dict, at: tuple) -> tuple:
            parsed, errors = parse(when)
            for error in errors:
                problems.append(Problem(doc.path, doc.line_of((*at, error.where)), f"rule {rule.id}: {error.where}",
                                        error.message, error.hint))
            return tuple(parsed)

        main = tests(rule.when, (*base, "when"))
        readings = {}
        if rule.readings:
            for i, reading in enumerate(rule.readings.options):
                readings[reading.id] = tests(reading.when, (*base, "readings", "options", i, "when"))
            if rule.readings.default not in readings:
                problems.append(Problem(doc.path, doc.line_of((*base, "readings", "default")),
                                        f"rule {rule.id}", f"default reading '{rule.readings.default}' is not "
                                        "among the options", f"use one of: {', '.join(readings)}"))
        exceptions = {e.id: tests(e.when, (*base, "unless", i, "when")) for i, e in enumerate(rule.unless)}
        problems.extend(_rule_problems(doc, base, rule))
        result.append(LoadedRule(rule, rule_file.instrument, doc.path, doc.line_of(base) or 1, main, readings,
                                 exceptions))
    return result


def _rule_problems(doc: Document, base: tuple, rule: Rule) -> list[Problem]:
    problems = []

    def add(where: tuple, message: str, hint: str) -> None:
        problems.append(Problem(doc.path, doc.line_of((*base, *where)), f"rule {rule.id}", message, hint))

    if rule.deadline and rule.deadline < rule.in_force:
        add(("deadline",), f"deadline {rule.deadline} is before entry into force {rule.in_force}",
            "check both dates against the resolution text")
    for name, ids in (("exception", [e.id for e in rule.unless]),
                      ("reading", [r.id for r in rule.readings.options] if rule.readings else [])):
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            add((), f"{name} id '{dup}' is used twice", f"give each {name} its own id")
    for placeholder in _placeholders(rule):
        if placeholder not in WORDING_NAMES:
            add(("wording",), f"unknown placeholder {{{placeholder}}} in wording",
                f"use one of: {', '.join(sorted(WORDING_NAMES))}")
    return problems


WORDING_NAMES = {"bound", "activity", "deadline", "in_force", "reading", *(role.value for role in Role)}


def _placeholders(rule: Rule) -> set[str]:
    names = set()
    for text in rule.wording.model_dump().values():
        if text:
            names |= {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    return names


def _cross_check(rules: list[LoadedRule]) -> list[Problem]:
    problems = []
    first: dict[str, LoadedRule] = {}
    for rule in sorted(rules, key=lambda r: (r.file, r.line)):
        if rule.id in first:
            other = first[rule.id]
            problems.append(Problem(rule.file, rule.line, f"rule {rule.id}",
                                    f"rule id already used at {other.file}:{other.line}", "give each rule its own id"))
        first.setdefault(rule.id, rule)
    for rule in rules:
        for target in rule.rule.extends:
            if target not in first:
                near = difflib.get_close_matches(target, first, n=1)
                problems.append(Problem(rule.file, rule.line, f"rule {rule.id}", f"extends unknown rule '{target}'",
                                        f"did you mean {near[0]}?" if near else "name a rule id of the rulebook"))
    return problems


# ---------------------------------------------------------------- cases

def case_files(paths: list[Path | str]) -> list[Path]:
    """Expand files and folders into case files, in a stable order."""
    result: list[Path] = []
    problems = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                problems.append(Problem(str(path), None, "", "folder holds no .yaml case files",
                                        "give a case file or a folder of them"))
            result.extend(found)
        elif path.is_file():
            result.append(path)
        else:
            problems.append(Problem(str(path), None, "", "no such file or folder", "check the path"))
    if problems:
        raise InputError(problems)
    return result


def load_case(path: Path | str, rulebook: Rulebook | None = None) -> Case:
    """Load one case file; with a rulebook, its expectations' rule references are checked too."""
    doc = read_yaml(path)
    case: Case = validate(Case, doc)
    problems = _case_references(doc, case)
    if rulebook is not None:
        problems += _expectation_references(doc, case, rulebook)
    if problems:
        raise InputError(problems)
    return case


def _case_references(doc: Document, case: Case) -> list[Problem]:
    problems: list[Problem] = []
    source_ids = [s.id for s in case.sources]
    party_ids = [p.id for p in case.parties]
    activity_ids = [a.id for a in case.activities]
    fields = catalogue()

    def check(ids: list[str], wanted: str, kind: str, where: tuple) -> None:
        if wanted not in ids:
            near = difflib.get_close_matches(wanted, ids, n=1)
            problems.append(Problem(doc.path, doc.line_of(where), _dotted(where), f"unknown {kind} '{wanted}'",
                                    f"did you mean {near[0]}?" if near else f"declare it under {kind}s"))

    for kind, ids, listed in (("source", source_ids, "sources"), ("party", party_ids, "parties"),
                              ("activity", activity_ids, "activities")):
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            index = len(ids) - 1 - ids[::-1].index(dup)
            problems.append(Problem(doc.path, doc.line_of((listed, index)), f"{listed}[{index}]",
                                    f"{kind} id '{dup}' is used twice", f"give each {kind} its own id"))
    for i, activity in enumerate(case.activities):
        at = ("activities", i)
        for role, party in activity.parties.items():
            check(party_ids, party, "party", (*at, "parties", role.value))
        for j, source in enumerate(activity.sources):
            check(source_ids, source, "source", (*at, "sources", j))
        for field_path, sources in activity.evidence.items():
            if field_path not in fields:
                near = difflib.get_close_matches(field_path, fields, n=1)
                problems.append(Problem(doc.path, doc.line_of((*at, "evidence", field_path)), _dotted(at),
                                        f"evidence names unknown fact field '{field_path}'",
                                        f"did you mean {near[0]}?" if near else "name a fact field"))
            for j, source in enumerate(sources):
                check(source_ids, source, "source", (*at, "evidence", field_path, j))
        for j, claim in enumerate(activity.claims):
            check(party_ids, claim.by, "party", (*at, "claims", j, "by"))
            for k, field_path in enumerate(claim.bears_on):
                if field_path not in fields:
                    near = difflib.get_close_matches(field_path, fields, n=1)
                    problems.append(Problem(doc.path, doc.line_of((*at, "claims", j, "bears_on", k)),
                                            _dotted((*at, "claims", j, "bears_on", k)),
                                            f"claim bears on unknown fact field '{field_path}'",
                                            f"did you mean {near[0]}?" if near else "name a fact field"))
            check(source_ids, claim.source, "source", (*at, "claims", j, "source"))
    for i, event in enumerate(case.background):
        for j, source in enumerate(event.sources):
            check(source_ids, source, "source", ("background", i, "sources", j))
    for i, expectation in enumerate(case.expect):
        if expectation.activity:
            check(activity_ids, expectation.activity, "activity", ("expect", i, "activity"))
    return problems


def _dotted(where: tuple) -> str:
    return ".".join(str(p) if not isinstance(p, int) else f"[{p}]" for p in where).replace(".[", "[")


def _expectation_references(doc: Document, case: Case, rulebook: Rulebook) -> list[Problem]:
    """An expectation naming a rule or reading the rulebook lacks is bad input, not a failed test."""
    problems = []
    ids = [r.id for r in rulebook.rules]
    for i, expectation in enumerate(case.expect):
        rule = rulebook.get(expectation.rule)
        line = doc.line_of(("expect", i, "rule"))
        if rule is None:
            near = difflib.get_close_matches(expectation.rule, ids, n=1)
            problems.append(Problem(doc.path, line, f"expect[{i}]", f"unknown rule '{expectation.rule}'",
                                    f"did you mean {near[0]}?" if near else "name a rule of the rulebook"))
        elif expectation.reading and expectation.reading not in rule.reading_tests:
            problems.append(Problem(doc.path, line, f"expect[{i}]",
                                    f"rule {rule.id} has no reading '{expectation.reading}'",
                                    f"use one of: {', '.join(rule.reading_tests) or 'none (it has one reading)'}"))
    return problems
