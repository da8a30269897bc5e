"""Reasoning: each status, time windows, exceptions, readings and confidence, on small cases."""
import pytest

from checker.check import Checker
from checker.load import load_case
from checker.vocabulary import Confidence, Status
from conftest import finding, make_case, write_case

REPATRIATION = "unscr-2397-op8-repatriation"
AUTHORIZATIONS = "unscr-2375-op17-work-authorizations"


def run(tmp_path, checker, **changes):
    return checker.check(load_case(write_case(tmp_path, make_case(**changes))))


def test_violation_when_every_condition_is_established(tmp_path, checker):
    f = finding(run(tmp_path, checker), REPATRIATION)
    assert f.status is Status.VIOLATION
    assert f.missing == [] and {r.result for r in f.reasons} == {"held"}
    assert [b.name for b in f.bound] == ["Host State"]
    assert f.citation == "S/RES/2397 (2017), para. 8"


def test_unknown_fact_gives_possible_violation_naming_it(tmp_path, checker):
    f = finding(run(tmp_path, checker, **{"activities.0.personnel.remuneration": None}), REPATRIATION)
    assert f.status is Status.POSSIBLE_VIOLATION
    assert f.missing == ["whether they are paid, and to whom the pay goes"]


def test_fact_established_otherwise_gives_no_violation_naming_it(tmp_path, checker):
    f = finding(run(tmp_path, checker, **{"activities.0.personnel.remuneration": "unpaid"}), REPATRIATION)
    assert f.status is Status.NO_VIOLATION
    failed = [r for r in f.reasons if r.result == "failed"]
    assert [r.field for r in failed] == ["personnel.remuneration"] and failed[0].value == "unpaid"
    assert any("unpaid" in w for w in f.would_change)


def test_exception_applies(tmp_path, checker):
    f = finding(run(tmp_path, checker, **{"activities.0.personnel.second_nationality": "MN"}), REPATRIATION)
    assert f.status is Status.EXEMPT
    assert [e.id for e in f.exceptions if e.result == "applies"] == ["national-of-host-state"]


def test_exception_not_shown_is_listed_as_what_would_change_it(tmp_path, checker):
    f = finding(run(tmp_path, checker), REPATRIATION)
    not_shown = {e.id for e in f.exceptions if e.result == "not_shown"}
    assert {"national-of-host-state", "return-barred-by-law", "un-headquarters-agreement"} == not_shown
    assert any("non-refoulement" in w for w in f.would_change)


def test_exception_established_false_does_not_apply(tmp_path, checker):
    f = finding(run(tmp_path, checker, **{"activities.0.personnel.second_nationality": "CN"}), REPATRIATION)
    assert f.status is Status.VIOLATION
    assert next(e for e in f.exceptions if e.id == "national-of-host-state").result == "does_not_apply"


@pytest.mark.parametrize("period, stage, status", [
    ({"start": "2016-05", "end": "2019-12-21"}, "completed", Status.NO_VIOLATION),  # left the day before
    ({"start": "2016-05", "end": "2019-12-22"}, "completed", Status.VIOLATION),  # still there on deadline day
    ({"start": "2016-05", "end": "2019-12"}, "completed", Status.POSSIBLE_VIOLATION),  # month too vague
    ({"start": "2015-01", "end": "2017-06"}, "completed", Status.NOT_APPLICABLE),  # before adoption
    ({"start": "2016-05"}, "under_way", Status.VIOLATION),  # ongoing at as_of
    ({"start": "2016-05"}, "completed", Status.POSSIBLE_VIOLATION),  # ended, but when?
    ({}, "under_way", Status.VIOLATION),
])
def test_deadline_window(tmp_path, checker, period, stage, status):
    f = finding(run(tmp_path, checker, **{"activities.0.period": period, "activities.0.stage": stage}), REPATRIATION)
    assert f.status is status, f.time


@pytest.mark.parametrize("start, status", [
    ("2017-09-10", Status.NOT_APPLICABLE), ("2017-09-11", Status.VIOLATION), ("2017-09", Status.POSSIBLE_VIOLATION),
])
def test_starting_conduct_is_judged_by_when_it_began(tmp_path, checker, start, status):
    f = finding(run(tmp_path, checker, **{"activities.0.period": {"start": start}}), AUTHORIZATIONS)
    assert f.status is status, f.time


def test_contract_before_adoption_exempts(tmp_path, checker):
    result = run(tmp_path, checker, **{"activities.0.period": {"start": "2017-10"},
                                       "activities.0.personnel.contract_concluded": "2017-09-10"})
    assert finding(result, AUTHORIZATIONS).status is Status.EXEMPT


def test_announced_activity_is_at_most_possible(tmp_path, checker):
    f = finding(run(tmp_path, checker, **{"activities.0.stage": "announced"}), REPATRIATION)
    assert f.status is Status.POSSIBLE_VIOLATION
    assert "whether the announced activity actually took place" in f.missing


