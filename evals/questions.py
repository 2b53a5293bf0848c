"""Question sets in the contract's JSON Lines format."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

EXPECTATIONS = ("answer", "handoff", "urgent", "clarify")
LANGUAGES = ("fr", "nl", "en")


@dataclass(frozen=True)
class QuestionCase:
    """One evaluation question and what a good answer looks like."""

    id: str
    language: str
    question: str
    expect: str
    expected_doc_ids: tuple[str, ...] = ()
    must_mention: tuple[str, ...] = ()
    turns: tuple[str, ...] = ()
    notes: str = ""
    category: str = ""  # optional; by default the theme of the expected procedure


def load_questions(path: Path) -> list[QuestionCase]:
    """Read a question set; a malformed line raises ValueError naming the file and line."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            cases.append(QuestionCase(
                id=raw["id"], language=raw["language"], question=raw["question"],
                expect=raw["expect"], expected_doc_ids=tuple(raw.get("expected_doc_ids", ())),
                must_mention=tuple(raw.get("must_mention", ())), turns=tuple(raw.get("turns", ())),
                notes=raw.get("notes", ""), category=raw.get("category", "")))
            if cases[-1].expect not in EXPECTATIONS:
                raise ValueError(f"'expect' must be one of {', '.join(EXPECTATIONS)}")
            if cases[-1].language not in LANGUAGES:
                raise ValueError(f"'language' must be one of {', '.join(LANGUAGES)}")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"{path}:{number}: not a valid question ({exc})") from exc
    return cases
