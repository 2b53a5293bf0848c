/* Human channels, listed in the order the server gives them (an emergency line first when
 * urgent, then people, then online: assistant/compose/channels.py decides). */

import { $, el, state, t } from "./page.js";

const channelsByLang = {};  // the general contacts known, per language
const generalLoaded = {};

function digits(value) { return value.replace(/[^\d+]/g, ""); }
function isPhone(value) { return /^\+?[\d\s./()-]{3,}$/.test(value.trim()) && digits(value).length >= 3; }
function isUrl(value) { return /^https?:\/\/\S+$/.test(value.trim()); }

function channelItem(channel) {
  const value = channel.value || "";
  const callable = ["phone", "emergency", "digital_help"].includes(channel.kind) && isPhone(value);
  let action;
  if (callable) {
    const emergency = channel.kind === "emergency";
    action = el("a", {class: "call" + (emergency ? " sos" : ""), href: "tel:" + digits(value)},
                t(emergency ? "kind_emergency" : "kind_phone") + " " + value);
  } else if (isUrl(value)) {
    action = el("a", {href: value, target: "_blank", rel: "noopener"}, value,
                el("span", {class: "vh"}, " " + t("newTab")));
  } else {
    action = el("span", null, value);
  }
  return el("li", {class: "channel kind-" + channel.kind},
    el("span", {class: "kind"}, t("kind_" + channel.kind) || channel.kind),
    el("strong", {class: "label"}, channel.label), " ", action,
    channel.hours ? el("span", {class: "hours"}, t("hours") + " " + channel.hours) : null);
}

export function channelList(channels) {
  const list = el("ul", {class: "channel-list"});
  channels.forEach((channel) => list.appendChild(channelItem(channel)));
  return list;
}

export function knownChannels() { return channelsByLang[state.lang] || []; }

export function renderHumans() {
  const box = $("humans-list");
  box.textContent = "";
  const channels = knownChannels();
  box.appendChild(channels.length ? channelList(channels) : el("p", {text: t("humansUnknown")}));
}

/* The page's own "talk to a person" region shows the general contacts; an answer's channels
   are only a fallback for when those could not be loaded. */
export function rememberChannels(code, channels, general) {
  if (!channels || !channels.length || (generalLoaded[code] && !general)) return;
  if (general) generalLoaded[code] = true;
  // The page shows 112 in its own sentence; the region lists the other ways to reach someone.
  channelsByLang[code] = channels.filter((channel) => digits(channel.value) !== "112");
  if (code === state.lang) renderHumans();
}

/* The contacts page of the corpus gives the human channels before the first question. */
export function loadChannels(code) {
  if (generalLoaded[code]) return;
  fetch("/api/procedures/contacts-services?language=" + code)
    .then((response) => (response.ok ? response.json() : null))
    .then((doc) => { if (doc) rememberChannels(code, doc.contacts, true); })
    .catch(() => { /* the page still shows how to reach a person in words */ });
}
