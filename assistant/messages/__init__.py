"""The message catalogue: every sentence Guichet writes itself, in French, Dutch and English.

One YAML file per language (`fr.yaml`, `nl.yaml`, `en.yaml`) beside this module, so that a translator
or a commune's communication team reviews them in one place. The files must hold the same keys and,
for each text, the same `{placeholders}`; a difference is refused when the catalogue loads, naming
the file and the key, so a missing translation never reaches a citizen as a crash or a blank.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

import yaml

from indexing.errors import CatalogueError
from indexing.models import Language

CATALOGUE_DIR = Path(__file__).resolve().parent
OTHER_LANGUAGES = "other_languages.yaml"
_FIELD = string.Formatter()


class Catalogue:
    """The messages of every language, read by dotted key ("handoff.own_file")."""

    def __init__(self, messages: dict[Language, dict], foreign: dict[str, str]) -> None:
        self._messages = messages
        self._foreign = foreign

    def text(self, key: str, language: Language, **values: str) -> str:
        """One sentence, its placeholders filled."""
        entry = self._entry(key, language)
        if not isinstance(entry, str):
            raise CatalogueError(f"message {key!r} is not a sentence")
        return entry.format(**values) if values else entry

    def texts(self, key: str, language: Language) -> tuple[str, ...]:
        """A list of sentences (example questions, options)."""
        entry = self._entry(key, language)
        if not isinstance(entry, list):
            raise CatalogueError(f"message {key!r} is not a list")
        return tuple(entry)

    def table(self, key: str, language: Language) -> dict[str, str]:
        """A group of sentences by name (section labels, placeholders)."""
        entry = self._entry(key, language)
        if not isinstance(entry, dict):
            raise CatalogueError(f"message {key!r} is not a group")
        return dict(entry)

    def foreign(self, code: str) -> str:
        """The sentence saying, in a language Guichet does not answer in, which ones it does."""
        return self._foreign[code]

    def everything(self, language: Language) -> dict:
        """The whole catalogue of one language, for the pages (`GET /api/config`)."""
        return self._messages[language]

    def _entry(self, key: str, language: Language) -> object:
        entry: object = self._messages[language]
        for part in key.split("."):
            if not isinstance(entry, dict) or part not in entry:
                raise CatalogueError(f"no message {key!r} in {language.value}.yaml")
            entry = entry[part]
        return entry


@cache
def catalogue(folder: Path = CATALOGUE_DIR) -> Catalogue:
    """The catalogue of a folder, loaded and checked once."""
    messages = {language: _load(folder / f"{language.value}.yaml") for language in Language}
    reference = Language.FR
    for language in Language:
        if language is not reference:
            _compare(messages[reference], messages[language], f"{language.value}.yaml", "")
    foreign = {str(code): str(text) for code, text in _load(folder / OTHER_LANGUAGES).items()}
    return Catalogue(messages, foreign)


def _load(path: Path) -> dict:
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise CatalogueError(f"message file {path} is missing") from exc
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(loaded, dict):
        raise CatalogueError(f"{path}: must map message keys to texts")
    return loaded


def _compare(reference: object, other: object, name: str, key: str) -> None:
    if isinstance(reference, dict):
        if not isinstance(other, dict) or set(reference) != set(other):
            missing = sorted(set(reference) - set(other)) if isinstance(other, dict) else []
            extra = sorted(set(other) - set(reference)) if isinstance(other, dict) else []
            raise CatalogueError(f"{name}: keys under {key or 'the top'!r} differ from fr.yaml "
                                 f"(missing {missing}, extra {extra})")
        for part in reference:
            _compare(reference[part], other[part], name, f"{key}.{part}".lstrip("."))
    elif isinstance(reference, list):
        if not isinstance(other, list) or not other:
            raise CatalogueError(f"{name}: {key!r} must be a list, as in fr.yaml")
    elif isinstance(reference, str):
        if not isinstance(other, str):
            raise CatalogueError(f"{name}: {key!r} must be a sentence, as in fr.yaml")
        if _fields(reference) != _fields(other):
            raise CatalogueError(f"{name}: {key!r} has placeholders {sorted(_fields(other))}, "
                                 f"fr.yaml has {sorted(_fields(reference))}")


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in _FIELD.parse(text) if field}

