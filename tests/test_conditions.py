"""The condition language: parsing with clear errors, and three-valued evaluation."""
import pytest

from checker.conditions import Op, Ref, evaluate, parse
from checker.conditions import Test as Check  # not named Test*, so pytest does not collect it


def one(when):
    tests, errors = parse(when)
    assert not errors, [e.message for e in errors]
    (test,) = tests
    return test


@pytest.mark.parametrize("when, op, value", [
    ({"personnel.nationality": "KP"}, Op.EQ, "KP"),
    ({"personnel.category": ["worker", "deminer"]}, Op.IN, ("deminer", "worker")),
    ({"personnel.count": {"at_least": 1}}, Op.GE, 1),
    ({"personnel.remuneration": {"none_of": ["unpaid"]}}, Op.NOT_IN, ("unpaid",)),
    ({"personnel.contract_concluded": {"before": "2017-09-11"}}, Op.LT, "2017-09-11"),
    ({"personnel.second_nationality": {"same_as": "receiving_state.country"}}, Op.EQ, Ref("receiving_state.country")),
    ({"host_totals.dprk_work_authorizations": {"above": {"field": "host_totals.dprk_work_authorizations_2017_08_05"}}},
     Op.GT, Ref("host_totals.dprk_work_authorizations_2017_08_05")),
    ({"committee_exemption": {"exists": True}}, Op.EXISTS, None),
    ({"committee_exemption": {"exists": False}}, Op.ABSENT, None),
])
def test_parse_forms(when, op, value):
    test = one(when)
    assert (test.op, test.value) == (op, value)


@pytest.mark.parametrize("when, words", [
    ({"personnel.nationalty": "KP"}, "did you mean personnel.nationality"),
    ({"personnel.nationality": "XX"}, "ISO 3166"),
    ({"personnel.category": "general"}, "choose from"),
    ({"personnel.count": {"above": "many"}}, "whole number"),
    ({"personnel.category": {"above": 3}}, "compares numbers or dates"),
    ({"personnel.count": {"before": 3}}, "does not fit"),
    ({"personnel.count": {"more": 3}}, "unknown test"),
    ({"personnel.count": {"above": 3, "below": 9}}, "one test per field"),
    ({"personnel.category": {"one_of": []}}, "takes a list"),
    ({"personnel.count": {"same_as": "personnel.nationality"}}, "cannot compare"),
    ({"personnel.contract_concluded": {"before": "2017-9-11"}}, "YYYY-MM-DD"),
])
def test_parse_errors_teach(when, words):
    tests, errors = parse(when)
    assert not tests and len(errors) == 1
    assert words in errors[0].message + " " + errors[0].hint


def test_all_errors_collected():
    tests, errors = parse({"a.b": 1, "personnel.nationality": "KP", "c.d": 2})
    assert len(tests) == 1 and len(errors) == 2


FACTS = {"personnel.nationality": "KP", "personnel.tasks": ["combat", "construction"], "personnel.count": 10,
         "receiving_state.country": "RU", "location.country": "RU"}


@pytest.mark.parametrize("test, expected", [
    (Check("personnel.nationality", Op.EQ, "KP"), True),
    (Check("personnel.nationality", Op.NE, "KP"), False),
    (Check("personnel.remuneration", Op.EQ, "unpaid"), None),
    (Check("personnel.tasks", Op.EQ, "combat", True), True),
    (Check("personnel.tasks", Op.IN, ("demining", "construction"), True), True),
    (Check("personnel.tasks", Op.NOT_IN, ("combat",), True), False),
    (Check("personnel.tasks", Op.NE, "medical", True), True),
    (Check("personnel.count", Op.GT, 10), False),
    (Check("personnel.count", Op.GE, 10), True),
    (Check("location.country", Op.EQ, Ref("receiving_state.country")), True),
    (Check("location.country", Op.EQ, Ref("sending_state.country")), None),
    (Check("committee_exemption", Op.EXISTS), False),
    (Check("committee_exemption", Op.ABSENT), True),
])
def test_three_valued_evaluation(test, expected):
    assert evaluate(test, FACTS) is expected
