"""The rights check on the bundled rules, rule by rule: each fires on its own situation only."""

from pathlib import Path

import pytest

from assistant.rights.check import RightsCheck, open_rights_check
from assistant.rights.rules import RightsRulesError, load_rights_rules
from assistant.settings import Settings
from indexing.corpus import load_corpus
from indexing.errors import InvalidInput
from indexing.models import Language

# A household for whom no rule fires: working, no children, owner, under 65, no student, not
# looking for a job, no trouble paying the bills, a residence permit.
QUIET = {"income": "work", "children": "no", "housing": "owner", "age_65": "no",
         "student": "no", "job_seeker": "no", "low_income": "no", "legal_stay": "yes"}

# For each right: one change to the quiet household that should bring it up, and every right that
# change brings up (the right itself among them).
SITUATIONS = {
    "statut-bim": ({"low_income": "yes"}, {"statut-bim", "tarif-reduit-transports",
                                           "aide-juridique", "aide-sociale-cpas"}),
    "tarif-social-energie": ({"housing": "rent_social"}, {"tarif-social-energie",
                                                         "aide-juridique"}),
    "tarif-reduit-transports": ({"age_65": "yes"}, {"tarif-reduit-transports"}),
    "logement-social": ({"housing": "rent_private", "income": "none"},
                        {"logement-social", "aide-sociale-cpas", "revenu-integration"}),
    "allocation-loyer": ({"housing": "rent_private", "income": "disability"},
                         {"allocation-loyer", "logement-social", "statut-bim",
                          "tarif-social-energie", "tarif-reduit-transports", "aide-juridique"}),
    "aide-juridique": ({"income": "cpas"}, {"aide-juridique", "statut-bim",
                                            "tarif-social-energie", "tarif-reduit-transports",
                                            "aide-sociale-cpas"}),
    "pension": ({"age_65": "yes", "low_income": "dont_know"},
                {"pension", "statut-bim", "tarif-social-energie", "tarif-reduit-transports",
                 "aide-juridique"}),
    "aide-sociale-cpas": ({"housing": "other"}, {"aide-sociale-cpas"}),
    "revenu-integration": ({"income": "none"}, {"revenu-integration", "aide-sociale-cpas"}),
    "allocations-familiales": ({"children": "yes"}, {"allocations-familiales"}),
    "allocations-etudes": ({"student": "yes", "income": "unemployment"},
                           {"allocations-etudes", "tarif-reduit-transports",
                            "inscription-actiris"}),
    "inscription-actiris": ({"job_seeker": "yes", "income": "unemployment"},
                            {"inscription-actiris"}),
    "chomage-allocations": ({"job_seeker": "yes"}, {"chomage-allocations",
                                                   "inscription-actiris"}),
    "aide-medicale-urgente": ({"legal_stay": "no", "income": "none"},
                              {"aide-medicale-urgente", "aide-sociale-cpas"}),
}


@pytest.fixture(scope="module")
def rights() -> RightsCheck:
    settings = Settings()
    check = open_rights_check(settings.corpus_dir, load_corpus(settings.corpus_dir).documents)
    assert check is not None
    return check


def test_every_rule_has_its_situation(rights):
    assert {rule.doc_id for rule in rights.rules.rules} == set(SITUATIONS)


def test_a_household_with_no_sign_gets_no_right(rights):
    assert rights.check(QUIET, Language.FR) == []


@pytest.mark.parametrize("doc_id", sorted(SITUATIONS))
def test_each_rule_fires_on_its_situation_and_not_on_the_others(rights, doc_id):
    change, expected = SITUATIONS[doc_id]
    found = {right.doc_id for right in rights.check({**QUIET, **change}, Language.FR)}
    assert found == expected


def test_without_a_residence_permit_only_the_rights_without_that_condition_remain(rights):
    answers = {**QUIET, "income": "cpas", "children": "yes", "legal_stay": "no"}
    found = {right.doc_id for right in rights.check(answers, Language.FR)}
    assert found == {"aide-medicale-urgente", "aide-juridique", "tarif-reduit-transports",
                     "aide-sociale-cpas"}


@pytest.mark.parametrize("language", list(Language))
def test_a_right_says_why_it_came_up_where_to_go_and_links_its_official_page(rights, language):
    (right,) = rights.check({**QUIET, "children": "yes"}, language)
    yes = rights.rules.question("children").option("yes").text[language]
    assert yes in right.why
    assert right.url.startswith("https://")
    assert right.title and right.where
    assert "€" not in right.why and "EUR" not in right.why  # never an amount


def test_an_unknown_question_or_option_is_named(rights):
    with pytest.raises(InvalidInput, match="unknown question 'pets'"):
        rights.check({"pets": "yes"}, Language.EN)
    with pytest.raises(InvalidInput, match="question 'income' has no option 'lottery'"):
        rights.check({"income": "lottery"}, Language.EN)


def test_related_rights_of_the_integration_income(rights):
    related = [doc.doc_id for doc, _ in rights.related("revenu-integration", Language.NL)]
    assert related[:3] == ["statut-bim", "tarif-social-energie", "tarif-reduit-transports"]


@pytest.mark.parametrize(("mistake", "said"), [
    (("doc: statut-bim", "doc: statut-bis"), "no document 'statut-bis'"),
    (("{income: [cpas, disability]}", "{incomes: [cpas]}"), "unknown question 'incomes'"),
    (("{income: [cpas, disability]}", "{income: [lottery]}"), "'income' has no option lottery"),
    (("en: Where does most", "es: Where does most"), "give the text in fr, nl and en"),
])
def test_a_mistake_in_the_rules_file_names_the_entry(tmp_path: Path, mistake, said):
    settings = Settings()
    source = (settings.corpus_dir / "rights.yaml").read_text(encoding="utf-8")
    broken = tmp_path / "rights.yaml"
    broken.write_text(source.replace(*mistake, 1), encoding="utf-8")
    doc_ids: dict[Language, set[str]] = {}
    for document in load_corpus(settings.corpus_dir).documents:
        doc_ids.setdefault(document.language, set()).add(document.doc_id)
    with pytest.raises(RightsRulesError, match=said):
        load_rights_rules(broken, doc_ids)
