// The search page: the query, its filters and the URL, over the sharded lunr index that
// search-engine.js loads as the query needs it; results as they come, with the keys.
(function () {
  'use strict';

  // Results shown at first, and added by "Show more": each one's chunk may be a request.
  var PAGE_SIZE = 10;
  // Index terms one typed word may stand for (prefix or typo), and the shortest prefix that
  // expands: each term is one more clause for lunr to score, and a single letter starts
  // thousands of terms in a large archive.
  var MAX_EXPANSIONS = 12;
  var MIN_PREFIX = 3;
  var SNIPPET_WORDS = 32;
  var FILTERS = ['cause', 'service', 'severity', 'year'];
  // How long typing pauses before the URL follows it (below).
  var URL_DELAY_MS = 300;
  // What a mark on a result's duration or causes means, on hover.
  var INFERRED = 'Inferred from the postmortem\'s text, not declared in its front matter';

  var form = document.getElementById('hs-search-form');
  var input = document.getElementById('hs-q');
  var status = document.getElementById('hs-status');
  var list = document.getElementById('hs-results');
  var more = document.getElementById('hs-more');
  var empty = document.getElementById('hs-empty');
  if (!form || !input) return;

  var selects = {};
  FILTERS.forEach(function (name) {
    var select = document.getElementById('hs-' + name);
    if (select) selects[name] = select;
  });

  var registry = window.HindsightSearch;
  var manifestText = window.lunr && registry && registry.Engine && registry.take('manifest');
  if (!manifestText) {
    status.textContent = 'The search index did not load, so search is unavailable here. ' +
      'Browse the archive instead.';
    return;
  }
  var engine = new registry.Engine(JSON.parse(manifestText), registry.scriptLoader(''));
  function unavailable() {
    status.textContent = 'Part of the search index did not load, so search is unavailable here. ' +
      'Browse the archive instead.';
    list.setAttribute('aria-busy', 'false');
  }

  // ---------------------------------------------------------------- query words

  // A typed word as the index holds words: lower-cased and split by lunr.tokenizer (on spaces
  // and hyphens, so "load-balancer" is "load balancer"), trimmed, then stemmed ("conditions" is
  // "condit", as "condition" is). Stop words ("the", "of") are kept out of the query.
  function queryWords(text) {
    var words = [];
    lunr.tokenizer(text).forEach(function (token) {
      var trimmed = lunr.trimmer(token);
      var raw = trimmed.toString();
      if (!raw) return;
      if (lunr.stopWordFilter(trimmed.clone()) === undefined) return;
      words.push({ raw: raw, stem: lunr.stemmer(trimmed.clone()).toString() });
    });
    return words;
  }

  // The index terms a list matches, shortest first (the likeliest meant), at most a few.
  function likeliest(terms) {
    return terms.slice()
      .sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); })
      .slice(0, MAX_EXPANSIONS);
  }

  function expands(word, prefix) { return prefix && word.raw.length >= MIN_PREFIX; }
  function fuzzyDistance(word) { return word.stem.length >= 8 ? 2 : 1; }

  // What a search for these words reads: each word's stem, and the terms the last word starts.
  // Typos need the dictionary, then what it finds (fuzzyNeeds).
  function needsOf(words) {
    return words.map(function (word, i) {
      return { term: word.stem, prefix: expands(word, i === words.length - 1) ? word.raw : null,
        likeliest: MAX_EXPANSIONS };
    });
  }

  // The dictionary terms within a word's typo distance: of its stem, and of the word as typed.
  function fuzzyTerms(word) {
    if (word.stem.length < 4) return [];  // "dns" is one edit from too many words
    var terms = [];
    var dictionary = engine.dictionary.tokenSet;
    [word.stem, word.raw].forEach(function (text) {
      likeliest(dictionary.intersect(lunr.TokenSet.fromFuzzyString(text, fuzzyDistance(word))).toArray())
        .forEach(function (term) { terms.push(term); });
    });
    return terms;
  }

  function fuzzyNeeds(words) {
    var needs = [];
    words.forEach(function (word) {
      fuzzyTerms(word).forEach(function (term) { needs.push({ term: term, prefix: null }); });
    });
    return needs;
  }

  // The terms that count as a match for one word: its stem, and, for the word being typed, every
  // term it starts. With fuzzy, also the terms within one edit of it (two for long words).
  function wordTerms(word, prefix, fuzzy) {
    var terms = [];
    var add = function (term) { if (terms.indexOf(term) < 0) terms.push(term); };
    if (engine.posting(word.stem)) add(word.stem);
    if (expands(word, prefix)) likeliest(engine.loadedTermsWithPrefix(word.raw)).forEach(add);
    if (fuzzy) fuzzyTerms(word).forEach(add);
    return terms;
  }

  // Every word must match (one of its terms) somewhere in a postmortem; lunr ranks the rest.
  // lunr has no "one of these terms" clause, so the query ORs all the terms and the results
  // are then held to each word. The shards (and, with fuzzy, the dictionary) must be loaded.
  // Returns the results ({docs, count, terms}, below).
  function search(words, fuzzy) {
    var groups = words.map(function (word, i) {
      return { exact: word.stem, terms: wordTerms(word, i === words.length - 1, fuzzy) };
    });
    // A last word too short to expand is still being typed: "database co" searches "database"
    // until the word is long enough to stand for something, rather than finding nothing.
    var last = groups[groups.length - 1];
    if (groups.length > 1 && last.terms.length === 0 && words[words.length - 1].raw.length < MIN_PREFIX) {
      groups.pop();
    }
    var terms = [];
    groups.forEach(function (group) { terms.push.apply(terms, group.terms); });
    if (groups.some(function (group) { return group.terms.length === 0; })) {
      return { docs: new Int32Array(0), count: 0, terms: terms };
    }
    var query = new lunr.Query(engine.fields);
    groups.forEach(function (group) {
      // A word with a single term is marked required: same results, but lunr then skips
      // scoring the postmortems without it.
      var presence = group.terms.length === 1 ? lunr.Query.presence.REQUIRED
        : lunr.Query.presence.OPTIONAL;
      group.terms.forEach(function (term) {
        query.term(term, { usePipeline: false, presence: presence,
          boost: term === group.exact ? 10 : 1 });
      });
    });
    // The postmortems to keep: with one of each word's terms.
    var keep = null;
    groups.forEach(function (group) {
      if (group.terms.length === 1) return;  // required already
      var any = new Uint8Array(engine.count);
      group.terms.forEach(function (term) {
        var hits = engine.hitsOf(engine.posting(term));
        for (var doc = 0; doc < any.length; doc++) any[doc] |= hits[doc];
      });
      keep = keep ? and(keep, any) : any;
    });
    var ranked = engine.rank(query, keep);
    return { docs: ranked.docs, count: ranked.count, terms: terms };
  }

  function and(a, b) {
    var out = new Uint8Array(a.length);
    for (var i = 0; i < a.length; i++) out[i] = a[i] & b[i];
    return out;
  }

  // 1 for each postmortem passing the filters, or null if there are none.
  function filterMask(filters) {
    var keep = null;
    FILTERS.forEach(function (name) {
      if (filters[name]) {
        var has = engine.facet(name, filters[name]);
        keep = keep ? and(keep, has) : has;
      }
    });
    return keep;
  }

  // ---------------------------------------------------------------- state and URL

  function readState() {
    var state = { q: input.value, filters: {} };
    FILTERS.forEach(function (name) {
      if (selects[name] && selects[name].value) state.filters[name] = selects[name].value;
    });
    return state;
  }

  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get('q') || '';
    FILTERS.forEach(function (name) {
      var select = selects[name];
      if (!select) return;
      var value = params.get(name) || '';
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : '';
    });
  }

  // The URL follows the typing once it pauses: replacing it is a same-document navigation,
  // after which Chromium fetches the page's icon again, a few milliseconds a keystroke. It is
  // written at once for any other change, and when the page is left (a result opened), so that
  // Back returns to these results.
  var urlTimer = null;
  var urlState = null;
  function followUrl(state) {
    urlState = state;
    if (urlTimer !== null) window.clearTimeout(urlTimer);
    urlTimer = window.setTimeout(flushUrl, URL_DELAY_MS);
  }

  function flushUrl() {
    if (urlTimer !== null) window.clearTimeout(urlTimer);
    urlTimer = null;
    if (urlState) writeUrl(urlState);
    urlState = null;
  }

  // replaceState, not pushState: typing should not fill the history, yet a result's back
  // button returns to this URL, and so to these results.
  function writeUrl(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set('q', state.q.trim());
    FILTERS.forEach(function (name) {
      if (state.filters[name]) params.set(name, state.filters[name]);
    });
    var search = params.toString();
    var url = window.location.pathname + (search ? '?' + search : '');
    if (url === window.location.pathname + window.location.search) return;
    try {
      window.history.replaceState(null, '', url);
    } catch (e) {
      // Some browsers refuse history changes on file:// pages; the search still works.
    }
  }

  // ---------------------------------------------------------------- rendering

  var termCache = Object.create(null);
  function termOf(word) {
    var lower = word.toLowerCase();
    if (!(lower in termCache)) {
      var token = lunr.trimmer(new lunr.Token(lower, {}));
      termCache[lower] = token.toString() ? lunr.stemmer(token).toString() : '';
    }
    return termCache[lower];
  }

  // Calls visit(start, end, word) for each word of the text as lunr splits words (on white space
  // and hyphens), in order, until visit returns true. Returns whether it stopped early.
  function eachWord(text, visit) {
    var re = /[^\s\-]+/g;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (visit(m.index, m.index + m[0].length, m[0])) return true;
    }
    return false;
  }

  // Appends text to parent as text nodes, with the words that match wrapped in <mark>. Never
  // innerHTML: titles and snippets are the archive's text, not markup.
  function appendHighlighted(parent, text, matched) {
    var last = 0;
    eachWord(text, function (wordStart, wordEnd, word) {
      if (!matched[termOf(word)]) return false;
      var core = word.match(/^(\W*)(.*?)(\W*)$/);
      var start = wordStart + core[1].length;
      var end = wordEnd - core[3].length;
      if (end <= start) return false;
      parent.appendChild(document.createTextNode(text.slice(last, start)));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(start, end);
      parent.appendChild(mark);
      last = end;
      return false;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // The stretch of the summary (else of the body) around the first matching word. Words are
  // read only up to the end of the snippet: bodies run to thousands of words.
  function snippet(doc, matched) {
    var sources = [doc.summary || '', doc.text || ''];
    for (var s = 0; s < sources.length; ++s) {
      var text = sources[s];
      var starts = [];
      var hit = -1;
      var end = 0;
      var cut = eachWord(text, function (wordStart, wordEnd, word) {
        starts.push(wordStart);
        end = wordEnd;
        if (hit < 0 && matched[termOf(word)]) hit = starts.length - 1;
        return hit >= 0 && starts.length >= Math.max(hit - 8, 0) + SNIPPET_WORDS;
      });
      if (hit < 0) continue;
      var first = Math.max(0, hit - 8);
      return (first > 0 ? '… ' : '') + text.slice(starts[first], end).replace(/\s+/g, ' ') +
        (cut && /\S/.test(text.slice(end)) ? ' …' : '');
    }
    // No word matched there (the match was in the title or a cause): the summary's beginning.
    var lead = doc.summary || doc.text || '';
    var count = 0;
    var stop = 0;
    eachWord(lead, function (wordStart, wordEnd) {
      stop = wordEnd;
      return ++count >= SNIPPET_WORDS;
    });
    return lead.slice(0, stop).replace(/\s+/g, ' ').trim() + (/\S/.test(lead.slice(stop)) ? ' …' : '');
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The terms of the query a postmortem has, for the highlighting.
  function matchedTerms(place, terms) {
    var matched = Object.create(null);
    terms.forEach(function (term) { if (engine.has(term, place)) matched[term] = true; });
    return matched;
  }

  // A result: the postmortem at `place` in the newest-first order, and the query's terms. Drawn
  // from its chunk, else from the heads with its snippet left to fill (fillSnippets) once the
  // chunk arrives.
  function resultItem(place, terms) {
    var doc = engine.head(place);
    var matched = matchedTerms(place, terms);
    var item = element('li', 'search-result');
    var link = element('a', 'search-result-title');
    link.href = '../' + doc.url;
    appendHighlighted(link, doc.title, matched);
    item.appendChild(link);

    var meta = element('p', 'search-result-meta');
    if (doc.date) {
      var time = element('time', '', doc.date);
      time.dateTime = doc.date;
      meta.appendChild(time);
    }
    // Values the text gave rather than the front matter, marked as the list pages mark them.
    var inferred = doc.inferred || 0;
    if (doc.duration) {
      var duration = meta.appendChild(element('span', inferred & 2 ? 'is-inferred' : '', doc.duration));
      if (inferred & 2) {
        duration.title = INFERRED;
        duration.appendChild(element('span', 'vh', ' (inferred)'));
      }
    }
    if (doc.severity) {
      meta.appendChild(element('span', 'sev sev-rank-' + doc.severity_rank, doc.severity));
    }
    if (inferred & 1 && doc.causes.length) {
      meta.appendChild(element('span', 'vh', 'Causes inferred from the text:'));
    }
    doc.causes.forEach(function (label) {
      var chip = meta.appendChild(element('span', inferred & 1 ? 'chip chip-inferred' : 'chip', label));
      if (inferred & 1) chip.title = INFERRED;
    });
    item.appendChild(meta);

    if (engine.hit(place)) {
      addSnippet(item, engine.hit(place), matched);
    } else {
      // Room for the snippet to come, so that the results below do not jump when it does.
      item.appendChild(element('p', 'search-result-snippet is-loading'));
      unfilled.push({ place: place, item: item, matched: matched });
    }
    return item;
  }

  function addSnippet(item, doc, matched) {
    var text = snippet(doc, matched);
    var p = item.querySelector('.search-result-snippet.is-loading');
    if (!text) {
      if (p) item.removeChild(p);
      return;
    }
    if (p) p.className = 'search-result-snippet';
    else p = item.appendChild(element('p', 'search-result-snippet'));
    appendHighlighted(p, text, matched);
  }

  // The results drawn before their chunks arrived, waiting for their snippets.
  var unfilled = [];
  function fillSnippets() {
    unfilled = unfilled.filter(function (entry) {
      var doc = engine.hit(entry.place);
      if (doc) addSnippet(entry.item, doc, entry.matched);
      return !doc;
    });
  }

  // A search's results: {docs, count, terms}, the first `count` of `docs` (places in the
  // newest-first order) best first, and the query's terms.
  var NONE = { docs: [], count: 0, terms: [] };
  var shown = NONE;   // the current search's results (or the first of them)
  var shownTotal = 0; // how many hits there are
  var shownRest = null; // when `shown` holds only the first: resolves to them all
  var shownCount = 0; // how many of them the list holds
  var wanted = 0;     // how many it should hold once what they show is in
  var generation = 0; // bumped by each search, so that late arrivals for an old one are dropped
  var shownGeneration = 0;  // the search whose results the list holds
  var whenDrawn = null;     // called once the list holds the wanted hits
  var firstPainted = false;
  var fetched = false;      // the search fetched a shard (not only read one fetched ahead)

  // What later searches will want, loaded ahead: what every result shows but its snippet, for
  // all the postmortems (engine.head), so that a search paints its ranked titles without
  // waiting for its hits' chunks; and the term dictionary, so that a word that matches nothing
  // (a typo, or a prefix past its stem: "evicti") does not wait for it. Once the reader types
  // or picks a filter, once the page opened empty has nothing else to do, or once the first
  // result of a page opened with a query is painted (so not among the bytes before it). Should
  // the heads fail, the chunks serve as before; should the dictionary, the search that needs it
  // says so.
  var preloading = false;
  function preload() {
    if (preloading) return;
    preloading = true;
    engine.loadHeads().then(function () { drawReady(); }, function () {});
    engine.loadDictionary(true).then(loadAhead, function () {});
  }

  // Appends, in order, the wanted hits whose heads (or chunks) have arrived, up to the first
  // that has not.
  function drawReady() {
    if (shownGeneration !== generation) return false;
    var fragment = document.createDocumentFragment();
    var first = shownCount;
    while (shownCount < wanted && engine.head(shown.docs[shownCount])) {
      fragment.appendChild(resultItem(shown.docs[shownCount], shown.terms));
      shownCount += 1;
    }
    list.appendChild(fragment);
    more.hidden = shownCount >= shownTotal || shownCount < wanted;
    if (!more.hidden) {
      more.textContent = 'Show more results (' + (shownTotal - shownCount) + ' more)';
    }
    if (first === 0 && shownCount > 0 && !firstPainted) {
      firstPainted = true;
      afterPaint('hindsight-first-result');
      afterNextPaint(preload);
    }
    if (shownCount >= wanted && whenDrawn) {
      var then = whenDrawn;
      whenDrawn = null;
      then();
    }
    return shownCount >= wanted;
  }

  // The next page of hits, drawn as soon as what they show but their snippets is in (the heads,
  // once loaded, hold it for every postmortem), else as their chunks arrive; the snippets follow
  // their chunks. For the first results of a page opened with a query, the chunk of the first
  // hit is asked for alone, and the rest once it is painted, so that the best result is not
  // kept waiting behind the others; otherwise (once the reader types) all at once. Returns
  // {drawn, filled}: promises of the page of hits drawn, and of their snippets too.
  var painted = false;
  function showMore() {
    var mine = generation;
    if (shownRest && shownCount + PAGE_SIZE > shown.count) {
      var all = shownRest;
      shownRest = null;
      var next = all().then(function (results) {
        if (mine !== generation) return { drawn: null, filled: null };
        shown = results;
        return showMore();
      });
      return {
        drawn: next.then(function (page) { return page.drawn; }),
        filled: next.then(function (page) { return page.filled; }),
      };
    }
    var from = shownCount;
    wanted = Math.min(shown.count, shownCount + PAGE_SIZE);
    var chunks = [];
    for (var i = from; i < wanted; i++) {
      var chunk = engine.chunkOf(shown.docs[i]);
      if (!engine.chunks[chunk] && chunks.indexOf(chunk) < 0) chunks.push(chunk);
    }
    var drawn = new Promise(function (resolve) { whenDrawn = resolve; });
    drawReady();
    var arrived = function () {
      if (mine !== generation) return;
      drawReady();
      fillSnippets();
    };
    var rest = function () {
      return Promise.all(chunks.map(function (chunk) { return engine.loadChunk(chunk).then(arrived); }));
    };
    var filled;
    if (chunks.length === 0) {
      filled = Promise.resolve();
    } else if (painted) {
      filled = rest();
    } else {
      painted = true;
      filled = engine.loadChunk(engine.chunkOf(shown.docs[from])).then(function () {
        arrived();
        if (mine !== generation) return null;
        return new Promise(afterNextPaint).then(rest);
      });
    }
    return { drawn: drawn, filled: filled };
  }

  // Calls then() once the browser has painted what was just drawn: the next frame, then the
  // task after it.
  function afterNextPaint(then) {
    window.requestAnimationFrame(function () { window.setTimeout(then, 0); });
  }

  // Marks that moment, for bench/search.
  function afterPaint(name, start, detail) {
    afterNextPaint(function () {
      if (start === undefined) performance.mark(name);
      else performance.measure(name, { start: start, end: performance.now(), detail: detail });
    });
  }

  function plural(n, word, words) { return n + ' ' + (n === 1 ? word : words || word + 's'); }

  function filterText(filters) {
    var parts = [];
    FILTERS.forEach(function (name) {
      var select = selects[name];
      if (!filters[name] || !select) return;
      var option = select.options[select.selectedIndex];
      parts.push(name + ' ' + option.textContent.replace(/\s*\(\d+\)$/, ''));
    });
    return parts.length ? ' with ' + parts.join(', ') : '';
  }

  // ---------------------------------------------------------------- loading ahead

  // Once the reader types, the page loads search-ahead.js (so not among the bytes before a first
  // result): after each key's results are painted, it loads what the next key will likely need.
  var typedSince = false;
  function needsOfText(text) { return needsOf(queryWords(text)); }
  function loadAhead() {
    if (engine.loadAhead) engine.loadAhead(input.value, needsOfText);
  }
  function startAhead() {
    if (typedSince) return;
    typedSince = true;
    var script = document.createElement('script');
    script.src = '../assets/search-ahead.js';
    script.onload = loadAhead;
    document.head.appendChild(script);
  }

  // ---------------------------------------------------------------- the search itself

  // Calls then() once what a search needs is loaded: at once if it is (so a keystroke on loaded
  // shards is answered in the same task), else when it arrives, unless a newer search started.
  function whenReady(loading, ready, mine, then) {
    if (ready()) {
      then();
      return;
    }
    loading.then(function () {
      if (mine === generation) then();
    }, function () {
      if (mine === generation) unavailable();
    });
  }

  // Searches for what the box and the filters hold. `started` is when the reader asked (the
  // input event); the results painted end the measure bench/search reads. `typing`: the box
  // changed, and more keys may follow.
  function run(started, typing) {
    started = started === undefined ? performance.now() : started;
    var mine = ++generation;
    var state = readState();
    fetched = false;
    followUrl(state);
    if (!typing) flushUrl();
    var words = queryWords(state.q);
    list.setAttribute('aria-busy', 'true');

    var filters = Object.keys(state.filters);
    var facetsLoaded = function () { return filters.every(function (name) { return engine.facetLoaded(name); }); };
    if (words.length === 0) {
      if (state.q.trim() || filters.length === 0) {
        show(state, words, NONE, false, started, false);
        return;
      }
      // Postmortems with these filters, newest first (places are that order).
      var all = function () {
        var keep = filterMask(state.filters);
        var docs = new Int32Array(engine.count);
        var count = 0;
        for (var doc = 0; doc < engine.count; doc++) {
          if (keep[doc]) docs[count++] = doc;
        }
        return { docs: docs, count: count, terms: [] };
      };
      // A filter alone on causes or services: its first page is in the manifest, and the rest
      // waits for its file until "Show more" asks for it.
      var first = filters.length === 1 && !facetsLoaded() &&
        engine.facetFirst(filters[0], state.filters[filters[0]]);
      if (first) {
        show(state, words, { docs: first.docs, count: first.docs.length, terms: [] },
          false, started, false, first.count, function () {
            return engine.loadFacets(filters).then(all);
          });
        return;
      }
      whenReady(engine.loadFacets(filters), facetsLoaded, mine, function () {
        show(state, words, all(), false, started, false);
      });
      return;
    }
    var needs = needsOf(words);
    var ready = function () { return engine.hasNeeds(needs) && facetsLoaded(); };
    var waited = !ready();
    var loading = Promise.all([engine.loadNeeds(needs), engine.loadFacets(filters)]);
    fetched = !ready();  // loadNeeds reads at once what was fetched ahead
    whenReady(loading, ready, mine, function () {
      var results = search(words, false);
      if (results.count > 0 || !words.some(function (word) { return word.stem.length >= 4; })) {
        show(state, words, filtered(results, state.filters), false, started, waited);
        return;
      }
      // Nothing matched exactly: close matches, from the dictionary.
      var dictionary = engine.loadDictionary();
      var afterDictionary = function () {
        var more = fuzzyNeeds(words);
        var ready = function () { return engine.hasNeeds(more); };
        waited = waited || !ready();
        var loadingMore = engine.loadNeeds(more);
        fetched = fetched || !ready();
        whenReady(loadingMore, ready, mine, function () {
          var fuzzy = search(words, true);
          show(state, words, filtered(fuzzy, state.filters), fuzzy.count > 0, started, waited);
        });
      };
      waited = waited || !engine.dictionary;
      fetched = fetched || !engine.dictionary;
      if (engine.dictionary) {
        afterDictionary();
      } else {
        dictionary.then(function () { if (mine === generation) afterDictionary(); },
          function () { if (mine === generation) unavailable(); });
      }
    });
  }

  // The results that pass the filters, in their order.
  function filtered(results, filters) {
    var keep = filterMask(filters);
    if (keep === null) return results;
    var docs = new Int32Array(results.count);
    var count = 0;
    for (var i = 0; i < results.count; i++) {
      if (keep[results.docs[i]]) docs[count++] = results.docs[i];
    }
    return { docs: docs, count: count, terms: results.terms };
  }

  // Draws the hits (the first page as its chunks arrive). `waited`: the search had to wait for a
  // shard or the dictionary; bench/search tells those keystrokes from the others.
  // `total`, `rest`: when the hits are only the first of `total`, rest() resolves to them all.
  function show(state, words, results, fuzzy, started, waited, total, rest) {
    var searched = performance.now();
    var count = total === undefined ? results.count : total;
    var typed = state.q.trim();
    var filtered = Object.keys(state.filters).length > 0;
    var quoted = '“' + typed + '”';
    var stillTyping = false;
    var message;
    if (!typed && !filtered) {
      message = 'Type to search ' + plural(engine.count, 'postmortem') + '.';
    } else if (typed && words.length === 0) {
      message = quoted + ' holds only very common words; add a more specific one.';
    } else if (count === 0 && words.length === 1 && words[0].raw.length < MIN_PREFIX) {
      message = 'Keep typing: ' + quoted + ' is too short to search for.';
      stillTyping = true;
    } else if (count === 0) {
      message = 'No postmortems match ' + (typed ? quoted : 'these filters') + filterText(state.filters) + '.';
    } else if (fuzzy) {
      message = 'No exact matches for ' + quoted + '. Showing ' +
        plural(count, 'close match', 'close matches') + filterText(state.filters) + '.';
    } else {
      message = plural(count, 'postmortem') + (count === 1 ? ' matches ' : ' match ') +
        (typed ? quoted : 'the filters') + (typed ? filterText(state.filters) : '') + '.';
    }

    var mine = generation;
    list.textContent = '';
    unfilled = [];
    shownGeneration = generation;
    shown = results;
    shownTotal = count;
    shownRest = rest || null;
    shownCount = 0;
    status.textContent = message;
    empty.hidden = !(count === 0 && (typed || filtered)) || stillTyping;
    // What the page of hits waits for: their heads (unless loaded), and their chunks for the
    // snippets. bench/search reads both moments.
    var headsIn = true;
    var chunksIn = true;
    for (var i = 0; i < Math.min(PAGE_SIZE, results.count); i++) {
      headsIn = headsIn && !!engine.head(results.docs[i]);
      chunksIn = chunksIn && !!engine.hit(results.docs[i]);
    }
    var page = showMore();
    var detail = { search: mine, query: state.q, hits: results.count, searched: searched - started,
      waitedForShards: waited, waitedForFetch: fetched, waitedForChunks: !headsIn, waitedForSnippets: !chunksIn };
    page.drawn.then(function () {
      if (mine !== generation) return;
      afterPaint('hindsight-search', started, detail);
      afterNextPaint(function () {
        if (mine !== generation || !engine.holdAhead) return;
        engine.holdAhead(false);
        loadAhead();
      });
    }, function () {});  // a failure is the filled promise's to report
    page.filled.then(function () {
      if (mine !== generation) return;
      list.setAttribute('aria-busy', 'false');
      afterPaint('hindsight-snippets', started, detail);
    }, function () {
      if (mine === generation) unavailable();
    });
  }

  // ---------------------------------------------------------------- keyboard

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll('a.search-result-title'));
  }

  // No debounce: a keystroke on loaded shards is answered within the frame, and one that needs a
  // shard is answered when it arrives, unless the next keystroke came first.
  input.addEventListener('input', function (event) {
    painted = true;  // a reader typing waits for the whole page of results, not the first
    startAhead();
    if (engine.holdAhead) engine.holdAhead(true);  // until its results are painted
    preload();
    run(event.timeStamp, true);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') {
      var links = resultLinks();
      if (links.length) {
        event.preventDefault();
        links[0].focus();
      }
    } else if (event.key === 'Escape' && input.value) {
      event.preventDefault();
      input.value = '';
      run();
    }
  });
  list.addEventListener('keydown', function (event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    var links = resultLinks();
    var at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') {
      if (at + 1 < links.length) {
        links[at + 1].focus();
      } else if (!more.hidden) {
        showMore().drawn.then(function () {
          var next = resultLinks()[at + 1];
          if (next) next.focus();
        });
      }
    } else if (at > 0) {
      links[at - 1].focus();
    } else {
      input.focus();
    }
  });
  // Enter in the box opens the best result; with JavaScript the form never reloads the page.
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var links = resultLinks();
    flushUrl();
    if (links.length && document.activeElement === input) window.location.href = links[0].href;
  });
  Object.keys(selects).forEach(function (name) {
    selects[name].addEventListener('change', function (event) {
      preload();
      run(event.timeStamp);
    });
  });
  more.addEventListener('click', function () {
    var first = shownCount;
    showMore().drawn.then(function () {
      var links = resultLinks();
      if (links[first]) links[first].focus();
    });
  });
  list.addEventListener('click', flushUrl);
  window.addEventListener('pagehide', flushUrl);
  window.addEventListener('popstate', function () {
    stateFromUrl();
    run();
  });

  // Results follow the typing, so the button only serves pages without JavaScript.
  var submit = form.querySelector('.search-submit');
  if (submit) submit.hidden = true;

  stateFromUrl();
  run();
  if (!input.value) input.focus();
  if (!input.value && Object.keys(readState().filters).length === 0) {
    if (window.requestIdleCallback) window.requestIdleCallback(preload, { timeout: 1000 });
    else window.setTimeout(preload, 0);
  }
})();
