// Faro's rescue screen. Plain JavaScript on purpose: it must work when the wasm app has
// stopped after a panic. It shows what happened and offers to export every Faro record
// from this browser (the same backup format the app restores) and to reload.
(function () {
  "use strict";
  var texts = {
    it: {
      title: "Si è verificato un errore",
      body: "Faro si è fermato per un errore imprevisto. Le risposte già date sono salvate su questo dispositivo: ricaricando la pagina riprenderete da dove eravate. Per sicurezza potete anche esportare tutti i vostri dati.",
      export: "Esporta i miei dati",
      reload: "Ricarica",
      details: "Dettagli tecnici",
    },
    en: {
      title: "Something went wrong",
      body: "Faro stopped because of an unexpected error. The answers you gave are saved on this device: reloading the page takes you back where you were. To be safe you can also export all your data.",
      export: "Export my data",
      reload: "Reload",
      details: "Technical details",
    },
  };

  function language() {
    try {
      var s = JSON.parse(localStorage.getItem("faro.settings") || "{}");
      if (s && s.data && texts[s.data.lang]) return s.data.lang;
    } catch (e) { /* storage unavailable: default language */ }
    return "it";
  }

  function backup() {
    var records = {};
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key && key.indexOf("faro.") === 0) {
          var value = localStorage.getItem(key);
          try { records[key] = JSON.parse(value); } catch (e) { records[key] = value; }
        }
      }
    } catch (e) { /* nothing readable */ }
    return JSON.stringify({
      format: "faro-backup", schema: 1, app_version: "rescue",
      exported_at: new Date().toISOString(), records: records,
    }, null, 2);
  }

  function download() {
    var blob = new Blob([backup()], { type: "application/json" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "faro-backup-" + new Date().toISOString().slice(0, 10) + ".json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  var shown = false;
  window.faroRescue = function (message) {
    if (shown) return;
    shown = true;
    var t = texts[language()];
    var box = el("div", { id: "rescue", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "rescue-title" });
    var panel = el("div", { class: "rescue-panel" });
    panel.appendChild(el("h1", { id: "rescue-title", tabindex: "-1" }, t.title));
    panel.appendChild(el("p", {}, t.body));
    var buttons = el("p", { class: "rescue-buttons" });
    var exp = el("button", { type: "button" }, t.export);
    exp.addEventListener("click", download);
    var rel = el("button", { type: "button" }, t.reload);
    rel.addEventListener("click", function () { location.reload(); });
    buttons.appendChild(exp);
    buttons.appendChild(rel);
    panel.appendChild(buttons);
    var details = el("details", {});
    details.appendChild(el("summary", {}, t.details));
    details.appendChild(el("pre", {}, String(message)));
    panel.appendChild(details);
    box.appendChild(panel);
    document.body.appendChild(box);
    panel.querySelector("h1").focus();
  };
})();
