// Client-side search over window.DIGEST_SEARCH (written by the build as search/index-data.js).
// Matching is by substring after Unicode normalisation, so Chinese and Arabic text, which have
// no spaces between words or use different word forms, are searchable too.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var entries = window.DIGEST_SEARCH || [];
  var root = form.getAttribute("data-root") || "./";

  function fold(text) {
    return (text || "").normalize("NFKD").replace(/[\u0300-\u036f\u064b-\u065f]/g, "").toLowerCase();
  }

  var haystacks = entries.map(function (entry) {
    return fold([entry.title, entry.summary, entry.section, entry.tags.join(" "), entry.speakers.join(" ")].join(" \u0000 "));
  });

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show(query) {
    list.textContent = "";
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) { status.textContent = entries.length + " articles to search."; return; }
    var found = 0;
    for (var i = 0; i < entries.length && found < 100; i++) {
      var haystack = haystacks[i];
      if (!terms.every(function (term) { return haystack.indexOf(term) !== -1; })) continue;
      var entry = entries[i];
      var item = element("li", "item");
      var title = element("h3", "item-title");
      var link = element("a", null, entry.title);
      link.href = root + entry.url;
      link.dir = "auto";
      title.appendChild(link);
      item.appendChild(title);
      item.appendChild(element("p", "meta", entry.date + " · " + entry.section));
      if (entry.summary) { var summary = element("p", "summary", entry.summary); summary.dir = "auto"; item.appendChild(summary); }
      list.appendChild(item);
      found++;
    }
    status.textContent = found ? found + (found === 100 ? "+" : "") + " matching articles." : "No articles match.";
  }

  var params = new URLSearchParams(location.search);
  if (params.get("q")) input.value = params.get("q");
  input.addEventListener("input", function () { show(input.value); });
  show(input.value);
})();
