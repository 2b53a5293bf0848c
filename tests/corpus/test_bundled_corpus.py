"""The bundled corpus keeps the contract: every procedure in French, Dutch and English, complete
front matter, facts tied to official pages checked recently, plain language, the questions citizens
ask, and eval sets that only expect documents that exist."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from assistant.safety.contact_finder import find_contacts
from assistant.messages import catalogue
from assistant.profile import load_profile
from assistant.safety.scam.check import OfficialDomains
from assistant.safety.urgency.help_lines import load_help_lines
from assistant.settings import BUNDLED_CORPUS, BUNDLED_PROFILE, Settings
from evals.questions import load_questions
from evals.readability import document_readability
from indexing.claims import load_claims
from indexing.corpus import load_corpus
from indexing.models import ChannelKind, Language, SectionKind
from indexing.not_covered import load_not_covered
from indexing.review import is_due
from indexing.text import fold_accents

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "CONTRACT.md"
QUESTIONS = BUNDLED_CORPUS.parent / "evals" / "questions"

# The ids of ../shared/CONTRACT.md, copied so that a clone without ../shared still tests them.
CONTRACT_IDS = (
    "changement-adresse", "carte-identite", "carte-identite-perte-vol", "codes-pin-puk", "kids-id",
    "passeport", "certificats-population", "extrait-casier-judiciaire", "declaration-naissance",
    "mariage", "cohabitation-legale", "declaration-deces", "permis-conduire",
    "carte-stationnement-riverain", "revenu-integration", "aide-sociale-cpas",
    "allocations-familiales", "statut-bim", "tarif-social-energie", "aide-medicale-urgente",
    "chomage-allocations", "inscription-actiris", "pension", "allocation-handicap",
    "logement-social", "allocation-loyer", "garantie-locative", "enregistrement-bail",
    "declaration-impots", "connexion-services-en-ligne", "irisbox", "mon-dossier", "ebox-citoyen",
    "mutuelle-inscription", "carte-europeenne-assurance-maladie", "aide-numerique-epn",
    "arnaques-phishing", "immatriculation-vehicule", "tarif-reduit-transports",
    "inscription-secondaire", "allocations-etudes", "titre-sejour", "encombrants", "aide-juridique",
    "contacts-services",
)
OFFICIAL = yaml.safe_load((BUNDLED_CORPUS / "official-domains.yaml").read_text(encoding="utf-8"))
OFFICIAL_DOMAINS = OfficialDomains.load(BUNDLED_CORPUS)
COMMUNE_DOMAINS = frozenset(OFFICIAL["communes"])
MAX_WORDS_PER_SENTENCE = 20
# Flesch-type scales (Kandel-Moles, Flesch-Douma, Flesch) put plain "standard" prose at 60-70;
# below 60 a text reads "fairly difficult" for the general public, which is our audience.
MIN_READABILITY = 60.0
MIN_QUESTIONS_PER_SECTION = 3
MIN_QUESTIONS_PER_DOCUMENT = 10
# Two questions whose folded word sets overlap this much are the same question reworded.
NEAR_DUPLICATE_JACCARD = 0.7
TODAY = date.today()
REVIEW_AGE_DAYS = Settings().review_age_days

LOAD = load_corpus(BUNDLED_CORPUS)
DOCUMENTS = LOAD.documents
IDS_BY_LANGUAGE = {language: {d.doc_id for d in DOCUMENTS if d.language is language}
                   for language in Language}


def test_the_corpus_loads_without_a_single_problem():
    assert LOAD.problems == []


def test_the_id_list_matches_the_shared_contract():
    if not CONTRACT.exists():
        pytest.skip("../shared/CONTRACT.md is not beside this clone")
    table = re.findall(r"^\| ([a-z0-9-]+) \|", CONTRACT.read_text(encoding="utf-8"), re.MULTILINE)
    assert tuple(doc_id for doc_id in table if doc_id != "doc_id") == CONTRACT_IDS


def test_every_contract_procedure_exists_in_french():
    assert set(CONTRACT_IDS) - IDS_BY_LANGUAGE[Language.FR] == set()


@pytest.mark.parametrize("language", list(Language))
def test_every_procedure_exists_in_every_language(language):
    assert sorted(set(CONTRACT_IDS) - IDS_BY_LANGUAGE[language]) == []
    assert IDS_BY_LANGUAGE[language] <= set(CONTRACT_IDS)


def _urls(document) -> list[str]:
    texts = [document.source_url, *(c.value for c in document.contacts),
             *(s.text for s in document.sections)]
    return [url for text in texts for url in find_contacts(text)
            if "@" not in url and not re.fullmatch(r"[\d\s+./()-]+", url)]


def _is_official(url: str) -> bool:
    host = urlparse(url if "://" in url else f"https://{url}").hostname or ""
    host = host.removeprefix("www.")
    return OFFICIAL_DOMAINS.holds(host)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: f"{d.language}/{d.doc_id}")
def test_front_matter_is_complete_and_sources_are_official(document):
    assert document.source_url.startswith("https://")
    assert document.summary and document.keywords and document.contacts
    assert len(document.sections) >= 4
    unofficial = [url for url in _urls(document) if not _is_official(url)]
    assert unofficial == []
    assert all(url.startswith("https://") for url in _urls(document) if "://" in url)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: f"{d.language}/{d.doc_id}")
def test_the_source_is_a_page_of_the_competent_authority(document):
    """Not a home page, and not one commune's page for a rule a federal or regional body sets."""
    parsed = urlparse(document.source_url)
    host = (parsed.hostname or "").removeprefix("www.")
    assert host not in COMMUNE_DOMAINS, document.source_url
    assert parsed.path.strip("/") not in ("", "fr", "nl", "en"), document.source_url


