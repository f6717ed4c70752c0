// The search page: lunr.js over the prebuilt index, with filters, the query in the URL and keys.
(function () {
  'use strict';

  var PAGE_SIZE = 20;        // results shown at first, and added by "Show more"
  var DEBOUNCE_MS = 120;     // typing pauses shorter than this do not search
  // Index terms one typed word may stand for (prefix or typo), and the shortest prefix that
  // expands: each term is one more clause for lunr to score, and a single letter starts
  // thousands of terms in a large archive.
  var MAX_EXPANSIONS = 12;
  var MIN_PREFIX = 3;
  var SNIPPET_WORDS = 32;
  var FILTERS = ['cause', 'service', 'severity', 'year'];

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

  var data = window.HindsightSearch;
  if (!window.lunr || !data || !data.index || !data.docs) {
    status.textContent = 'The search index did not load, so search is unavailable here. ' +
      'Browse the archive instead.';
    return;
  }

  var loading = performance.now();
  var index = lunr.Index.load(data.index);
  var docs = Object.create(null);
  data.docs.forEach(function (doc) { docs[doc.ref] = doc; });
  // Named measures let bench/search time the page as a reader meets it.
  performance.measure('hindsight-index-load', { start: loading, end: performance.now() });

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

  function hasTerm(term) {
    return Object.prototype.hasOwnProperty.call(index.invertedIndex, term);
  }

  // The index terms a token set matches, shortest first (the likeliest meant), at most a few.
  function termsMatching(tokenSet) {
    return index.tokenSet.intersect(tokenSet).toArray()
      .sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); })
      .slice(0, MAX_EXPANSIONS);
  }

  // The terms that count as a match for one word: its stem, and, for the word being typed, every
  // term it starts. With fuzzy, also the terms within one edit of it (two for long words).
  function wordTerms(word, prefix, fuzzy) {
    var terms = [];
    var add = function (term) { if (terms.indexOf(term) < 0) terms.push(term); };
    if (hasTerm(word.stem)) add(word.stem);
    if (prefix && word.raw.length >= MIN_PREFIX) {
      termsMatching(lunr.TokenSet.fromString(word.raw + '*')).forEach(add);
    }
    if (fuzzy && word.stem.length >= 4) {  // "dns" is one edit from too many words
      var distance = word.stem.length >= 8 ? 2 : 1;
      termsMatching(lunr.TokenSet.fromFuzzyString(word.stem, distance)).forEach(add);
      termsMatching(lunr.TokenSet.fromFuzzyString(word.raw, distance)).forEach(add);
    }
    return terms;
  }

  // Every word must match (one of its terms) somewhere in a postmortem; lunr ranks the rest.
  // lunr has no "one of these terms" clause, so the query ORs all the terms and the results
  // are then held to each word, through the terms lunr reports as matched.
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
    if (groups.some(function (group) { return group.terms.length === 0; })) return [];
    var results = index.query(function (query) {
      groups.forEach(function (group) {
        // A word with a single term is marked required: same results, but lunr then skips
        // scoring the postmortems without it, which halves the time of most keystrokes.
        var presence = group.terms.length === 1 ? lunr.Query.presence.REQUIRED
          : lunr.Query.presence.OPTIONAL;
        group.terms.forEach(function (term) {
          query.term(term, { usePipeline: false, presence: presence,
            boost: term === group.exact ? 10 : 1 });
        });
      });
    });
    return results.filter(function (result) {
      var matched = result.matchData.metadata;
      return groups.every(function (group) {
        return group.terms.some(function (term) { return term in matched; });
      });
    });
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

  function passesFilters(doc, filters) {
    return FILTERS.every(function (name) {
      return !filters[name] || doc.filters[name].indexOf(filters[name]) >= 0;
    });
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

  function resultItem(hit) {
    var doc = hit.doc;
    var item = element('li', 'search-result');
    var link = element('a', 'search-result-title');
    link.href = '../' + doc.url;
    appendHighlighted(link, doc.title, hit.matched);
    item.appendChild(link);

    var meta = element('p', 'search-result-meta');
    if (doc.date) {
      var time = element('time', '', doc.date);
      time.dateTime = doc.date;
      meta.appendChild(time);
    }
    if (doc.duration) meta.appendChild(element('span', '', doc.duration));
    if (doc.severity) {
      meta.appendChild(element('span', 'sev sev-rank-' + doc.severity_rank, doc.severity));
    }
    doc.causes.forEach(function (cause) {
      meta.appendChild(element('span', 'chip', cause.label));
    });
    item.appendChild(meta);

    var text = snippet(doc, hit.matched);
    if (text) {
      var p = element('p', 'search-result-snippet');
      appendHighlighted(p, text, hit.matched);
      item.appendChild(p);
    }
    return item;
  }

  var shown = [];
  var shownCount = 0;

  function showMore() {
    var next = shown.slice(shownCount, shownCount + PAGE_SIZE);
    var fragment = document.createDocumentFragment();
    next.forEach(function (hit) { fragment.appendChild(resultItem(hit)); });
    list.appendChild(fragment);
    shownCount += next.length;
    more.hidden = shownCount >= shown.length;
    if (!more.hidden) {
      more.textContent = 'Show more results (' + (shown.length - shownCount) + ' more)';
    }
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

  // ---------------------------------------------------------------- the search itself

  function matchedTerms(result) {
    var matched = Object.create(null);
    Object.keys(result.matchData.metadata).forEach(function (term) { matched[term] = true; });
    return matched;
  }

  function run() {
    var started = performance.now();
    var state = readState();
    writeUrl(state);
    var words = queryWords(state.q);
    var typed = state.q.trim();
    var filtered = Object.keys(state.filters).length > 0;
    var hits = [];
    var fuzzy = false;
    var message;

    var searched = 0;
    if (words.length > 0) {
      var results = search(words, false);
      if (results.length === 0) {
        results = search(words, true);
        fuzzy = results.length > 0;
      }
      searched = performance.now() - started;
      results.forEach(function (result) {
        var doc = docs[result.ref];
        if (!doc || !passesFilters(doc, state.filters)) return;
        hits.push({ doc: doc, matched: matchedTerms(result) });
      });
    } else if (filtered && !typed) {
      data.docs.forEach(function (doc) {
        if (passesFilters(doc, state.filters)) hits.push({ doc: doc, matched: Object.create(null) });
      });
    }

    var quoted = '“' + typed + '”';
    var stillTyping = false;
    if (!typed && !filtered) {
      message = 'Type to search ' + plural(data.docs.length, 'postmortem') + '.';
    } else if (typed && words.length === 0) {
      message = quoted + ' holds only very common words; add a more specific one.';
    } else if (hits.length === 0 && words.length === 1 && words[0].raw.length < MIN_PREFIX) {
      message = 'Keep typing: ' + quoted + ' is too short to search for.';
      stillTyping = true;
    } else if (hits.length === 0) {
      message = 'No postmortems match ' + (typed ? quoted : 'these filters') + filterText(state.filters) + '.';
    } else if (fuzzy) {
      message = 'No exact matches for ' + quoted + '. Showing ' +
        plural(hits.length, 'close match', 'close matches') + filterText(state.filters) + '.';
    } else {
      message = plural(hits.length, 'postmortem') + (hits.length === 1 ? ' matches ' : ' match ') +
        (typed ? quoted : 'the filters') + (typed ? filterText(state.filters) : '') + '.';
    }

    list.textContent = '';
    shown = hits;
    shownCount = 0;
    showMore();
    status.textContent = message;
    empty.hidden = !(hits.length === 0 && (typed || filtered)) || stillTyping;
    list.setAttribute('aria-busy', 'false');
    performance.measure('hindsight-search',
      { start: started, end: performance.now(), detail: { query: state.q, searched: searched } });
  }

  var timer = null;
  function schedule() {
    window.clearTimeout(timer);
    list.setAttribute('aria-busy', 'true');
    timer = window.setTimeout(run, DEBOUNCE_MS);
  }
  function runNow() {
    window.clearTimeout(timer);
    run();
  }

  // ---------------------------------------------------------------- keyboard

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll('a.search-result-title'));
  }

  input.addEventListener('input', schedule);
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
      runNow();
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
        showMore();
        resultLinks()[at + 1].focus();
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
    runNow();
    var links = resultLinks();
    if (links.length && document.activeElement === input) window.location.href = links[0].href;
  });
  Object.keys(selects).forEach(function (name) {
    selects[name].addEventListener('change', runNow);
  });
  more.addEventListener('click', function () {
    var first = shownCount;
    showMore();
    var links = resultLinks();
    if (links[first]) links[first].focus();
  });
  window.addEventListener('popstate', function () {
    stateFromUrl();
    runNow();
  });

  // Results follow the typing, so the button only serves pages without JavaScript.
  var submit = form.querySelector('.search-submit');
  if (submit) submit.hidden = true;

  stateFromUrl();
  runNow();
  if (!input.value) input.focus();

  // The first query through lunr, and the first results drawn, run cold: on 1,000 postmortems
  // the first keystroke took several times as long as the next ones. So as soon as the page is
  // idle, the whole path runs a few times on the archive's own words, drawing into a fragment
  // that is never shown.
  window.setTimeout(function () {
    var started = performance.now();
    data.docs.slice(0, 3).forEach(function (doc) {
      var words = queryWords(doc.title);
      var fragment = document.createDocumentFragment();
      search(words, false).slice(0, PAGE_SIZE).forEach(function (result) {
        fragment.appendChild(resultItem({ doc: docs[result.ref], matched: matchedTerms(result) }));
      });
      search(words.slice(0, 1), true);
    });
    performance.measure('hindsight-warm-up', { start: started, end: performance.now() });
  }, 0);
})();
