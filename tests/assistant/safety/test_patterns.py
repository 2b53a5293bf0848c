"""Pattern files are data: a mistake is refused when loading, naming the file and the entry."""

from __future__ import annotations

import pytest

from assistant.safety.harm.kinds import HarmKind
from assistant.safety.patterns import PatternError, load_patterns


def write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def folder(tmp_path):
    write(tmp_path, "common.yaml", "blocks:\n  gap1: '(?:\\w+ )?'\n")
    for language in ("nl", "en"):
        write(tmp_path, f"{language}.yaml", "patterns: {}\n")
    return tmp_path


def test_blocks_are_inserted_and_every_language_runs(folder):
    write(folder, "fr.yaml", "blocks:\n  faux: '(?:faux|fausse)'\npatterns:\n  fraud:\n"
                             "    - '{{faux}} {{gap1}}papiers'\n")
    patterns = load_patterns(folder, HarmKind)
    assert patterns.kinds("Il me faut des FAUX vrais papiers") == (HarmKind.FRAUD,)
    assert patterns.kinds("mes papiers") == ()


@pytest.mark.parametrize(("text", "message"), [
    ("patterns:\n  fraud:\n    - '{{nothing}} x'\n", "fr.yaml: fraud pattern 1: no block named"),
    ("patterns:\n  fraud:\n    - 'a|'\n", "fr.yaml: fraud pattern 1: matches an empty text"),
    ("patterns:\n  fraud:\n    - '(unclosed'\n", "fr.yaml: fraud pattern 1: not a valid"),
    ("patterns:\n  weather:\n    - 'rain'\n", "fr.yaml: 'weather' is not one of the kinds"),
    ("patterns: [\n", "fr.yaml: cannot be read as YAML"),
])
def test_a_mistake_names_the_file_and_the_entry(folder, text, message):
    write(folder, "fr.yaml", text)
    load_patterns.cache_clear()
    with pytest.raises(PatternError, match=message.replace("(", r"\(").replace("|", r"\|")):
        load_patterns(folder, HarmKind)
