"""The analysis step: what a message is, what it asks, in which language, about which country.

Run after the safety step, on the masked text. The whole message decides the intent, the scope and
the language; the requests (at most two) are what retrieval searches, each with the aspect it asks
for. A short message after an earlier turn ("et ça coûte combien ?", "j'habite à Schaerbeek") is a
follow-up: it is searched together with the question before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.analyse.aspects import aspect_reader
from assistant.analyse.intents import Intent, intent_reader
from assistant.analyse.languages import foreign_language_reader
from assistant.analyse.requests import Request, request_reader
from assistant.analyse.scope import Scope, scope_reader
from assistant.stores.conversations import Turn
from indexing.models import Region

FOLLOW_UP_MAX_WORDS = 12
_FOLLOW_UP_START = re.compile(r"^\s*(?:et|mais|alors|ok|en|maar|and|but|what about|how about|"
                              r"also|aussi|ook|pour|voor|for)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Analysis:
    intent: Intent
    scope: Scope
    foreign_language: str | None
    requests: tuple[Request, ...]
    follow_up: bool
    region: Region | None
    several_regions: bool
    foreign_place: bool


class Analyser:
    def analyse(self, text: str, history: Sequence[Turn]) -> Analysis:
        intents, scopes = intent_reader(), scope_reader()
        follow_up = bool(history) and (len(text.split()) <= FOLLOW_UP_MAX_WORDS
                                       or bool(_FOLLOW_UP_START.match(text)))
        if follow_up:
            before = history[-1].question
            aspect = aspect_reader().aspect(text) or aspect_reader().aspect(before)
            requests = (Request(f"{before} {text}", aspect),)
        else:
            requests = request_reader().requests(text)
        asked = " ".join([*(turn.question for turn in history), text])
        return Analysis(
            intent=intents.intent(text), scope=scopes.scope(text),
            foreign_language=foreign_language_reader().language(text), requests=requests,
            follow_up=follow_up, region=intents.mentioned_region(asked),
            several_regions=intents.names_several_regions(text),
            foreign_place=scopes.names_a_foreign_place(text))
