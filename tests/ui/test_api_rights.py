"""Check my rights over HTTP, on the bundled corpus and a real `guichet serve`."""

import pytest

from tests.ui.test_api import running_server


@pytest.fixture(scope="module")
def bundled_server(bundled_settings, bundled_guichet, tmp_path_factory):
    log = tmp_path_factory.mktemp("rights-log") / "server.log"
    with running_server(bundled_settings.corpus_dir, bundled_settings.data_dir, log) as up:
        yield up


def test_the_questionnaire_is_short_and_in_the_language_asked(bundled_server):
    response = bundled_server.get("/api/rights-check/questions", language="nl")
    assert response.status_code == 200, response.text
    questions = response.json()["questions"]
    assert 1 <= len(questions) <= 8
    income = next(q for q in questions if q["id"] == "income")
    assert income["text"].startswith("Waar komt")
    assert {"id": "cpas", "text": "Van het OCMW (leefloon)"} in income["options"]


def test_the_answers_give_rights_to_check_with_why_and_where(bundled_server):
    response = bundled_server.post("/api/rights-check", {
        "language": "fr", "answers": {"income": "cpas", "children": "yes",
                                      "housing": "rent_private"}})
    assert response.status_code == 200, response.text
    rights = {right["doc_id"]: right for right in response.json()["rights"]}
    assert {"statut-bim", "tarif-social-energie", "allocations-familiales",
            "logement-social"} <= set(rights)
    bim = rights["statut-bim"]
    assert "Du CPAS (revenu d'intégration)" in bim["why"]
    assert bim["url"].startswith("https://") and bim["title"]


@pytest.mark.parametrize("answers", [{"income": "lottery"}, {"pets": "yes"}])
def test_an_unknown_answer_is_a_422_naming_the_field(bundled_server, answers):
    response = bundled_server.post("/api/rights-check", {"language": "en", "answers": answers})
    assert response.status_code == 422
    assert "answers" in response.text


def test_a_related_right_ends_an_answer_about_the_integration_income(bundled_server):
    response = bundled_server.post("/api/ask", {
        "question": "Je touche le revenu d'intégration du CPAS, j'ai droit à quoi d'autre ?"})
    answer = response.json()
    assert answer["status"] == "answer", answer
    assert "Vous avez peut-être aussi droit à :" in answer["answer"]
    cited = {citation["doc_id"] for citation in answer["citations"]}
    assert {"statut-bim", "tarif-social-energie"} <= cited
