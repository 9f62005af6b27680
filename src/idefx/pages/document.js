/* Annotated documents: a meeting's evidence link lights up the evidence in the text (and the meeting). */
(function () {
  "use strict";
  function activate(id) {
    document.querySelectorAll(".evidence.active, li.meeting.active").forEach(function (e) { e.classList.remove("active"); });
    document.querySelectorAll(".evidence").forEach(function (e) {
      if ((e.getAttribute("data-meetings") || "").split(" ").indexOf(id) >= 0) { e.classList.add("active"); e.scrollIntoView({block: "center"}); }
    });
    var item = document.getElementById(id);
    if (item) { item.classList.add("active"); }
  }
  document.querySelectorAll("a.to-evidence").forEach(function (a) {
    a.addEventListener("click", function (ev) { ev.preventDefault(); activate(a.getAttribute("data-meeting")); });
  });
}());
