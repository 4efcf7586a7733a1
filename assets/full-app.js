// Loads the full app (faro-full.js and its wasm: every page, the ones left out of the
// first load included) when the respondent's app asks for it. Plain JavaScript because wasm-bindgen's
// no-modules glue declares a global `let wasm_bindgen`, which scripts can name and the
// wasm cannot. The single HTML file has the glue inline and the wasm in __faroInline.
(function () {
  "use strict";
  var ready = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  // Fetches and compiles the full app once; resolves to its start function. A failed
  // attempt (offline before the files were cached) may be retried.
  window.faroPrepareFullApp = function () {
    if (!ready) {
      var inline = window.__faroInline || {};
      var glue = typeof wasm_bindgen === "function" ? Promise.resolve() : loadScript("./faro-full.js");
      ready = glue
        .then(function () { return wasm_bindgen({ module_or_path: inline["faro-full_bg.wasm"] || "./faro-full_bg.wasm" }); })
        .then(function () { return wasm_bindgen.startFaro; });
      ready.catch(function () { ready = null; });
    }
    return ready;
  };
})();
