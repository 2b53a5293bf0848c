"""What a message asks: its requests, each with the words to search and the aspect asked for.

Greetings, apologies and thanks are set aside. A long story keeps its asking sentences and the
sentence just before the first of them (the story's last words often name the procedure); a
short message is searched whole. Two questions in one message become two requests: two asking
sentences, or one sentence whose second half is joined by "et comment", "and where", "en hoe"...
A request whose words name no procedure ("et ça coûte combien ?") is vague.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from assistant.analyse.aspects import aspect_reader
from assistant.analyse.reading import compiled, folded, read_data
from indexing.models import SectionKind

REQUESTS_FILE = "requests.yaml"
MAX_REQUESTS = 2
SHORT_MESSAGE_WORDS = 25
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\n+")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Request:
    text: str
    aspect: SectionKind | None
    vague: bool = False


class RequestReader:
    def __init__(self) -> None:
        raw = read_data(REQUESTS_FILE)
        self._preamble = compiled(raw["preamble"], f"{REQUESTS_FILE}: preamble")
        self._asking = compiled(raw["asking"], f"{REQUESTS_FILE}: asking")
        self._second = compiled(raw["second_question"], f"{REQUESTS_FILE}: second_question")
        self._empty = compiled(raw["empty_words"], f"{REQUESTS_FILE}: empty_words")

    def requests(self, text: str) -> tuple[Request, ...]:
        sentences = [s.strip() for s in _SENTENCE.split(text) if s.strip()]
        kept = [s for s in sentences if not self._preamble.match(folded(s))] or sentences
        asking = [i for i, s in enumerate(kept) if s.endswith("?") or self._asking.search(
            folded(s))]
        parts = self._parts(kept, asking)
        return tuple(self._request(part) for part in parts[:MAX_REQUESTS])

    def is_vague(self, text: str) -> bool:
        return not [w for w in _WORD.findall(self._empty.sub(" ", folded(text))) if len(w) > 1]

    def _parts(self, kept: list[str], asking: list[int]) -> list[str]:
        whole = " ".join(kept)
        if not asking:
            return [whole]
        first = asking[0]
        context = kept[:first]
        questions = [kept[i] for i in asking]
        if len(questions) == 1:
            # Cut on the folded words, where the connector is found; each half is then searched
            # without its accents, which the retrievers forgive.
            halves = self._second.split(f" {folded(questions[0])} ", maxsplit=1)
            if len(halves) == 2 and all(len(h.split()) >= 3 for h in halves):
                return [" ".join([*context, halves[0].strip()]), halves[1].strip()]
            return [" ".join([*context, questions[0]])]
        return [" ".join([*context, questions[0]]), " ".join(questions[1:])]

    def _request(self, text: str) -> Request:
        return Request(text, aspect_reader().aspect(text), self.is_vague(text))


@cache
def request_reader() -> RequestReader:
    return RequestReader()
