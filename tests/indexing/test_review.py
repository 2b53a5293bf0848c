"""Freshness: documents and claims by age, the stale-page check, and what staff are shown."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

from indexing.corpus import load_corpus
from indexing.review import is_due, review_corpus
from tests.conftest import BUNDLED_CORPUS
from tests.ui.test_cli import run_guichet
from ui.staff_views import document_markdown, review_warning

TODAY = date(2026, 12, 7)
OLD = "2024-01-10"


def copy_documents(corpus: Path, *names: str) -> None:
    for name in names:
        for suffix in (".md", ".claims.yaml"):
            source = BUNDLED_CORPUS / "fr" / f"{name}{suffix}"
            (corpus / "fr").mkdir(parents=True, exist_ok=True)
            shutil.copy(source, corpus / "fr" / source.name)


def back_date(corpus: Path, name: str, day: str = OLD) -> None:
    """As if the page's facts had last been checked on `day`: its claims and its front matter."""
    for suffix, pattern in ((".md", r"^reviewed: .*$"), (".claims.yaml", r"checked: \S+")):
        path = corpus / "fr" / f"{name}{suffix}"
        text = path.read_text(encoding="utf-8")
        replacement = f"reviewed: {day}" if suffix == ".md" else f"checked: {day}"
        path.write_text(re.sub(pattern, replacement, text, flags=re.MULTILINE), encoding="utf-8")


def test_the_age_rule_counts_days_past_the_review_age():
    assert not is_due(date(2025, 12, 7), TODAY, 365)
    assert is_due(date(2025, 12, 6), TODAY, 365)


def test_a_back_dated_page_comes_first_and_is_due(tmp_path):
    copy_documents(tmp_path, "passeport", "encombrants")
    back_date(tmp_path, "passeport")
    review = review_corpus(tmp_path, TODAY, 365)
    assert review.problems == ()
    first, second = review.documents
    assert (first.doc_id, first.due, first.reviewed) == ("passeport", True, date(2024, 1, 10))
    assert first.age_days == (TODAY - date(2024, 1, 10)).days
    assert not second.due
    assert [d.doc_id for d in review.due] == ["passeport"]
    assert first.claims and all(c.checked == date(2024, 1, 10) for c in first.claims)
    assert all(source.startswith("https://") for source in first.sources)


def test_corpus_review_fails_on_a_back_dated_page_and_passes_once_it_is_checked(tmp_path):
    corpus = tmp_path / "corpus"
    copy_documents(corpus, "passeport", "encombrants")
    back_date(corpus, "passeport")
    stale = run_guichet("corpus", "review", "--claims", data_dir=tmp_path / "data",
                        corpus=corpus)
    assert stale.returncode == 1, stale.stderr
    lines = stale.stdout.splitlines()
    assert "1 past the review age of 365 days" in lines[0]
    assert lines[1].startswith(f"DUE {OLD}") and "fr/passeport" in lines[1]
    assert re.match(rf"\s+{OLD}  \".+\"  https://", lines[2])

    back_date(corpus, "passeport", date.today().isoformat())
    fresh = run_guichet("corpus", "review", "--json", data_dir=tmp_path / "data", corpus=corpus)
    assert fresh.returncode == 0, fresh.stderr
    report = json.loads(fresh.stdout)
    assert not any(document["due"] for document in report["documents"])
    assert report["problems"] == []


def test_staff_see_when_a_page_is_past_the_review_age(tmp_path):
    copy_documents(tmp_path, "passeport")
    back_date(tmp_path, "passeport")
    document = load_corpus(tmp_path).documents[0]
    assert "à revoir" in document_markdown(document, 365, TODAY)
    assert "à revoir" not in document_markdown(document, 3650, TODAY)
    assert review_warning(TODAY, 365, TODAY) == ""
