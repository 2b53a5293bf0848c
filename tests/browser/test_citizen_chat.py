"""The citizen chat and the embeddable widget, driven in real Chromium against a real server.

What a stressed citizen on an old phone relies on: an answer with its official sources, a human
channel after every answer (first when Guichet hands off, 112 first when a life is in danger),
everything reachable by keyboard, readable at 320 px, and no serious accessibility violation.
"""

from __future__ import annotations

import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Frame, FrameLocator, Locator, Page, expect

from tests.ui.test_api import running_server

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
STATIC_FILES = [ROOT / "ui/static/index.html", ROOT / "ui/static/chat.css",
                *sorted((ROOT / "ui/static/chat").glob("*.js")),
                ROOT / "ui/widget/guichet-widget.js"]
WIDGET_HOST = Path(__file__).with_name("widget_host.html")
SIZE_BUDGET = 100_000  # bytes, for all these files together: the chat must load on a slow line
ANSWER_TIMEOUT = 60_000  # ms
BLOCKING_IMPACTS = ("serious", "critical")
IMPACTS = ("minor", "moderate", "serious", "critical")


# ---- helpers ----

def ask(page: Page, question: str, scope: Page | FrameLocator | None = None) -> Locator:
    """Types a question, sends it, and returns the finished answer (the log no longer busy)."""
    scope = scope or page
    answers = scope.locator("#log .msg.bot")
    before = answers.count()
    scope.get_by_label(re.compile("Votre question|Uw vraag|Your question")).fill(question)
    scope.locator("#send").click()
    return wait_for_answer(scope, before)


def wait_for_answer(scope: Page | FrameLocator, before: int) -> Locator:
    answers = scope.locator("#log .msg.bot")
    expect(answers).to_have_count(before + 1, timeout=ANSWER_TIMEOUT)
    expect(scope.locator("#log")).to_have_attribute("aria-busy", "false")
    return answers.nth(before)


def is_focused(locator: Locator) -> bool:
    """True when the element has focus in its own document or shadow root."""
    return locator.evaluate("e => e.getRootNode().activeElement === e")


def tab_until(page: Page, target: Locator, limit: int = 40, key: str = "Tab") -> int:
    """Presses Tab until `target` has focus; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press(key)
        if is_focused(target):
            return presses
    raise AssertionError(f"{target} never got focus after {limit} presses of {key}")


def before_in_document(first: Locator, second: Locator) -> bool:
    return first.evaluate(
        "(a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING)",
        second.element_handle())


def outline_px(locator: Locator) -> float:
    return float(locator.evaluate("e => getComputedStyle(e).outlineWidth").removesuffix("px"))


def no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# ---- fixtures ----

@pytest.fixture(scope="module")
def commune_site(live_server, commune_port) -> Iterator[str]:
    """A commune's web page, on another origin than Guichet, with the widget's one script tag.

    Served from a second loopback server rather than a routed fake domain: Chromium refuses a
    public origin's requests to a loopback address, which the real server is in these tests."""
    html = WIDGET_HOST.read_text(encoding="utf-8").replace("{{GUICHET_ORIGIN}}", live_server)
    body = html.encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:  # keep pytest's output clean
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", commune_port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def chat(page: Page, live_server) -> Page:
    page.goto(live_server + "/")
    expect(page.locator("#examples button").first).to_be_visible()
    return page


def open_widget(page: Page, commune_site: str) -> tuple[Locator, Locator, FrameLocator]:
    """Opens the commune page and the widget with the keyboard; returns launcher, dialog, frame."""
    page.goto(commune_site)
    launcher = page.get_by_role("button", name="Poser une question")
    tab_until(page, launcher)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Guichet – assistant automatique")
    expect(dialog).to_be_visible()
    frame = chat_frame(page)
    expect(frame.locator("#question")).to_be_focused()
    return launcher, dialog, frame


def chat_frame(page: Page) -> FrameLocator:
    return page.frame_locator("iframe[title^='Guichet']")


