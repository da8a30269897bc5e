"""The durable_rules engine, used as a matcher. The only module that imports durable_rules.

What we rely on and guard against (see DESIGN.md):
- our own Host whose `_run` does nothing: the stock host's timer threads call the C
  engine without locks and crash under load;
- one `assert_facts` batch per case, one session id per case, deleted afterwards;
- actions only record (pattern, fact id); an action that raises is swallowed by the
  engine into the state, so we check the state after each case;
- rulesets registered once per process under a name carrying the rulebook hash.
"""
from __future__ import annotations

import json
import threading
from typing import Any

from .compile import CATCH_ALL
from .errors import EngineError, EngineUnavailable

try:
    from durable import engine as _durable
except ImportError as exc:  # e.g. Python 3.13: the C extension fails to load
    _durable = None
    IMPORT_ERROR: str | None = str(exc)
else:
    IMPORT_ERROR = None


def version() -> str:
    from importlib.metadata import PackageNotFoundError, version as _version
    try:
        return _version("durable-rules")
    except PackageNotFoundError:
        return "not installed"


if _durable is not None:
    class _QuietHost(_durable.Host):
        """A host without the background timer threads (we use no timers)."""

        def _run(self) -> None:
            return None
else:  # pragma: no cover - exercised only where durable_rules cannot load
    _QuietHost = None

_host = None
_registered: dict[str, list[str]] = {}
_lock = threading.Lock()
_matches: list[tuple[str, str]] = []


def _recorder(pattern: str):
    def action(c) -> None:
        _matches.append((pattern, c.m["id"]))
    return action


def _ignore(c) -> None:
    return None


def _rulesets(key: str, definitions: list[dict[str, dict[str, Any]]]) -> list[str]:
    """Register the compiled shards once per process; return their ruleset names."""
    global _host
    if IMPORT_ERROR is not None:
        raise EngineUnavailable(f"durable_rules cannot be loaded here ({IMPORT_ERROR}); "
                                "it builds and runs on Python 3.11 and 3.12: install under one of those")
    if key in _registered:
        return _registered[key]
    if _host is None:
        _host = _QuietHost()
    names = []
    for index, definition in enumerate(definitions):
        name = f"sanctions-{key[:16]}-{index}"
        with_actions = {pattern: {**body, "run": _ignore if pattern == CATCH_ALL else _recorder(pattern)}
                        for pattern, body in json.loads(json.dumps(definition)).items()}
        _register(name, with_actions)
        names.append(name)
    _registered[key] = names
    return names


CREATE_ATTEMPTS = 3


def _register(name: str, definition: dict[str, Any]) -> None:
    """Register one ruleset, trying again if the C engine refuses it.

    Observed here: `create_ruleset` now and then fails with error code 102 on a definition
    it accepts on the next call in the same process (about 1 run of the test suite in 10).
    A refused definition registers nothing, so trying again is safe; a ruleset that loaded
    but matched wrongly would still be caught, since every match is re-checked in Python.
    """
    for attempt in range(1, CREATE_ATTEMPTS + 1):
        try:
            _host.set_rulesets({name: definition})
            return
        except Exception as exc:  # the C engine reports failures as bare errors with a code
            if attempt == CREATE_ATTEMPTS:
                raise EngineError(f"durable_rules refused the compiled ruleset {name} "
                                  f"{CREATE_ATTEMPTS} times: {exc}") from exc


def match(key: str, definitions: list[dict[str, dict[str, Any]]], session: str,
          facts: list[dict[str, Any]]) -> set[tuple[str, str]]:
    """Assert one case's facts as one batch; return the (pattern, fact id) pairs that matched."""
    with _lock:
        names = _rulesets(key, definitions)
        found: set[tuple[str, str]] = set()
        for name in names:
            _matches.clear()
            batch = [{**fact, "sid": session} for fact in facts]
            try:
                _host.assert_facts(name, batch)
                state = _host.get_state(name, session)
            except Exception as exc:  # the C engine reports failures as bare Exceptions
                raise EngineError(f"durable_rules failed on session {session}: {exc}") from exc
            finally:
                _delete(name, session)
            if "exception" in state:
                raise EngineError(f"a rule action failed inside durable_rules: {state['exception']}")
            found.update(_matches)
        _matches.clear()
        return found


def _delete(name: str, session: str) -> None:
    try:
        _host.delete_state(name, session)
    except Exception:  # no state was created (nothing asserted): nothing to free
        pass
