"""Conditions: the engine-neutral tree of tests a rule makes on an activity's facts.

The YAML rule language is parsed into `Test`s here; `compile` turns them into the
engine's form, and `evaluate` decides them in Python with three values, so the
reasoning layer can say which tests held on stated facts and which on missing ones.

Rule language (one line per test, all must hold):

    personnel.nationality: KP                   # equals
    personnel.category: [worker, deminer]       # any of (for a list fact: any item)
    personnel.count: {at_least: 1}              # above, at_least, below, at_most
    personnel.remuneration: {none_of: [unpaid]} # equals, not, one_of, none_of
    personnel.contract_concluded: {before: 2017-09-11}   # before, on_or_after (dates)
    personnel.second_nationality: {same_as: receiving_state.country}   # a reference to the case
    host_totals.dprk_work_authorizations: {above: {field: host_totals.dprk_work_authorizations_2017_08_05}}
    committee_exemption: {exists: true}         # stated at all
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .facts import FactField, catalogue
from .types import check_country, parse_day


class Op(StrEnum):
    EQ = "eq"
    NE = "ne"
    IN = "in"
    NOT_IN = "not_in"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    EXISTS = "exists"
    ABSENT = "absent"


# The words an analyst writes, and the operator each stands for.
WORDS: dict[str, Op] = {
    "equals": Op.EQ, "not": Op.NE, "one_of": Op.IN, "none_of": Op.NOT_IN,
    "above": Op.GT, "at_least": Op.GE, "below": Op.LT, "at_most": Op.LE,
    "after": Op.GT, "on_or_after": Op.GE, "before": Op.LT, "on_or_before": Op.LE,
    "same_as": Op.EQ, "differs_from": Op.NE, "exists": Op.EXISTS,
}
REFERENCE_WORDS = {"same_as", "differs_from"}
ORDER_OPS = {Op.GT, Op.GE, Op.LT, Op.LE}
PHRASES = {Op.EQ: "is", Op.NE: "is not", Op.IN: "is one of", Op.NOT_IN: "is none of", Op.GT: "is above",
           Op.GE: "is at least", Op.LT: "is below", Op.LE: "is at most", Op.EXISTS: "is stated",
           Op.ABSENT: "is not stated"}


@dataclass(frozen=True)
class Ref:
    """A reference to another fact of the same activity, e.g. `receiving_state.country`."""

    path: str

    def __str__(self) -> str:
        return self.path


@dataclass(frozen=True)
class Test:
    """One test on one fact: `field op value`, where value may be a reference."""

    field: str
    op: Op
    value: Any = None
    is_list: bool = False

    @property
    def fields(self) -> tuple[str, ...]:
        return (self.field, self.value.path) if isinstance(self.value, Ref) else (self.field,)

    def describe(self) -> str:
        if self.op in (Op.EXISTS, Op.ABSENT):
            return f"{self.field} {PHRASES[self.op]}"
        value = ", ".join(map(str, self.value)) if isinstance(self.value, tuple) else \
            str(self.value).lower() if isinstance(self.value, bool) else str(self.value)
        subject = f"an item of {self.field}" if self.is_list and self.op in (Op.EQ, Op.IN) else self.field
        return f"{subject} {PHRASES[self.op]} {value}"


class ConditionError(ValueError):
    """A condition an analyst wrote that cannot be understood; `where` is the field it is under."""

    def __init__(self, where: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.where, self.message, self.hint = where, message, hint


def parse(when: dict[str, Any]) -> tuple[list[Test], list[ConditionError]]:
    """Parse a `when:` mapping into tests, collecting every error rather than stopping at one."""
    tests: list[Test] = []
    errors: list[ConditionError] = []
    for path, spec in when.items():
        try:
            tests.append(_parse_one(path, spec))
        except ConditionError as exc:
            errors.append(exc)
    return sorted(tests, key=lambda t: (t.field, t.op, repr(t.value))), errors


def _field(path: str) -> FactField:
    fields = catalogue()
    if path not in fields:
        near = difflib.get_close_matches(path, fields, n=3)
        hint = f"did you mean {' or '.join(near)}?" if near else "see `sanctions-check vocabulary` for the fact fields"
        raise ConditionError(path, f"unknown fact field '{path}'", hint)
    return fields[path]


def _parse_one(path: str, spec: Any) -> Test:
    field = _field(path)
    if isinstance(spec, list):
        return Test(path, Op.IN, _values(field, path, spec), field.is_list)
    if not isinstance(spec, dict):
        return Test(path, Op.EQ, _value(field, path, spec), field.is_list)
    if len(spec) != 1:
        raise ConditionError(path, f"write one test per field, not {len(spec)}",
                             "split the tests, or use one_of / none_of")
    (word, value), = spec.items()
    if word not in WORDS:
        near = difflib.get_close_matches(str(word), WORDS, n=2)
        raise ConditionError(path, f"unknown test '{word}'",
                             f"did you mean {' or '.join(near)}?" if near else f"use one of: {', '.join(WORDS)}")
    op = WORDS[word]
    if op is Op.EXISTS:
        if not isinstance(value, bool):
            raise ConditionError(path, "exists takes true or false", "write exists: true")
        return Test(path, Op.EXISTS if value else Op.ABSENT)
    if isinstance(value, dict) and set(value) == {"field"}:
        word, value = {Op.EQ: "same_as", Op.NE: "differs_from"}.get(op, word), value["field"]
    if word in REFERENCE_WORDS or isinstance(value, str) and op in ORDER_OPS and value in catalogue():
        other = _field(str(value))
        if {field.kind, other.kind} - {"country"} and field.kind != other.kind:
            raise ConditionError(path, f"cannot compare {field.kind} field {path} with {other.kind} field {value}",
                                 "compare fields of the same kind")
        if op in ORDER_OPS and field.kind not in ("int", "date"):
            raise ConditionError(path, f"'{word}' compares numbers or dates, and {path} is {field.kind}",
                                 "use same_as or differs_from")
        return Test(path, op, Ref(other.path), field.is_list)
    if op in (Op.IN, Op.NOT_IN):
        if not isinstance(value, list) or not value:
            raise ConditionError(path, f"{word} takes a list of values", f"write {word}: [a, b]")
        return Test(path, op, _values(field, path, value), field.is_list)
    if op in ORDER_OPS:
        if field.kind not in ("int", "date"):
            raise ConditionError(path, f"'{word}' compares numbers or dates, and {path} is {field.kind}",
                                 "use equals, not, one_of or none_of")
        if (field.kind == "date") != (word in ("after", "before", "on_or_after", "on_or_before")):
            words = "before, after, on_or_before, on_or_after" if field.kind == "date" else \
                "above, below, at_least, at_most"
            raise ConditionError(path, f"'{word}' does not fit a {field.kind} field", f"use one of: {words}")
    return Test(path, op, _value(field, path, value), field.is_list)


def _values(field: FactField, path: str, values: list) -> tuple:
    """A list of literals, in a fixed order: the order an author wrote them in carries no meaning."""
    return tuple(sorted({_value(field, path, v) for v in values}, key=repr))


def _value(field: FactField, path: str, value: Any) -> Any:
    """Check one literal against the field's type, returning it in its plain (JSON) form."""
    try:
        if field.kind in ("enum", "enum_list"):
            if value not in field.choices:
                raise ValueError(f"'{value}' is not a value of {path}; choose from: {', '.join(field.choices)}")
        elif field.kind == "country":
            check_country(value)
        elif field.kind == "date":
            return parse_day(value).isoformat()
        elif field.kind == "int":
            if type(value) is not int:
                raise ValueError(f"'{value}' is not a whole number")
        elif field.kind == "bool":
            if type(value) is not bool:
                raise ValueError(f"'{value}' is not true or false")
        elif not isinstance(value, str):
            raise ValueError(f"'{value}' is not text")
    except ValueError as exc:
        raise ConditionError(path, str(exc), f"{path} is a {field.kind.replace('_', ' ')} fact") from None
    return value


def evaluate(test: Test, facts: dict[str, Any]) -> bool | None:
    """Decide one test: True, False, or None when a fact it needs is not stated."""
    if test.op is Op.EXISTS:
        return test.field in facts
    if test.op is Op.ABSENT:
        return test.field not in facts
    if any(f not in facts for f in test.fields):
        return None
    actual = facts[test.field]
    wanted = facts[test.value.path] if isinstance(test.value, Ref) else test.value
    items = actual if test.is_list else [actual]
    if test.op is Op.EQ:
        return wanted in items
    if test.op is Op.NE:
        return wanted not in items
    if test.op is Op.IN:
        return any(item in wanted for item in items)
    if test.op is Op.NOT_IN:
        return all(item not in wanted for item in items)
    return {Op.GT: actual > wanted, Op.GE: actual >= wanted, Op.LT: actual < wanted, Op.LE: actual <= wanted}[test.op]


_SAFE = re.compile(r"[^a-z0-9_]")


def engine_name(path: str) -> str:
    """Fact paths as engine keys: dots become double underscores."""
    return _SAFE.sub("_", path.replace(".", "__"))
