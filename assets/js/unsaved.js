// Staff pages: warn before leaving a page whose form has typing not yet saved. A form
// counts once something in it changes; sending that form clears the warning. Forms that
// only search or filter (method get) and forms marked data-unsaved="ignore" never warn.
// Without script nothing warns, and the longest forms (the intake) are one a page.
(function () {
  "use strict";
  var dirty = [];
  var watched = function (form) {
    return form && (form.method || "").toLowerCase() === "post" && form.getAttribute("data-unsaved") !== "ignore";
  };
  var mark = function (event) {
    var form = event.target && event.target.form;
    if (watched(form) && dirty.indexOf(form) < 0) {
      dirty.push(form);
    }
  };
  document.addEventListener("input", mark, true);
  document.addEventListener("change", mark, true);
  document.addEventListener("submit", function (event) {
    var i = dirty.indexOf(event.target);
    if (i >= 0) {
      dirty.splice(i, 1);
    }
  }, true);
  window.addEventListener("beforeunload", function (event) {
    if (dirty.length > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
