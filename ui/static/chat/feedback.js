/* "Was this answer useful?": a thumb, then the reasons and a comment, sent to /api/feedback. */

import { CONFIG, el, ui } from "./page.js";

const SVG = "http://www.w3.org/2000/svg";
const THUMB_PATH = "M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 " +
  "6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1.2-.7v-2z";

/* A thumb drawn in SVG: emoji are missing on many older phones. */
function thumbIcon(down) {
  const svg = document.createElementNS(SVG, "svg");
  const path = document.createElementNS(SVG, "path");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  if (down) svg.setAttribute("transform", "rotate(180)");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", THUMB_PATH);
  svg.appendChild(path);
  return svg;
}

function fillForm(form, rating, id) {
  const comment = form.querySelector("textarea");
  const kept = comment ? comment.value : "";
  form.textContent = "";
  const fieldset = el("fieldset", null, ui("legend", "fbWhy"));
  CONFIG.feedback_reasons[rating].forEach((reason) => {
    const inputId = id + "-r-" + reason;
    fieldset.appendChild(el("div", {class: "check"},
      el("input", {type: "checkbox", id: inputId, name: "reasons", value: reason}),
      ui("label", "r_" + reason, {for: inputId})));
  });
  const commentId = id + "-comment";
  form.appendChild(fieldset);
  form.appendChild(ui("label", "fbComment", {for: commentId}));
  const area = el("textarea", {id: commentId, rows: "2",
                               maxlength: String(CONFIG.limits.max_comment_chars)});
  area.value = kept;
  form.appendChild(area);
  form.appendChild(ui("button", "fbSend", {type: "submit", class: "primary"}));
}

function send(box, form, body) {
  fetch("/api/feedback", {method: "POST", headers: {"Content-Type": "application/json"},
                          body: JSON.stringify(body)})
    .then((response) => {
      if (response.status !== 201) throw new Error("feedback " + response.status);
      const thanks = ui("p", "fbThanks", {class: "thanks", tabindex: "-1"});
      box.textContent = "";
      box.appendChild(thanks);
      thanks.focus();
    })
    .catch(() => {
      const old = form.querySelector(".fb-error");
      if (old) old.remove();
      form.appendChild(ui("p", "fbError", {class: "fb-error", role: "alert"}));
    });
}

export function feedback(conversation, id) {
  const box = el("div", {class: "feedback"});
  const questionId = id + "-fb";
  const group = el("div", {class: "thumbs", role: "group", "aria-labelledby": questionId});
  const form = el("form", {class: "fb-form", hidden: true});
  let rating = null;
  ["up", "down"].forEach((value) => {
    const button = el("button", {type: "button", class: "thumb", "aria-pressed": "false",
                                 "data-rating": value,
      onclick: () => {
        rating = value;
        group.querySelectorAll("button").forEach((other) => {
          other.setAttribute("aria-pressed", String(other === button));
        });
        fillForm(form, value, id);
        form.hidden = false;
      }},
      thumbIcon(value === "down"),
      ui("span", value === "up" ? "yes" : "no"));
    group.appendChild(button);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const reasons = [...form.querySelectorAll("input:checked")].map((input) => input.value);
    const comment = form.querySelector("textarea").value.trim();
    const body = {conversation_id: conversation, rating, reasons};
    if (comment) body.comment = comment;
    send(box, form, body);
  });
  box.appendChild(ui("p", "fbQuestion", {id: questionId}));
  box.appendChild(group);
  box.appendChild(form);
  return box;
}
