/* The page's shared state and its two DOM helpers.
 *
 * The server inlines GET /api/config into the page: languages, limits, channel kinds, feedback
 * reasons and every sentence (assistant/messages/*.yaml, key "page"). Server text is always set
 * with textContent, never parsed as HTML. */

export const CONFIG = JSON.parse(document.getElementById("guichet-config").textContent);
const STRINGS = CONFIG.strings;
const params = new URLSearchParams(location.search);

export const state = {
  lang: pickLanguage(),
  embed: params.get("embed") === "1",
};

function pickLanguage() {
  const wanted = [params.get("lang")].concat(navigator.languages || [navigator.language]);
  for (const candidate of wanted) {
    const code = (candidate || "").slice(0, 2).toLowerCase();
    if (STRINGS[code]) return code;
  }
  return "fr";
}

export function t(key) { return STRINGS[state.lang][key]; }

export const $ = (id) => document.getElementById(id);

/* el("p", {class: "x"}, "text", child...) builds an element; strings become text nodes. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/* An interface string that follows the language switch. */
export function ui(tag, key, attrs) {
  const node = el(tag, attrs);
  node.setAttribute("data-i18n", key);
  node.textContent = t(key);
  return node;
}
