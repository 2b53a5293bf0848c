"""Languages Guichet does not answer in, recognised so that the reply says so in that language."""

import pytest

from assistant.analyse.languages import foreign_language_reader
from assistant.messages import catalogue
from assistant.settings import BUNDLED_CORPUS
from indexing.corpus import load_corpus


@pytest.mark.parametrize("text, code", [
    ("كيف أغير عنواني", "ar"), ("Adresimi nasıl değiştirebilirim?", "tr"),
    ("¿Cómo puedo cambiar mi dirección?", "es"), ("Como posso mudar de morada?", "pt"),
    ("Cum îmi schimb adresa?", "ro"), ("Jak zmienić adres?", "pl"),
    ("Как получить пособие?", "ru"), ("Як змінити адресу?", "uk"),
    ("Come posso cambiare indirizzo?", "it"), ("Wie beantrage ich einen Personalausweis?", "de"),
])
def test_the_main_languages_of_brussels_are_recognised(text, code):
    assert foreign_language_reader().language(text) == code
    assert catalogue().foreign(code)


@pytest.mark.parametrize("text", [
    "comment changer mon adresse", "hoe verander ik mijn adres", "come to the commune with me?",
    "la commune de Jette, comment changer mon adresse ?", "mijn moeder is 80 en heeft hulp nodig",
])
def test_french_dutch_and_english_are_not_foreign(text):
    assert foreign_language_reader().language(text) is None


def test_no_example_question_of_the_corpus_reads_as_another_language():
    documents = load_corpus(BUNDLED_CORPUS).documents
    flagged = [q.text for d in documents for q in d.questions
               if foreign_language_reader().language(q.text)]
    assert sum(len(d.questions) for d in documents) > 3000
    assert flagged == []
