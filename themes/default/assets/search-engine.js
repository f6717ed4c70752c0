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

  // A shard's postings as typed arrays, by term: per field, the documents having the term (in
  // the order of the posting's keys: ascending, refs being numbers) and the weight each one's
  // field vector gives it. Read in two passes over the field vectors, which hold one element per
  // posting (tests/lunr/sharded_search.mjs checks that every shard does): looking each posting's
  // weight up in its vector took 80 ms for the twelve terms "con" stands for. `count`: the
  // documents of the archive.
  function shardPostings(json, fields, count) {
    var fieldCount = fields.length;
    var fieldIndex = Object.create(null);
    fields.forEach(function (field, f) { fieldIndex[field] = f; });
    var postings = Object.create(null);
    var byIndex = Object.create(null);  // _index -> posting
    json.invertedIndex.forEach(function (entry) {
      var posting = { term: entry[0], index: entry[1]._index, docs: [], weights: [], hits: null };
      postings[entry[0]] = byIndex[posting.index] = posting;
    });
    var counts = Object.create(null);  // _index -> per field
    var vectors = json.fieldVectors;
    var parsed = new Array(vectors.length);
    for (var v = 0; v < vectors.length; v++) {
      var fieldRef = vectors[v][0];
      var slash = fieldRef.indexOf('/');
      var f = fieldIndex[fieldRef.slice(0, slash)];
      parsed[v] = [f, +fieldRef.slice(slash + 1)];
      var elements = vectors[v][1];
      for (var e = 0; e < elements.length; e += 2) {
        var c = counts[elements[e]] || (counts[elements[e]] = new Int32Array(fieldCount));
        c[f] += 1;
      }
    }
    Object.keys(byIndex).forEach(function (index) {
      var posting = byIndex[index];
      for (var f = 0; f < fieldCount; f++) {
        var n = counts[index] ? counts[index][f] : 0;
        posting.docs.push(new Int32Array(n));
        posting.weights.push(new Float64Array(n));
      }
      counts[index] = new Int32Array(fieldCount);  // from here on, how many are filled
    });
    for (v = 0; v < vectors.length; v++) {
      f = parsed[v][0];
      var doc = parsed[v][1];
      elements = vectors[v][1];
      for (e = 0; e < elements.length; e += 2) {
        var posting = byIndex[elements[e]];
        var at = counts[elements[e]][f]++;
        posting.docs[f][at] = doc;
        posting.weights[f][at] = elements[e + 1];
      }
    }
    // The writer lists vectors by weight within a field (it compresses best): the documents of
    // each (term, field) put back in ascending order, which is lunr's order of the posting's keys.
    Object.keys(postings).forEach(function (term) {
      var posting = postings[term];
      for (var f = 0; f < fieldCount; f++) ascending(posting.docs[f], posting.weights[f], count);
    });
    return postings;
  }

  // Sorts documents (distinct, below `count`) ascending, their weights along: by scattering them
  // over all documents when they are many, else by sorting their places.
  function ascending(docs, weights, count) {
    var n = docs.length;
    var sorted = true;
    for (var i = 1; i < n && sorted; i++) sorted = docs[i - 1] < docs[i];
    if (sorted) return;
    if (n * 16 > count) {
      var at = new Int32Array(count).fill(-1);
      var old = weights.slice();
      for (i = 0; i < n; i++) at[docs[i]] = i;
      var k = 0;
      for (var d = 0; d < count; d++) {
        if (at[d] >= 0) {
          docs[k] = d;
          weights[k] = old[at[d]];
          k += 1;
        }
      }
      return;
    }
    var order = Array.prototype.map.call(docs, function (doc, j) { return j; })
      .sort(function (a, b) { return docs[a] - docs[b]; });
    var oldDocs = docs.slice();
    var oldWeights = weights.slice();
    order.forEach(function (j, place) {
      docs[place] = oldDocs[j];
      weights[place] = oldWeights[j];
    });
  }

  // manifest: the parsed search/manifest.js; load(name, query) resolves to the JSON text of
  // NAME.js (query, as "?v=...", only tells a browser's cache one build's file from another's).
  function Engine(manifest, load) {
    this.manifest = manifest;
    this.load = load;
    this.count = manifest.postmortems;
    this.fields = manifest.fields;
    this.shards = new Array(manifest.shards.length);  // lunr.Index and terms, once loaded
    this.loading = new Array(manifest.shards.length);  // promises
    this.dictionary = null;
    this.dictionaryLoading = null;
    this.chunks = [];
    this.chunksLoading = [];
    this.pipeline = lunr.Pipeline.load(['stemmer']);  // what Index.load makes of the shards'
    var size = this.fields.length * this.count;
    this.seen = new Uint8Array(size);  // reused by every query: discovered (field, document)s
    this.dots = new Float64Array(size);
    this.order = new Int32Array(size);
  }

  // ------------------------------------------------ which shards a term or a prefix lives in

  // The shard whose range holds the term (whether or not the index has it).
  Engine.prototype.shardOf = function (term) {
    return Math.max(0, lowerBound(this.manifest.bounds, term + '\0') - 1);
  };

  // The shard holding the term, or none ([]) when the term falls between one shard's last term
  // and the next one's first, so that the index cannot have it: nothing to load to know that.
  Engine.prototype.shardsOfTerm = function (term) {
    var s = this.shardOf(term);
    var manifest = this.manifest;
    return term < manifest.bounds[s] || term > manifest.lasts[s] ? [] : [s];
  };

  // The shards holding terms that start with `prefix`: those whose first to last terms overlap
  // [prefix, prefixEnd(prefix)).
  Engine.prototype.shardsOfPrefix = function (prefix) {
    var manifest = this.manifest;
    var end = prefixEnd(prefix);
    var last = end === null ? manifest.shards.length - 1 : this.shardOf(end);
    if (end !== null && manifest.bounds[last] >= end) last -= 1;  // it starts past the range
    var shards = [];
    for (var s = this.shardOf(prefix); s <= last; s++) {
      if (manifest.lasts[s] >= prefix) shards.push(s);
    }
    return shards;
  };

  Engine.prototype.isLoaded = function (shards) {
    var self = this;
    return shards.every(function (s) { return self.shards[s] !== undefined; });
  };

  Engine.prototype.loadShards = function (shards) {
    var self = this;
    return Promise.all(shards.map(function (s) {
      if (self.shards[s] !== undefined) return null;
      if (!self.loading[s]) {
        self.loading[s] = self.load(self.manifest.shards[s]).then(function (text) {
          var json = JSON.parse(text);
          self.shards[s] = {
            index: lunr.Index.load(json),
            // In the order of the file, which is sorted; Object.keys of the inverted index would
            // put number-like terms first.
            terms: json.invertedIndex.map(function (entry) { return entry[0]; }),
            postings: shardPostings(json, self.fields, self.count),
          };
        });
      }
      return self.loading[s];
    }));
  };

  Engine.prototype.loadDictionary = function () {
    var self = this;
    if (!this.dictionaryLoading) {
      this.dictionaryLoading = this.load(this.manifest.terms).then(function (text) {
        var terms = JSON.parse(text);
        self.dictionary = { terms: terms, tokenSet: lunr.TokenSet.fromArray(terms) };
      });
    }
    return this.dictionaryLoading;
  };

  // ------------------------------------------------ postings

  // A term's postings (shardPostings), or null if the index has no such term. Its shard must be
  // loaded.
  Engine.prototype.posting = function (term) {
    var within = this.shardsOfTerm(term);
    if (within.length === 0) return null;
    var posting = this.shards[within[0]].postings[term];
    return posting === undefined ? null : posting;
  };

  // Whether a document has the term in any field. The term's shard must be loaded.
  Engine.prototype.has = function (term, doc) {
    var posting = this.posting(term);
    if (!posting) return false;
    if (!posting.hits) {
      posting.hits = new Uint8Array(this.count);
      for (var f = 0; f < posting.docs.length; f++) {
        var docs = posting.docs[f];
        for (var i = 0; i < docs.length; i++) posting.hits[docs[i]] = 1;
      }
    }
    return posting.hits[doc] === 1;
  };

  // Every loaded term starting with `prefix`, in sorted order.
  Engine.prototype.loadedTermsWithPrefix = function (prefix) {
    var out = [];
    var self = this;
    this.shardsOfPrefix(prefix).forEach(function (s) {
      var terms = self.shards[s] ? self.shards[s].terms : [];
      for (var i = lowerBound(terms, prefix); i < terms.length && terms[i].lastIndexOf(prefix, 0) === 0; i++) {
        out.push(terms[i]);
      }
    });
    return out;
  };

  // ------------------------------------------------ expanding a clause's term

  // What an expansion needs: 'dictionary' (a leading or inner wildcard, or an edit distance:
  // matches may be anywhere), else the shards holding the term or the prefix.
  Engine.prototype.needs = function (clause) {
    var term = clause.term;
    var star = term.indexOf('*');
    if ('editDistance' in clause || (star >= 0 && !/^[^*]*\*+$/.test(term)) || star === 0) {
      return { dictionary: true, shards: [] };
    }
    return { dictionary: false, shards: star < 0 ? this.shardsOfTerm(term) : this.shardsOfPrefix(term.slice(0, star)) };
  };

  // lunr's this.tokenSet.intersect(TokenSet.fromClause(clause)).toArray(), in its order. The
  // order of toArray depends only on the terms that match (a token set holding every match and
  // any other terms lists them in the same order), so the matches found in the shards are put
  // through lunr's intersection once more, over a token set of just them.
  Engine.prototype.expand = function (clause) {
    var tokenSet = lunr.TokenSet.fromClause(clause);
    if (this.dictionary) return this.dictionary.tokenSet.intersect(tokenSet).toArray();
    var needs = this.needs(clause);
    if (needs.dictionary) throw new Error('the term dictionary is not loaded');
    if (clause.term.indexOf('*') < 0) {
      return needs.shards.length === 1 && this.posting(clause.term) ? [clause.term] : [];
    }
    var matches = [];
    var self = this;
    needs.shards.forEach(function (s) {
      matches.push.apply(matches, self.shards[s].index.tokenSet.intersect(tokenSet).toArray());
    });
    if (matches.length < 2) return matches;
    return lunr.TokenSet.fromArray(matches.sort()).intersect(tokenSet).toArray();
  };

  // The terms a clause's text stands for, through the search pipeline as lunr runs it.
  Engine.prototype.clauseTerms = function (clause) {
    return clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
  };

  // Loads whatever the clauses' expansions need: shards, and the dictionary for a typo or a
  // wildcard that is not at the end, then the shards of the terms it finds.
  Engine.prototype.prepare = function (clauses) {
    var self = this;
    var shards = [];
    var dictionary = false;
    clauses.forEach(function (clause) {
      self.clauseTerms(clause).forEach(function (term) {
        var needs = self.needs(Object.assign({}, clause, { term: term }));
        dictionary = dictionary || needs.dictionary;
        shards.push.apply(shards, needs.shards);
      });
    });
    var loading = this.loadShards(shards);
    if (!dictionary) return loading;
    return Promise.all([loading, this.loadDictionary()]).then(function () {
      var more = [];
      clauses.forEach(function (clause) {
        self.clauseTerms(clause).forEach(function (term) {
          var tokenSet = lunr.TokenSet.fromClause(Object.assign({}, clause, { term: term }));
          self.dictionary.tokenSet.intersect(tokenSet).toArray().forEach(function (match) {
            more.push.apply(more, self.shardsOfTerm(match));
          });
        });
      });
      return self.loadShards(more);
    });
  };

  // ------------------------------------------------ the query

  // lunr.Index#query for clauses whose expansions are loaded (prepare): results
  // [{ref, score, doc}] in lunr's order. Each step below is the step of lunr.js:1960-2242 it
  // mirrors; documents are numbers (refs are places in the newest-first order).
  Engine.prototype.run = function (query) {
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
      var clauseMatches = new Uint8Array(count);
      var terms = this.clauseTerms(clause);
      for (var m = 0; m < terms.length; m++) {
        clause.term = terms[m];
        var expanded = this.expand(clause);
        if (expanded.length === 0 && clause.presence === lunr.Query.presence.REQUIRED) {
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
            if (clause.presence === lunr.Query.presence.REQUIRED) {
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
      if (clause.presence === lunr.Query.presence.REQUIRED) {
        for (k = 0; k < clause.fields.length; k++) {
          f = fieldIndex[clause.fields[k]];
          requiredMatches[f] = intersect(requiredMatches[f], clauseMatches);
        }
      }
    }

    var allRequired = null;
    var allProhibited = new Uint8Array(count);
    for (f = 0; f < fields.length; f++) {
      if (requiredMatches[f] !== undefined) allRequired = intersect(allRequired, requiredMatches[f]);
      if (prohibitedMatches[f]) allProhibited = union(allProhibited, prohibitedMatches[f]);
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

    var negated = query.isNegated();
    var total = negated ? fields.length * count : discovered;
    var results = [];
    var matches = Object.create(null);
    for (var n = 0; n < total; n++) {
      // Negated, lunr takes every field vector, in their order: by document, then field.
      var code = negated ? (n % fields.length) * count + Math.floor(n / fields.length) : order[n];
      var doc = code % count;
      f = (code - doc) / count;
      if (!contains(allRequired, doc) || allProhibited[doc] === 1) continue;
      var score = negated ? (0 / magnitudes[f] || 0) : (dots[code] / magnitudes[f] || 0);
      var match = matches[doc];
      if (match !== undefined) {
        match.score += score;
      } else {
        match = matches[doc] = { ref: String(doc), score: score, doc: doc };
        results.push(match);
      }
    }
    for (n = 0; n < discovered; n++) {
      seen[order[n]] = 0;
      dots[order[n]] = 0;
    }
    return results.sort(function (a, b) { return b.score - a.score; });
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
})(typeof window !== 'undefined' ? window : globalThis);
