"""The staff workbench at /staff, driven by Chromium against a real server over the corpus."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

# A search or an answer is quick, but the CI machine may be busy embedding for other tests.
TIMEOUT_MS = 60_000


@pytest.fixture
def workbench(page: Page, live_server: str) -> Page:
    page.goto(live_server + "/staff/")
    expect(page.get_by_text(re.compile(r"Index \S+ · \d+ documents"))).to_be_visible(
        timeout=TIMEOUT_MS)
    return page


def open_tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name=name).click()


def search(page: Page, words: str, expected_doc_id: str):
    """Searches, waits for a row of the expected document, and returns the results table."""
    box = page.get_by_label("Recherche (search words)")
    box.fill(words)
    box.press("Enter")
    results = page.locator("#staff-results")
    expect(cell(results, expected_doc_id)).to_be_visible(timeout=TIMEOUT_MS)
    return results


def cell(table, text: str):
    # Gradio's table keeps hidden copies of its cells; the grid cells are the visible ones.
    return table.get_by_role("gridcell", name=text, exact=True).first


def test_search_lists_the_passages_with_their_scores(workbench: Page):
    results = search(workbench, "carte d'identité perdue", "carte-identite-perte-vol")
    expect(results.get_by_role("columnheader", name="rang BM25")).to_be_visible()
    first_row = results.get_by_role("row").nth(1)
    expect(first_row).to_contain_text(re.compile(r"^\s*1\s"))


def test_a_result_row_opens_its_procedure(workbench: Page):
    cell(search(workbench, "renouveler mon passeport", "passeport"), "passeport").click()
    expect(workbench.get_by_role("tab", name="Procédure (Document)")).to_have_attribute(
        "aria-selected", "true")
    expect(workbench.locator("#staff-document")).to_contain_text(
        re.compile(r"Identifiant \(id\) : passeport \((fr|nl|en)\)"))


def test_document_tab_shows_source_and_review_date(workbench: Page, live_server: str):
    expected = httpx.get(live_server + "/api/procedures/passeport").json()
    reviewed = date.fromisoformat(expected["reviewed"])
    open_tab(workbench, "Procédure (Document)")
    picker = workbench.get_by_label("Procédure (doc_id)")
    picker.fill("passeport")
    workbench.get_by_role("option", name=re.compile(r"^passeport — ")).click()
    document = workbench.locator("#staff-document")
    source = document.get_by_role("listitem").filter(has_text="Source :").get_by_role("link")
    expect(source).to_have_attribute("href", expected["source_url"])
    expect(document).to_contain_text(f"Vérifié le {reviewed:%d/%m/%Y}")
    expect(document).to_contain_text("Contacts")


def test_answer_tab_gives_sources_citizen_copy_and_debug(workbench: Page, artifacts):
    open_tab(workbench, "Réponse (Answer)")
    workbench.get_by_label("Question du citoyen (citizen's question)").fill(
        "Combien coûte un passeport ?")
    workbench.get_by_role("button", name="Répondre (Answer)").click()
    expect(workbench.locator("#staff-answer-status")).to_contain_text("answer",
                                                                    timeout=TIMEOUT_MS)
    staff = workbench.locator("#staff-answer")
    expect(staff).to_contain_text("Sources")
    expect(staff).to_contain_text(re.compile(r"\[1\] .+ — https://"))
    copy = workbench.locator("#staff-citizen-copy textarea")
    expect(copy).to_have_value(re.compile(r"Sources :\n\[1\] https://\S+"))
    assert "**" not in copy.input_value()
    expect(workbench.locator("#staff-citizen-copy").get_by_role(
        "button", name=re.compile("cop", re.IGNORECASE))).to_be_visible()

    workbench.get_by_role("button", name="Debug (évaluateurs / evaluators)").click()
    debug = workbench.locator("#staff-debug")
    for signal in ("similarity", "votes", "margin", "coverage", "probability"):
        expect(debug).to_contain_text(signal)
    expect(debug).to_contain_text("extractive")
    expect(cell(workbench.locator("#staff-debug-passages"), "passeport")).to_be_visible()
    workbench.screenshot(path=str(artifacts / "staff-workbench.png"), full_page=True)


def test_workbench_has_no_serious_accessibility_violation(workbench: Page, artifacts):
    from axe_playwright_python.sync_playwright import Axe

    search(workbench, "carte d'identité perdue", "carte-identite-perte-vol")
    result = Axe().run(workbench).response
    violations = result["violations"]
    counts = Counter(violation["impact"] or "unknown" for violation in violations)
    report = {"page": "/staff/ (search tab, with results)", "violations": len(violations),
              "by_impact": dict(sorted(counts.items())),
              "rules": {violation["id"]: [node["target"] for node in violation["nodes"]]
                        for violation in violations},
              "passes": len(result["passes"])}
    (artifacts / "axe-staff.json").write_text(json.dumps(report, indent=2) + "\n")
    assert result["passes"], "axe-core checked no rule: the audit did not run"
    assert not counts["serious"] + counts["critical"], report["rules"]
