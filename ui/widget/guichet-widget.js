/* Guichet widget: one tag on a commune's site adds a launcher that opens the citizen chat in an
 * accessible dialog.
 *
 *   <script src="https://guichet.example/widget.js" data-guichet-language="fr" defer></script>
 *
 * The chat itself runs in an iframe of the Guichet app (same origin as this script), so the host
 * page's styles and scripts cannot break it. The launcher and dialog live in a shadow root for the
 * same reason. Only `window.GuichetWidget` ({open, close}) is added to the page. */
(function () {
  "use strict";
  if (window.GuichetWidget) return;

  var TEXT = {
    fr: {launcher: "Poser une question", title: "Guichet – assistant automatique", close: "Fermer",
         frame: "Guichet : posez votre question sur une démarche"},
    nl: {launcher: "Stel een vraag", title: "Guichet – automatische assistent", close: "Sluiten",
         frame: "Guichet: stel uw vraag over een administratieve procedure"},
    en: {launcher: "Ask a question", title: "Guichet – automated assistant", close: "Close",
         frame: "Guichet: ask your question about a public procedure"}
  };
  var CSS = [
    ".gw{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:18px;line-height:1.4;color:#1b1b1b}",
    ".gw *{box-sizing:border-box}",
    ".gw [hidden]{display:none!important}",
    ".gw button{font:inherit;cursor:pointer}",
    ".gw button:focus,.gw [tabindex]:focus,.gw iframe:focus{outline:3px solid #1b1b1b;outline-offset:2px;box-shadow:0 0 0 6px #ffd400}",
    ".gw .launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;display:flex;align-items:center;gap:8px;",
    "min-height:52px;padding:10px 18px;border:2px solid #fff;border-radius:26px;background:#0b4a8f;color:#fff;",
    "font-weight:700;box-shadow:0 2px 8px rgba(0,0,0,.35)}",
    ".gw .launcher:hover{background:#062c57}",
    ".gw .launcher svg{width:24px;height:24px;flex:none}",
    ".gw .backdrop{position:fixed;top:0;right:0;bottom:0;left:0;z-index:2147483001;background:rgba(0,0,0,.4)}",
    ".gw .dialog{position:fixed;z-index:2147483002;right:16px;bottom:16px;width:460px;max-width:calc(100vw - 32px);",
    "height:720px;max-height:calc(100vh - 32px);display:flex;flex-direction:column;background:#fff;",
    "border:2px solid #0b4a8f;border-radius:10px;overflow:hidden;box-shadow:0 4px 24px rgba(0,0,0,.4)}",
    ".gw .bar{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:6px 6px 6px 14px;background:#0b4a8f;color:#fff}",
    ".gw h2{margin:0;font-size:18px;line-height:1.25}",
    ".gw .close{min-height:44px;min-width:44px;padding:6px 12px;border:2px solid #fff;border-radius:6px;background:#fff;color:#0b4a8f;font-weight:700}",
    ".gw .close:hover{background:#e8f0fa}",
    ".gw iframe{flex:1;width:100%;border:0;display:block}",
    "@media (max-width:480px),(max-height:480px){.gw .dialog{top:0;right:0;bottom:0;left:0;width:auto;height:auto;",
    "max-width:none;max-height:none;border-radius:0;border:0}}"
  ].join("");
  var ICON = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" ' +
    'd="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm1 4v2h14V7H5zm0 4v2h10v-2H5z"/></svg>';

  var script = document.currentScript || (function () {
    var all = document.querySelectorAll("script[src*='widget.js']");
    return all[all.length - 1];
  })();
  var appOrigin = new URL(script.src, location.href).origin;
  var language = (script.getAttribute("data-guichet-language") || document.documentElement.lang ||
                  navigator.language || "fr").slice(0, 2).toLowerCase();
  if (!TEXT[language]) language = "fr";
  var text = TEXT[language];

  var host, root, launcher, backdrop, dialog, closeButton, frame = null, frameReady = false;
  var savedOverflow = "";

  function el(tag, attrs, html) {
    var node = document.createElement(tag);
    for (var name in attrs) node.setAttribute(name, attrs[name]);
    if (html) node.innerHTML = html;
    return node;
  }

  function build() {
    host = el("div", {"data-guichet-widget": ""});
    root = host.attachShadow ? host.attachShadow({mode: "open"}) : host;
    var wrap = el("div", {class: "gw", lang: language});
    wrap.appendChild(el("style", {}, CSS));
    launcher = el("button", {type: "button", class: "launcher", "aria-haspopup": "dialog",
                             "aria-expanded": "false", "aria-controls": "guichet-widget-dialog"}, ICON);
    launcher.appendChild(document.createTextNode(text.launcher));
    backdrop = el("div", {class: "backdrop", hidden: ""});
    dialog = el("div", {class: "dialog", id: "guichet-widget-dialog", role: "dialog", "aria-modal": "true",
                        "aria-labelledby": "guichet-widget-title", hidden: ""});
    var bar = el("div", {class: "bar"});
    var title = el("h2", {id: "guichet-widget-title"});
    title.textContent = text.title;
    closeButton = el("button", {type: "button", class: "close"});
    closeButton.textContent = text.close;
    bar.appendChild(title);
    bar.appendChild(closeButton);
    // Focus guards: leaving the dialog by Tab or Shift+Tab lands here and wraps around.
    var guardStart = el("div", {tabindex: "0", class: "guard"});
    var guardEnd = el("div", {tabindex: "0", class: "guard"});
    dialog.appendChild(guardStart);
    dialog.appendChild(bar);
    dialog.appendChild(guardEnd);
    wrap.appendChild(launcher);
    wrap.appendChild(backdrop);
    wrap.appendChild(dialog);
    root.appendChild(wrap);
    document.body.appendChild(host);

    launcher.addEventListener("click", open);
    closeButton.addEventListener("click", close);
    backdrop.addEventListener("click", close);
    guardStart.addEventListener("focus", function () { focusFrame("last"); });
    guardEnd.addEventListener("focus", function () { closeButton.focus(); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") { event.preventDefault(); close(); }
    });
    // Anything that pulls focus out of the open dialog (a click on the page behind) is sent back.
    document.addEventListener("focusin", function (event) {
      if (!dialog.hidden && event.target !== host && !host.contains(event.target)) closeButton.focus();
    });
    window.addEventListener("message", function (event) {
      if (!frame || event.source !== frame.contentWindow || event.origin !== appOrigin) return;
      if (event.data && event.data.type === "guichet:close") close();
    });
  }

  function focusFrame(where) {
    if (!frame) return;
    frame.focus();
    if (frameReady) frame.contentWindow.postMessage({type: "guichet:focus", where: where}, appOrigin);
  }

  function open() {
    if (!dialog || !dialog.hidden) return;
    if (!frame) {  // loaded on first use only: nothing heavy for visitors who never open it
      frame = el("iframe", {title: text.frame, src: appOrigin + "/?embed=1&lang=" + language});
      frame.addEventListener("load", function () {
        frameReady = true;
        if (!dialog.hidden) focusFrame("input");
      });
      dialog.insertBefore(frame, dialog.lastChild);
    }
    dialog.hidden = false;
    backdrop.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    savedOverflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";  // the page behind does not scroll under the dialog
    if (frameReady) focusFrame("input");
    else closeButton.focus();
  }

  function close() {
    if (!dialog || dialog.hidden) return;
    dialog.hidden = true;
    backdrop.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    document.body.style.overflow = savedOverflow;
    launcher.focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", build);
  else build();
  window.GuichetWidget = {open: function () { open(); }, close: function () { close(); }};
})();
