from __future__ import annotations

import random
import time

import pytest

from assistant.analyse.spelling import SpellingCorrector, damerau_levenshtein, expand_sms
from assistant.settings import BUNDLED_CORPUS
from indexing.models import Language

FRENCH_CORPUS = BUNDLED_CORPUS / "fr"


@pytest.mark.parametrize(("language", "text", "expected"), [
    (Language.FR, "slt jsp koi faire pr ma carte", "salut je ne sais pas quoi faire pour ma carte"),
    (Language.FR, "bjr cb coute la carte stp", "bonjour combien coute la carte s'il vous plaît"),
    (Language.FR, "jai perdu ma carte", "j'ai perdu ma carte"),
    (Language.FR, "pkoi ma carte est bloquee", "pourquoi ma carte est bloquee"),
    (Language.FR, "kel rdv ajd", "quel rendez-vous aujourd'hui"),
    (Language.FR, "ya qqn ki peut m aider", "il y a quelqu'un qui peut m aider"),
    (Language.FR, "y'a tjrs pas de lettre", "il y a toujours pas de lettre"),
    (Language.FR, "Y’a tjrs rien", "il y a toujours rien"),
    (Language.FR, "c ou la commune", "c'est ou la commune"),
    (Language.FR, "SLT chui perdu", "salut je suis perdu"),
    (Language.FR, "dsl mrc bcp", "désolé merci beaucoup"),
    (Language.FR, "nvl carte ac mm photo", "nouvelle carte avec même photo"),
    (Language.FR, "kan est ce ke je recois qqch", "quand est ce que je recois quelque chose"),
    (Language.NL, "hvl kost mn paspoort", "hoeveel kost mijn paspoort"),
    (Language.NL, "kweet ni wa ik moet doen", "ik weet niet wat ik moet doen"),
    (Language.NL, "tis gwn dringend", "het is gewoon dringend"),
    (Language.NL, "idd da is zn kaart", "inderdaad dat is zijn kaart"),
    (Language.NL, "ff vragen", "even vragen"),
    (Language.EN, "r u open 2day", "are you open today"),
    (Language.EN, "pls help ur website is down thx", "please help your website is down thanks"),
    (Language.EN, "idk what the govt wants", "I don't know what the government wants"),
    (Language.EN, "plz call b4 friday, thanx", "please call before friday, thanks"),
])
def test_sms_abbreviations_are_written_out(language, text, expected):
    assert expand_sms(text, language) == expected


@pytest.mark.parametrize(("language", "text"), [
    (Language.FR, "c'est ma carte"),         # a real apostrophe is already right
    (Language.FR, "la lettre c"),            # a lone c at the end is not "c'est"
    (Language.FR, "prix du passeport"),      # "pr" must not touch "prix"
    (Language.FR, "u r ok"),                 # English abbreviations belong to English only
    (Language.NL, "slt jsp"),                # French ones to French only
    (Language.EN, "hvl mn"),
    (Language.EN, "rural tour"),             # "r" and "u" only as whole words
    (Language.NL, "blablabla xyz"),
])
def test_other_words_are_left_alone(language, text):
    assert expand_sms(text, language) == text


def test_the_tables_are_case_insensitive():
    assert expand_sms("JSP", Language.FR) == "je ne sais pas"
    assert expand_sms("Thx", Language.EN) == "thanks"


@pytest.fixture(scope="module")
def corrector() -> SpellingCorrector:
    vocabulary = ("carte carte carte d'identité identité identité passeport passeport "
                  "déménagement commune naissance mariage perdu perdue volé prix kids-id "
                  "adresse changement domicile").split()
    return SpellingCorrector(vocabulary)


@pytest.mark.parametrize(("typed", "expected"), [
    ("identiter", "identite"),
    ("pasport", "passeport"),
    ("demenagment", "demenagement"),
    ("didentite", "d identite"),
    ("ladresse", "l adresse"),
    ("passprot", "passeport"),       # a swap of neighbours is one edit
    ("naisance", "naissance"),
    ("Identité", "identite"),        # known words come back folded
])
def test_unknown_words_become_the_nearest_corpus_word(corrector, typed, expected):
    assert corrector.correct(typed) == expected


def test_a_whole_question_keeps_its_punctuation_and_known_words(corrector):
    assert (corrector.correct("J'ai perdu ma carte didentiter, le pasport aussi!")
            == "j'ai perdu ma carte d identite, le passeport aussi!")


@pytest.mark.parametrize("typed", [
    "1200",       # numbers are never words
    "595.2",
    "b2",
    "prx",        # three letters: too short to guess from
    "ktr",
    "zzzzzzzz",   # nothing near: kept as typed
    "bonjour",    # not in the vocabulary and nothing near
])
def test_numbers_short_words_and_strangers_are_untouched(corrector, typed):
    assert corrector.correct(typed) == typed


def test_short_words_allow_one_edit_and_long_words_two(corrector):
    assert corrector.correct("cartte") == "carte"        # 6 letters, 1 edit
    assert corrector.correct("krtte") == "krtte"         # 5 letters, 2 edits: too far
    assert corrector.correct("pasepor") == "passeport"   # 7 letters, 2 edits


def test_ties_go_to_the_word_the_corpus_uses_most():
    corrector = SpellingCorrector(["perte", "porte", "porte", "porte"])
    assert corrector.correct("parte") == "porte"
    corrector = SpellingCorrector(["perte", "perte", "perte", "porte"])
    assert corrector.correct("parte") == "perte"


def test_vocabulary_entries_may_be_whole_texts():
    corrector = SpellingCorrector(["La carte d'identité électronique (eID)."])
    assert corrector.correct("electroniqe idenitte") == "electronique identite"


@pytest.mark.parametrize(("first", "second", "distance"), [
    ("carte", "carte", 0), ("carte", "cartes", 1), ("carte", "crate", 1),
    ("pasport", "passeport", 2), ("abc", "xyz", 3),
])
def test_damerau_levenshtein_counts_typing_errors(first, second, distance):
    assert damerau_levenshtein(first, second, limit=5) == distance


def test_damerau_levenshtein_stops_past_its_limit():
    assert damerau_levenshtein("identite", "passeport", limit=2) == 3


def _synthetic_vocabulary(size: int) -> list[str]:
    """The real French corpus, topped up with pronounceable made-up words."""
    corpus = [path.read_text(encoding="utf-8") for path in sorted(FRENCH_CORPUS.glob("*.md"))]
    syllables = ("ba be bi bo ca ce ci co da de di do ga ge la le li lo ma me mi mo na ne ni no "
                 "pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi tion ment eur ique "
                 "ant ent ais ier").split()
    rng = random.Random(20)
    made_up: set[str] = set()
    while len(made_up) < size:
        made_up.add("".join(rng.choice(syllables) for _ in range(rng.randint(2, 5))))
    return corpus + sorted(made_up)


def test_a_large_vocabulary_corrects_a_question_quickly():
    corrector = SpellingCorrector(_synthetic_vocabulary(20_000))
    question = "bonjour jai perdu ma carte didentiter et mon pasprot pendant le demenagment"
    assert len(question.split()) == 12

    started = time.perf_counter()
    corrected = corrector.correct(question)
    elapsed = time.perf_counter() - started

    assert "identite" in corrected and "demenagement" in corrected
    assert elapsed < 0.020, f"correcting took {elapsed * 1000:.1f} ms"