def widget_frame(page: Page) -> Frame:
    return next(f for f in page.frames if "embed=1" in f.url)


# ---- the chat ----

def test_answer_with_sources_and_human_channels(chat: Page, artifacts: Path):
    answer = ask(chat, "j'ai perdu ma carte d'identité")

    expect(answer.locator(".text")).not_to_be_empty()
    source_links = answer.locator(".sources .card a")
    expect(source_links.first).to_be_visible()
    assert source_links.first.get_attribute("href").startswith("https://")
    expect(answer.locator(".sources .card").first).to_contain_text("Partie :")
    humans = answer.locator(".channels")
    expect(humans).to_be_visible()
    expect(humans.locator(".channel").first).to_be_visible()
    expect(chat.locator("#humans .channel").first).to_be_visible()  # the page's fixed region
    expect(chat.locator("#log")).to_have_attribute("aria-busy", "false")
    expect(chat.locator("#preview")).to_have_attribute("aria-hidden", "true")
    chat.screenshot(path=str(artifacts / "citizen-chat.png"), full_page=True)


def test_answer_is_announced_once_not_streamed_into_the_log(chat: Page):
    """The "thinking" line goes to the aria-hidden preview; the log gets the whole answer at once,
    while it is aria-busy, so a screen reader reads it when complete and never word by word."""
    chat.evaluate("""() => {
        window.changes = [];
        const log = document.getElementById('log'), preview = document.getElementById('preview');
        new MutationObserver(records => records.forEach(r => {
            // Records arrive in batches: the new value is the opposite of the old one.
            if (r.type === 'attributes') {
                window.changes.push('busy=' + (r.oldValue === 'true' ? 'false' : 'true'));
            } else if (r.addedNodes.length) {
                window.changes.push('log+' + r.addedNodes[0].nodeName);
            }
        })).observe(log, {attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true,
                          childList: true});
        new MutationObserver(records => records.forEach(r => {
            if (r.addedNodes.length) window.changes.push('preview+' + r.addedNodes[0].nodeName);
        })).observe(preview, {childList: true, subtree: true});
    }""")
    ask(chat, "j'ai perdu ma carte d'identité")

    changes = chat.evaluate("window.changes")
    busy, done = changes.index("busy=true"), len(changes) - 1 - changes[::-1].index("busy=false")
    assert changes[:busy] == ["log+DIV"], changes  # the citizen's own question
    during = changes[busy + 1:done]
    assert during.count("log+DIV") == 1 and during[-1] == "log+DIV", changes
    assert [c for c in during if c.startswith("preview+")] == ["preview+P", "preview+P"], changes


def test_out_of_scope_question_hands_off_first(chat: Page):
    answer = ask(chat, "quel temps fera-t-il demain ?")

    expect(answer).to_have_class(re.compile("status-handoff"))
    card = answer.locator(".channels.first.handoff")
    expect(card).to_be_visible()
    expect(card.locator(".channel").first).to_be_visible()
    assert before_in_document(card, answer.locator(".text"))


def test_urgent_question_shows_112_first(chat: Page):
    answer = ask(chat, "je veux en finir avec la vie")

    expect(answer).to_have_class(re.compile("status-urgent"))
    card = answer.locator(".channels.urgent")
    expect(card).to_be_visible()
    first_channel = card.locator(".channel").first
    expect(first_channel).to_contain_text("112")
    call = first_channel.locator("a[href='tel:112']")
    expect(call).to_be_visible()
    assert before_in_document(card, answer.locator(".text"))
    assert card.evaluate("e => parseFloat(getComputedStyle(e).borderTopWidth)") >= 4
    expect(card.locator("a[href^='tel:']").nth(1)).to_be_visible()  # the help line too


def test_clarify_options_are_buttons_and_follow_up_keeps_the_conversation(chat: Page):
    with chat.expect_response("**/api/ask") as first_response:
        answer = ask(chat, "bonjour")  # a greeting is answered with example questions to pick
    final = first_response.value.json()

    expect(answer).to_have_class(re.compile("status-clarify"))
    options = answer.locator(".options button")
    expect(options).to_have_count(len(final["options"]))
    with chat.expect_request("**/api/ask") as request_info:
        options.first.click()
    body = json.loads(request_info.value.post_data)
    assert body["question"] == final["options"][0]
    assert body["conversation_id"] == final["conversation_id"]
    wait_for_answer(chat, 1)


