// Client pages: keep a private link out of the address bar and history, and make the
// quick-exit button leave at once without leaving this page in the back history.
(function () {
  "use strict";
  if (/^\/h\/[A-Za-z0-9_-]{43}$/.test(window.location.pathname)) {
    window.history.replaceState(null, "", "/h");
  }
  var exit = document.getElementById("quick-exit");
  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      window.location.replace(exit.getAttribute("href"));
    });
  }
})();
