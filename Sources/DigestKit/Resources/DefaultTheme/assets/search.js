// Full-text search over the index the build writes under search/ (see docs/search.md). The page
// reads only the manifest (window.DIGEST_SEARCH); each query adds the few shard scripts its
// terms need with <script> elements, so search works on any static host, under any sub-path
// and from file://, where fetch is blocked. Terms are split exactly as the build splits them
// (Render/Search/SearchTokenizer.swift): words case- and diacritic-folded; scripts written
// without spaces (Chinese, Japanese, Korean, Thai, Lao, Khmer, Myanmar) as bigrams.
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var selects = { section: document.getElementById("search-section"), speaker: document.getElementById("search-speaker"), week: document.getElementById("search-week") };
  var manifest = window.DIGEST_SEARCH || { docs: 0, keys: "", facets: [] };
  var root = form.getAttribute("data-root") || "./";
  // The page's language's words (i18n/*.yml), counted ones by CLDR plural category; English
  // for a search page ejected before it had them.
  var words = {
    searching: "Searching…", none: "No articles match.", showing: "{found}, showing {shown}.", found_all: "{found}.",
    ready: { one: "{count} article to search.", other: "{count} articles to search." },
    found: { one: "{count} matching article", other: "{count} matching articles" },
    found_up_to: { one: "Up to {count} matching article", other: "Up to {count} matching articles" }
  };
  var given = JSON.parse(form.getAttribute("data-words") || "{}");
  for (var word in given) words[word] = given[word];
  var plurals = new Intl.PluralRules(document.documentElement.lang || "en");
  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (whole, name) { return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole; });
  }
  function counted(forms, count) {
    forms = forms || {};
    return fill(forms[plurals.select(count)] || forms.other, { count: count });
  }
  var PAGE = 10;
  // Maps without a prototype: a word such as "constructor" must not find Object's members.
  var keys = Object.create(null);
  manifest.keys.split(" ").forEach(function (key) { if (key) keys[key] = true; });

  // Loaded data, filled in by the scripts the index is made of.
  var shards = Object.create(null), docs = Object.create(null), facets = Object.create(null), scripts = Object.create(null);
  window.DIGEST_SEARCH_SHARD = function (key, terms, postings) { shards[key] = { terms: terms, postings: postings }; };
  window.DIGEST_SEARCH_DOC = function (id, doc) { docs[id] = doc; };
  window.DIGEST_SEARCH_FACET = function (name, ids) { facets[name] = decodeNumbers(ids, false); };

  function load(path) {
    if (!scripts[path]) {
      scripts[path] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = root + "search/" + path;
        script.onload = script.onerror = function () { resolve(); };
        document.head.appendChild(script);
      });
    }
    return scripts[path];
  }

  // Numbers as written by SearchScript.appendIDs: 5-bit digits, the last of each number from
  // the first alphabet; gaps between ascending ids, with 3 field bits below each gap.
  var LAST = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef", LEADING = "ghijklmnopqrstuvwxyz0123456789-_";
  function decodeNumbers(text, withFlags) {
    var out = [], value = 0, id = -1;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i), digit = LAST.indexOf(c);
      if (digit < 0) { value = value * 32 + LEADING.indexOf(c); continue; }
      value = value * 32 + digit;
      if (withFlags) { id += Math.floor(value / 8); out.push(id, value % 8); } else { id += value; out.push(id); }
      value = 0;
    }
    return out;
  }

  // Tokenising: must match SearchTokenizer.swift.
  var UNSPACED = /[\u0E00-\u0EFF\u1000-\u109F\u1100-\u11FF\u1780-\u17FF\u1950-\u19FF\u1A20-\u1AAF\u2E80-\u2FDF\u3005\u3007\u3021-\u3029\u3038-\u303B\u3041-\u309F\u30A0-\u30FF\u3130-\u318F\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uA9E0-\uA9FF\uAA60-\uAA7F\uAC00-\uD7FF\uF900-\uFAFF\uFF66-\uFF9F\u{20000}-\u{3FFFF}]/u;
  var WORD = /[\p{L}\p{M}\p{N}]/u;
  function fold(word) { return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase(); }

  // A query's parts: words (the last one, still being typed, matched as a prefix) and runs of unspaced scripts
  // (their bigrams must all occur; a run of three or more is then looked for in the text).
  function parse(query) {
    var parts = [], word = "", run = "";
    function endWord() { if (word) { var folded = fold(word); if (folded) parts.push({ word: folded, prefix: false }); word = ""; } }
    function endRun() { if (run) { parts.push({ run: run }); run = ""; } }
    for (var ch of query) {
      if (UNSPACED.test(ch)) { endWord(); run += ch; } else if (WORD.test(ch)) { endRun(); word += ch; } else { endWord(); endRun(); }
    }
    endWord(); endRun();
    var last = parts[parts.length - 1];
    if (last && last.word && /[\p{L}\p{M}\p{N}]$/u.test(query) && Array.from(last.word).length >= 2) last.prefix = true;
    return parts.map(function (part) {
      if (part.word) return { terms: [{ term: part.word, prefix: part.prefix }], word: part.word, prefix: part.prefix };
      var chars = Array.from(part.run);
      if (chars.length === 1) return { terms: [{ term: chars[0], prefix: true }], run: part.run };
      var terms = [];
      for (var i = 0; i + 1 < chars.length; i++) terms.push({ term: chars[i] + chars[i + 1], prefix: false });
      return { terms: terms, run: part.run, phrase: chars.length > 2 };
    });
  }

  // The shard of a term: the longest key it starts with; a prefix also needs every longer key.
  function shardKeys(term, prefix) {
    var chars = Array.from(term), found = [];
    for (var n = chars.length; n > 0; n--) { var key = chars.slice(0, n).join(""); if (keys[key]) { found.push(key); break; } }
    if (prefix) for (var other in keys) if (other.length > term.length && other.lastIndexOf(term, 0) === 0) found.push(other);
    return found;
  }
  function shardFile(key) { return "terms/t_" + encodeURIComponent(key) + ".js"; }

  // Documents with a term (or any term it prefixes): id → field bits.
  function lookup(term, prefix) {
    var hits = new Map();
    shardKeys(term, prefix).forEach(function (key) {
      var shard = shards[key];
      if (!shard) return;
      for (var i = 0; i < shard.terms.length; i++) {
        var candidate = shard.terms[i];
        if (candidate !== term && !(prefix && candidate.lastIndexOf(term, 0) === 0)) continue;
        var pairs = decodeNumbers(shard.postings[i], true);
        for (var j = 0; j < pairs.length; j += 2) hits.set(pairs[j], (hits.get(pairs[j]) || 0) | pairs[j + 1]);
      }
    });
    return hits;
  }

  function weight(bits) { return bits & 4 ? 100 : bits & 2 ? 10 : 1; }

  function filters() {
    var chosen = {};
    for (var kind in selects) if (selects[kind] && selects[kind].value) chosen[kind] = selects[kind].value;
    return chosen;
  }

  // Ranked ids: every part must match; a part's score is its best field; newest first among equals.
  function rank(parts, chosen) {
    var scores = null;
    parts.forEach(function (part) {
      var partBits = new Map();
      part.terms.forEach(function (t, index) {
        var hits = lookup(t.term, t.prefix);
        if (index === 0) { partBits = hits; return; }
        var both = new Map();
        partBits.forEach(function (bits, id) { if (hits.has(id)) both.set(id, bits & hits.get(id)); });
        partBits = both;
      });
      var next = new Map();
      partBits.forEach(function (bits, id) {
        if (scores === null) next.set(id, weight(bits)); else if (scores.has(id)) next.set(id, scores.get(id) + weight(bits));
      });
      scores = next;
    });
    var ids = [];
    (scores || new Map()).forEach(function (score, id) { ids.push(id); });
    for (var kind in chosen) {
      var allowed = new Set(facets[kind + "-" + chosen[kind]] || []);
      ids = ids.filter(function (id) { return allowed.has(id); });
    }
    return ids.sort(function (a, b) { return scores.get(b) - scores.get(a) || b - a; });
  }

  function matchesPhrases(parts, doc) {
    return parts.every(function (part) {
      return !part.phrase || [doc.t, doc.m, doc.x].concat(doc.g || [], doc.p || []).some(function (text) { return text && text.indexOf(part.run) >= 0; });
    });
  }

  // Text with the query's words and runs wrapped in <mark>: DOM nodes, never HTML.
  var WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
  function matchRanges(text, parts) {
    var ranges = [], m;
    WORD_RUN.lastIndex = 0;
    while ((m = WORD_RUN.exec(text))) {
      // Split the run where an unspaced script starts or stops, as the tokenizer does.
      var piece = m[0], offset = m.index, segments = piece.split(/(?=[\s\S])/u), start = 0, current = "", unspaced = null;
      segments.forEach(function (ch) {
        var isUnspaced = UNSPACED.test(ch);
        if (unspaced !== null && isUnspaced !== unspaced) { check(current, offset + start, unspaced); start += current.length; current = ""; }
        unspaced = isUnspaced; current += ch;
      });
      if (current) check(current, offset + start, unspaced);
    }
    function check(segment, at, isUnspaced) {
      if (isUnspaced) {
        parts.forEach(function (part) {
          if (!part.run) return;
          for (var i = segment.indexOf(part.run); i >= 0; i = segment.indexOf(part.run, i + part.run.length)) ranges.push([at + i, at + i + part.run.length]);
        });
        return;
      }
      var folded = fold(segment);
      if (parts.some(function (part) { return part.word && (folded === part.word || (part.prefix && folded.lastIndexOf(part.word, 0) === 0)); })) ranges.push([at, at + segment.length]);
    }
    return ranges.sort(function (a, b) { return a[0] - b[0]; });
  }

  function appendMarked(node, text, ranges, from, to) {
    var at = from;
    ranges.forEach(function (range) {
      if (range[0] < at || range[1] > to) return;
      if (range[0] > at) node.appendChild(document.createTextNode(text.slice(at, range[0])));
      node.appendChild(element("mark", null, text.slice(range[0], range[1])));
      at = range[1];
    });
    if (at < to) node.appendChild(document.createTextNode(text.slice(at, to)));
  }

  function snippet(doc, parts) {
    var text = doc.x || "", ranges = matchRanges(text, parts);
    if (!ranges.length) { text = doc.m || text; ranges = matchRanges(text, parts); }
    var first = ranges.length ? ranges[0][0] : 0;
    var from = Math.max(0, first - 80), to = Math.min(text.length, from + 240);
    if (from > 0) { var space = text.indexOf(" ", from); if (space >= 0 && space < first) from = space + 1; }
    if (to < text.length) { var end = text.lastIndexOf(" ", to); if (end > first) to = end; }
    var node = element("p", "snippet");
    node.dir = "auto";
    if (from > 0) node.appendChild(document.createTextNode("… "));
    appendMarked(node, text, ranges, from, to);
    if (to < text.length) node.appendChild(document.createTextNode(" …"));
    return node;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function resultItem(id, parts) {
    var doc = docs[id];
    var item = element("li", "item");
    // An article in another language than the page's (as the site's lists mark it).
    if (doc.l) { item.lang = doc.l; item.dir = "auto"; }
    var title = element("h3", "item-title");
    var link = element("a");
    link.href = root + doc.u;
    link.dir = "auto";
    appendMarked(link, doc.t, matchRanges(doc.t, parts), 0, doc.t.length);
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(element("p", "meta", doc.d + " · " + doc.s + (doc.p ? " · " + doc.p.join(", ") : "")));
    item.appendChild(snippet(doc, parts));
    return item;
  }

  var generation = 0, state = null;

  // Shows results for the box and filters; a newer search supersedes one still loading.
  function search() {
    var mine = ++generation, query = input.value, parts = parse(query), chosen = filters();
    if (!parts.length) {
      list.textContent = ""; more.hidden = true; state = null;
      status.textContent = counted(words.ready, manifest.docs);
      return Promise.resolve();
    }
    var needed = [];
    parts.forEach(function (part) { part.terms.forEach(function (t) { shardKeys(t.term, t.prefix).forEach(function (key) { needed.push(load(shardFile(key))); }); }); });
    for (var kind in chosen) needed.push(load("facets/" + kind + "-" + encodeURIComponent(chosen[kind]) + ".js"));
    status.textContent = words.searching;
    return Promise.all(needed).then(function () {
      if (mine !== generation) return;
      state = { parts: parts, ids: rank(parts, chosen), next: 0, shown: 0, generation: mine, phrase: parts.some(function (p) { return p.phrase; }) };
      list.textContent = "";
      return showMore(PAGE);
    });
  }

  // Adds the next page of results, loading their documents; drops those a phrase check rules out.
  function showMore(target) {
    var current = state;
    var batch = current.ids.slice(current.next, current.next + Math.max(1, target - current.shown));
    current.next += batch.length;
    return Promise.all(batch.map(function (id) { return load("docs/" + id + ".js"); })).then(function () {
      if (current !== state) return;
      var kept = batch.filter(function (id) { return docs[id] && matchesPhrases(current.parts, docs[id]); });
      if (current.phrase) current.ids = current.ids.filter(function (id) { return batch.indexOf(id) < 0 || kept.indexOf(id) >= 0; });
      current.next -= batch.length - kept.length;
      kept.forEach(function (id) { list.appendChild(resultItem(id, current.parts)); });
      current.shown += kept.length;
      if (current.shown < target && current.next < current.ids.length) return showMore(target);
      var total = current.ids.length, unchecked = current.phrase && current.next < total;
      more.hidden = current.next >= total;
      var found = counted(unchecked ? words.found_up_to : words.found, total);
      status.textContent = total === 0 ? words.none : fill(current.shown < total ? words.showing : words.found_all, { found: found, shown: current.shown });
    });
  }

  // The query and filters live in the address, so results can be linked and Back works.
  function address() {
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    var chosen = filters();
    for (var kind in chosen) params.set(kind, chosen[kind]);
    var text = params.toString();
    return location.pathname + (text ? "?" + text : "");
  }
  function record(push) {
    try { history[push ? "pushState" : "replaceState"](null, "", address()); } catch (error) { /* some file:// set-ups refuse */ }
  }
  function restore() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    for (var kind in selects) if (selects[kind]) selects[kind].value = params.get(kind) || "";
  }

  // Filters: options from the manifest.
  manifest.facets.forEach(function (facet) {
    var cut = facet[0].indexOf("-"), kind = facet[0].slice(0, cut), select = selects[kind];
    if (!select) return;
    var option = element("option", null, facet[1]);
    option.value = facet[0].slice(cut + 1);
    select.appendChild(option);
  });

  var typing = null;
  input.addEventListener("input", function () {
    record(false);
    clearTimeout(typing);
    typing = setTimeout(search, 60);
  });
  for (var kind in selects) if (selects[kind]) selects[kind].addEventListener("change", function () { record(true); search(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); record(true); var first = list.querySelector("a"); if (first) first.focus(); });
  more.addEventListener("click", function () { if (state) showMore(state.shown + PAGE); });
  window.addEventListener("popstate", function () { restore(); search(); });

  // Keyboard: "/" focuses the box; arrow keys move through the results; Enter follows a link.
  document.addEventListener("keydown", function (event) {
    var target = event.target, links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (event.key === "/" && target !== input && !/^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) {
      event.preventDefault(); input.focus(); input.select(); return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var at = links.indexOf(target);
    if (target !== input && at < 0) return;
    event.preventDefault();
    if (event.key === "ArrowDown") { if (links.length) links[Math.min(at + 1, links.length - 1)].focus(); } else if (at <= 0) input.focus(); else links[at - 1].focus();
  });

  restore();
  window.DIGEST_SEARCH_READY = search();
})();
