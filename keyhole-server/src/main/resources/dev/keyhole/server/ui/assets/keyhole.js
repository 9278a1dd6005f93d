// Counts down the "time left" the server rendered (data-seconds-left), from the server's own clock reading,
// so a browser with a wrong clock still shows the right time left. The server stays the judge: when the
// count reaches zero the text asks for a reload rather than claiming anything.
(function () {
  "use strict";
  function text(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds % 3600 / 60), s = seconds % 60;
    if (h > 0) { return h + "h " + String(m).padStart(2, "0") + "m"; }
    return m > 0 ? m + "m " + String(s).padStart(2, "0") + "s" : s + "s";
  }
  var started = Date.now();
  var cells = Array.prototype.slice.call(document.querySelectorAll("[data-seconds-left]"));
  if (cells.length === 0) { return; }
  setInterval(function () {
    var passed = Math.floor((Date.now() - started) / 1000);
    cells.forEach(function (el) {
      var left = Number(el.getAttribute("data-seconds-left")) - passed;
      el.textContent = left > 0 ? text(left) : "ended (reload)";
    });
  }, 1000);
})();
