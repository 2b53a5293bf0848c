"""Danger to life or safety: the first step, before anything is searched or refused.

Two readers, either one suffices: the patterns (a plain statement of danger, in any of the three
languages) and the exemplar matcher (a situation described in other words, implied, misspelt or
buried in an administrative question). A danger the text tells as past and settled ("last year,
she has recovered") is a paperwork question, unless something is said to be coming back. The
kinds found pick the help lines shown after 112, most specific kind first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from assistant.safety.exemplars import ExemplarMatcher
from assistant.safety.urgency.help_lines import HelpLines
from assistant.safety.urgency.kinds import UrgencyKind
from assistant.safety.patterns import PatternSet
from indexing.models import Channel, Language, Region

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Urgency:
    """A detected danger: its kind, the channels to show (112 first), and what found it."""

    kind: UrgencyKind
    channels: tuple[Channel, ...]
    by_pattern: bool


class UrgencyDetector:
    def __init__(self, patterns: PatternSet, help_lines: HelpLines,
                 matcher: ExemplarMatcher, threshold: float,
                 region: Region | None) -> None:
        self.patterns = patterns
        self._help_lines = help_lines
        self.matcher = matcher
        self._threshold = threshold
        self._region = region

    def detect(self, text: str, segment_vectors: np.ndarray,
               language: Language) -> Urgency | None:
        """The danger the text speaks of, with 112 and the lines in `language`; None if none.

        `language` picks the channels' wording only: every language's patterns always run.
        """
        if self.patterns.is_over(text):
            return None
        kinds = self.patterns.kinds(text)
        by_pattern = bool(kinds)
        if not kinds:
            match = self.matcher.match(segment_vectors)
            if match is not None and match.margin >= self._threshold:
                kinds = (UrgencyKind(match.kind),)
        if not kinds:
            return None
        # The text is the citizen's and may be personal: log only what was found.
        logger.info("urgency detected: kinds=%s by=%s language=%s", [k.value for k in kinds],
                    "pattern" if by_pattern else "exemplars", language.value)
        return Urgency(kinds[0], self._help_lines.channels(kinds, language, self._region),
                       by_pattern)
