// The search page's loading ahead: while a word is typed, the shards its next letters would
// need are fetched, and read before the next key comes, so that it does not wait for them.
// Loaded by search.js at the first keystroke; adds to HindsightSearch.Engine.
(function (global) {
  'use strict';

  var registry = global.HindsightSearch;
  var Engine = registry.Engine;
  // New requests a key may make, and code units of JSON a word may fetch (a sixth gzipped).
  var AHEAD_SHARDS = 12;
  var AHEAD_BYTES = 2 << 20;

  // For the text in the box, once its results are painted: the letters that may come next,
  // likeliest first, and for each the shards its search would load (needsOf(text): the page's
  // needs), up to AHEAD_SHARDS new requests and AHEAD_BYTES a word. A key that waited for a
  // shard (fetched and read: 50 to 150 ms at 10,000 postmortems) set the p99 of keystrokes.
  Engine.prototype.loadAhead = function (q, needsOf) {
    var self = this;
    if (!this.termList || !q.trim()) return;
    this.aheadBytes = this.aheadBytes || 0;  // code units fetched ahead (fetchShard adds)
    var tokens = lunr.tokenizer(q);
    var last = tokens[tokens.length - 1];
    var between = !last || /[\s\-]$/.test(q);  // the next key starts a word
    var word = between ? q.length : last.metadata.position[0];
    if (word !== this.aheadWord) {
      this.aheadWord = word;
      this.aheadStart = this.aheadBytes;
    }
    if (this.aheadBytes - this.aheadStart >= AHEAD_BYTES) return;
    var shards = [];
    likelyLetters(this, between ? '' : lunr.trimmer(last).toString()).forEach(function (letter) {
      var more = [];
      needsOf(q + letter).forEach(function (need) {
        if (!self.hasNeed(need)) more.push.apply(more, self.shardsFor(need));
      });
      more = more.filter(function (s, i) { return !self.shards[s] && shards.indexOf(s) < 0 && more.indexOf(s) === i; });
      var requests = shards.concat(more).filter(function (s) { return !self.loading[s]; });
      if (requests.length <= AHEAD_SHARDS) shards.push.apply(shards, more);
    });
    this.prefetch(shards);
  };

  // The letters that follow `raw` in the dictionary's terms, likeliest first. The index has no
  // frequencies the page could read before a first result, but a term with a shard of its own in
  // the cut is a frequent one: the letters starting most such terms first, then most terms.
  function likelyLetters(engine, raw) {
    var count = function (list, big) {
      var counts = {};
      for (var i = registry.lowerBound(list, raw); i < list.length && list[i].lastIndexOf(raw, 0) === 0; i++) {
        if (list[i].length > raw.length && (!big || engine.manifest.lasts[i] === 0)) {
          counts[list[i][raw.length]] = (counts[list[i][raw.length]] || 0) + 1;
        }
      }
      return counts;
    };
    var starts = count(engine.termList, false);
    var big = count(engine.manifest.bounds, true);
    return Object.keys(starts).sort(function (a, b) {
      return (big[b] || 0) - (big[a] || 0) || starts[b] - starts[a] || (a < b ? -1 : 1);
    });
  }

  // Loads shards the next keystroke may want, to be read (readAhead) before it comes. A later
  // call replaces the list; what it drops stays unread text until a search wants it.
  Engine.prototype.prefetch = function (shards) {
    var self = this;
    this.aheadWanted = shards.filter(function (s) { return !self.shards[s]; });
    this.aheadWanted.forEach(function (s) {
      if (self.loading[s]) return;
      self.ahead[s] = true;
      (self.loading[s] = self.fetchShard(s)).then(null, function () {});  // a search wanting it tells
    });
    this.readAhead();
  };

  // Reads ahead, while not held, one shard a task: a key then waits for one read at most (5 to
  // 15 ms). Not requestIdleCallback: behind the dictionary's slices it came after the next key.
  // Held from a key to its paint: reads queued there delayed frames by up to 180 ms.
  Engine.prototype.holdAhead = function (held) {
    this.aheadHeld = held;
    this.readAhead();
  };

  Engine.prototype.readAhead = function () {
    var self = this;
    // Nothing is wanted ahead before the first prefetch: a key painted before the term
    // dictionary arrived releases the hold with no list yet.
    var next = function () {
      return (self.aheadWanted || []).find(function (s) { return self.unread[s]; });
    };
    if (this.aheadReading || this.aheadHeld || next() === undefined) return;
    this.aheadReading = true;
    setTimeout(function () {
      self.aheadReading = false;
      var s = self.aheadHeld ? undefined : next();
      if (s !== undefined) self.unread[s]();
      self.readAhead();
    }, 0);
  };
})(typeof window !== 'undefined' ? window : globalThis);
