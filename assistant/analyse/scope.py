"""What Guichet covers: procedures in Belgium. A question about another country's services or a
foreign administration is out of scope; a Belgian procedure that touches another country stays.

Read in this order: a foreign administration, benefit or number (CRA, CAF, DigiD, NHS...) is out of
scope; so is another country's document (a Moroccan passport), unless it is to be exchanged; a
foreign place is out of scope when the asker lives there, or when nothing ties the question to
Belgium: no trip or move from Belgium, no document to exchange, no years worked or lived there that
a Belgian procedure counts.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from assistant.analyse.reading import compiled, folded, read_data

SCOPE_FILE = "scope.yaml"


class Scope(StrEnum):
    BELGIUM = "belgium"
    OTHER_COUNTRY = "other_country"


class ScopeReader:
    def __init__(self) -> None:
        raw = read_data(SCOPE_FILE)
        self._patterns = {name: compiled(raw[name], f"{SCOPE_FILE}: {name}")
                          for name in ("foreign_bodies", "foreign_documents", "exchange",
                                       "foreign_places", "belgian_anchors", "travel",
                                       "living_there", "past_ties")}

    def scope(self, text: str) -> Scope:
        read = folded(text)
        found = {name: bool(pattern.search(read)) for name, pattern in self._patterns.items()}
        if found["foreign_bodies"]:
            return Scope.OTHER_COUNTRY
        if found["foreign_documents"] and not found["exchange"]:
            return Scope.OTHER_COUNTRY
        if found["foreign_places"]:
            lives_there = found["living_there"] and not found["belgian_anchors"]
            untied = not (found["belgian_anchors"] or found["travel"] or found["exchange"]
                          or found["past_ties"])
            if lives_there or untied:
                return Scope.OTHER_COUNTRY
        return Scope.BELGIUM

    def names_a_foreign_place(self, text: str) -> bool:
        return bool(self._patterns["foreign_places"].search(folded(text)))


@cache
def scope_reader() -> ScopeReader:
    return ScopeReader()
