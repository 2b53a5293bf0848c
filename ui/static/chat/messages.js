/* The conversation's messages: the citizen's question, Guichet's answer with its source cards
 * and human channels, and the error message that still offers a person. */

import { channelList, knownChannels } from "./channels.js";
import { feedback } from "./feedback.js";
import { el, state, t, ui } from "./page.js";

let counter = 0;

export function userMessage(question) {
  return el("div", {class: "msg user"}, ui("p", "you", {class: "who"}),
            el("p", {class: "text", text: question}));
}

function citedLine(line, citations, id) {
  const node = document.createDocumentFragment();
  line.split(/(\[\d+\])/).forEach((part) => {
    const number = /^\[(\d+)\]$/.exec(part);
    if (number && citations && +number[1] >= 1 && +number[1] <= citations.length) {
      node.appendChild(el("a", {class: "cite", href: "#src-" + id + "-" + number[1]},
        el("span", {class: "vh"}, t("source") + " "), part));
    } else if (part) {
      node.appendChild(document.createTextNode(part));
    }
  });
  return node;
}

/* Answer text: "- " lines become a list, [n] becomes a link to source card n. */
function answerText(text, citations, id, language, options) {
  const box = el("div", {class: "text", lang: language});
  let list = null;
  text.split("\n").forEach((raw) => {
    const bullet = /^\s*[-•]\s+/.test(raw);
    const line = raw.replace(/^\s*[-•]\s+/, "").trim();
    if (bullet && options && options.includes(line)) return;  // shown as buttons instead
    if (!line) { list = null; return; }
    const node = el(bullet ? "li" : "p", null, citedLine(line, citations, id));
    if (bullet) {
      if (!list) { list = el("ul"); box.appendChild(list); }
      list.appendChild(node);
    } else {
      list = null;
      box.appendChild(node);
    }
  });
  return box;
}

function sourceCards(citations, id) {
  const list = el("ol", {class: "sources"});
  citations.forEach((citation, i) => {
    let host = "";
    try { host = new URL(citation.url).hostname.replace(/^www\./, ""); } catch { /* shown without */ }
    const updated = citation.updated ? " · " + t("updated") + " " + citation.updated : "";
    list.appendChild(el("li", {class: "card", id: "src-" + id + "-" + (i + 1), lang: citation.language},
      el("span", {class: "num", "aria-hidden": "true"}, String(i + 1)),
      el("a", {href: citation.url, target: "_blank", rel: "noopener"}, citation.title,
         el("span", {class: "vh"}, " " + t("newTab"))),
      citation.section ? el("span", {class: "section"}, ui("span", "section"), " " + citation.section)
                       : null,
      host ? el("span", {class: "host"}, host + " ↗") : null,
      citation.attribution ? el("span", {class: "section"}, citation.attribution + updated) : null));
  });
  return el("div", {class: "sources-box"}, ui("h4", "sources"), list);
}

function handoffCard(answer) {
  const urgent = answer.status === "urgent";
  const handoff = answer.handoff || {reason: "", channels: []};
  const channels = handoff.channels.length || urgent ? handoff.channels : knownChannels();
  return el("div", {class: "channels first " + (urgent ? "urgent" : "handoff")},
    ui("h4", urgent ? "urgentTitle" : "handoffTitle"),
    // The reason is sometimes a sentence for the citizen, sometimes a code ("out_of_scope").
    !urgent && / /.test(handoff.reason) ? el("p", {lang: answer.language, text: handoff.reason}) : null,
    channelList(channels));
}

function humansAfter(answer) {
  const channels = answer.handoff && answer.handoff.channels.length ? answer.handoff.channels
    : knownChannels();
  return el("div", {class: "channels after"}, ui("h4", "alsoHumans"),
    channels.length ? channelList(channels) : ui("p", "humansUnknown"));
}

function clarifyOptions(options, ask) {
  const list = el("ul", {class: "options"});
  options.forEach((option) => {
    list.appendChild(el("li", null, el("button", {type: "button", class: "option",
      onclick: () => ask(option)}, option)));
  });
  return el("div", {class: "clarify"}, ui("p", "clarify"), list);
}

/* `ask(question)` sends a follow-up: a clarify option picked. */
export function botMessage(answer, ask) {
  const id = "m" + (++counter);
  const first = answer.status === "urgent" || answer.status === "handoff";
  const message = el("div", {class: "msg bot status-" + answer.status, id},
    ui("h3", "bot", {class: "who", tabindex: "-1"}));
  if (first) message.appendChild(handoffCard(answer));
  if (answer.answer) {
    message.appendChild(answerText(answer.answer, answer.citations, id, answer.language,
                                   answer.options));
  }
  if (answer.status === "clarify" && answer.options && answer.options.length) {
    message.appendChild(clarifyOptions(answer.options, ask));
  }
  if (answer.citations && answer.citations.length) message.appendChild(sourceCards(answer.citations, id));
  if (!first) message.appendChild(humansAfter(answer));
  if (answer.conversation_id) message.appendChild(feedback(answer.conversation_id, id));
  return message;
}

/* `retry` is null when asking again would fail the same way (the question itself was refused). */
export function errorMessage(key, retry) {
  const channels = knownChannels();
  return el("div", {class: "msg bot error"}, ui("h3", "bot", {class: "who", tabindex: "-1"}),
    ui("p", key, {class: "error-text"}),
    retry ? ui("button", "retry", {type: "button", class: "primary", onclick: retry}) : null,
    el("div", {class: "channels after"}, ui("h4", "errHumans"),
      channels.length ? channelList(channels) : ui("p", "humansUnknown"),
      el("p", {class: "sos", lang: state.lang}, t("sos").replace(/<[^>]+>/g, ""))));
}
