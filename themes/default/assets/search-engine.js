// The search page's engine: the site's lunr 2.3.9 index arrives in term-range shards, each loaded
// with lunr.Index.load when a query needs it, and queries are answered exactly as
// lunr.Index#query answers them on the whole index: the same documents, scores and order.
//
// Why not lunr's own query code on the merged shards: on 10,000 postmortems it builds an object
// for every (term, field, document) a query touches, and took 500 ms for "database connection
// pool"; this runs the same steps over typed arrays (the same floating-point operations in the
// same order, so the same scores to the last bit) in a few milliseconds.
//
// Runs in the browser (window.HindsightSearch) and in node (tests/lunr/sharded_search.mjs), with
// lunr as a global.
(function (global) {
  'use strict';

  var lunr = global.lunr;
  var registry = global.HindsightSearch = global.HindsightSearch || {};

  // ---------------------------------------------------------------- loading

  // Every search file is `HindsightSearch.register(NAME, JSON_TEXT)`: a script, so that one copy
  // loads over http and from file://, where a page may not fetch JSON.
  var arrived = Object.create(null);
  var waiting = Object.create(null);
  registry.register = function (name, text) {
    var callbacks = waiting[name];
    if (!callbacks) {
      arrived[name] = text;
      return;
    }
    delete waiting[name];
    callbacks.forEach(function (c) { c.resolve(text); });
  };
  // The text a file registered before anyone asked for it (the manifest, loaded by the page).
  registry.take = function (name) {
    var text = arrived[name];
    delete arrived[name];
    return text;
  };
  registry.expect = function (name) {
    return new Promise(function (resolve, reject) {
      if (name in arrived) {
        resolve(registry.take(name));
        return;
      }
      (waiting[name] = waiting[name] || []).push({ resolve: resolve, reject: reject });
    });
  };
  registry.failed = function (name, error) {
    var callbacks = waiting[name] || [];
    delete waiting[name];
    callbacks.forEach(function (c) { c.reject(error); });
  };

  // Loads NAME.js (with `query` after it, if any) from `base` with a script element; resolves to
  // the JSON text it registers.
  registry.scriptLoader = function (base) {
    return function (name, query) {
      var promise = registry.expect(name);
      var script = document.createElement('script');
      script.src = base + name + '.js' + (query || '');
      script.async = true;
      script.onerror = function () { registry.failed(name, new Error('could not load ' + script.src)); };
      document.head.appendChild(script);
      return promise;
    };
  };

  // Calls then() once the page is idle (within half a second), for work done ahead of need that
  // should not come between a keystroke and its results; in node, in a task of its own.
  var whenIdle = typeof requestIdleCallback === 'function'
    ? function (then) { requestIdleCallback(then, { timeout: 500 }); }
    : function (then) { setTimeout(then, 0); };

  // ---------------------------------------------------------------- sets of documents

  // lunr.Set's algebra over bit arrays; null is lunr.Set.complete.
  function intersect(a, b) {
    if (a === null) return b;
    if (b === null) return a;
    var out = new Uint8Array(a.length);
    for (var i = 0; i < a.length; i++) out[i] = a[i] & b[i];
    return out;
  }

  function union(a, b) {
    if (a === null || b === null) return null;
    var out = new Uint8Array(a.length);
    for (var i = 0; i < a.length; i++) out[i] = a[i] | b[i];
    return out;
  }

  function contains(set, doc) {
    return set === null || set[doc] === 1;
  }

  // ---------------------------------------------------------------- the engine

  // The smallest string above every string starting with `prefix`, or null if there is none.
  function prefixEnd(prefix) {
    var end = prefix;
    while (end.length > 0 && end.charCodeAt(end.length - 1) === 0xffff) end = end.slice(0, -1);
    if (end.length === 0) return null;
    return end.slice(0, -1) + String.fromCharCode(end.charCodeAt(end.length - 1) + 1);
  }

  // The position of the first element of a sorted array of strings not below `value`.
  function lowerBound(sorted, value) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function commonPrefix(a, b) {
    var n = 0;
    while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
    return a.slice(0, n);
  }

  // Two sorted arrays of distinct strings as one.
  function mergeSorted(a, b) {
    if (b.length === 0) return a;
    var out = new Array(a.length + b.length);
    var i = 0, j = 0, k = 0;
    while (i < a.length && j < b.length) out[k++] = a[i] < b[j] ? a[i++] : b[j++];
    while (i < a.length) out[k++] = a[i++];
    while (j < b.length) out[k++] = b[j++];
    return out;
  }

  // A shard's postings as typed arrays, by term: per field, the documents having the term (in
  // the order of the posting's keys: ascending, refs being numbers) and the weight each one's
  // field vector gives it. Read from the field vectors, which hold one element per posting
  // (tests/lunr/sharded_search.mjs checks that every shard does): looking each posting's weight
  // up in its vector took 80 ms for the twelve terms "con" stands for. The vectors are taken in
  // the order of their documents (a counting sort), so that each term's documents come out
  // ascending, whatever order the file lists them in. `count`: the documents of the archive.
  function shardPostings(json, fields, count) {
    var fieldCount = fields.length;
    var fieldIndex = Object.create(null);
    fields.forEach(function (field, f) { fieldIndex[field] = f; });
    var entries = json.invertedIndex;
    var local = new Map();  // _index -> the term's place in the shard
    for (var t = 0; t < entries.length; t++) local.set(entries[t][1]._index, t);
    var vectors = json.fieldVectors;
    var vectorField = new Int32Array(vectors.length);
    var vectorDoc = new Int32Array(vectors.length);
    var docStarts = new Int32Array(count + 1);
    var sizes = new Int32Array(entries.length * fieldCount);  // per (term, field)
    for (var v = 0; v < vectors.length; v++) {
      var fieldRef = vectors[v][0];
      var slash = fieldRef.indexOf('/');
      var f = fieldIndex[fieldRef.slice(0, slash)];
      var doc = +fieldRef.slice(slash + 1);
      vectorField[v] = f;
      vectorDoc[v] = doc;
      docStarts[doc + 1] += 1;
      var elements = vectors[v][1];
      for (var e = 0; e < elements.length; e += 2) sizes[local.get(elements[e]) * fieldCount + f] += 1;
    }
    for (var d = 0; d < count; d++) docStarts[d + 1] += docStarts[d];
    var byDoc = new Int32Array(vectors.length);
    for (v = 0; v < vectors.length; v++) byDoc[docStarts[vectorDoc[v]]++] = v;
    var postings = Object.create(null);
    var docs = new Array(sizes.length);
    var weights = new Array(sizes.length);
    for (t = 0; t < entries.length; t++) {
      var posting = { term: entries[t][0], index: entries[t][1]._index, docs: [], weights: [], hits: null };
      for (f = 0; f < fieldCount; f++) {
        var at = t * fieldCount + f;
        posting.docs.push(docs[at] = new Int32Array(sizes[at]));
        posting.weights.push(weights[at] = new Float64Array(sizes[at]));
      }
      postings[entries[t][0]] = posting;
    }
    var filled = new Int32Array(sizes.length);
    for (var k = 0; k < byDoc.length; k++) {
      v = byDoc[k];
      f = vectorField[v];
      doc = vectorDoc[v];
      elements = vectors[v][1];
      for (e = 0; e < elements.length; e += 2) {
        at = local.get(elements[e]) * fieldCount + f;
        docs[at][filled[at]] = doc;
        weights[at][filled[at]++] = elements[e + 1];
      }
    }
    return postings;
  }

  // manifest: the parsed search/manifest.js; load(name, query) resolves to the JSON text of
  // NAME.js (query, as "?v=...", only tells a browser's cache one build's file from another's).
  function Engine(manifest, load) {
    var self = this;
    this.manifest = manifest;
    this.load = load;
    this.count = manifest.postmortems;
    this.fields = manifest.fields;
    this.cut = manifest.shards;  // shards 0 .. cut - 1 cut the terms; the families follow
    var likeliest = manifest.likeliest.prefixes;
    var shards = this.cut + manifest.families.length + likeliest.length;
    this.shards = new Array(shards);  // true once loaded
    this.loading = new Array(shards);  // promises
    this.unread = {};  // shard -> reads it: arrived, not read
    this.ahead = {};  // shards fetched ahead (search-ahead.js) that no search wanted yet
    this.familyOf = Object.create(null);  // prefix -> shard
    manifest.families.forEach(function (prefix, f) { self.familyOf[prefix] = self.cut + f; });
    this.postingOf = Object.create(null);  // term -> its postings (shardPostings), once loaded
    this.terms = [];  // every loaded term, sorted
    this.dictionary = null;
    this.dictionaryLoading = null;
    this.termList = null;  // the dictionary's terms, once read
    this.chunks = [];
    this.chunksLoading = [];
    this.pipeline = lunr.Pipeline.load(['stemmer']);  // what Index.load makes of the shards'
    var size = this.fields.length * this.count;
    this.seen = new Uint8Array(size);  // reused by every query: discovered (field, document)s
    this.dots = new Float64Array(size);
    this.order = new Int32Array(size);
    this.passes = new Uint8Array(this.count);  // and by document
    this.scores = new Float64Array(this.count);
    this.place = new Int32Array(this.count);
  }

  // ------------------------------------------------ which shards a term or a prefix lives in

  // The last term of shard s of the cut (0 in the manifest: a shard of one term).
  Engine.prototype.lastOf = function (s) {
    var last = this.manifest.lasts[s];
    return last === 0 ? this.manifest.bounds[s] : last;
  };

  // The shard of the cut whose range holds the term (whether or not the index has it).
  Engine.prototype.shardOf = function (term) {
    return Math.max(0, lowerBound(this.manifest.bounds, term + '\0') - 1);
  };

  // The shard of the cut holding the term, or none ([]) when the index cannot have it: a term
  // between one shard's last term and the next one's first, or a short term the manifest does
  // not list. Nothing to load to know that.
  Engine.prototype.shardsOfTerm = function (term) {
    // The manifest lists the terms of one or two code units (the first letters of a word typed).
    var short = this.manifest.short;
    if (term.length <= 2 && short && short[lowerBound(short, term)] !== term) return [];
    var s = this.shardOf(term);
    return term < this.manifest.bounds[s] || term > this.lastOf(s) ? [] : [s];
  };

  // The shards of the cut holding terms that start with `prefix`: those whose first to last terms
  // overlap [prefix, prefixEnd(prefix)).
  Engine.prototype.shardsOfPrefix = function (prefix) {
    var manifest = this.manifest;
    var end = prefixEnd(prefix);
    var last = end === null ? this.cut - 1 : this.shardOf(end);
    if (end !== null && manifest.bounds[last] >= end) last -= 1;  // it starts past the range
    var shards = [];
    for (var s = this.shardOf(prefix); s <= last; s++) {
      if (this.lastOf(s) >= prefix) shards.push(s);
    }
    return shards;
  };

  // A need is what a word or a clause asks of the index: a term (or null) and every term starting
  // with a prefix (or null). The shards of the cut that hold it:
  Engine.prototype.cutShards = function (need) {
    var shards = need.term === null ? [] : this.shardsOfTerm(need.term);
    if (need.prefix !== null) {
      this.shardsOfPrefix(need.prefix).forEach(function (s) { if (shards.indexOf(s) < 0) shards.push(s); });
    }
    return shards;
  };

  // The narrowest family (loaded, if `loaded`) holding all a need asks for, or null: one whose
  // prefix starts both the prefix and the term (unless the index cannot have the term).
  Engine.prototype.familyFor = function (need, loaded) {
    var term = need.term !== null && this.shardsOfTerm(need.term).length > 0 ? need.term : null;
    var common = term === null ? need.prefix : need.prefix === null ? term : commonPrefix(term, need.prefix);
    if (common === null) return null;
    for (var n = common.length; n >= 3; n--) {
      var f = this.familyOf[common.slice(0, n)];
      if (f !== undefined && (!loaded || this.shards[f])) return f;
    }
    return null;
  };

  // A need may ask, of the terms its prefix starts, only for the `likeliest` shortest (by length,
  // then code units): as many as the search page expands a typed word to. A prefix starting more
  // terms than a family holds has a shard of just those (as many as manifest.likeliest.terms).
  // Its shard, or null: when the prefix's terms span shards of the cut and no family holds them,
  // the one of the longest such prefix the need's prefix starts with, which is the shortest
  // prefix having the same terms as the need's.
  Engine.prototype.likeliestFor = function (need) {
    if (need.prefix === null || !need.likeliest || need.likeliest > this.manifest.likeliest.terms) return null;
    var prefix = { term: null, prefix: need.prefix };
    if (this.shardsOfPrefix(need.prefix).length <= 1 || this.familyFor(prefix, false) !== null) return null;
    // Such a shard holds the likeliest terms of a word (a term), and serves every prefix of the
    // word at least as long as the shortest one having the same terms.
    var likeliest = this.manifest.likeliest;
    for (var l = 0; l < likeliest.prefixes.length; l++) {
      if (need.prefix.lastIndexOf(likeliest.prefixes[l], 0) === 0 &&
          likeliest.words[l].lastIndexOf(need.prefix, 0) === 0) {
        return this.cut + this.manifest.families.length + l;
      }
    }
    return null;
  };

  // The shards to load for a need: the one shard of the cut holding it, else the narrowest family
  // holding it all (one request rather than several), else the term's and the prefix's apart:
  // for the prefix, a family, or the shard of its likeliest terms if those are all it asks for,
  // else the shards of the cut.
  Engine.prototype.shardsFor = function (need) {
    var cut = this.cutShards(need);
    if (cut.length <= 1) return cut;
    var family = this.familyFor(need, false);
    if (family !== null) return [family];
    if (need.term === null) {
      var likeliest = this.likeliestFor(need);
      if (likeliest !== null) return [likeliest];
      var terms = this.likeliestTerms(need);
      return terms === null ? cut : terms.map(this.shardOf, this).filter(function (s, i, all) {
        return all.indexOf(s) === i;
      });
    }
    var term = this.shardsOfTerm(need.term);
    var prefix = need.prefix === null ? [] :
      this.shardsFor({ term: null, prefix: need.prefix, likeliest: need.likeliest });
    return term.concat(prefix.filter(function (s) { return term.indexOf(s) < 0; }));
  };

  // Whether what a need asks for is loaded: its shards of the cut, or a family holding it all, or
  // what holds its term and what holds its prefix's terms (or the likeliest of them).
  Engine.prototype.hasNeed = function (need) {
    var self = this;
    if (this.cutShards(need).every(function (s) { return self.shards[s]; }) ||
        this.familyFor(need, true) !== null) {
      return true;
    }
    if (need.term !== null && need.prefix !== null) {
      return this.hasNeed({ term: need.term, prefix: null }) &&
        this.hasNeed({ term: null, prefix: need.prefix, likeliest: need.likeliest });
    }
    var likeliest = this.likeliestFor(need);
    if (likeliest !== null && this.shards[likeliest] === true) return true;
    var terms = this.likeliestTerms(need);
    return terms !== null && terms.every(function (term) { return self.postingOf[term] !== undefined; });
  };

  // With the dictionary in, a prefix asking for its `likeliest` terms needs only their shards:
  // the page keeps the shortest loaded terms, which are then the dictionary's ("race con": 7
  // shards, not the cut's 25). Those terms, or null.
  Engine.prototype.likeliestTerms = function (need) {
    var terms = this.termList;
    if (!terms || need.prefix === null || need.term !== null || !need.likeliest) return null;
    var matches = [];
    for (var i = lowerBound(terms, need.prefix); i < terms.length && terms[i].lastIndexOf(need.prefix, 0) === 0; i++) {
      matches.push(terms[i]);
    }
    return matches
      .sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); })
      .slice(0, need.likeliest);
  };


  Engine.prototype.hasNeeds = function (needs) {
    var self = this;
    return needs.every(function (need) { return self.hasNeed(need); });
  };

  // Loads what the needs ask for; resolves once it is.
  Engine.prototype.loadNeeds = function (needs) {
    var self = this;
    var shards = [];
    needs.forEach(function (need) {
      if (!self.hasNeed(need)) shards.push.apply(shards, self.shardsFor(need));
    });
    return this.loadShards(shards);
  };

  Engine.prototype.loadShards = function (shards) {
    var self = this;
    return Promise.all(shards.map(function (s) {
      if (self.shards[s]) return null;
      delete self.ahead[s];  // wanted now
      if (self.unread[s]) self.unread[s]();
      if (self.shards[s]) return null;
      if (!self.loading[s]) self.loading[s] = self.fetchShard(s);
      return self.loading[s];
    }));
  };

  // Fetches a shard; resolves once it is read: at once, unless fetched ahead and still unwanted
  // (search-ahead.js), then by readAhead or when a search wants it.
  Engine.prototype.fetchShard = function (s) {
    var self = this;
    return this.load('s-' + s, '?v=' + this.manifest.version).then(function (text) {
      return new Promise(function (resolve) {
        var read = self.unread[s] = function () {
          if (self.unread[s] !== read) return;
          delete self.unread[s];
          delete self.ahead[s];
          self.addShard(JSON.parse(text));
          self.shards[s] = true;
          resolve();
        };
        if (!self.ahead[s]) return read();
        self.aheadBytes += text.length;
        self.readAhead();
      });
    });
  };

  // Takes in a shard's postings and terms. Every shard is a lunr index, and is loaded as one; a
  // term in two shards (its shard of the cut and a family) has the same postings in both.
  Engine.prototype.addShard = function (json) {
    lunr.Index.load(json);
    var postings = shardPostings(json, this.fields, this.count);
    var added = [];
    for (var i = 0; i < json.invertedIndex.length; i++) {
      var term = json.invertedIndex[i][0];  // sorted, as the file lists them
      if (this.postingOf[term] !== undefined) continue;
      this.postingOf[term] = postings[term];
      added.push(term);
    }
    this.terms = mergeSorted(this.terms, added);
  };

  // The term dictionary, as a token set that typos are matched against. Resolves once it is in.
  // `ahead`: loaded ahead of need, its token set is built while the page is idle, until a call
  // without it says that a search waits for it.
  Engine.prototype.loadDictionary = function (ahead) {
    var self = this;
    if (!this.dictionaryLoading) {
      this.dictionaryBuild = { now: !ahead, hurry: null };
      this.dictionaryLoading = this.load(this.manifest.terms).then(function (text) {
        var terms = JSON.parse(text);
        self.termList = terms;
        return tokenSetOf(terms, self.dictionaryBuild).then(function (tokenSet) {
          self.dictionary = { terms: terms, tokenSet: tokenSet };
        });
      });
    } else if (!ahead && !this.dictionaryBuild.now) {
      this.dictionaryBuild.now = true;
      if (this.dictionaryBuild.hurry) this.dictionaryBuild.hurry();
    }
    return this.dictionaryLoading;
  };

  // lunr.TokenSet.fromArray(terms), built as it builds it (terms sorted) but, unless build.now,
  // a slice at a time while the page is idle: the whole of it is 25 to 70 ms of a loaded
  // machine's main thread at 4,400 terms, which would otherwise hold up the keystrokes typed and
  // the shards arriving meanwhile. build.hurry() finishes it at once.
  var TOKEN_SET_SLICE = 200;
  function tokenSetOf(terms, build) {
    var builder = new lunr.TokenSet.Builder();
    var at = 0;
    return new Promise(function (resolve) {
      var slice = function () {
        if (at > terms.length) return;  // finished already
        var end = build.now ? terms.length : Math.min(terms.length, at + TOKEN_SET_SLICE);
        for (; at < end; at++) builder.insert(terms[at]);
        if (at < terms.length) {
          whenIdle(slice);
          return;
        }
        at += 1;
        builder.finish();
        resolve(builder.root);
      };
      build.hurry = slice;
      slice();
    });
  }

  // ------------------------------------------------ postings

  // A term's postings (shardPostings), or null if the index has no such term. Its shard (or a
  // family holding it) must be loaded.
  Engine.prototype.posting = function (term) {
    var posting = this.postingOf[term];
    return posting === undefined ? null : posting;
  };

  // Per document, 1 if it has the term in any field. The term must be in the index, and loaded.
  Engine.prototype.hitsOf = function (posting) {
    if (!posting.hits) {
      posting.hits = new Uint8Array(this.count);
      for (var f = 0; f < posting.docs.length; f++) {
        var docs = posting.docs[f];
        for (var i = 0; i < docs.length; i++) posting.hits[docs[i]] = 1;
      }
    }
    return posting.hits;
  };

  // Whether a document has the term in any field. The term's shard must be loaded.
  Engine.prototype.has = function (term, doc) {
    var posting = this.posting(term);
    return posting !== null && this.hitsOf(posting)[doc] === 1;
  };

  // Every term starting with `prefix`, in sorted order. What holds them must be loaded.
  Engine.prototype.loadedTermsWithPrefix = function (prefix) {
    var out = [];
    var terms = this.terms;
    for (var i = lowerBound(terms, prefix); i < terms.length && terms[i].lastIndexOf(prefix, 0) === 0; i++) {
      out.push(terms[i]);
    }
    return out;
  };

  // ------------------------------------------------ expanding a clause's term

  // What expanding a clause's term needs: the dictionary (a leading or inner wildcard, or an edit
  // distance: matches may be anywhere), else the term, or the terms its prefix starts.
  Engine.prototype.needOf = function (clause) {
    var term = clause.term;
    var star = term.indexOf('*');
    if ('editDistance' in clause || (star >= 0 && !/^[^*]*\*+$/.test(term)) || star === 0) {
      return { dictionary: true };
    }
    return star < 0 ? { term: term, prefix: null } : { term: null, prefix: term.slice(0, star) };
  };

  // lunr's this.tokenSet.intersect(TokenSet.fromClause(clause)).toArray(), in its order. The
  // order of toArray depends only on the terms that match (a token set holding every match and
  // any other terms lists them in the same order), so the matches found among the loaded terms
  // are put through lunr's intersection once more, over a token set of just them.
  Engine.prototype.expand = function (clause) {
    var need = this.needOf(clause);
    // A plain term stands for itself if the index has it (its need is loaded): what the
    // dictionary, every term of the index, would say.
    if (!need.dictionary && need.prefix === null) return this.posting(clause.term) ? [clause.term] : [];
    var tokenSet = lunr.TokenSet.fromClause(clause);
    if (this.dictionary) return this.dictionary.tokenSet.intersect(tokenSet).toArray();
    if (need.dictionary) throw new Error('the term dictionary is not loaded');
    var matches = this.loadedTermsWithPrefix(need.prefix);
    if (matches.length < 2) return matches;
    return lunr.TokenSet.fromArray(matches).intersect(tokenSet).toArray();
  };

  // The terms a clause's text stands for, through the search pipeline as lunr runs it.
  Engine.prototype.clauseTerms = function (clause) {
    return clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
  };

  // Loads whatever the clauses' expansions need: shards, and the dictionary for a typo or a
  // wildcard that is not at the end, then the shards of the terms it finds.
  Engine.prototype.prepare = function (clauses) {
    var self = this;
    var needs = [];
    var dictionary = false;
    clauses.forEach(function (clause) {
      self.clauseTerms(clause).forEach(function (term) {
        var need = self.needOf(Object.assign({}, clause, { term: term }));
        if (need.dictionary) dictionary = true; else needs.push(need);
      });
    });
    var loading = this.loadNeeds(needs);
    if (!dictionary) return loading;
    return Promise.all([loading, this.loadDictionary()]).then(function () {
      var more = [];
      clauses.forEach(function (clause) {
        self.clauseTerms(clause).forEach(function (term) {
          var tokenSet = lunr.TokenSet.fromClause(Object.assign({}, clause, { term: term }));
          self.dictionary.tokenSet.intersect(tokenSet).toArray().forEach(function (match) {
            more.push({ term: match, prefix: null });
          });
        });
      });
      return self.loadNeeds(more);
    });
  };

  // ------------------------------------------------ the query

  // lunr.Index#query for clauses whose expansions are loaded (prepare): results
  // [{ref, score, doc}] in lunr's order. Documents are numbers (refs are places in the
  // newest-first order).
  Engine.prototype.run = function (query) {
    var ranked = this.rank(query, null);
    var results = new Array(ranked.count);
    for (var i = 0; i < ranked.count; i++) {
      var doc = ranked.docs[i];
      results[i] = { ref: String(doc), score: ranked.scores[doc], doc: doc };
    }
    return results;
  };

  // The same results as numbers: {count, docs (Int32Array, best first; count of them), scores
  // (by document)}, keeping only the documents whose `keep` is 1 (all, if null). Keeping fewer
  // changes no score, and a stable sort of fewer documents leaves them in the same order, so
  // this is lunr's ranking of all with the others taken out, without an object per document.
  // Each step below is the step of lunr.js:1960-2242 it mirrors, over typed arrays: the same
  // floating-point operations in the same order, so the same scores to the last bit.
  Engine.prototype.rank = function (query, keep) {
    var fields = this.fields;
    var count = this.count;
    var fieldIndex = Object.create(null);
    fields.forEach(function (field, f) { fieldIndex[field] = f; });
    var queryVectors = fields.map(function () { return new lunr.Vector(); });
    var termFieldCache = Object.create(null);
    var requiredMatches = new Array(fields.length);    // undefined, null (complete) or bits
    var prohibitedMatches = new Array(fields.length);
    var postingsByIndex = Object.create(null);
    var seen = this.seen;
    var order = this.order;
    var discovered = 0;

    for (var c = 0; c < query.clauses.length; c++) {
      var clause = query.clauses[c];
      var required = clause.presence === lunr.Query.presence.REQUIRED;
      var clauseMatches = required ? new Uint8Array(count) : null;
      var terms = this.clauseTerms(clause);
      for (var m = 0; m < terms.length; m++) {
        clause.term = terms[m];
        var expanded = this.expand(clause);
        if (expanded.length === 0 && required) {
          for (var k = 0; k < clause.fields.length; k++) {
            requiredMatches[fieldIndex[clause.fields[k]]] = new Uint8Array(count);
          }
          break;
        }
        for (var j = 0; j < expanded.length; j++) {
          var posting = this.posting(expanded[j]);
          postingsByIndex[posting.index] = posting;
          for (k = 0; k < clause.fields.length; k++) {
            var f = fieldIndex[clause.fields[k]];
            var docs = posting.docs[f];
            if (required) {
              for (var i = 0; i < docs.length; i++) clauseMatches[docs[i]] = 1;
              if (requiredMatches[f] === undefined) requiredMatches[f] = null;
            }
            if (clause.presence === lunr.Query.presence.PROHIBITED) {
              var prohibited = prohibitedMatches[f] || (prohibitedMatches[f] = new Uint8Array(count));
              for (i = 0; i < docs.length; i++) prohibited[docs[i]] = 1;
              continue;
            }
            queryVectors[f].upsert(posting.index, clause.boost, function (a, b) { return a + b; });
            var termField = expanded[j] + '/' + clause.fields[k];
            if (termFieldCache[termField]) continue;
            var base = f * count;
            for (i = 0; i < docs.length; i++) {
              var fieldRef = base + docs[i];
              if (seen[fieldRef] === 0) {
                seen[fieldRef] = 1;
                order[discovered++] = fieldRef;
              }
            }
            termFieldCache[termField] = true;
          }
        }
      }
      if (required) {
        for (k = 0; k < clause.fields.length; k++) {
          f = fieldIndex[clause.fields[k]];
          requiredMatches[f] = intersect(requiredMatches[f], clauseMatches);
        }
      }
    }

    // What a document must pass: the required clauses, no prohibited one, and `keep`.
    var allRequired = null;
    var allProhibited = null;
    for (f = 0; f < fields.length; f++) {
      if (requiredMatches[f] !== undefined) allRequired = intersect(allRequired, requiredMatches[f]);
      if (prohibitedMatches[f]) allProhibited = allProhibited ? union(allProhibited, prohibitedMatches[f]) : prohibitedMatches[f];
    }
    var passes = this.passes;
    if (allRequired === null && allProhibited === null && keep === null) {
      passes.fill(1);
    } else {
      for (var d = 0; d < count; d++) {
        passes[d] = (allRequired === null || allRequired[d]) && (allProhibited === null || !allProhibited[d]) &&
          (keep === null || keep[d]) ? 1 : 0;
      }
    }

    // Each discovered (field, document)'s dot product with the field's query vector, summed in
    // ascending _index as lunr.Vector#dot does, so to the same bits.
    var dots = this.dots;
    var magnitudes = [];
    for (f = 0; f < fields.length; f++) {
      var elements = queryVectors[f].elements;
      for (var e = 0; e < elements.length; e += 2) {
        var term = postingsByIndex[elements[e]];
        var boost = elements[e + 1];
        docs = term.docs[f];
        var weights = term.weights[f];
        base = f * count;
        for (i = 0; i < docs.length; i++) {
          dots[base + docs[i]] += boost * weights[i];
        }
      }
      magnitudes.push(queryVectors[f].magnitude());
    }

    // A document's score, the sum of its fields' in the order lunr meets them; the documents in
    // the order lunr first meets them, which its stable sort keeps among equal scores.
    var negated = query.isNegated();
    var total = negated ? fields.length * count : discovered;
    var scores = this.scores;
    var place = this.place;  // a document's place in `found` + 1, 0 if not found yet
    var found = new Int32Array(count);
    var n = 0;
    for (var x = 0; x < total; x++) {
      // Negated, lunr takes every field vector, in their order: by document, then field.
      var code = negated ? (x % fields.length) * count + Math.floor(x / fields.length) : order[x];
      var doc = code % count;
      if (passes[doc] === 0) continue;
      f = (code - doc) / count;
      var score = negated ? (0 / magnitudes[f] || 0) : (dots[code] / magnitudes[f] || 0);
      if (place[doc] !== 0) {
        scores[doc] += score;
      } else {
        scores[doc] = score;
        found[n++] = doc;
        place[doc] = n;
      }
    }
    for (x = 0; x < discovered; x++) {
      seen[order[x]] = 0;
      dots[order[x]] = 0;
    }
    found = found.subarray(0, n);
    // Best first; among equal scores, in the order found (lunr's sort is stable).
    found.sort(function (a, b) { return scores[b] - scores[a] || place[a] - place[b]; });
    for (x = 0; x < n; x++) place[found[x]] = 0;
    return { count: n, docs: found, scores: scores };
  };

  // lunr.Index#search over the shards: parses the query as lunr does, loads what it needs, and
  // resolves to the results lunr.Index#search gives on the whole index.
  Engine.prototype.search = function (queryString) {
    var self = this;
    var query = new lunr.Query(this.fields);
    new lunr.QueryParser(queryString, query).parse();
    return this.prepare(query.clauses).then(function () { return self.run(query); });
  };

  // ------------------------------------------------ what hits show

  Engine.prototype.chunkOf = function (doc) {
    return Math.floor(doc / this.manifest.chunk);
  };

  Engine.prototype.loadChunk = function (chunk) {
    var self = this;
    if (!this.chunksLoading[chunk]) {
      this.chunksLoading[chunk] = this.load('d-' + chunk, '?v=' + this.manifest.version).then(function (text) {
        self.chunks[chunk] = JSON.parse(text);
      });
    }
    return this.chunksLoading[chunk];
  };

  // What a hit shows of a document, or undefined until its chunk is loaded.
  Engine.prototype.hit = function (doc) {
    var chunk = this.chunks[this.chunkOf(doc)];
    return chunk && chunk[doc % this.manifest.chunk];
  };

  // Loads what every hit shows but its snippet (manifest.heads, one file), when the archive has
  // it apart from the chunks (an archive of one chunk has not). Resolves once it is in. The page
  // loads it ahead of need, so it is read (5 to 30 ms at 10,000 postmortems) once the page is
  // idle, or by the first search that wants it before then (head, below).
  Engine.prototype.loadHeads = function () {
    var self = this;
    if (!this.manifest.heads) return Promise.resolve();
    if (!this.headsLoading) {
      this.headsLoading = this.load(this.manifest.heads).then(function (text) {
        self.headsText = text;
        return new Promise(function (resolve) {
          whenIdle(function () {
            self.readHeads();
            resolve();
          });
        });
      });
    }
    return this.headsLoading;
  };

  Engine.prototype.readHeads = function () {
    if (this.headsText) this.heads = JSON.parse(this.headsText);
    this.headsText = null;
    return this.heads;
  };

  // What a hit shows but its snippet (url, title, date, duration, severity, severity_rank,
  // causes, inferred: 1 its causes, 2 its duration were inferred from its text): from its
  // chunk if that is loaded, else from the heads, else undefined.
  Engine.prototype.head = function (doc) {
    var hit = this.hit(doc);
    var heads = this.heads || this.readHeads();
    if (hit || !heads) return hit;
    var severity = heads.severity[doc] < 0 ? null : heads.severities[heads.severity[doc]];
    return {
      url: heads.url[0] + heads.slug[doc] + heads.url[1],
      title: heads.title[doc],
      date: heads.date[doc],
      duration: heads.duration[doc],
      severity: severity && severity[0],
      severity_rank: severity ? severity[1] : 0,
      causes: heads.causes[doc].map(function (label) { return heads.labels[label]; }),
      inferred: heads.inferred ? heads.inferred[doc] : 0,
    };
  };

  // ------------------------------------------------ filters

  // Whether the facet (cause, service, severity or year) can be read: the manifest holds the
  // single-valued ones whole; the others (a postmortem has several causes) are files of their own.
  Engine.prototype.facetLoaded = function (name) {
    var facet = this.manifest.facets[name];
    return !facet.file || !!(this.facetFiles && this.facetFiles[name]);
  };

  Engine.prototype.loadFacets = function (names) {
    var self = this;
    this.facetFiles = this.facetFiles || Object.create(null);
    this.facetLoading = this.facetLoading || Object.create(null);
    return Promise.all(names.filter(function (name) { return !self.facetLoaded(name); }).map(function (name) {
      if (!self.facetLoading[name]) {
        self.facetLoading[name] = self.load(self.manifest.facets[name].file).then(function (text) {
          self.facetFiles[name] = JSON.parse(text);
        });
      }
      return self.facetLoading[name];
    }));
  };

  // For a facet in a file of its own: how many postmortems have the key, and the newest of them
  // (the first page of results of that filter alone), from the manifest. Null for another facet.
  Engine.prototype.facetFirst = function (name, key) {
    var facet = this.manifest.facets[name];
    if (!facet.file) return null;
    var at = facet.keys.indexOf(key);
    return at < 0 ? { count: 0, docs: [] } : { count: facet.counts[at], docs: facet.first[at] };
  };

  // Per postmortem, whether it has the key of the facet. The facet must be loaded.
  Engine.prototype.facet = function (name, key) {
    var facet = this.manifest.facets[name];
    if (facet.file) facet = this.facetFiles[name];
    var cacheKey = name + '\n' + key;
    this.facetCache = this.facetCache || Object.create(null);
    if (this.facetCache[cacheKey]) return this.facetCache[cacheKey];
    var digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    var wanted = facet.keys.indexOf(key);
    var setHas = facet.sets.map(function (set) { return set.indexOf(wanted) >= 0; });
    var has = new Uint8Array(this.count);
    for (var doc = 0; doc < this.count; doc++) {
      var code = 0;
      for (var d = 0; d < facet.width; d++) {
        code = code * 64 + digits.indexOf(facet.docs.charAt(doc * facet.width + d));
      }
      has[doc] = setHas[code] ? 1 : 0;
    }
    return (this.facetCache[cacheKey] = has);
  };

  registry.Engine = Engine;
  registry.lowerBound = lowerBound;
})(typeof window !== 'undefined' ? window : globalThis);
