"""The one interface every answer generator implements."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from assistant.models import Audience, Draft, Source
from indexing.models import Language


class AnswerGenerator(Protocol):
    """Writes the answer to a question from numbered sources, citing them as `[n]`.

    Every sentence that states a fact must cite a source it was given; a generator that cannot
    guarantee it raises GenerationRejected with the reason.
    """

    name: str

    def compose(self, question: str, language: Language, sources: Sequence[Source],
                audience: Audience) -> Draft: ...
