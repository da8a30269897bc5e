"""Benchmark: generate N synthetic cases and check them all against the bundled rulebook.

Prints cases per second (load excluded and included), engine share and peak memory.
Usage: python benchmarks/bench.py [N]   (default 2000)
"""
from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without installing

from checker.check import Checker
from checker.load import load_case, load_rulebook

CATEGORIES = ["worker", "military_builder", "deminer", "combat_troops", "safety_oversight_attache"]
TASKS = ["combat", "construction", "ordnance_clearance", "services", "weapons_maintenance"]
PAY = ["unpaid", "wages_to_person", "wages_shared_with_state", "paid_to_state", "in_kind_to_state"]
HOSTS = ["RU", "CN", "MN", "LA", "KH", "AE"]


def synthetic_case(index: int, rng: random.Random) -> dict:
    """A case of 3 to 6 activities with a random mix of stated and unknown facts."""
    host = rng.choice(HOSTS)
    activities = []
    for a in range(rng.randint(3, 6)):
        personnel = {"nationality": "KP", "category": rng.choice(CATEGORIES), "count": rng.randint(1, 5000),
                     "tasks": rng.sample(TASKS, rng.randint(1, 2))}
        for key, values in (("remuneration", PAY), ("work_authorization", [True, False]),
                            ("second_nationality", [host, "CN"])):
            if rng.random() < 0.5:
                personnel[key] = rng.choice(values)
        start = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}"
        if rng.random() < 0.2:
            activities.append({"id": f"t{a}", "kind": "military_training", "title": "training", "stage": "completed",
                               "parties": {"provider": "host", "recipient": "kp"}, "period": {"start": start},
                               "training": {"type": "military", "arms_related": rng.random() < 0.7,
                                            "trainee_nationality": "KP"}, "sources": ["s1"]})
            continue
        activities.append({"id": f"a{a}", "kind": "personnel_deployment", "title": "deployment",
                           "stage": rng.choice(["under_way", "completed", "announced"]),
                           "parties": {"sending_state": "kp", "receiving_state": "host"},
                           "period": {"start": start}, "location": {"country": host},
                           "personnel": personnel, "sources": ["s1", "s2"]})
    return {"case": {"id": f"bench-{index}", "title": f"Synthetic case {index}", "as_of": "2025-12-31"},
            "sources": [{"id": "s1", "publisher": "A", "date": "2025-01-01", "kind": "news", "reliability": "B",
                         "credibility": 2},
                        {"id": "s2", "publisher": "B", "date": "2025-01-02", "kind": "news", "reliability": "C",
                         "credibility": 3}],
            "parties": [{"id": "kp", "type": "state", "name": "DPRK", "country": "KP"},
                        {"id": "host", "type": "state", "name": "Host", "country": host}],
            "activities": activities}


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="sanctions-bench-"))
    paths = []
    for i in range(n):
        path = folder / f"case-{i:05d}.yaml"
        path.write_text(yaml.safe_dump(synthetic_case(i, rng), sort_keys=False))
        paths.append(path)
    started = time.perf_counter()
    checker = Checker(load_rulebook())
    setup = time.perf_counter() - started
    loaded = time.perf_counter()
    cases = [load_case(p, checker.rulebook) for p in paths]
    load_seconds = time.perf_counter() - loaded
    checked = time.perf_counter()
    findings = 0
    for case in cases:
        findings += len(checker.check(case).findings)
    check_seconds = time.perf_counter() - checked
    activities = sum(len(c.activities) for c in cases)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures = {
        "cases": n, "activities": activities, "findings": findings, "rules": len(checker.rulebook.rules),
        "rulebook_setup_s": round(setup, 3),
        "load_validate_cases_per_s": round(n / load_seconds, 1),
        "check_cases_per_s": round(n / check_seconds, 1),
        "end_to_end_cases_per_s": round(n / (load_seconds + check_seconds), 1),
        "engine_share_of_check": round(checker.engine_seconds / check_seconds, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }
    for key, value in figures.items():
        print(f"{key:28} {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
