/* 适老化/无障碍 display mode: larger text and high contrast, remembered on this device
   (localStorage). Loaded in <head> so the mode applies before the first paint; without
   JavaScript the toggle stays hidden and the page is the plain one. */
(function () {
  var KEY = "gongshi-display", root = document.documentElement;
  function stored() { try { return localStorage.getItem(KEY) === "care"; } catch (e) { return false; } }
  function apply(on) {
    root.classList.toggle("care", on);
    var b = document.getElementById("display-toggle");
    if (b) { b.setAttribute("aria-pressed", on ? "true" : "false"); }
  }
  apply(stored());
  document.addEventListener("DOMContentLoaded", function () {
    var b = document.getElementById("display-toggle");
    if (!b) { return; }
    b.hidden = false;
    apply(stored());
    b.addEventListener("click", function () {
      var on = !root.classList.contains("care");
      try { if (on) { localStorage.setItem(KEY, "care"); } else { localStorage.removeItem(KEY); } } catch (e) { /* private mode */ }
      apply(on);
    });
  });
})();
