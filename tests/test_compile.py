"""Compilation: golden file of the compiled rulebook, and the engine agreeing with Python on every operator."""
import json
import os

from hypothesis import given, settings, strategies as st

from checker import engine
from checker.compile import CATCH_ALL, patterns, to_durable
from checker.conditions import Op, Ref, engine_name, evaluate
from checker.conditions import Test as Check  # not named Test*, so pytest does not collect it
from checker.compile import Pattern
from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "durable-rulesets.json"


def test_compiled_rulebook_matches_golden_file(rulebook):
    """The compiled form is a contract: a change to it must be deliberate.
    Regenerate with UPDATE_GOLDEN=1 after checking the diff."""
    compiled = json.dumps(to_durable(patterns(rulebook)), indent=1, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(compiled)
    assert compiled == GOLDEN.read_text()


def test_every_rule_reading_and_exception_becomes_a_pattern(rulebook):
    names = {p.name for p in patterns(rulebook)}
    for rule in rulebook.rules:
        assert {f"{rule.id}#{r or 'text'}" for r in rule.reading_ids} <= names
        assert {f"{rule.id}!{e}" for e in rule.exception_tests} <= names
    assert CATCH_ALL in to_durable(patterns(rulebook))[0]


def test_shards_stay_under_the_engine_limit():
    many = [Pattern(f"r{i:04d}#text", f"r{i:04d}", ("personnel_deployment",), ()) for i in range(900)]
    shards = to_durable(many)
    assert len(shards) == 3 and all(len(s) <= 401 for s in shards)


# Every operator on every kind of field, decided by durable_rules and by Python, must agree.
OPERATOR_TESTS = [
    Check("personnel.nationality", Op.EQ, "KP"), Check("personnel.nationality", Op.NE, "KP"),
    Check("personnel.nationality", Op.IN, ("KP", "RU")), Check("personnel.nationality", Op.NOT_IN, ("KP", "RU")),
    Check("personnel.count", Op.GT, 5), Check("personnel.count", Op.GE, 5), Check("personnel.count", Op.LT, 5),
    Check("personnel.count", Op.LE, 5),
    Check("personnel.contract_concluded", Op.LT, "2017-09-11"),
    Check("personnel.contract_concluded", Op.GE, "2017-09-11"),
    Check("personnel.military", Op.EQ, True), Check("personnel.military", Op.NE, True),
    Check("personnel.tasks", Op.EQ, "combat", True), Check("personnel.tasks", Op.NE, "combat", True),
    Check("personnel.tasks", Op.IN, ("combat", "construction"), True),
    Check("personnel.tasks", Op.NOT_IN, ("combat", "construction"), True),
    Check("personnel.second_nationality", Op.EQ, Ref("receiving_state.country")),
    Check("personnel.second_nationality", Op.NE, Ref("receiving_state.country")),
    Check("host_totals.dprk_work_authorizations", Op.GT, Ref("host_totals.dprk_work_authorizations_2017_08_05")),
    Check("committee_exemption", Op.EXISTS), Check("committee_exemption", Op.ABSENT),
]
PROBE = [Pattern(f"probe{i:02d}#text", f"probe{i:02d}", ("personnel_deployment",), (t,))
         for i, t in enumerate(OPERATOR_TESTS)]
PROBE_DEFINITIONS = to_durable(PROBE)

fact_values = st.fixed_dictionaries({}, optional={
    "personnel.nationality": st.sampled_from(["KP", "RU", "CN"]),
    "personnel.second_nationality": st.sampled_from(["KP", "RU"]),
    "receiving_state.country": st.sampled_from(["RU", "MN"]),
    "personnel.count": st.integers(0, 10),
    "personnel.contract_concluded": st.sampled_from(["2017-09-10", "2017-09-11", "2017-09-12", "2016-01-01"]),
    "personnel.military": st.booleans(),
    "personnel.tasks": st.lists(st.sampled_from(["combat", "construction", "medical"]), min_size=1, max_size=3),
    "host_totals.dprk_work_authorizations": st.integers(0, 5),
    "host_totals.dprk_work_authorizations_2017_08_05": st.integers(0, 5),
    "committee_exemption": st.booleans(),
})


@settings(max_examples=150, deadline=None)
@given(st.lists(fact_values, min_size=1, max_size=6))
def test_engine_agrees_with_python_on_every_operator(activities):
    facts = [{"id": f"a{i}", "kind": "personnel_deployment", **{engine_name(k): v for k, v in values.items()}}
             for i, values in enumerate(activities)]
    matched = engine.match("operator-probe", PROBE_DEFINITIONS, "probe", facts)
    for pattern, test in zip(PROBE, OPERATOR_TESTS):
        for i, values in enumerate(activities):
            python_says = evaluate(test, values) is not False  # three-valued: unknown also matches
            assert ((pattern.name, f"a{i}") in matched) == python_says, (test, values)
