import re

from assistant.compose.generators.extractive import CITIZEN_MAX_WORDS, ExtractiveGenerator, lead
from assistant.models import Audience, Passage, Source
from indexing.models import Chunk, Language, SectionKind


def chunk(section: SectionKind, text: str) -> Chunk:
    return Chunk(f"fr/doc/{section.value}/0", "doc", Language.FR, "Une démarche", section,
                 section.value, "https://www.belgium.be/fr", text)


def test_lead_takes_the_first_sentences():
    assert lead("Première phrase. Deuxième phrase. Troisième.", 2) == \
        "Première phrase. Deuxième phrase."


def test_a_sentence_announcing_a_list_brings_its_items():
    text = "Apportez :\n- votre carte d'identité ;\n- une photo ;\n\nAutre chose."
    assert lead(text, 1) == "Apportez : votre carte d'identité; une photo."


def test_a_sentence_announcing_a_table_is_left_out():
    text = ("La durée initiale du congé est de 1 an.\nIl peut être renouvelé comme suit :\n"
            "**Naissance**\n| Enfants | Durée |\n| 1 | 1 an |\nChaque période peut varier.")
    assert lead(text, 2) == "La durée initiale du congé est de 1 an. Chaque période peut varier."


def test_steps_give_the_first_steps():
    text = "1. Prenez rendez-vous.\n2. Allez à la commune.\n3. Payez.\n\nUne remarque."
    assert lead(text, 1) == "Prenez rendez-vous. Allez à la commune."


def test_citizen_answer_cites_each_line_and_stays_short():
    long_text = " ".join(["Une phrase assez longue pour remplir la réponse du citoyen."] * 30)
    sources = [Source(1, Passage(chunk(SectionKind.COST, "Le prix dépend de la commune.", ), 1.0)),
               Source(2, Passage(chunk(SectionKind.HOW, long_text), 0.0)),
               Source(3, Passage(chunk(SectionKind.DELAY, "Comptez deux semaines."), 0.0))]
    draft = ExtractiveGenerator().compose("prix ?", Language.FR, sources, Audience.CITIZEN)
    lines = draft.text.splitlines()
    assert lines[0] == "Le prix dépend de la commune. [1]"
    assert all(re.search(r"\[\d\]$", line) for line in lines)
    assert "- Délai : Comptez deux semaines. [3]" in lines
    assert len(draft.text.split()) <= CITIZEN_MAX_WORDS
    assert draft.cited == tuple(int(n) for n in re.findall(r"\[(\d)\]", draft.text))


def test_staff_get_every_section_in_full():
    text = "Première phrase. Deuxième. Troisième. Quatrième."
    sources = [Source(1, Passage(chunk(SectionKind.HOW, text), 1.0))]
    draft = ExtractiveGenerator().compose("?", Language.FR, sources, Audience.STAFF)
    assert text in draft.text and draft.cited == (1,)
