// Client pages: keep a private link out of the address bar and history, and make the
// quick-exit button end the session and leave at once without leaving this page in the
// back history. Without script the button posts the form, which does the same on the server.
(function () {
  "use strict";
  if (/^\/h\/[A-Za-z0-9_-]{43}$/.test(window.location.pathname)) {
    window.history.replaceState(null, "", "/h");
  }
  var exit = document.getElementById("quick-exit");
  var form = document.getElementById("quick-exit-form");
  if (exit && form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var sent = navigator.sendBeacon && navigator.sendBeacon("/h/exit", new FormData(form));
      if (!sent) {
        fetch("/h/exit", { method: "POST", body: new FormData(form), credentials: "same-origin", keepalive: true, redirect: "manual" });
      }
      window.history.replaceState(null, "", "/h");
      window.location.replace(exit.getAttribute("data-href"));
    });
  }
})();
