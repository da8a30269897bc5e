"""The engine wrapper: ruleset registration retried, engine failures reported, never swallowed."""
import pytest

from checker import engine
from checker.errors import EngineError


class FlakyHost:
    """Refuses the first `failures` registrations, as durable_rules now and then does."""

    def __init__(self, failures):
        self.failures, self.calls = failures, 0

    def set_rulesets(self, definitions):
        self.calls += 1
        if self.calls <= self.failures:
            raise Exception("Could not create ruleset, error code: 102")


@pytest.mark.parametrize("failures, registers", [(0, True), (2, True), (3, False)])
def test_refused_ruleset_is_tried_again_then_reported(monkeypatch, failures, registers):
    host = FlakyHost(failures)
    monkeypatch.setattr(engine, "_host", host)
    if registers:
        engine._register("probe", {})
        assert host.calls == failures + 1
    else:
        with pytest.raises(EngineError, match="refused the compiled ruleset probe 3 times"):
            engine._register("probe", {})


def test_an_action_failure_inside_the_engine_is_reported(monkeypatch):
    definitions = [{"r#text": {"all": [{"m": {"kind": "personnel_deployment"}}]},
                    "$every-fact": {"all": [{"m": {"$ex": {"kind": 1}}}]}}]

    def broken(pattern):
        def action(c):
            raise RuntimeError("boom")
        return action

    monkeypatch.setattr(engine, "_recorder", broken)
    with pytest.raises(EngineError, match="boom|action failed"):
        engine.match("broken-action-probe", definitions, "s", [{"id": "a", "kind": "personnel_deployment"}])
