"""Compiling a rulebook: first to engine-neutral patterns, then to durable_rules' JSON.

The patterns are the contract between the rule language and any engine. Each rule
gives one pattern per reading, and each exception a pattern of its own, so the
engine reports every match and Python decides what defeats what afterwards
(durable_rules has no truth maintenance: a fired action is never undone).

Each test is compiled three-valued: it matches when the fact holds *or is not
stated*. The engine thus returns every activity that no stated fact rules out;
the reasoning layer then tells established from unknown.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .conditions import Op, Ref, Test, engine_name
from .rulebook import Rulebook

MAX_RULES_PER_RULESET = 400  # durable_rules errors at 512 rules in one ruleset and hangs at 513
CATCH_ALL = "$every-fact"
ORDER = {Op.GT: "$gt", Op.GE: "$gte", Op.LT: "$lt", Op.LE: "$lte"}


@dataclass(frozen=True)
class Pattern:
    """One thing the engine looks for: activities of these kinds passing these tests."""

    name: str  # "<rule>#<reading>" for a rule, "<rule>!<exception>" for an exception
    rule: str
    kinds: tuple[str, ...]
    tests: tuple[Test, ...]


def reading_pattern(rule_id: str, reading: str) -> str:
    return f"{rule_id}#{reading or 'text'}"


def exception_pattern(rule_id: str, exception_id: str) -> str:
    return f"{rule_id}!{exception_id}"


def patterns(rulebook: Rulebook) -> list[Pattern]:
    """The engine-neutral form of the whole rulebook, in a fixed order."""
    result = []
    for loaded in rulebook.rules:
        kinds = tuple(sorted(k.value for k in loaded.rule.applies_to))
        for reading in loaded.reading_ids:
            tests = loaded.tests + loaded.reading_tests.get(reading, ())
            result.append(Pattern(reading_pattern(loaded.id, reading), loaded.id, kinds, tests))
        for exception_id, tests in sorted(loaded.exception_tests.items()):
            result.append(Pattern(exception_pattern(loaded.id, exception_id), loaded.id, kinds, tests))
    return sorted(result, key=lambda p: p.name)


def to_durable(patterns_: list[Pattern]) -> list[dict[str, dict[str, Any]]]:
    """durable_rules ruleset definitions (without actions), sharded under the engine's limit."""
    shards = []
    for start in range(0, len(patterns_), MAX_RULES_PER_RULESET):
        shard = {p.name: {"all": [{"m": _pattern(p)}]} for p in patterns_[start:start + MAX_RULES_PER_RULESET]}
        # A batch in which one fact matches nothing runs no action at all: catch every fact.
        shard[CATCH_ALL] = {"all": [{"m": {"$ex": {"kind": 1}}}]}
        shards.append(shard)
    return shards


def _pattern(pattern: Pattern) -> dict[str, Any]:
    kind = {"kind": pattern.kinds[0]} if len(pattern.kinds) == 1 else \
        {"$or": [{"kind": k} for k in pattern.kinds]}
    return {"$and": [kind, *(_three_valued(t) for t in pattern.tests)]}


def _three_valued(test: Test) -> dict[str, Any]:
    if test.op in (Op.EXISTS, Op.ABSENT):
        return _test(test)
    unknown = [{"$nex": {engine_name(f): 1}} for f in test.fields]
    return {"$or": [_test(test), *unknown]}


def _test(test: Test) -> dict[str, Any]:
    key = engine_name(test.field)
    value = {"$m": engine_name(test.value.path)} if isinstance(test.value, Ref) else test.value
    if test.op is Op.EXISTS:
        return {"$ex": {key: 1}}
    if test.op is Op.ABSENT:
        return {"$nex": {key: 1}}
    if test.is_list:
        return _list_test(key, test.op, value)
    if test.op is Op.EQ:
        return {key: value}
    if test.op is Op.NE:
        return {"$neq": {key: value}}
    if test.op is Op.IN:
        return {"$or": [{key: v} for v in value]}
    if test.op is Op.NOT_IN:
        return {"$and": [{"$neq": {key: v}} for v in value]}
    return {ORDER[test.op]: {key: value}}


def _list_test(key: str, op: Op, value: Any) -> dict[str, Any]:
    """Tests on a list fact: equality means 'some item is', inequality 'no item is'."""
    if op is Op.EQ:
        return {"$iany": {key: {"$i": value}}}
    if op is Op.NE:
        return {"$iall": {key: {"$neq": {"$i": value}}}}
    if op is Op.IN:
        return {"$iany": {key: {"$or": [{"$i": v} for v in value]}}}
    if op is Op.NOT_IN:
        return {"$iall": {key: {"$and": [{"$neq": {"$i": v}} for v in value]}}}
    raise ValueError(f"{op} is not defined on list facts")  # conditions.parse never builds this
