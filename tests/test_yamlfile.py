"""The strict YAML reader: every hostile or broken file is an InputError naming file and line."""
import pytest

from checker.errors import InputError
from checker.yamlfile import MAX_DEPTH, read_yaml


def problems(tmp_path, content, name="f.yaml", **kwargs):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(InputError) as exc:
        read_yaml(path, **kwargs)
    return exc.value.problems


def test_plain_scalars_keep_their_text(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("country: NO\nday: 2017-09-11\nflag: true\nhex: 0x10\nclock: 1:20\nyes: yes\nn: 5\nx: 2.5\n")
    data = read_yaml(path).data
    assert data == {"country": "NO", "day": "2017-09-11", "flag": True, "hex": "0x10", "clock": "1:20",
                    "yes": "yes", "n": 5, "x": 2.5}


def test_lines_are_remembered(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("a:\n  b:\n    - 1\n    - c: 2\n")
    doc = read_yaml(path)
    assert doc.line_of(("a", "b", 1, "c")) == 4
    assert doc.line_of(("a", "b", 1, "missing")) == 4


def test_duplicate_key_is_an_error_with_both_lines(tmp_path):
    (p,) = problems(tmp_path, "a: 1\nb: 2\na: 3\n")
    assert (p.line, p.where) == (3, "a")
    assert "first given at line 1" in p.message


def test_syntax_error_names_the_line(tmp_path):
    (p,) = problems(tmp_path, "a: 1\nb: [2, 3\nc: 4\n")
    assert p.file.endswith("f.yaml") and p.line is not None and "syntax" in p.message


def test_tabs_are_refused_with_a_hint(tmp_path):
    (p,) = problems(tmp_path, "a:\n\tb: 1\n")
    assert p.line == 2 and "tab" in (p.message + p.hint)


@pytest.mark.parametrize("content", ["", "   \n", "# only a comment\n"])
def test_empty_file(tmp_path, content):
    (p,) = problems(tmp_path, content)
    assert "empty" in p.message


def test_non_utf8_bytes(tmp_path):
    (p,) = problems(tmp_path, b"a: 1\nb: caf\xe9\n")
    assert p.line == 2 and "UTF-8" in p.message


def test_binary_file(tmp_path):
    (p,) = problems(tmp_path, b"\x89PNG\x00\x00\x01")
    assert "binary" in p.message


def test_python_object_tag_is_refused(tmp_path):
    (p,) = problems(tmp_path, "a: !!python/object/apply:os.system [echo hi]\n")
    assert "not allowed" in p.message and p.line == 1


def test_alias_bomb_is_bounded(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    (p,) = problems(tmp_path, "\n".join(lines) + "\n")
    assert "expands to more than" in p.message


def test_deep_nesting_is_refused(tmp_path):
    depth = MAX_DEPTH + 10
    (p,) = problems(tmp_path, "a: " + "[" * depth + "]" * depth + "\n")
    assert "nest" in p.message


def test_size_limit(tmp_path):
    (p,) = problems(tmp_path, "a: " + "x" * 2000 + "\n", max_bytes=1000)
    assert "over the limit" in p.message


def test_several_documents(tmp_path):
    (p,) = problems(tmp_path, "a: 1\n---\nb: 2\n")
    assert "more than one" in p.message


def test_non_string_keys(tmp_path):
    (p,) = problems(tmp_path, "? [a, b]\n: 1\n")
    assert "key must be plain text" in p.message


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as exc:
        read_yaml(tmp_path / "nope.yaml")
    assert "cannot read" in exc.value.problems[0].message
