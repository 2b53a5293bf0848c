/* Guichet's citizen chat: plain DOM, no framework, no build step.
 *
 * The answer streams as server-sent events (read with fetch, since EventSource cannot POST).
 * Streamed lines go to an aria-hidden preview while the log is aria-busy; the finished answer is
 * added to the log once, so a screen reader announces it whole instead of word by word.
 * Server text is always set with textContent, never parsed as HTML; the page's own sentences
 * come from the server's message catalogue. */
(function () {
  "use strict";

  /* The server inlines GET /api/config into the page: languages, limits, channel order,
   * feedback reasons and every sentence (assistant/messages/*.yaml, key "page"). */
  var CONFIG = JSON.parse(document.getElementById("guichet-config").textContent);
  var T = CONFIG.strings;
  var REASONS = CONFIG.feedback_reasons;
  var KIND_ORDER = CONFIG.channel_kinds;
  var params = new URLSearchParams(location.search);
  var embed = params.get("embed") === "1";
  var lang = pickLanguage();
  var conversationId = null, busy = false, counter = 0;
  var channelsByLang = {}, generalLoaded = {};  // human channels known, per language
  var $ = function (id) { return document.getElementById(id); };
  var log, preview, form, textarea;

  function pickLanguage() {
    var wanted = [params.get("lang")].concat(navigator.languages || [navigator.language]);
    for (var i = 0; i < wanted.length; i++) {
      var code = (wanted[i] || "").slice(0, 2).toLowerCase();
      if (T[code]) return code;
    }
    return "fr";
  }

  function t(key) { return T[lang][key]; }

  /* el("p", {class: "x"}, "text", child...) builds an element; strings become text nodes. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) {
      if (attrs[name] === null || attrs[name] === undefined || attrs[name] === false) continue;
      if (name === "text") node.textContent = attrs[name];
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), attrs[name]);
      else node.setAttribute(name, attrs[name] === true ? "" : attrs[name]);
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  /* An interface string that follows the language switch. */
  function ui(tag, key, attrs) {
    var node = el(tag, attrs);
    node.setAttribute("data-i18n", key);
    node.textContent = t(key);
    return node;
  }

  function setLanguage(code) {
    lang = code;
    document.documentElement.lang = code;
    document.title = t("pageTitle");
    var nodes = document.querySelectorAll("[data-i18n]");
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute("data-i18n"));
    nodes = document.querySelectorAll("[data-i18n-html]");  // our own strings only
    for (i = 0; i < nodes.length; i++) nodes[i].innerHTML = t(nodes[i].getAttribute("data-i18n-html"));
    var buttons = document.querySelectorAll("[data-lang]");
    for (i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-lang") === code));
    }
    renderExamples();
    renderHumans();
    loadChannels(code);
  }

  function renderExamples() {
    var list = document.querySelector("#examples ul");
    list.textContent = "";
    t("examples").forEach(function (question) {
      list.appendChild(el("li", null, el("button", {type: "button", class: "example",
        onclick: function () { ask(question); }}, question)));
    });
  }

  /* ---- human channels ---- */

  function digits(value) { return value.replace(/[^\d+]/g, ""); }
  function isPhone(value) { return /^\+?[\d\s./()-]{3,}$/.test(value.trim()) && digits(value).length >= 3; }
  function isUrl(value) { return /^https?:\/\/\S+$/.test(value.trim()); }

  function sortChannels(channels, urgent) {
    var seen = {}, list = channels.filter(function (c) {  // profile and document may repeat one
      var key = c.kind + "|" + c.label;
      return seen[key] ? false : (seen[key] = true);
    });
    if (urgent && !list.some(function (c) { return digits(c.value) === "112"; })) {
      list.unshift({kind: "emergency", label: "112", value: "112", hours: "24/7"});
    }
    function rank(c) {
      var base = KIND_ORDER.indexOf(c.kind);
      return (digits(c.value) === "112" ? -1 : base < 0 ? KIND_ORDER.length : base);
    }
    return list.map(function (c, i) { return [rank(c), i, c]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (x) { return x[2]; });
  }

  function channelItem(c) {
    var value = c.value || "", action;
    if ((c.kind === "phone" || c.kind === "emergency" || c.kind === "digital_help") && isPhone(value)) {
      action = el("a", {class: "call" + (c.kind === "emergency" ? " sos" : ""), href: "tel:" + digits(value)},
                  t(c.kind === "emergency" ? "kind_emergency" : "kind_phone") + " " + value);
    } else if (isUrl(value)) {
      action = el("a", {href: value, target: "_blank", rel: "noopener"}, value,
                  el("span", {class: "vh"}, " " + t("newTab")));
    } else {
      action = el("span", null, value);
    }
    return el("li", {class: "channel kind-" + c.kind},
      el("span", {class: "kind"}, t("kind_" + c.kind) || c.kind),
      el("strong", {class: "label"}, c.label), " ", action,
      c.hours ? el("span", {class: "hours"}, t("hours") + " " + c.hours) : null);
  }

  function channelList(channels, urgent) {
    var list = el("ul", {class: "channel-list"});
    sortChannels(channels, urgent).forEach(function (c) { list.appendChild(channelItem(c)); });
    return list;
  }

  function knownChannels() { return channelsByLang[lang] || []; }

  function renderHumans() {
    var box = $("humans-list");
    box.textContent = "";
    var channels = knownChannels();
    box.appendChild(channels.length ? channelList(channels, false) : el("p", {text: t("humansUnknown")}));
  }

  /* The page's own "talk to a person" region shows the general contacts; an answer's channels
     are only a fallback for when those could not be loaded. */
  function rememberChannels(code, channels, general) {
    if (!channels || !channels.length || (generalLoaded[code] && !general)) return;
    if (general) generalLoaded[code] = true;
    channelsByLang[code] = channels.filter(function (c) { return digits(c.value) !== "112"; });
    if (code === lang) renderHumans();
  }

  /* The contacts page of the corpus gives the human channels before the first question. */
  function loadChannels(code) {
    if (generalLoaded[code]) return;
    fetch("/api/procedures/contacts-services?language=" + code)
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (doc) { if (doc) rememberChannels(code, doc.contacts, true); })
      .catch(function () { /* the page still shows how to reach a person in words */ });
  }

  /* ---- messages ---- */

  function addMessage(node) {
    log.appendChild(node);
    $("restart").hidden = false;
    $("examples").hidden = true;  // the conversation takes their place, useful on a small screen
  }

  function userMessage(question) {
    return el("div", {class: "msg user"}, ui("p", "you", {class: "who"}), el("p", {class: "text", text: question}));
  }

  /* Answer text: "- " lines become a list, [n] becomes a link to source card n. */
  function answerText(text, citations, id, language, options) {
    var box = el("div", {class: "text", lang: language}), list = null;
    text.split("\n").forEach(function (line) {
      var bullet = /^\s*[-•]\s+/.test(line);
      line = line.replace(/^\s*[-•]\s+/, "").trim();
      if (bullet && options && options.indexOf(line) >= 0) return;  // shown as buttons instead
      if (!line) { list = null; return; }
      var node = el(bullet ? "li" : "p");
      line.split(/(\[\d+\])/).forEach(function (part) {
        var n = /^\[(\d+)\]$/.exec(part);
        if (n && citations && +n[1] >= 1 && +n[1] <= citations.length) {
          node.appendChild(el("a", {class: "cite", href: "#src-" + id + "-" + n[1]},
            el("span", {class: "vh"}, t("source") + " "), part));
        } else if (part) {
          node.appendChild(document.createTextNode(part));
        }
      });
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
    var list = el("ol", {class: "sources"});
    citations.forEach(function (c, i) {
      var host = "";
      try { host = new URL(c.url).hostname.replace(/^www\./, ""); } catch (e) { /* shown without */ }
      list.appendChild(el("li", {class: "card", id: "src-" + id + "-" + (i + 1), lang: c.language},
        el("span", {class: "num", "aria-hidden": "true"}, String(i + 1)),
        el("a", {href: c.url, target: "_blank", rel: "noopener"}, c.title,
           el("span", {class: "vh"}, " " + t("newTab"))),
        c.section ? el("span", {class: "section"}, ui("span", "section"), " " + c.section) : null,
        host ? el("span", {class: "host"}, host + " ↗") : null,
        c.attribution ? el("span", {class: "section"}, c.attribution +
                           (c.updated ? " · " + t("updated") + " " + c.updated : ""))
                      : null));
    });
    return el("div", {class: "sources-box"}, ui("h4", "sources"), list);
  }

  function handoffCard(answer) {
    var urgent = answer.status === "urgent";
    var handoff = answer.handoff || {reason: "", channels: []};
    return el("div", {class: "channels first " + (urgent ? "urgent" : "handoff")},
      ui("h4", urgent ? "urgentTitle" : "handoffTitle"),
      // The reason is sometimes a sentence for the citizen, sometimes a code ("out_of_scope").
      !urgent && / /.test(handoff.reason) ? el("p", {lang: answer.language, text: handoff.reason}) : null,
      channelList(handoff.channels.length || urgent ? handoff.channels : knownChannels(), urgent));
  }

  function humansAfter(answer) {
    var channels = answer.handoff && answer.handoff.channels.length ? answer.handoff.channels : knownChannels();
    return el("div", {class: "channels after"}, ui("h4", "alsoHumans"),
      channels.length ? channelList(channels, false) : ui("p", "humansUnknown"));
  }

  function clarifyOptions(options) {
    var list = el("ul", {class: "options"});
    options.forEach(function (option) {
      list.appendChild(el("li", null, el("button", {type: "button", class: "option",
        onclick: function () { ask(option); }}, option)));
    });
    return el("div", {class: "clarify"}, ui("p", "clarify"), list);
  }

  function botMessage(answer) {
    var id = "m" + (++counter), first = answer.status === "urgent" || answer.status === "handoff";
    var msg = el("div", {class: "msg bot status-" + answer.status, id: id},
      ui("h3", "bot", {class: "who", tabindex: "-1"}));
    if (first) msg.appendChild(handoffCard(answer));
    if (answer.answer) msg.appendChild(answerText(answer.answer, answer.citations, id, answer.language,
                                                 answer.options));
    if (answer.status === "clarify" && answer.options && answer.options.length) {
      msg.appendChild(clarifyOptions(answer.options));
    }
    if (answer.citations && answer.citations.length) msg.appendChild(sourceCards(answer.citations, id));
    if (!first) msg.appendChild(humansAfter(answer));
    if (answer.conversation_id) msg.appendChild(feedback(answer.conversation_id, id));
    return msg;
  }

  function errorMessage(key, question) {
    var channels = knownChannels();
    return el("div", {class: "msg bot error"}, ui("h3", "bot", {class: "who", tabindex: "-1"}),
      ui("p", key, {class: "error-text"}),
      question ? ui("button", "retry", {type: "button", class: "primary",
        onclick: function () { ask(question); }}) : null,
      el("div", {class: "channels after"}, ui("h4", "errHumans"),
        channels.length ? channelList(channels, false) : ui("p", "humansUnknown"),
        el("p", {class: "sos", lang: lang}, t("sos").replace(/<[^>]+>/g, ""))));
  }

  /* ---- feedback ---- */

  function feedback(conversation, id) {
    var box = el("div", {class: "feedback"});
    var qid = id + "-fb";
    var group = el("div", {class: "thumbs", role: "group", "aria-labelledby": qid});
    var form = el("form", {class: "fb-form", hidden: true});
    var rating = null;
    ["up", "down"].forEach(function (value) {
      var button = el("button", {type: "button", class: "thumb", "aria-pressed": "false", "data-rating": value,
        onclick: function () {
          rating = value;
          var all = group.querySelectorAll("button");
          for (var i = 0; i < all.length; i++) all[i].setAttribute("aria-pressed", String(all[i] === button));
          fillForm(form, value, id);
          form.hidden = false;
        }},
        thumbIcon(value === "down"),
        ui("span", value === "up" ? "yes" : "no"));
      group.appendChild(button);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var reasons = [].map.call(form.querySelectorAll("input:checked"), function (i) { return i.value; });
      var comment = form.querySelector("textarea").value.trim();
      var body = {conversation_id: conversation, rating: rating, reasons: reasons};
      if (comment) body.comment = comment;
      fetch("/api/feedback", {method: "POST", headers: {"Content-Type": "application/json"},
                              body: JSON.stringify(body)})
        .then(function (r) {
          if (r.status !== 201) throw new Error("feedback " + r.status);
          var thanks = ui("p", "fbThanks", {class: "thanks", tabindex: "-1"});
          box.textContent = "";
          box.appendChild(thanks);
          thanks.focus();
        })
        .catch(function () {
          var old = form.querySelector(".fb-error");
          if (old) old.remove();
          var err = ui("p", "fbError", {class: "fb-error", role: "alert"});
          form.appendChild(err);
        });
    });
    box.appendChild(ui("p", "fbQuestion", {id: qid}));
    box.appendChild(group);
    box.appendChild(form);
    return box;
  }

  /* A thumb drawn in SVG: emoji are missing on many older phones. */
  function thumbIcon(down) {
    var ns = "http://www.w3.org/2000/svg", svg = document.createElementNS(ns, "svg");
    var path = document.createElementNS(ns, "path");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    if (down) svg.setAttribute("transform", "rotate(180)");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1.2-.7v-2z");
    svg.appendChild(path);
    return svg;
  }

  function fillForm(form, rating, id) {
    var comment = form.querySelector("textarea");
    var kept = comment ? comment.value : "";
    form.textContent = "";
    var fieldset = el("fieldset", null, ui("legend", "fbWhy"));
    REASONS[rating].forEach(function (reason) {
      var inputId = id + "-r-" + reason;
      fieldset.appendChild(el("div", {class: "check"},
        el("input", {type: "checkbox", id: inputId, name: "reasons", value: reason}),
        ui("label", "r_" + reason, {for: inputId})));
    });
    var commentId = id + "-comment";
    form.appendChild(fieldset);
    form.appendChild(ui("label", "fbComment", {for: commentId}));
    var area = el("textarea", {id: commentId, rows: "2", maxlength: String(CONFIG.limits.max_comment_chars)});
    area.value = kept;
    form.appendChild(area);
    form.appendChild(ui("button", "fbSend", {type: "submit", class: "primary"}));
  }

  /* ---- asking ---- */

  function setBusy(on) {
    busy = on;
    log.setAttribute("aria-busy", String(on));
    form.setAttribute("aria-busy", String(on));
    if (on) {
      preview.textContent = "";
      preview.appendChild(el("p", {class: "who", text: t("bot")}));
      preview.appendChild(el("p", {class: "thinking", text: t("thinking")}));
      preview.hidden = false;
    } else {
      preview.hidden = true;
      preview.textContent = "";
    }
  }

  function parseEvents(buffer, onEvent) {
    buffer = buffer.replace(/\r\n?/g, "\n");
    var end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      var block = buffer.slice(0, end), name = "message", data = [];
      buffer = buffer.slice(end + 2);
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event:") === 0) name = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
      });
      if (data.length) onEvent(name, JSON.parse(data.join("\n")));
    }
    return buffer;
  }

  function readStream(response, onEvent) {
    if (!response.body || !response.body.getReader || typeof TextDecoder === "undefined") {
      return response.text().then(function (text) { parseEvents(text + "\n\n", onEvent); });
    }
    var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "";
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) { parseEvents(buffer + decoder.decode() + "\n\n", onEvent); return; }
        buffer = parseEvents(buffer + decoder.decode(chunk.value, {stream: true}), onEvent);
        return pump();
      });
    }
    return pump();
  }

  function ask(question) {
    question = (question || "").trim();
    if (busy) return;
    if (!question) {
      showInputError(t("errEmpty"));
      return;
    }
    showInputError("");
    addMessage(userMessage(question));
    setBusy(true);
    var typed = textarea.value.trim() === question;
    if (typed) textarea.value = "";
    var body = {question: question, language: lang};
    if (conversationId) body.conversation_id = conversationId;
    var final = null, streamed = null;
    function onEvent(name, data) {
      if (name === "delta") {
        if (!streamed) {
          preview.removeChild(preview.lastChild);
          streamed = preview.appendChild(el("div", {class: "text"}));
        }
        streamed.appendChild(el("p", {text: data.text}));
      } else if (name === "answer") {
        final = data;
      }
    }
    function post() {
      return fetch("/api/ask/stream", {method: "POST", body: JSON.stringify(body),
        headers: {"Content-Type": "application/json", "Accept": "text/event-stream"}});
    }
    function read(response) {
      if (response.ok) return readStream(response, onEvent);
      var error = new Error("http " + response.status);
      error.status = response.status;
      if (response.status !== 422 || !body.conversation_id) throw error;
      // A conversation forgotten by the server (30 minutes of silence): start a new one.
      return response.json().then(function (problem) {
        if (!/conversation_id/.test(JSON.stringify(problem.detail))) throw error;
        conversationId = null;
        delete body.conversation_id;
        return post().then(read);
      }, function () { throw error; });
    }
    post().then(read)
      .then(function () {
        if (!final) throw new Error("stream ended without an answer");
        conversationId = final.conversation_id || conversationId;
        if (final.handoff && final.status !== "urgent") rememberChannels(final.language, final.handoff.channels);
        finish(botMessage(final));
      })
      .catch(function (error) {
        var key = error.status === 422 ? "errInput" : error.status === 503 || error.status === 429
          || error.status >= 500 ? "errBusy" : "errNetwork";
        if (key === "errInput" && typed) textarea.value = question;
        finish(errorMessage(key, key === "errInput" ? null : question));
      });
  }

  function finish(message) {
    var typing = document.activeElement === textarea && textarea.value.trim();
    addMessage(message);
    setBusy(false);
    if (!typing) message.querySelector(".who").focus();
  }

  function showInputError(text) {
    var box = $("ask-error");
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
    var messages = log.querySelectorAll(".msg");
    for (var i = 0; i < messages.length; i++) messages[i].remove();
    $("restart").hidden = true;
    $("examples").hidden = false;
    textarea.value = "";
    textarea.focus();
  }

  /* In the widget's iframe: the host page asks for focus, and Escape closes the dialog. */
  function embedded() {
    document.documentElement.className += " embed";
    window.addEventListener("message", function (event) {
      if (event.source !== window.parent || !event.data || event.data.type !== "guichet:focus") return;
      if (event.data.where === "last") {
        var all = document.querySelectorAll("a[href], button:not([disabled]), textarea, input");
        for (var i = all.length - 1; i >= 0; i--) {
          if (all[i].offsetParent !== null) { all[i].focus(); return; }
        }
      }
      textarea.focus();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") window.parent.postMessage({type: "guichet:close"}, "*");
    });
  }

  function start() {
    log = $("log");
    preview = $("preview");
    form = $("ask");
    textarea = $("question");
    if (embed) embedded();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      ask(textarea.value);
    });
    textarea.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        ask(textarea.value);
      }
    });
    $("restart").addEventListener("click", restart);
    var buttons = document.querySelectorAll("[data-lang]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function () { setLanguage(this.getAttribute("data-lang")); });
    }
    setLanguage(lang);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
