// Registers the service worker (served builds only) and announces new versions. The app
// listens for the "faro-update-ready" event and offers to reload; answers, plans and
// survey responses live in local storage and survive the update.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  function announce() {
    window.faroUpdateReady = true;
    window.dispatchEvent(new Event("faro-update-ready"));
  }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("./sw.js").then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller) announce();
      registration.addEventListener("updatefound", function () {
        var worker = registration.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce();
        });
      });
      window.faroApplyUpdate = function () {
        var waiting = registration.waiting;
        if (!waiting) { location.reload(); return; }
        navigator.serviceWorker.addEventListener("controllerchange", function () { location.reload(); }, { once: true });
        waiting.postMessage("SKIP_WAITING");
      };
      // Look for a new version whenever the app comes back to the foreground.
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") registration.update().catch(function () {});
      });
    }).catch(function (error) {
      console.info("Faro: offline mode unavailable (" + error + ")");
    });
  });
})();
