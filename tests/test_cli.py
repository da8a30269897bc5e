"""The command line as a user runs it: outputs, exit codes, and bad input writing nothing."""
import json
import shutil
import subprocess
import sys

import pytest

from checker.cli import main
from conftest import CASES, make_case, write_case

KURSK = str(CASES / "kursk-2025.yaml")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_on_the_kursk_case(capsys):
    code, out, err = run(capsys, "check", KURSK)
    assert code == 0 and err == ""
    assert "VIOLATION  S/RES/1874 (2009), para. 9" in out
    assert "POSSIBLE VIOLATION  S/RES/2397 (2017), para. 8" in out
    assert "whether they are paid, and to whom the pay goes" in out
    assert "rulebook " in out and "durable-rules" in out


def test_json_report_shape(capsys):
    code, out, _ = run(capsys, "check", KURSK, "--format", "json")
    document = json.loads(out)
    assert document["schema_version"] == "1.0"
    assert set(document["run"]) >= {"rulebook_sha256", "tool", "durable_rules", "python", "engine_seconds"}
    (case,) = document["cases"]
    assert set(case) >= {"case", "as_of", "findings", "unused_facts", "file_sha256", "rules"}
    finding = case["findings"][0]
    assert set(finding) >= {"rule", "instrument", "paragraph", "status", "confidence", "bound", "activity",
                            "reasons", "missing", "sources", "reading", "exceptions", "would_change"}


def test_markdown_report(capsys):
    code, out, _ = run(capsys, "check", KURSK, "--format", "markdown")
    assert code == 0 and out.startswith("# DPRK troops")
    assert "| Status | Measure | Activity | Bound | Confidence |" in out and "## Sources" in out


def test_output_file_and_folder_of_cases(capsys, tmp_path):
    target = tmp_path / "findings.json"
    code, out, _ = run(capsys, "check", str(CASES), "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert len(json.loads(target.read_text())["cases"]) == len(list(CASES.rglob("*.yaml")))


def test_fail_on(capsys, tmp_path):
    assert run(capsys, "check", KURSK, "--fail-on", "violation")[0] == 1
    clean = write_case(tmp_path, make_case(**{"activities.0.personnel.nationality": "MN",
                                               "activities.0.personnel.work_authorization": False}))
    assert run(capsys, "check", str(clean), "--fail-on", "possible_violation")[0] == 0


def test_reading_option(capsys):
    code, out, _ = run(capsys, "check", KURSK, "--format", "json",
                       "--reading", "unscr-1874-op9-arms-services-from-dprk=technical-assistance")
    findings = json.loads(out)["cases"][0]["findings"]
    troops = next(f for f in findings if f["rule"] == "unscr-1874-op9-arms-services-from-dprk"
                  and f["activity"] == "troops-kursk")
    assert (troops["reading"], troops["status"]) == ("technical-assistance", "no_violation")
    assert json.loads(out)["run"]["readings"] == {"unscr-1874-op9-arms-services-from-dprk": "technical-assistance"}


@pytest.mark.parametrize("argv, words", [
    (["--reading", "unscr-2397-op8-repatriation=broad"], "has no reading 'broad'"),
    (["--reading", "no-such-rule=x"], "no rule 'no-such-rule'"),
    (["--rules", "/nonexistent"], "no such rules folder"),
])
def test_bad_options_exit_2(capsys, argv, words):
    code, out, err = run(capsys, "check", KURSK, *argv)
    assert code == 2 and out == "" and words in err


@pytest.mark.parametrize("content, words", [
    (b"case: {id: x}\ncase: {id: y}\n", "duplicate key"),
    (b"case: [unclosed\n", "YAML syntax error"),
    (b"", "file is empty"),
    (b"case: caf\xe9\n", "not UTF-8"),
    (b"case: !!python/object/apply:os.system [ls]\n", "not allowed"),
    (b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n".encode() for i in range(7)),
     "expands to more than"),
])
def test_bad_case_file_exits_2_and_writes_nothing(capsys, tmp_path, content, words):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "check", KURSK, str(bad), "-o", str(target))
    assert code == 2 and out == ""
    assert str(bad) in err and words in err
    assert not target.exists() and list(tmp_path.iterdir()) == [bad]


@pytest.mark.parametrize("changes, words", [
    ({"activities.0.personnel.count": "forty"}, "whole number"),
    ({"activities.0.sources": ["nowhere"]}, "unknown source 'nowhere'"),
    ({"activities.0.parties": {"sending_state": "nobody"}}, "unknown party 'nobody'"),
    ({"activities.0.personnel.colour": "red"}, "unknown field 'colour'"),
])
def test_invalid_case_content_exits_2_naming_file_and_line(capsys, tmp_path, changes, words):
    bad = write_case(tmp_path, make_case(**changes))
    code, out, err = run(capsys, "check", str(bad))
    assert code == 2 and out == "" and words in err
    assert f"{bad}:" in err  # FILE:LINE


def test_bad_case_leaves_an_existing_output_untouched(capsys, tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("previous report")
    bad = write_case(tmp_path, make_case(**{"activities.0.personnel.colour": "red"}))
    code, _, err = run(capsys, "check", str(bad), "-o", str(target))
    assert code == 2 and "unknown field 'colour'" in err and ":" in err
    assert target.read_text() == "previous report"


def test_unknown_path_and_usage(capsys):
    assert run(capsys, "check", "no/such/case.yaml")[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", KURSK, "--format", "pdf"])
    assert exc.value.code == 2


def test_console_script_runs_from_a_clean_process():
    """As installed: the `sanctions-check` command (or the module) on the bundled case."""
    command = [shutil.which("sanctions-check")] if shutil.which("sanctions-check") else \
        [sys.executable, "-m", "checker.cli"]
    done = subprocess.run([*command, "check", KURSK, "--format", "json"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["cases"][0]["case"] == "kursk-2025"


def test_output_path_that_cannot_be_written(capsys, tmp_path):
    code, out, err = run(capsys, "check", KURSK, "-o", str(tmp_path))
    assert code == 2 and "cannot write the report" in err
    assert list(tmp_path.iterdir()) == []
