"""Faithfulness of answer sentences to their cited sections, with the real embedding model."""

from __future__ import annotations

import pytest

from evals.faithfulness import FaithfulnessChecker, split_sentences

SECTIONS = [
    "Coût\nLa carte d'identité coûte environ 20 euros. Le prix dépend de votre commune.",
    "Délai\nLa carte arrive à la commune après deux à trois semaines.",
]


def test_sentences_are_split_on_ends_lines_and_bullets():
    assert split_sentences("Un. Deux ? Trois\n- Quatre\n2. Cinq") == ["Un.", "Deux ?", "Trois",
                                                                      "Quatre", "Cinq"]


def test_copied_sentences_are_supported_and_an_invented_one_is_not():
    verdicts = FaithfulnessChecker().check(
        "La carte d'identité coûte environ 20 euros [1]. La carte arrive après deux à trois "
        "semaines [2]. Le ministre offre un vélo gratuit aux nouveaux habitants [1].", SECTIONS)
    assert [v.supported for v in verdicts] == [True, True, False]


def test_a_sentence_is_checked_against_the_section_it_cites():
    verdicts = FaithfulnessChecker().check(
        "La carte arrive à la commune après deux à trois semaines [1].", SECTIONS)
    assert verdicts[0].supported is False


def test_short_headings_are_not_counted():
    assert FaithfulnessChecker().check("Coût :\nEn bref", SECTIONS) == []


@pytest.mark.slow
def test_a_rephrased_sentence_passes_on_embeddings_and_an_invented_one_still_fails(
        embedding_backend):
    checker = FaithfulnessChecker(embedding_backend)
    rephrased = "Son tarif change d'une ville à l'autre [1]."
    assert FaithfulnessChecker().check(rephrased, SECTIONS)[0].supported is False
    assert checker.check(rephrased, SECTIONS)[0].supported is True
    invented = checker.check("Le ministre offre un vélo gratuit aux nouveaux habitants [1].",
                             SECTIONS)[0]
    assert invented.similarity is not None and invented.supported is False