def test_keyboard_only_question_sources_and_feedback(chat: Page):
    question = chat.locator("#question")
    tab_until(chat, question)
    assert outline_px(question) >= 2, "focus must be clearly visible"
    chat.keyboard.type("bonjour")
    chat.keyboard.press("Shift+Enter")  # a new line, not sending
    expect(question).to_have_value("bonjour\n")
    expect(chat.locator("#log .msg")).to_have_count(0)
    chat.keyboard.press("Control+A")
    chat.keyboard.type("j'ai perdu ma carte d'identité")
    chat.keyboard.press("Enter")
    answer = wait_for_answer(chat, 0)

    first_source = answer.locator(".sources .card a").first
    presses = tab_until(chat, first_source)
    assert outline_px(first_source) >= 2
    thumbs_up = answer.get_by_role("button", name="Oui")
    presses += tab_until(chat, thumbs_up)
    assert presses < 40
    chat.keyboard.press("Enter")
    expect(thumbs_up).to_have_attribute("aria-pressed", "true")

    no_need = answer.get_by_label("Pas besoin d'appeler ou de me déplacer")
    tab_until(chat, no_need, limit=6)
    chat.keyboard.press("Space")
    expect(no_need).to_be_checked()
    comment = answer.get_by_label(re.compile("Un commentaire"))
    tab_until(chat, comment, limit=6)
    chat.keyboard.type("Clair, merci.")
    send = answer.get_by_role("button", name="Envoyer mon avis")
    tab_until(chat, send, limit=3)
    with chat.expect_response("**/api/feedback") as response_info:
        chat.keyboard.press("Enter")
    response = response_info.value
    assert response.status == 201
    sent = json.loads(response.request.post_data)
    assert sent["rating"] == "up"
    assert sent["reasons"] == ["no_need_to_call_or_visit"]
    assert sent["comment"] == "Clair, merci."
    assert sent["conversation_id"]
    thanks = answer.locator(".thanks")
    expect(thanks).to_contain_text("Merci")
    expect(thanks).to_be_focused()


def test_language_switch_to_dutch(chat: Page):
    expect(chat.locator("html")).to_have_attribute("lang", "fr")
    expect(chat.get_by_label("Votre question")).to_be_visible()

    chat.get_by_role("button", name=re.compile("Nederlands")).click()

    expect(chat.locator("html")).to_have_attribute("lang", "nl")
    expect(chat.get_by_label("Uw vraag")).to_be_visible()
    expect(chat.locator("#send")).to_have_text("Versturen")
    expect(chat.locator("#humans-title")).to_have_text("Met een persoon spreken")
    first_example = chat.locator("#examples button").first
    expect(first_example).to_have_text("Ik ben mijn identiteitskaart verloren")
    expect(chat.get_by_role("button", name=re.compile("Nederlands"))).to_have_attribute(
        "aria-pressed", "true")
    assert "automatische assistent" in chat.title()
    with chat.expect_request("**/api/ask") as request_info:
        first_example.click()
    assert json.loads(request_info.value.post_data)["language"] == "nl"
    answer = wait_for_answer(chat, 0)
    expect(answer.get_by_role("button", name="Ja")).to_be_visible()


