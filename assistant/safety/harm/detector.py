"""Harmful and manipulative requests: read after the danger check, before anything is searched.

As for urgency, patterns catch what is said plainly and the exemplar matcher what is said in
other words. Both read the text with its disguises undone (leetspeak, spaced letters, symbols).
A request gets a handoff with its kind as the typed reason, never an answer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from assistant.safety.exemplars import ExemplarMatcher
from assistant.safety.harm.kinds import HarmKind
from assistant.safety.patterns import PatternSet

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Harm:
    kind: HarmKind
    by_pattern: bool


class HarmDetector:
    def __init__(self, patterns: PatternSet[HarmKind], matcher: ExemplarMatcher,
                 threshold: float) -> None:
        self.patterns = patterns
        self.matcher = matcher
        self._threshold = threshold

    def detect(self, text: str, segment_vectors: np.ndarray) -> Harm | None:
        kinds = self.patterns.kinds(text)
        if kinds:
            harm = Harm(kinds[0], by_pattern=True)
        else:
            match = self.matcher.match(segment_vectors)
            if match is None or match.margin < self._threshold:
                return None
            harm = Harm(HarmKind(match.kind), by_pattern=False)
        logger.info("request refused: kind=%s by=%s", harm.kind.value,
                    "pattern" if harm.by_pattern else "exemplars")
        return harm
