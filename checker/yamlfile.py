"""Reading YAML strictly: safe tags only, no duplicate keys, `true`/`false` only as booleans.

PyYAML's defaults are wrong for legal data: a duplicate key silently keeps the last
value, `NO` (Norway) becomes False and `2017-09-11` becomes a date object while
`2017-9-11` stays a string. This module composes the YAML node tree with a loader
whose implicit types are narrowed, then builds plain data itself, so that it can
reject anything unexpected and remember the line of every value.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, Problem

MAX_FILE_BYTES = 5 * 1024 * 1024  # a case file of 5 MB is already far beyond any real one
MAX_NODES = 200_000  # bounds alias expansion ("billion laughs") and huge documents
MAX_DEPTH = 64  # real files nest a few levels; deep nesting is hostile or broken

Path_ = tuple[str | int, ...]

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
SEQ = "tag:yaml.org,2002:seq"
MAP = "tag:yaml.org,2002:map"


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader whose implicit scalars are only plain decimal numbers, true/false and null."""


_StrictLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    (BOOL, r"^(?:true|false)$", "tf"),
    (INT, r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    (FLOAT, r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
    (NULL, r"^(?:~|null|)$", ["~", "n", ""]),
]:
    _StrictLoader.add_implicit_resolver(_tag, re.compile(_regexp), list(_first))


@dataclass(frozen=True)
class Document:
    """Plain data read from one YAML file, with the line of each value."""

    path: str
    data: Any
    lines: dict[Path_, int]

    def line_of(self, where: Path_) -> int | None:
        """The line of the value at `where`, or of its nearest enclosing value."""
        where = tuple(where)
        while where:
            if where in self.lines:
                return self.lines[where]
            where = where[:-1]
        return self.lines.get((), None)


def read_yaml(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read one YAML file, raising InputError that names the file and line on any problem."""
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError([Problem(name, None, "", f"cannot read the file ({exc.strerror})",
                                  "check the path and its permissions")]) from None
    if len(raw) > max_bytes:
        raise InputError([Problem(name, None, "", f"file is {len(raw):,} bytes, over the limit of {max_bytes:,}",
                                  "split it, or raise the limit with --max-bytes if it is genuine")])
    text = _decode(name, raw)
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise InputError([Problem(name, 1, "", "file is empty", "write the YAML document into it")])
    node = _compose(name, text)
    builder = _Builder(name)
    data = builder.build(node, (), 0)
    if builder.problems:
        raise InputError(builder.problems)
    return Document(name, data, builder.lines)


def _decode(name: str, raw: bytes) -> str:
    if b"\x00" in raw:
        raise InputError([Problem(name, None, "", "file is binary (it contains NUL bytes), not YAML text",
                                  "give the YAML file itself")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError([Problem(name, line, "", f"bytes at offset {exc.start} are not UTF-8",
                                  "save the file as UTF-8")]) from None
    return text.removeprefix("\ufeff")


def _compose(name: str, text: str) -> yaml.Node:
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        hint = "indent with spaces, not tabs" if "'\\t'" in problem else \
            "fix the YAML syntax at that line (check indentation, colons and quotes)"
        if "expected a single document" in str(exc):
            problem, hint = "file holds more than one YAML document", "keep one document per file (remove '---')"
        raise InputError([Problem(name, line, "", f"YAML syntax error: {problem}", hint)]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(name, None, "", f"YAML error: {exc}", "fix the YAML syntax")]) from None
    except RecursionError:
        raise InputError([Problem(name, None, "", "nesting is too deep to read",
                                  f"real files nest a few levels; keep it under {MAX_DEPTH}")]) from None
    finally:
        loader.dispose()
    if node is None:
        raise InputError([Problem(name, 1, "", "file is empty", "write the YAML document into it")])
    return node


class _Builder:
    """Turns a node tree into dicts, lists and scalars, collecting problems as it goes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self.nodes = 0

    def fail(self, node: yaml.Node, where: Path_, message: str, hint: str) -> None:
        self.problems.append(Problem(self.name, node.start_mark.line + 1, _dotted(where), message, hint))

    def build(self, node: yaml.Node, where: Path_, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise InputError([Problem(self.name, node.start_mark.line + 1, _dotted(where),
                                      f"document expands to more than {MAX_NODES:,} values",
                                      "remove alias chains (&anchor/*alias) that multiply content")])
        if depth > MAX_DEPTH:
            raise InputError([Problem(self.name, node.start_mark.line + 1, _dotted(where),
                                      f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure")])
        self.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, where, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != SEQ:
                self.fail(node, where, f"tag {node.tag} is not allowed", "remove the tag")
            return [self.build(item, (*where, i), depth + 1) for i, item in enumerate(node.value)]
        return self._scalar(node, where)

    def _mapping(self, node: yaml.MappingNode, where: Path_, depth: int) -> dict[str, Any]:
        if node.tag != MAP:
            self.fail(node, where, f"tag {node.tag} is not allowed", "remove the tag")
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, where) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.fail(key_node, where, "a key must be plain text",
                          "quote the key, or use a name (numbers, lists and maps cannot be keys)")
                continue
            line = key_node.start_mark.line + 1
            if key in seen:
                self.fail(key_node, (*where, key), f"duplicate key '{key}' (first given at line {seen[key]})",
                          "keep one of them: YAML would silently drop the other")
                continue
            seen[key] = line
            self.lines[(*where, key)] = line
            result[key] = self.build(value_node, (*where, key), depth + 1)
        return result

    def _scalar(self, node: yaml.Node, where: Path_) -> Any:
        tag, value = node.tag, node.value
        if tag == STR:
            return value
        if tag == INT:
            try:
                return int(value)
            except ValueError:
                self.fail(node, where, f"'{value}' is not a whole number", "write digits only, e.g. 5000")
                return None
        if tag == FLOAT:
            try:
                number = float(value)
            except ValueError:
                number = math.nan
            if not math.isfinite(number):
                self.fail(node, where, f"'{value}' is not a finite number", "write a plain decimal number")
                return None
            return number
        if tag == BOOL:
            return value == "true"
        if tag == NULL:
            return None
        self.fail(node, where, f"tag {tag} is not allowed",
                  "remove the tag; write dates as quoted or plain 'YYYY-MM-DD' text")
        return None


def _dotted(where: Path_) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
