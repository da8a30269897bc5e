"""Loading cases and rulebooks: validation errors name file, line and field, all at once."""
import shutil

import pytest
import yaml

from checker.errors import InputError
from checker.load import load_case, load_rulebook
from conftest import ROOT, make_case, write_case


def case_problems(tmp_path, case, rulebook=None):
    with pytest.raises(InputError) as exc:
        load_case(write_case(tmp_path, case), rulebook)
    return exc.value.problems


def test_the_base_case_loads(tmp_path):
    case = load_case(write_case(tmp_path, make_case()))
    assert case.activities[0].personnel.nationality == "KP"


def test_unknown_field_has_line_and_suggestion(tmp_path):
    (p,) = case_problems(tmp_path, make_case(**{"activities.0.personnel.nationalty": "KP"}))
    assert p.where == "activities[0].personnel.nationalty"
    assert "unknown field" in p.message and "nationality" in p.hint
    assert p.line is not None and p.line > 1


def test_wrong_types_and_bad_values_all_reported_at_once(tmp_path):
    problems = case_problems(tmp_path, make_case(**{
        "activities.0.personnel.count": "forty",
        "activities.0.personnel.nationality": "North Korea",
        "activities.0.personnel.remuneration": "salary",
        "sources.0.reliability": "Z",
        "case.as_of": "2021-02-30",
    }))
    wheres = {p.where for p in problems}
    assert {"activities[0].personnel.count", "activities[0].personnel.nationality",
            "activities[0].personnel.remuneration", "sources[0].reliability", "case.as_of"} <= wheres
    assert all(p.line for p in problems)
    messages = " ".join(p.message for p in problems)
    assert "ISO 3166" in messages and "real calendar date" in messages


def test_a_boolean_written_as_no_is_refused_not_read_as_false(tmp_path):
    path = write_case(tmp_path, make_case())
    text = path.read_text().replace("work_authorization: true", "work_authorization: no")
    path.write_text(text)
    with pytest.raises(InputError) as exc:
        load_case(path)
    assert exc.value.problems[0].where == "activities[0].personnel.work_authorization"


@pytest.mark.parametrize("change, where", [
    ({"activities.0.sources": ["s9"]}, "activities[0].sources[0]"),
    ({"activities.0.parties": {"sending_state": "kq"}}, "activities[0].parties.sending_state"),
    ({"activities.0.evidence": {"personnel.nationality": ["s7"]}}, "activities[0].evidence.personnel.nationality[0]"),
    ({"activities.0.evidence": {"personnel.colour": ["s1"]}}, "activities[0]"),
    ({"activities.0.claims": [{"by": "kp", "text": "volunteers", "source": "s1", "bears_on": ["personnel.pay"]}]},
     "activities[0].claims[0].bears_on[0]"),
])
def test_unknown_references(tmp_path, change, where):
    problems = case_problems(tmp_path, make_case(**change))
    assert where in {p.where for p in problems}
    assert all("unknown" in p.message for p in problems)


def test_duplicate_ids(tmp_path):
    case = make_case()
    case["sources"].append(dict(case["sources"][0]))
    (p,) = case_problems(tmp_path, case)
    assert "used twice" in p.message and p.where == "sources[2]"


def test_period_out_of_order(tmp_path):
    (p,) = case_problems(tmp_path, make_case(**{"activities.0.period": {"start": "2019-05", "end": "2018"}}))
    assert "before it starts" in p.message


def test_expectation_naming_an_unknown_rule(tmp_path, rulebook):
    case = make_case(expect=[{"rule": "unscr-2397-op8-repatriaton", "status": "violation"}])
    (p,) = case_problems(tmp_path, case, rulebook)
    assert "unknown rule" in p.message and "unscr-2397-op8-repatriation" in p.hint


def test_bundled_rulebook_loads(rulebook):
    assert len(rulebook.rules) >= 10
    assert all(r.rule.verified for r in rulebook.rules)


def rule_problems(tmp_path, edit):
    folder = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", folder)
    path = folder / "unscr-2397-2017.yaml"
    data = yaml.safe_load(path.read_text())
    edit(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    with pytest.raises(InputError) as exc:
        load_rulebook(folder)
    return exc.value.problems


def test_rule_on_unknown_fact_field(tmp_path):
    def edit(d):
        d["rules"][0]["when"]["personnel.nationalty"] = "KP"
    (p,) = rule_problems(tmp_path, edit)
    assert "unknown fact field" in p.message and "personnel.nationality" in p.hint and p.line


def test_rule_with_value_outside_vocabulary(tmp_path):
    def edit(d):
        d["rules"][0]["readings"]["options"][0]["when"]["personnel.remuneration"] = ["salary"]
    (p,) = rule_problems(tmp_path, edit)
    assert "'salary' is not a value" in p.message


def test_rule_dates_out_of_order_and_dangling_extends(tmp_path):
    def edit(d):
        d["rules"][0]["deadline"] = "2016-01-01"
        d["rules"][0]["extends"] = ["no-such-rule"]
    problems = rule_problems(tmp_path, edit)
    messages = " | ".join(p.message for p in problems)
    assert "before entry into force" in messages and "extends unknown rule" in messages


def test_duplicate_rule_ids_across_files(tmp_path):
    def edit(d):
        d["rules"][1]["id"] = "unscr-2375-op17-work-authorizations"
    (p,) = rule_problems(tmp_path, edit)
    assert "already used" in p.message


def test_missing_rules_folder(tmp_path):
    with pytest.raises(InputError) as exc:
        load_rulebook(tmp_path / "none")
    assert "no such rules folder" in exc.value.problems[0].message