def test_as_of_before_entry_into_force(tmp_path, rulebook):
    from datetime import date
    f = finding(Checker(rulebook, as_of=date(2017, 1, 1)).check(load_case(write_case(tmp_path, make_case()))),
                REPATRIATION)
    assert f.status is Status.NOT_APPLICABLE


def test_readings_are_compared_and_can_be_chosen(tmp_path, rulebook, checker):
    changes = {"activities.0.personnel.remuneration": "paid_to_state"}
    default = finding(run(tmp_path, checker, **changes), REPATRIATION)
    assert (default.reading, default.status) == ("labour-income", Status.VIOLATION)
    assert default.reading_changes_outcome
    assert [(o.reading, o.status) for o in default.other_readings] == [("personal-wages", Status.NO_VIOLATION)]
    narrow = Checker(rulebook, {REPATRIATION: "personal-wages"})
    chosen = finding(narrow.check(load_case(write_case(tmp_path, make_case(**changes)))), REPATRIATION)
    assert (chosen.reading, chosen.status) == ("personal-wages", Status.NO_VIOLATION)


@pytest.mark.parametrize("sources, evidence, confidence", [
    (["s1"], {}, Confidence.HIGH),  # one A2 source
    (["s2"], {}, Confidence.LOW),  # one E5 source
    (["s1"], {"personnel.remuneration": ["s2"]}, Confidence.LOW),  # weakest decisive fact decides
])
def test_confidence_follows_the_sources_of_decisive_facts(tmp_path, checker, sources, evidence, confidence):
    f = finding(run(tmp_path, checker, **{"activities.0.sources": sources, "activities.0.evidence": evidence}),
                REPATRIATION)
    assert f.confidence is confidence


def test_two_independent_fair_sources_give_high_confidence(tmp_path, checker):
    case = make_case(**{"activities.0.sources": ["c1", "c2"]})
    case["sources"] += [{"id": f"c{i}", "publisher": f"Paper {i}", "date": "2021-01-01", "kind": "news",
                         "reliability": "C", "credibility": 3} for i in (1, 2)]
    alone = make_case(**{"activities.0.sources": ["c1"]})
    alone["sources"] = case["sources"]
    two = finding(checker.check(load_case(write_case(tmp_path, case, "two.yaml"))), REPATRIATION)
    one = finding(checker.check(load_case(write_case(tmp_path, alone, "one.yaml"))), REPATRIATION)
    assert (two.confidence, one.confidence) == (Confidence.HIGH, Confidence.MEDIUM)


def test_every_rule_and_unused_fact_is_accounted_for(tmp_path, checker, rulebook):
    result = run(tmp_path, checker)
    assert {r.rule for r in result.rules} == {r.id for r in rulebook.rules}
    not_applicable = {r.rule for r in result.rules if r.outcome == "not_applicable"}
    assert "unscr-2270-op9-hosting-dprk-trainers" in not_applicable  # no training in the case
    assert "activities.workers.personnel.count" in result.unused_facts


def test_claims_are_shown_but_never_decide(tmp_path, checker):
    case = make_case(**{"activities.0.personnel.remuneration": None})
    case["activities"][0]["claims"] = [{"by": "host", "text": "They are volunteers", "source": "s2",
                                        "bears_on": ["personnel.remuneration"]}]
    f = finding(checker.check(load_case(write_case(tmp_path, case))), REPATRIATION)
    assert f.status is Status.POSSIBLE_VIOLATION and [c.text for c in f.claims] == ["They are volunteers"]


def test_wind_down_exception_covers_only_conduct_ended_in_time(tmp_path):
    """An exception with `ended_by` (a wind-down) applies only to conduct that ended by that day."""
    import shutil

    import yaml

    from checker.load import load_rulebook
    from conftest import ROOT
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    path = rules / "unscr-2375-2017.yaml"
    data = yaml.safe_load(path.read_text())
    data["rules"][0]["unless"].append({
        "id": "wind-down", "title": "test wind-down", "paragraph": "17", "summary": "test only",
        "when": {"personnel.nationality": "KP"}, "ended_by": "2018-01-31"})
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    checker = Checker(load_rulebook(rules))

    def status(end):
        period = {"start": "2017-10", **({"end": end} if end else {})}
        case = make_case(**{"activities.0.period": period, "activities.0.stage": "completed"})
        result = checker.check(load_case(write_case(tmp_path, case)))
        f = finding(result, AUTHORIZATIONS)
        return f.status, next(e.result for e in f.exceptions if e.id == "wind-down")

    assert status("2018-01-15") == (Status.EXEMPT, "applies")
    assert status("2018-03") == (Status.VIOLATION, "does_not_apply")
    assert status("2018") == (Status.VIOLATION, "not_shown")
    assert status(None) == (Status.VIOLATION, "not_shown")
