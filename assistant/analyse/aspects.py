"""The part of a procedure a question asks for (cost, documents, delay, where, online, who, when,
how), so that the answer opens with that section."""

from __future__ import annotations

from functools import cache

from assistant.analyse.reading import compiled, folded, read_data
from indexing.models import SectionKind

ASPECTS_FILE = "aspects.yaml"


class AspectReader:
    def __init__(self) -> None:
        raw = read_data(ASPECTS_FILE)
        self._cues = [(SectionKind(name), compiled(patterns, f"{ASPECTS_FILE}: {name}"))
                      for name, patterns in raw.items()]

    def aspect(self, text: str) -> SectionKind | None:
        read = folded(text)
        return next((kind for kind, cue in self._cues if cue.search(read)), None)


@cache
def aspect_reader() -> AspectReader:
    return AspectReader()
