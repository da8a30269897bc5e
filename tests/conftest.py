"""Shared helpers: the bundled rulebook, and small cases built in code for unit tests."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from checker.check import Checker
from checker.load import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "cases"


@pytest.fixture(scope="session")
def rulebook():
    return load_rulebook()


@pytest.fixture(scope="session")
def checker(rulebook):
    return Checker(rulebook)


BASE_CASE = {
    "case": {"id": "unit", "title": "Unit test case", "as_of": "2021-06-30"},
    "sources": [
        {"id": "s1", "publisher": "Panel", "date": "2021-01-01", "kind": "un_document", "reliability": "A",
         "credibility": 2},
        {"id": "s2", "publisher": "Blog", "date": "2021-01-02", "kind": "other", "reliability": "E",
         "credibility": 5},
    ],
    "parties": [
        {"id": "kp", "type": "state", "name": "DPRK", "country": "KP"},
        {"id": "host", "type": "state", "name": "Host State", "country": "MN"},
    ],
    "activities": [{
        "id": "workers", "kind": "personnel_deployment", "title": "DPRK workers abroad", "stage": "under_way",
        "parties": {"sending_state": "kp", "receiving_state": "host"},
        "period": {"start": "2018-03"}, "location": {"country": "MN"},
        "personnel": {"nationality": "KP", "category": "worker", "count": 40, "tasks": ["construction"],
                      "remuneration": "wages_shared_with_state", "work_authorization": True},
        "sources": ["s1"],
    }],
}


def make_case(**changes) -> dict:
    """BASE_CASE with dotted-path changes, e.g. make_case(**{"activities.0.stage": "completed"}).
    A value of None deletes the key (the fact becomes unknown)."""
    case = copy.deepcopy(BASE_CASE)
    for path, value in changes.items():
        *parents, last = path.split(".")
        node = case
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
        if value is None:
            node.pop(last, None)
        else:
            node[int(last) if isinstance(node, list) else last] = value
    return case


def write_case(tmp_path: Path, case: dict, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(case, sort_keys=False), encoding="utf-8")
    return path


def finding(result, rule: str, activity: str = "workers"):
    return next(f for f in result.findings if f.rule == rule and f.activity == activity)
