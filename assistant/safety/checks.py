"""The safety step: danger first, then harmful requests, on the text with its disguises undone.

Built once per open index: the exemplar vectors come from the data folder's embedding cache (the
first start embeds them, later ones read them), the ordinary questions from the index itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from assistant.analyse.obfuscation import deobfuscate
from assistant.analyse.requests import request_reader
from assistant.analyse.segments import segments
from assistant.analyse.spelling import expand_sms
from assistant.safety.exemplars import ExemplarMatch, ExemplarMatcher
from assistant.safety.harm.detector import Harm, HarmDetector
from assistant.safety.harm.kinds import HarmKind
from assistant.safety.patterns import load_patterns
from assistant.safety.urgency.detector import Urgency, UrgencyDetector
from assistant.safety.urgency.help_lines import load_help_lines
from assistant.safety.urgency.kinds import UrgencyKind
from indexing.errors import GuichetError
from indexing.models import Language, Region

SAFETY_DIR = Path(__file__).resolve().parent
URGENCY_DIR = SAFETY_DIR / "urgency"
HARM_DIR = SAFETY_DIR / "harm"
THRESHOLDS_FILE = SAFETY_DIR / "thresholds.yaml"
Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class SafetyVerdict:
    urgency: Urgency | None
    harm: Harm | None


@dataclass(frozen=True)
class SafetyEvidence:
    """What each reader found, before thresholds: for staff, evaluators and the threshold sweep."""

    urgency_patterns: tuple[UrgencyKind, ...]
    told_as_past: bool
    urgency_match: ExemplarMatch | None
    harm_patterns: tuple[HarmKind, ...]
    harm_match: ExemplarMatch | None


class SafetyCheck:
    def __init__(self, urgency: UrgencyDetector, harm: HarmDetector, embed: Embed) -> None:
        self._urgency = urgency
        self._harm = harm
        self._embed = embed

    def evidence(self, text: str, language: Language) -> SafetyEvidence:
        read, vectors = self._read(text, language)
        return SafetyEvidence(self._urgency.patterns.kinds(read),
                              self._urgency.patterns.is_over(read),
                              self._urgency.matcher.match(vectors),
                              self._harm.patterns.kinds(read), self._harm.matcher.match(vectors))

    def check(self, text: str, language: Language) -> SafetyVerdict:
        read, vectors = self._read(text, language)
        urgency = self._urgency.detect(read, vectors, language)
        harm = self._harm.detect(read, vectors)
        # A request the harm patterns read plainly (a forged paper, "ignore your rules") is
        # refused even when the danger exemplars lean its way, and asking how to hurt someone is
        # refused even when its words are a danger's; any other danger goes to 112 first.
        if (urgency is not None and harm is not None and harm.by_pattern
                and (harm.kind is HarmKind.HURT or not urgency.by_pattern)):
            urgency = None
        return SafetyVerdict(urgency, harm if urgency is None else None)

    def _read(self, text: str, language: Language) -> tuple[str, np.ndarray]:
        read = deobfuscate(text)
        sentences = segments(expand_sms(read, language))
        # A story's sentences may each look harmless while the whole asks for harm; the whole is
        # read as the search will read it (its requests), so that its vector serves both.
        requests = [expand_sms(r.text, language) for r in request_reader().requests(text)] \
            if len(sentences) > 1 else []
        return read, self._embed(list(dict.fromkeys([*sentences, *requests])))


def build_safety_check(embed: Embed, embed_query: Embed, ordinary_questions: np.ndarray,
                       region: Region | None) -> SafetyCheck:
    """The safety step: exemplars embedded with `embed` (kept in the data folder's cache),
    messages with `embed_query` (the model behind the query cache retrieval shares)."""
    thresholds = _thresholds()
    situations = _exemplars(URGENCY_DIR / "situations.yaml", "danger")
    requests = _exemplars(HARM_DIR / "exemplars.yaml", "harmful")
    ordinary = [embed(situations.ordinary), embed(requests.ordinary)]
    if ordinary_questions.size:
        ordinary.append(ordinary_questions)
    ordinary_vectors = np.vstack(ordinary)
    neighbours = int(thresholds["neighbours"])
    urgency = UrgencyDetector(
        load_patterns(URGENCY_DIR / "patterns", UrgencyKind), load_help_lines(),
        ExemplarMatcher({kind: embed(texts) for kind, texts in situations.by_kind.items()},
                        ordinary_vectors, neighbours),
        float(thresholds["urgency_margin"]), region)
    harm = HarmDetector(
        load_patterns(HARM_DIR / "patterns", HarmKind),
        ExemplarMatcher({kind: embed(texts) for kind, texts in requests.by_kind.items()},
                        ordinary_vectors, neighbours),
        float(thresholds["harm_margin"]))
    return SafetyCheck(urgency, harm, embed_query)


@dataclass(frozen=True)
class _Exemplars:
    by_kind: dict[str, list[str]]
    ordinary: list[str]


def _exemplars(path: Path, group: str) -> _Exemplars:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        by_kind = {str(kind): [str(t) for texts in langs.values() for t in texts]
                   for kind, langs in raw[group].items()}
        ordinary = [str(t) for texts in raw["ordinary"].values() for t in texts]
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise GuichetError(f"{path}: not a valid exemplar file ({exc!r})") from exc
    empty = [kind for kind, texts in by_kind.items() if not texts]
    if empty or not ordinary:
        raise GuichetError(f"{path}: every kind and 'ordinary' need exemplars (empty: {empty})")
    return _Exemplars(by_kind, ordinary)


def _thresholds() -> dict:
    try:
        return yaml.safe_load(THRESHOLDS_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GuichetError(f"{THRESHOLDS_FILE}: cannot be read ({exc})") from exc
