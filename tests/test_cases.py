"""Every bundled case carries the findings it expects; each runs as a test."""
import pytest

from conftest import CASES

CASE_FILES = sorted(CASES.rglob("*.yaml"))


def test_there_are_cases():
    assert len(CASE_FILES) >= 4


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case_expectations_are_met(path, checker):
    result = checker.check_file(path)
    assert result.expectations, f"{path.name} has no expect block"
    failures = [f"{e.rule} on {e.activity or 'any activity'}{' reading ' + e.reading if e.reading else ''}: "
                f"expected {e.expected.value}, got {[s.value for s in e.actual] or 'no finding'}"
                for e in result.expectations if not e.met]
    assert not failures, "\n".join(failures)


def test_the_cases_cover_every_status(checker):
    statuses = {f.status.value for path in CASE_FILES for f in checker.check_file(path).findings}
    assert {"violation", "possible_violation", "exempt", "no_violation", "not_applicable"} <= statuses
