from __future__ import annotations

import pytest

from indexing.errors import GenerationRejected
from assistant.compose.generators.citations import check_citations, split_sentences
from assistant.models import Draft


def test_a_fully_cited_answer_becomes_a_draft():
    text = "  Le passeport coûte environ 75 euros selon la commune [1].\n"
    assert check_citations(text, {1, 2}) == Draft(
        text="Le passeport coûte environ 75 euros selon la commune [1].", cited=(1,))


def test_several_markers_are_collected_in_order_of_first_use_without_repeats():
    text = ("Prenez rendez-vous à la commune pour votre passeport [2]. "
            "Le passeport coûte environ 75 euros [1]. "
            "Apportez votre ancienne carte et une photo récente [2].")
    assert check_citations(text, {1, 2}).cited == (2, 1)


def test_a_marker_after_the_full_stop_belongs_to_the_sentence_before():
    text = "Le passeport coûte environ 75 euros. [2] Apportez une photo récente au guichet. [1]"
    assert check_citations(text, {1, 2}).cited == (2, 1)


def test_a_marker_alone_on_the_next_line_cites_the_sentence_above():
    assert split_sentences("Le premier enlèvement de l'année est gratuit.\n[1]") == [
        "Le premier enlèvement de l'année est gratuit. [1]"]


@pytest.mark.parametrize("text", ["Vous pouvez le demander à la commune [1, 3].",
                                  "Vous pouvez le demander à la commune [1,3].",
                                  "Vous pouvez le demander à la commune [1][3]."])
def test_grouped_and_adjacent_markers_cite_each_number(text):
    assert check_citations(text, {1, 2, 3}).cited == (1, 3)


@pytest.mark.parametrize("text", ["Le passeport coûte environ 75 euros [5].",
                                  "Le passeport coûte environ 75 euros [1, 5].",
                                  "Le passeport coûte environ 75 euros [1][5]."])
def test_a_marker_for_a_source_not_given_is_rejected(text):
    with pytest.raises(GenerationRejected, match="cites source 5, which was not given"):
        check_citations(text, {1, 2})


def test_a_claim_sentence_without_a_marker_is_rejected():
    text = ("Le passeport coûte environ 75 euros [1]. "
            "Il est prêt en deux semaines environ.")
    with pytest.raises(GenerationRejected, match="sentence without citation: 'Il est prêt"):
        check_citations(text, {1})


def test_an_answer_without_any_marker_is_rejected():
    with pytest.raises(GenerationRejected, match="no citation marker"):
        check_citations("Le passeport coûte environ 75 euros.", {1})


def test_short_sentences_need_no_marker():
    text = "Bonne nouvelle !\nVoici les étapes :\n- C'est gratuit.\n- Le premier enlèvement " \
           "de l'année est gratuit [1]."
    assert check_citations(text, {1}).cited == (1,)


def test_bullets_numbers_and_decimals_do_not_end_sentences():
    text = "1. Le passeport coûte 75.50 euros sur www.belgium.be [1]."
    assert split_sentences(text) == ["Le passeport coûte 75.50 euros sur www.belgium.be [1]."]


def test_each_bullet_line_is_its_own_sentence():
    text = "Apportez :\n- votre ancienne carte d'identité [1]\n- une photo d'identité en couleur"
    with pytest.raises(GenerationRejected, match="une photo d'identité en couleur"):
        check_citations(text, {1})
