"""Writes corpus documents for tests: valid by default, broken on purpose when asked."""

from __future__ import annotations

from pathlib import Path

FRONT_MATTER = """---
id: {doc_id}
title: {title}
language: {language}
region: brussels
source_url: https://be.brussels/fr/{doc_id}
reviewed: 2026-11-23
summary: {summary}
keywords: [{keywords}]
contacts:
  - kind: counter
    label: Service Population de votre commune
    value: À la maison communale
    hours: Heures d'ouverture de votre commune
---
"""


def document_text(doc_id: str = "exemple", title: str = "Une procédure d'exemple",
                  language: str = "fr", summary: str = "Une phrase simple qui résume la démarche.",
                  keywords: str = "exemple, démarche",
                  sections: dict[str, str] | None = None) -> str:
    sections = sections or {"Pour qui ?": "Pour tout le monde.", "Coût": "C'est gratuit."}
    body = "".join(f"## {heading}\n{text}\n\n" for heading, text in sections.items())
    return FRONT_MATTER.format(doc_id=doc_id, title=title, language=language, summary=summary,
                               keywords=keywords) + body


def write_document(corpus: Path, doc_id: str, language: str = "fr", text: str | None = None,
                   **fields) -> Path:
    path = corpus / language / f"{doc_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text is not None else document_text(doc_id, language=language, **fields),
                    encoding="utf-8")
    return path