def test_no_page_is_older_than_the_review_age():
    """`reviewed` is when the page's facts were last checked; past the age, it is due."""
    stale = sorted(f"{d.language}/{d.doc_id} (reviewed {d.reviewed})" for d in DOCUMENTS
                   if is_due(d.reviewed, TODAY, REVIEW_AGE_DAYS))
    assert stale == [], f"due for review (older than {REVIEW_AGE_DAYS} days): {stale}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: f"{d.language}/{d.doc_id}")
def test_every_fact_is_tied_to_an_official_page_checked_on_a_date(document):
    claims, problems = load_claims(document, TODAY)
    assert [str(problem) for problem in problems] == []
    unofficial = [claim.source for claim in claims.claims if not _is_official(claim.source)]
    assert unofficial == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: f"{d.language}/{d.doc_id}")
def test_every_section_carries_the_questions_citizens_ask(document):
    by_section = {section.kind: 0 for section in document.sections}
    for question in document.questions:
        by_section[question.section] = by_section.get(question.section, 0) + 1
    thin = {kind.value: count for kind, count in by_section.items()
            if kind is not SectionKind.OVERVIEW and count < MIN_QUESTIONS_PER_SECTION}
    assert thin == {}, f"sections with fewer than {MIN_QUESTIONS_PER_SECTION} questions"
    assert len(document.questions) >= MIN_QUESTIONS_PER_DOCUMENT


def _word_set(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", fold_accents(text)))


def test_no_example_question_is_a_near_duplicate_of_an_evaluation_question():
    """Example questions are written from how people talk, never from the evaluation sets:
    a token Jaccard of 0.7 or more between folded word sets counts as a copy."""
    evaluation = [(path.name, case.question) for path in sorted(QUESTIONS.glob("*.jsonl"))
                  for case in load_questions(path)]
    evaluation_words = [(name, question, _word_set(question)) for name, question in evaluation]
    examples = [(f"{d.language}/{d.doc_id}", example.text)
                for d in DOCUMENTS for example in d.questions]
    examples += [(f"not-covered/{q.doc_id}", q.text)
                 for topic in load_not_covered(BUNDLED_CORPUS)[0]
                 for q in topic.indexed_questions()]
    copies = []
    for where, example in examples:
        words = _word_set(example)
        for name, question, other in evaluation_words:
            if words and len(words & other) / len(words | other) >= NEAR_DUPLICATE_JACCARD:
                copies.append((where, example, name, question))
    assert len(examples) > 4000
    assert copies == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: f"{d.language}/{d.doc_id}")
def test_documents_are_written_in_plain_language(document):
    score = document_readability(document)
    assert score.words_per_sentence <= MAX_WORDS_PER_SENTENCE, score
    assert score.score >= MIN_READABILITY, score


@pytest.mark.parametrize("path", sorted(QUESTIONS.glob("*.jsonl")), ids=lambda p: p.name)
def test_every_expected_document_of_the_question_sets_exists(path):
    cases = load_questions(path)
    expected = {doc_id for case in cases for doc_id in case.expected_doc_ids}
    assert expected <= IDS_BY_LANGUAGE[Language.FR]


REVIEWED_NUMBERS = BUNDLED_CORPUS / "reviewed-phone-numbers.yaml"


_PHONE_LIKE = re.compile(r"[\d\s+./()-]+")


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "0" + digits[2:] if digits.startswith("32") and number.strip().startswith("+") else digits


def _phone_numbers(document) -> set[str]:
    numbers = {c.value for c in document.contacts
               if c.kind in (ChannelKind.PHONE, ChannelKind.EMERGENCY)}
    for text in [*(c.value for c in document.contacts), *(s.text for s in document.sections)]:
        numbers.update(c for c in find_contacts(text) if _PHONE_LIKE.fullmatch(c))
    return numbers


def _reviewed() -> set[str]:
    reviewed = yaml.safe_load(REVIEWED_NUMBERS.read_text(encoding="utf-8"))
    assert all(entry["source"].startswith("https://") and entry["who"] for entry in reviewed)
    return {_digits(entry["number"]) for entry in reviewed}


def _numbers_in(texts) -> set[str]:
    return {found for text in texts for found in find_contacts(text)
            if _PHONE_LIKE.fullmatch(found)}


def _catalogue_texts(entry) -> list[str]:
    if isinstance(entry, dict):
        return [text for value in entry.values() for text in _catalogue_texts(value)]
    if isinstance(entry, list):
        return [text for value in entry for text in _catalogue_texts(value)]
    return [str(entry)]


def test_every_phone_number_in_the_corpus_was_reviewed():
    """A wrong number is worse than none: each one is listed with the page that confirms it."""
    known = _reviewed()
    unreviewed = {(d.language.value, d.doc_id, number) for d in DOCUMENTS
                  for number in _phone_numbers(d) if _digits(number) not in known}
    assert unreviewed == set()


def test_every_other_number_guichet_can_say_was_reviewed_too():
    """The urgency help lines, the deployment profiles and the message catalogue."""
    said = {("help lines", number) for number in load_help_lines().numbers()}
    for profile in sorted(BUNDLED_PROFILE.parent.glob("*.yaml")):
        said |= {(profile.name, n) for n in _numbers_in(load_profile(profile).contact_texts())}
    for language in Language:
        texts = _catalogue_texts(catalogue().everything(language))
        said |= {(f"messages/{language.value}.yaml", n) for n in _numbers_in(texts)}
    known = _reviewed()
    assert {(where, number) for where, number in said if _digits(number) not in known} == set()