def test_language_defaults_to_the_browser_language(chromium, live_server):
    context = chromium.new_context(locale="nl-BE")
    try:
        page = context.new_page()
        page.goto(live_server + "/")
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        expect(page.get_by_label("Uw vraag")).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize(("failure", "message"), [
    ("503", "Réessayez dans une minute"),
    ("422", "Modifiez-la et réessayez"),
    ("network", "Vérifiez votre connexion internet et réessayez"),
])
def test_errors_are_readable_and_offer_a_person(chat: Page, failure: str, message: str):
    def fail(route):
        if failure == "network":
            route.abort("internetdisconnected")
        elif failure == "503":
            route.fulfill(status=503, content_type="application/json",
                          body=json.dumps({"detail": "Guichet is starting; retry shortly."}))
        else:
            route.fulfill(status=422, content_type="application/json", body=json.dumps(
                {"detail": [{"loc": ["body", "question"], "msg": "too long"}]}))

    chat.route("**/api/ask", fail)
    answer = ask(chat, "j'ai perdu ma carte d'identité")

    expect(answer.locator(".error-text")).to_contain_text(message)
    expect(answer.locator(".channels")).to_be_visible()
    expect(answer).to_contain_text("112")
    if failure != "422":
        chat.unroute("**/api/ask")
        answer.get_by_role("button", name="Réessayer").click()
        expect(chat.locator("#log .msg.bot .sources .card").first).to_be_visible(
            timeout=ANSWER_TIMEOUT)


def test_the_question_limit_of_the_settings_is_the_pages_limit(chromium, bundled_settings,
                                                              tmp_path):
    """One rule in one place: GUICHET_MAX_QUESTION_CHARS sets the page's limit and its message."""
    with running_server(bundled_settings.corpus_dir, bundled_settings.data_dir,
                        tmp_path / "server.log", max_question_chars="200") as server:
        context = chromium.new_context(locale="fr-BE")
        try:
            page = context.new_page()
            page.goto(server.base_url + "/")
            question = page.get_by_label("Votre question")
            expect(question).to_have_attribute("maxlength", "200")
            question.fill("a" * 250)
            expect(question).to_have_value("a" * 200)
            config = page.evaluate("fetch('/api/config').then(r => r.json())")
            assert config["limits"]["max_question_chars"] == 200
            assert "200 caractères" in config["strings"]["fr"]["errInput"]
        finally:
            context.close()


def test_expired_conversation_starts_a_new_one(chat: Page):
    ask(chat, "j'ai perdu ma carte d'identité")
    sent: list[dict] = []

    def forget_conversations(route):  # as the server does after 30 minutes of silence
        body = json.loads(route.request.post_data)
        sent.append(body)
        if "conversation_id" in body:
            route.fulfill(status=422, content_type="application/json", body=json.dumps({"detail": [
                {"loc": ["body", "conversation_id"], "msg": "unknown or expired"}]}))
        else:
            route.continue_()

    chat.route("**/api/ask", forget_conversations)
    answer = ask(chat, "et pour un passeport ?")

    expect(answer.locator(".text")).not_to_be_empty()
    expect(answer.locator(".error-text")).to_have_count(0)
    assert [("conversation_id" in body) for body in sent] == [True, False]


def test_narrow_screen_has_no_horizontal_scroll(chat: Page):
    chat.set_viewport_size({"width": 320, "height": 640})
    assert chat.evaluate("document.documentElement.scrollWidth") <= 320
    send = chat.locator("#send")
    send.scroll_into_view_if_needed()
    expect(send).to_be_visible()
    expect(send).to_be_in_viewport()

    ask(chat, "j'ai perdu ma carte d'identité")
    ask(chat, "je veux en finir avec la vie")
    assert chat.evaluate("document.documentElement.scrollWidth") <= 320
    send.scroll_into_view_if_needed()
    expect(send).to_be_in_viewport()


def test_text_zoomed_to_200_percent_still_reflows(chat: Page):
    chat.set_viewport_size({"width": 640, "height": 800})
    ask(chat, "j'ai perdu ma carte d'identité")
    chat.evaluate("document.documentElement.style.fontSize = '225%'")  # 2 x the 112.5% base
    assert no_horizontal_scroll(chat)
    expect(chat.locator("#send")).to_be_visible()


# ---- the widget ----

