/* The meeting network: draws nodes and edges from #net-data as SVG; hover cards, a meetings panel on click,
   search, a date range, wheel zoom and drag pan. Hand-written, no library. */
(function () {
  "use strict";
  var dataEl = document.getElementById("net-data");
  if (!dataEl) { return; }
  var data = JSON.parse(dataEl.textContent);
  var NS = "http://www.w3.org/2000/svg";
  var svg = document.getElementById("net-svg");
  var tip = document.getElementById("net-tip");
  var details = document.getElementById("net-details");
  var from = document.getElementById("net-from");
  var to = document.getElementById("net-to");
  var byId = {};
  var edgeLayer = document.createElementNS(NS, "g");
  var nodeLayer = document.createElementNS(NS, "g");
  var labelLayer = document.createElementNS(NS, "g");
  svg.appendChild(edgeLayer); svg.appendChild(nodeLayer); svg.appendChild(labelLayer);

  function el(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    parent.appendChild(e);
    return e;
  }
  function html(tag, text, parent, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  data.nodes.forEach(function (n) {
    byId[n.id] = n;
    n.labelText = n.label;
    n.label = null;
    n.el = el("circle", {cx: n.x, cy: n.y, r: n.r, fill: n.colour, "class": "node", "data-id": n.id}, nodeLayer);
    if (n.meetings >= 3 || data.nodes.length <= 40) {
      n.label = el("text", {x: n.x + n.r + 2, y: n.y + 4}, labelLayer);
      n.label.textContent = n.labelText;
    }
  });
  data.edges.forEach(function (e) {
    var a = byId[e.a], b = byId[e.b];
    e.el = el("line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, "stroke-width": Math.min(1 + e.meetings.length, 6)}, edgeLayer);
  });

  function inRange(m) {
    return m.month < 0 || (m.month >= +from.value && m.month <= +to.value);
  }
  function visibleMeetings(node) {
    return data.meetings.filter(function (m) { return inRange(m) && m.nodes.indexOf(node.id) >= 0; });
  }
  function refresh() {
    var lo = Math.min(+from.value, +to.value), hi = Math.max(+from.value, +to.value);
    from.value = lo; to.value = hi;
    var active = {}, shown = 0;
    data.meetings.forEach(function (m) { if (inRange(m)) { shown++; m.nodes.forEach(function (id) { active[id] = true; }); } });
    data.nodes.forEach(function (n) {
      n.el.classList.toggle("hidden", !active[n.id]);
      if (n.label) { n.label.classList.toggle("hidden", !active[n.id]); }
    });
    data.edges.forEach(function (e) {
      e.el.classList.toggle("hidden", !e.meetings.some(function (i) { return inRange(data.meetings[i]); }));
    });
    var range = document.getElementById("net-range");
    range.textContent = data.months.length ? data.months[lo] + " – " + data.months[hi] : "no dated meetings";
    document.getElementById("net-count").textContent = "(" + shown + " meetings shown)";
    if (selected) { show(selected); }
  }

  var selected = null;
  function show(node) {
    selected = node;
    data.nodes.forEach(function (n) { n.el.classList.toggle("selected", n === node); });
    details.textContent = "";
    html("h3", node.labelText, details);
    if (node.titles) { html("div", node.titles, details, "muted"); }
    if (node.orgs) { html("div", node.orgs, details, "muted"); }
    var list = visibleMeetings(node);
    html("p", list.length + " meeting" + (list.length === 1 ? "" : "s"), details);
    var ul = html("ul", null, details);
    list.forEach(function (m) {
      var li = html("li", null, ul, "meeting");
      html("strong", (m.date || "undated") + ": ", li);
      li.appendChild(document.createTextNode(m.who));
      var where = [m.mode === "in_person" ? "" : m.mode, m.place, m.event].filter(Boolean).join(" · ");
      if (where) { html("div", where, li, "muted"); }
      if (m.evidence) { html("blockquote", m.evidence, li); }
      var doc = html("div", null, li, "muted");
      doc.appendChild(document.createTextNode("document: "));
      var source = data.documents[m.doc];
      if (source.href) { var a = html("a", source.id, doc); a.href = source.href; } else { doc.appendChild(document.createTextNode(source.id)); }
    });
  }

  data.nodes.forEach(function (n) {
    n.el.addEventListener("mouseenter", function (ev) {
      tip.textContent = "";
      html("strong", n.labelText, tip);
      [n.countryName, n.titles, n.orgs, n.meetings + " meeting" + (n.meetings === 1 ? "" : "s")].forEach(function (t) {
        if (t) { html("div", t, tip); }
      });
      tip.hidden = false;
      tip.style.left = (ev.clientX + 12) + "px"; tip.style.top = (ev.clientY + 12) + "px";
    });
    n.el.addEventListener("mouseleave", function () { tip.hidden = true; });
    n.el.addEventListener("click", function () { show(n); });
  });

  document.getElementById("net-search").addEventListener("input", function (ev) {
    var q = ev.target.value.trim().toLowerCase();
    data.nodes.forEach(function (n) {
      var hit = q && n.labelText.toLowerCase().indexOf(q) >= 0;
      n.el.classList.toggle("match", !!hit);
      n.el.classList.toggle("dim", !!q && !hit);
    });
  });
  from.addEventListener("input", refresh);
  to.addEventListener("input", refresh);

  var view = {x: 0, y: 0, w: data.width, h: data.height}, drag = null;
  function setView() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var k = ev.deltaY > 0 ? 1.15 : 1 / 1.15, box = svg.getBoundingClientRect();
    var px = view.x + (ev.clientX - box.left) / box.width * view.w, py = view.y + (ev.clientY - box.top) / box.height * view.h;
    view.w *= k; view.h *= k; view.x = px - (px - view.x) * k; view.y = py - (py - view.y) * k;
    setView();
  }, {passive: false});
  svg.addEventListener("mousedown", function (ev) { drag = {x: ev.clientX, y: ev.clientY}; });
  window.addEventListener("mouseup", function () { drag = null; });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) { return; }
    var box = svg.getBoundingClientRect();
    view.x -= (ev.clientX - drag.x) * view.w / box.width; view.y -= (ev.clientY - drag.y) * view.h / box.height;
    drag = {x: ev.clientX, y: ev.clientY};
    setView();
  });

  var legend = document.getElementById("net-legend");
  data.legend.forEach(function (item) {
    var s = html("span", null, legend, "swatch");
    s.style.background = item.colour;
    legend.appendChild(document.createTextNode(item.country));
  });
  refresh();
}());
