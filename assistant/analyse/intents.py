"""What a message is before anything is searched: a greeting, thanks, a question about one's own
file, small talk, or an ordinary question; and the region it names, if any."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache

from assistant.analyse.reading import compiled, folded, read_data
from indexing.models import Region

INTENTS_FILE = "intents.yaml"


class Intent(StrEnum):
    QUESTION = "question"
    GREETING = "greeting"
    THANKS = "thanks"
    OWN_FILE = "own_file"
    SMALL_TALK = "small_talk"


class IntentReader:
    def __init__(self) -> None:
        raw = read_data(INTENTS_FILE)
        where = f"{INTENTS_FILE}"
        filler = str(raw["filler"])
        self._greeting = re.compile(rf"^{filler}(?:(?:{raw['greeting_words']}){filler})+$")
        self._thanks = re.compile(rf"^{filler}(?:(?:{raw['thanks_words']}){filler})+$")
        self._own_file = compiled(raw["own_file"], f"{where}: own_file")
        self._own_file_unless = compiled(raw["own_file_unless"], f"{where}: own_file_unless")
        self._small_talk = compiled(raw["small_talk"], f"{where}: small_talk")
        self._regions = {Region(name): compiled(pattern, f"{where}: regions: {name}")
                         for name, pattern in raw["regions"].items()}

    def intent(self, text: str) -> Intent:
        read = folded(text)
        if self._greeting.match(read):
            return Intent.GREETING
        if self._thanks.match(read):
            return Intent.THANKS
        if self._own_file.search(read) and not self._own_file_unless.search(read):
            return Intent.OWN_FILE
        if self._small_talk.search(read):
            return Intent.SMALL_TALK
        return Intent.QUESTION

    def mentioned_region(self, text: str) -> Region | None:
        """The region a text names, if it names exactly one."""
        read = folded(text)
        found = [region for region, pattern in self._regions.items() if pattern.search(read)]
        return found[0] if len(found) == 1 else None

    def names_several_regions(self, text: str) -> bool:
        read = folded(text)
        return sum(bool(pattern.search(read)) for pattern in self._regions.values()) > 1


@cache
def intent_reader() -> IntentReader:
    return IntentReader()