def test_widget_keyboard_only(page: Page, commune_site: str, artifacts: Path):
    launcher, dialog, frame = open_widget(page, commune_site)

    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(dialog).to_have_attribute("aria-modal", "true")
    iframe = dialog.locator("iframe")
    assert iframe.get_attribute("title")
    assert iframe.evaluate("e => getComputedStyle(e).borderTopStyle") == "none", \
        "the host page's styles must not reach the widget"
    expect(frame.locator(".top h1")).not_to_be_in_viewport()  # embed=1 hides the page header

    # The focus stays in the dialog whichever way one tabs.
    in_widget = ("document.activeElement"
                 " && document.activeElement.hasAttribute('data-guichet-widget')")
    for key in ["Tab"] * 25 + ["Shift+Tab"] * 25:
        page.keyboard.press(key)
        assert page.evaluate(in_widget), f"focus left the dialog after {key}"

    tab_until(page, frame.locator("#question"))
    page.keyboard.type("j'ai perdu ma carte d'identité")
    page.keyboard.press("Enter")
    answer = wait_for_answer(frame, 0)
    expect(answer.locator(".sources .card a").first).to_be_visible()
    page.screenshot(path=str(artifacts / "widget.png"))

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert is_focused(launcher), "closing must give the focus back to the launcher"
    expect(launcher).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Enter")  # reopening keeps the conversation
    expect(dialog).to_be_visible()
    expect(frame.locator("#log .msg.bot")).to_have_count(1)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert is_focused(launcher)


def test_widget_adds_one_global(page: Page, commune_site: str):
    page.goto(commune_site)
    expect(page.get_by_role("button", name="Poser une question")).to_be_visible()
    added = page.evaluate("""() => {
        const frame = document.createElement('iframe');
        document.body.appendChild(frame);
        const clean = new Set(Object.keys(frame.contentWindow));
        frame.remove();
        return Object.keys(window).filter(k => !clean.has(k));
    }""")
    assert added == ["GuichetWidget"]


# ---- accessibility audit ----

def audit(target: Page | Frame, name: str, report: dict, *, iframes: bool = True) -> list[str]:
    options = {"resultTypes": ["violations"], "iframes": iframes}
    violations = Axe().run(target, options=options).response["violations"]
    counts = {impact: sum(1 for v in violations if v.get("impact") == impact) for impact in IMPACTS}
    report[name] = {"counts": counts,
                    "violations": [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]),
                                    "help": v["help"]} for v in violations]}
    return [f"{name}: {v['id']} ({v['impact']}): {v['help']} at {v['nodes'][0]['target']}"
            for v in violations if v.get("impact") in BLOCKING_IMPACTS]


@pytest.mark.parametrize("width", [1024, 320])
def test_accessibility_audit(chromium, live_server, commune_site, artifacts: Path, width: int):
    context = chromium.new_context(locale="fr-BE", viewport={"width": width, "height": 800})
    report: dict = {}
    problems: list[str] = []
    try:
        page = context.new_page()
        page.goto(live_server + "/")
        expect(page.locator("#humans .channel").first).to_be_visible()
        problems += audit(page, "chat, empty", report)
        ask(page, "j'ai perdu ma carte d'identité")
        ask(page, "je veux en finir avec la vie")
        page.locator("#log .thumb").first.click()  # the feedback form, with its checkboxes
        expect(page.locator("#log .fb-form").first).to_be_visible()
        problems += audit(page, "chat, after answers", report)

        open_widget(page, commune_site)
        problems += audit(page, "commune page, widget open", report, iframes=False)
        frame = widget_frame(page)
        ask(page, "quel temps fera-t-il demain ?", scope=chat_frame(page))
        problems += audit(frame, "widget chat, after an answer", report)
    finally:
        context.close()
    path = artifacts / "axe-report.json"
    saved = json.loads(path.read_text()) if path.exists() else {}
    saved[f"{width}px"] = report
    path.write_text(json.dumps(saved, indent=2, ensure_ascii=False) + "\n")
    assert not problems, "\n".join(problems)


# ---- weight ----

def test_static_files_stay_small():
    sizes = {path.name: path.stat().st_size for path in STATIC_FILES}
    assert sum(sizes.values()) < SIZE_BUDGET, sizes
