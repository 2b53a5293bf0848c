"""BM25 with stemming and accent folding, per language."""

from __future__ import annotations

from indexing.lexical import Analyzer, LexicalIndex
from indexing.models import Chunk, Language, SectionKind


def _chunk(chunk_id: str, text: str, language: Language = Language.FR) -> Chunk:
    return Chunk(chunk_id=chunk_id, doc_id=chunk_id, language=language, title="t",
                 section=SectionKind.HOW, heading="h", url="https://x.be", text=text)


def test_accents_and_inflections_meet_at_the_same_terms():
    analyzer = Analyzer(Language.FR)
    assert analyzer.terms("Déménagement") == analyzer.terms("demenagement")
    assert analyzer.terms("cartes d'identité") == analyzer.terms("carte identite")


def test_stopwords_are_dropped():
    assert Analyzer(Language.FR).terms("le de la et pour") == []


def test_search_ranks_the_matching_chunk_first_and_survives_a_save(tmp_path):
    chunks = [_chunk("a", "Déclarer un déménagement à la commune"),
              _chunk("b", "Le prix du passeport dépend de la commune"),
              _chunk("c", "Moving house in Brussels", Language.EN)]
    index = LexicalIndex.build(chunks, [c.text for c in chunks])
    index.save(tmp_path)
    reloaded = LexicalIndex.load(tmp_path)
    for searched in (index, reloaded):
        hits = searched.search("demenager commune", k=5)
        assert [h.chunk_id for h in hits[Language.FR]][0] == "a"
        assert hits[Language.EN] == []
    assert reloaded.search("passeports", k=5, languages=[Language.FR])[Language.FR][0].chunk_id == "b"
    assert set(reloaded.search("house", k=5, languages=[Language.EN])) == {Language.EN}
