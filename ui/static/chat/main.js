/* Guichet's citizen chat: plain DOM and ES modules, no framework, no build step.
 *
 * A question goes to POST /api/ask. While it is answered the log is aria-busy and a "thinking"
 * line shows in an aria-hidden preview; the finished answer is added to the log once, so a screen
 * reader announces it whole. The page's own sentences come from the server's message catalogue. */

import { loadChannels, rememberChannels, renderHumans } from "./channels.js";
import { botMessage, errorMessage, userMessage } from "./messages.js";
import { $, el, state, t } from "./page.js";

let conversationId = null;
let busy = false;
let log, preview, form, textarea;

class HttpError extends Error {
  constructor(status) {
    super("http " + status);
    this.status = status;
  }
}

function setLanguage(code) {
  state.lang = code;
  document.documentElement.lang = code;
  document.title = t("pageTitle");
  document.querySelectorAll("[data-i18n]").forEach((node) => {
    node.textContent = t(node.getAttribute("data-i18n"));
  });
  document.querySelectorAll("[data-i18n-html]").forEach((node) => {  // our own strings only
    node.innerHTML = t(node.getAttribute("data-i18n-html"));
  });
  document.querySelectorAll("[data-lang]").forEach((button) => {
    button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === code));
  });
  renderExamples();
  renderHumans();
  loadChannels(code);
}

function renderExamples() {
  const list = document.querySelector("#examples ul");
  list.textContent = "";
  t("examples").forEach((question) => {
    list.appendChild(el("li", null, el("button", {type: "button", class: "example",
      onclick: () => ask(question)}, question)));
  });
}

function addMessage(node) {
  log.appendChild(node);
  $("restart").hidden = false;
  $("examples").hidden = true;  // the conversation takes their place, useful on a small screen
}

function setBusy(on) {
  busy = on;
  log.setAttribute("aria-busy", String(on));
  form.setAttribute("aria-busy", String(on));
  preview.textContent = "";
  preview.hidden = !on;
  if (on) {
    preview.appendChild(el("p", {class: "who", text: t("bot")}));
    preview.appendChild(el("p", {class: "thinking", text: t("thinking")}));
  }
}

/* A conversation the server has forgotten (30 minutes of silence) is started again once. */
async function post(body) {
  const send = () => fetch("/api/ask", {method: "POST", body: JSON.stringify(body),
                                        headers: {"Content-Type": "application/json"}});
  let response = await send();
  if (response.status === 422 && body.conversation_id) {
    const problem = await response.clone().json().catch(() => null);
    if (problem && /conversation_id/.test(JSON.stringify(problem.detail))) {
      conversationId = null;
      delete body.conversation_id;
      response = await send();
    }
  }
  if (!response.ok) throw new HttpError(response.status);
  return response.json();
}

function errorKey(error) {
  if (error.status === 422) return "errInput";
  if (error.status === 503 || error.status === 429 || error.status >= 500) return "errBusy";
  return "errNetwork";
}

async function ask(text) {
  const question = (text || "").trim();
  if (busy) return;
  if (!question) {
    showInputError(t("errEmpty"));
    return;
  }
  showInputError("");
  addMessage(userMessage(question));
  setBusy(true);
  const typed = textarea.value.trim() === question;
  if (typed) textarea.value = "";
  const body = {question, language: state.lang};
  if (conversationId) body.conversation_id = conversationId;
  try {
    const answer = await post(body);
    conversationId = answer.conversation_id || conversationId;
    if (answer.handoff && answer.status !== "urgent") {
      rememberChannels(answer.language, answer.handoff.channels);
    }
    finish(botMessage(answer, ask));
  } catch (error) {
    const key = errorKey(error);
    if (key === "errInput" && typed) textarea.value = question;
    finish(errorMessage(key, key === "errInput" ? null : () => ask(question)));
  }
}

function finish(message) {
  const typing = document.activeElement === textarea && textarea.value.trim();
  addMessage(message);
  setBusy(false);
  if (!typing) message.querySelector(".who").focus();
}

function showInputError(text) {
  let box = $("ask-error");
  if (!text) {
    if (box) box.remove();
    textarea.removeAttribute("aria-invalid");
    textarea.setAttribute("aria-describedby", "hint");
    return;
  }
  if (!box) {
    box = el("p", {id: "ask-error", class: "input-error", role: "alert"});
    textarea.parentNode.insertBefore(box, textarea);
  }
  box.textContent = text;
  textarea.setAttribute("aria-invalid", "true");
  textarea.setAttribute("aria-describedby", "ask-error hint");
  textarea.focus();
}

function restart() {
  conversationId = null;
  log.querySelectorAll(".msg").forEach((message) => message.remove());
  $("restart").hidden = true;
  $("examples").hidden = false;
  textarea.value = "";
  textarea.focus();
}

/* In the widget's iframe: the host page asks for focus, and Escape closes the dialog. */
function embedded() {
  document.documentElement.classList.add("embed");
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data || event.data.type !== "guichet:focus") return;
    if (event.data.where === "last") {
      const all = [...document.querySelectorAll("a[href], button:not([disabled]), textarea, input")];
      const last = all.reverse().find((node) => node.offsetParent !== null);
      if (last) { last.focus(); return; }
    }
    textarea.focus();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" || event.key === "Esc") {
      window.parent.postMessage({type: "guichet:close"}, "*");
    }
  });
}

function start() {
  log = $("log");
  preview = $("preview");
  form = $("ask");
  textarea = $("question");
  if (state.embed) embedded();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    ask(textarea.value);
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(textarea.value);
    }
  });
  $("restart").addEventListener("click", restart);
  document.querySelectorAll("[data-lang]").forEach((button) => {
    button.addEventListener("click", () => setLanguage(button.getAttribute("data-lang")));
  });
  setLanguage(state.lang);
}

start();  // a module runs once the document is parsed
