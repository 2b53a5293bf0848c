"""The documents of a build, saved beside its index so that serving needs only the index."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from pathlib import Path

from indexing.models import (
    Channel,
    ChannelKind,
    ExampleQuestion,
    Language,
    ProcedureDocument,
    Region,
    Section,
    SectionKind,
)

DOCUMENTS_FILE = "documents.jsonl"


def write_documents(path: Path, documents: Iterable[ProcedureDocument]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for document in documents:
            out.write(json.dumps(asdict(document), ensure_ascii=False, default=str) + "\n")


def read_documents(path: Path) -> list[ProcedureDocument]:
    documents = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            raw = json.loads(line)
            raw.update(
                language=Language(raw["language"]), region=Region(raw["region"]),
                reviewed=date.fromisoformat(raw["reviewed"]), keywords=tuple(raw["keywords"]),
                contacts=tuple(Channel(**{**c, "kind": ChannelKind(c["kind"])})
                               for c in raw["contacts"]),
                sections=tuple(Section(**{**s, "kind": SectionKind(s["kind"])})
                               for s in raw["sections"]),
                questions=tuple(ExampleQuestion(SectionKind(q["section"]), q["text"])
                                for q in raw.get("questions", ())))
            documents.append(ProcedureDocument(**raw))
    return documents
