"""The `sanctions-check` command: a thin layer over load, check and report."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

from .check import Checker
from .errors import EngineError, EngineUnavailable, InputError, Problem
from .load import case_files, load_case, load_rulebook
from .report import FORMATS
from .vocabulary import Status

DESCRIPTION = """\
Check reported activities against the UN Security Council sanctions on the DPRK
(resolutions 1718 (2006) to 2397 (2017)) and explain each finding: the obligation
engaged, who is bound, the facts and sources it rests on, the exceptions weighed,
confidence, and the facts that would change it."""

CHECK_EPILOG = """\
statuses:
  violation            all conditions established, no exception applies
  possible_violation   nothing established false, something unknown (the missing facts are listed)
  exempt               the conditions hold, but an exception applies (named)
  no_violation         a condition is established false (named)
  not_applicable       outside the measure's time window

exit codes: 0 the check ran; 1 --fail-on was met; 2 bad input or usage (nothing is written)

examples:
  sanctions-check check cases/kursk-2025.yaml
  sanctions-check check cases/ --format json -o findings.json
  sanctions-check check cases/kursk-2025.yaml --reading unscr-2397-op8-repatriation=personal-wages
  sanctions-check check cases/kursk-2025.yaml --as-of 2025-07-01 --fail-on violation"""


def _reading(text: str) -> tuple[str, str]:
    rule, sep, reading = text.partition("=")
    if not sep or not rule or not reading:
        raise argparse.ArgumentTypeError(f"'{text}' is not RULE=READING (e.g. unscr-2397-op8-repatriation="
                                         "personal-wages)")
    return rule.strip(), reading.strip()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date written YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="sanctions-check", description=DESCRIPTION,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = top.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check case files against the rulebook and print reasoned findings",
        description="Check case files (or folders of them) against the rulebook and print reasoned findings.",
        epilog=CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("paths", nargs="+", metavar="PATH", help="case files, or folders searched for *.yaml")
    check.add_argument("--rules", metavar="DIR", help="rule folder to use instead of the bundled rulebook")
    check.add_argument("--format", choices=sorted(FORMATS), default="text",
                       help="text for the terminal (default), markdown for briefs, json for machines")
    check.add_argument("-o", "--output", metavar="FILE", help="write the report here instead of to standard output")
    check.add_argument("--as-of", type=_date, metavar="DATE",
                       help="judge the facts as of this day (YYYY-MM-DD) instead of each case's own as_of")
    check.add_argument("--fail-on", choices=[Status.VIOLATION.value, Status.POSSIBLE_VIOLATION.value],
                       help="exit 1 when a finding is this serious or worse (for scripts and CI)")
    check.add_argument("--reading", type=_reading, action="append", default=[], metavar="RULE=READING",
                       help="read an ambiguous term of RULE another way than its default; repeatable")
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        parser().print_help()
        return 2
    try:
        return _check(args)
    except InputError as exc:
        print(f"sanctions-check: {len(exc.problems)} problem{'s' if len(exc.problems) > 1 else ''} "
              "in the input; nothing was written", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except EngineUnavailable as exc:
        print(f"sanctions-check: {exc}", file=sys.stderr)
        return 3
    except EngineError as exc:
        print(f"sanctions-check: internal error, please report it: {exc}", file=sys.stderr)
        return 3


def _check(args: argparse.Namespace) -> int:
    readings = dict(args.reading)
    if len(readings) != len(args.reading):
        raise InputError([Problem("--reading", None, "", "the same rule is given two readings",
                                  "give each rule one reading")])
    rulebook = load_rulebook(args.rules)
    checker = Checker(rulebook, readings, args.as_of)
    files = case_files(args.paths)
    cases, problems = [], []
    for path in files:  # load every case before checking any, so bad input writes nothing
        try:
            cases.append((path, load_case(path, rulebook)))
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(problems)
    results = [checker.check_file(path) for path, _ in cases]
    report = FORMATS[args.format](results, checker.run_record())
    _write(report, args.output)
    worst = {f.status for r in results for f in r.findings}
    failing = {"violation": {Status.VIOLATION},
               "possible_violation": {Status.VIOLATION, Status.POSSIBLE_VIOLATION}}.get(args.fail_on, set())
    return 1 if worst & failing else 0


def _write(report: str, output: str | None) -> None:
    """Write all or nothing: to a temporary file beside the target, then rename it into place."""
    if output is None:
        sys.stdout.write(report)
        return
    target = Path(output)
    if not target.parent.is_dir():
        raise InputError([Problem(output, None, "", "the folder for the output file does not exist",
                                  "create it first or choose another -o path")])
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(report)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InputError([Problem(output, None, "", f"cannot write the report ({exc.strerror})",
                                  "give -o a file path you can write to")]) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


if __name__ == "__main__":
    sys.exit(main())
