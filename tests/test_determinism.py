"""Same case and rulebook, same findings byte for byte, whatever the order of anything in them.

durable_rules fires actions while facts arrive and never retracts them; the design keeps
the outcome independent of order. This test shuffles every list and mapping in a case and
in the rulebook's files (and the files' names) and requires identical JSON.
"""
import json
import random

import yaml
from hypothesis import given, settings, strategies as st

from checker.check import Checker
from checker.load import load_case, load_rulebook
from checker.report import to_json
from conftest import CASES, ROOT

KURSK = CASES / "kursk-2025.yaml"


def shuffled(value, rng: random.Random):
    """A copy with every list and every mapping's key order shuffled, recursively."""
    if isinstance(value, list):
        items = [shuffled(v, rng) for v in value]
        rng.shuffle(items)
        return items
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {k: shuffled(value[k], rng) for k in keys}
    return value


def cases_json(rules_dir, case_path) -> str:
    checker = Checker(load_rulebook(rules_dir))
    result = checker.check(load_case(case_path), "case.yaml", "-")
    return json.dumps(json.loads(to_json([result], checker.run_record()))["cases"], sort_keys=False)


def write_shuffled_rulebook(target, rng):
    target.mkdir()
    files = sorted((ROOT / "rules").glob("*.yaml"))
    names = [f"{i:02d}-{rng.random():.6f}.yaml" for i in range(len(files))]
    rng.shuffle(names)
    for source, name in zip(files, names):
        data = shuffled(yaml.safe_load(source.read_text()), rng)
        (target / name).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


BASELINE = {}


@settings(max_examples=12, deadline=None)
@given(seed=st.integers(0, 2**32 - 1))
def test_order_of_facts_rules_and_files_does_not_matter(tmp_path_factory, seed):
    if "json" not in BASELINE:
        BASELINE["json"] = cases_json(ROOT / "rules", KURSK)
    rng = random.Random(seed)
    work = tmp_path_factory.mktemp("shuffle")
    case = shuffled(yaml.safe_load(KURSK.read_text()), rng)
    case_path = work / "case.yaml"
    case_path.write_text(yaml.safe_dump(case, sort_keys=False, allow_unicode=True))
    write_shuffled_rulebook(work / "rules", rng)
    assert cases_json(work / "rules", case_path) == BASELINE["json"]


def test_shuffle_really_shuffles():
    rng = random.Random(1)
    data = yaml.safe_load(KURSK.read_text())
    assert shuffled(data, rng)["activities"] != data["activities"]
