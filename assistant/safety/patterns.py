"""Safety patterns (urgency, harmful requests), read from a folder of YAML files: one per language
and a common one.

Why patterns at all, beside the detectors that read meaning: each can be read, tested and fixed
alone, runs in microseconds, and cannot be talked out of an emergency. They stay where they are
precise (someone says plainly what is happening or asking); the exemplar matchers catch the rest.

How the text is read: accents and case are folded, punctuation and apostrophes become spaces
("m'tuer" -> "m tuer"), letters stretched for emphasis are shrunk ("mourirrr"), an elided "je"
glued to its verb is split ("jveux" -> "je veux"), and the SMS shorthands of common.yaml are written
out. Patterns then see words separated by single spaces. The patterns of all three languages
always run: people mix languages, and detection is unreliable on a short cry for help.

A file holds `blocks` (named pieces of regular expression, used as {{name}} in patterns and in
other blocks) and `patterns` (a list per kind). Urgency files also hold `resolved` and `imminent`
markers (a danger told as past and settled). A mistake (unknown block, unknown kind, invalid regular
expression, a pattern that matches an empty text) is refused when loading, naming file and entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from assistant.data_files import read_yaml_mapping
from indexing.errors import GuichetError
from indexing.models import Language
from indexing.text import fold_accents

Kind = TypeVar("Kind", bound=StrEnum)
COMMON_FILE = "common.yaml"
_REFERENCE = re.compile(r"\{\{([a-z0-9_]+)\}\}")
_NOT_A_WORD = re.compile(r"[\W_]+")
_STRETCHED_LETTER = re.compile(r"([a-z])\1{2,}")
# French words never start with "j" + consonant: that is an elided "je" ("jveux", "jme", "jsuis").
_GLUED_JE = re.compile(r"\bj(?=[bcdfghjklmnpqrstvwxz])")


class PatternError(GuichetError):
    """A safety pattern file that cannot be used as it is."""


@dataclass(frozen=True)
class PatternSet(Generic[Kind]):
    """Compiled patterns by kind (all languages together) and the shorthands to write out."""

    kind_order: tuple[Kind, ...]
    detectors: dict[Kind, re.Pattern[str]]
    shorthands: dict[str, str]
    resolved: re.Pattern[str]
    imminent: re.Pattern[str]

    def normalise(self, text: str) -> str:
        """The text as the patterns read it: folded, single spaces, shorthands written out."""
        spaced = _NOT_A_WORD.sub(" ", fold_accents(text))
        unstretched = _STRETCHED_LETTER.sub(r"\1", spaced)
        unglued = _GLUED_JE.sub("je ", unstretched)
        return " ".join(self.shorthands.get(word, word) for word in unglued.split())

    def is_over(self, text: str) -> bool:
        """The text tells of a danger that is past and settled, and of nothing coming back."""
        normalised = self.normalise(text)
        return bool(self.resolved.search(normalised)) and not self.imminent.search(normalised)

    def kinds(self, text: str) -> tuple[Kind, ...]:
        """Every kind the text matches, in the order of the kind enum (most specific first)."""
        normalised = self.normalise(text)
        return tuple(kind for kind in self.kind_order
                     if kind in self.detectors and self.detectors[kind].search(normalised))


@cache
def load_patterns(folder: Path, kinds: type[Kind]) -> PatternSet[Kind]:
    common = _read(folder / COMMON_FILE)
    shared_blocks = _blocks(common, folder / COMMON_FILE)
    by_kind: dict[Kind, list[str]] = {}
    markers: dict[str, list[str]] = {"resolved": [], "imminent": []}
    for language in Language:
        path = folder / f"{language.value}.yaml"
        raw = _read(path)
        blocks = {**shared_blocks, **_blocks(raw, path)}
        for kind_name, patterns in (raw.get("patterns") or {}).items():
            kind = _kind(kind_name, path, kinds)
            for number, pattern in enumerate(patterns, start=1):
                where = f"{path.name}: {kind_name} pattern {number}"
                by_kind.setdefault(kind, []).append(_expanded(str(pattern), blocks, where))
        for name, found in markers.items():
            found += [_expanded(str(p), blocks, f"{path.name}: {name} {n}")
                      for n, p in enumerate(raw.get(name) or [], start=1)]
    detectors = {kind: _word_bounded(patterns) for kind, patterns in by_kind.items()}
    shorthands = {str(k): str(v) for k, v in (common.get("shorthands") or {}).items()}
    return PatternSet(tuple(kinds), detectors, shorthands, _alternatives(markers["resolved"]),
                      _alternatives(markers["imminent"]))


def _read(path: Path) -> dict:
    return read_yaml_mapping(path, "hold 'blocks' and 'patterns'", PatternError)


def _blocks(raw: dict, path: Path) -> dict[str, str]:
    blocks = raw.get("blocks") or {}
    if not isinstance(blocks, dict):
        raise PatternError(f"{path}: 'blocks' must map names to regular expressions")
    return {str(name): str(value) for name, value in blocks.items()}


def _kind(name: str, path: Path, kinds: type[Kind]) -> Kind:
    try:
        return kinds(name)
    except ValueError:
        known = ", ".join(kind.value for kind in kinds)
        raise PatternError(f"{path.name}: '{name}' is not one of the kinds ({known})") from None


def _expanded(pattern: str, blocks: dict[str, str], where: str, depth: int = 0) -> str:
    if depth > 10:
        raise PatternError(f"{where}: blocks refer to each other in a loop")

    def insert(reference: re.Match[str]) -> str:
        name = reference.group(1)
        if name not in blocks:
            raise PatternError(f"{where}: no block named '{name}'")
        return _expanded(blocks[name], blocks, f"{where} (block {name})", depth + 1)

    expanded = _REFERENCE.sub(insert, pattern)
    if depth == 0:
        try:
            compiled = re.compile(expanded)
        except re.error as exc:
            raise PatternError(f"{where}: not a valid regular expression ({exc})") from exc
        if compiled.search(""):
            raise PatternError(f"{where}: matches an empty text (a stray '|'?)")
    return expanded


def _word_bounded(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(f"(?:{pattern})" for pattern in patterns) + r")\b")


def _alternatives(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or r"(?!)")
