// hindsight serve: brings the page up to date when the site has been rebuilt. The page's build
// epoch is in <meta name="hindsight-epoch">; the server answers on /__hindsight/events as soon as
// its epoch differs, whether a rebuild finished or the server was restarted.
//
// Most saves change only the text of pages. Then the page is updated in place: its new version
// is fetched and the nodes that differ are changed, and the browser keeps the document, its
// style sheets and its scripts. A reload tears all of that down and builds it again, which was
// most of the time from a save to the paint. A page is updated in place only when that cannot
// leave it wrong: the theme is the same (<meta name="hindsight-assets">), the new page loads the same style
// sheets and scripts, and each of its scripts is marked data-hindsight-live="keep" (it listens
// on the document, not on elements of the body, so a new body needs no new run of it). Any
// other page, and any failure, reloads, and so does a page the browser is not painting
// (a tab behind another).
//
// Written here rather than taken from npm (morphdom, idiomorph): the preview's script is
// compiled into the binary, and matching children by position is all a rebuilt page needs.
(function () {
  'use strict';
  if (!document.querySelector('meta[name="hindsight-epoch"]') ||
      typeof EventSource === 'undefined' || typeof fetch === 'undefined') {
    return;
  }
  // For tests and the benchmark: how many updates in place, and when the last one was painted
  // (ms since the epoch, as Date.now(); 0 until it is).
  var live = window.hindsightLive = { updates: 0, paintedAt: 0 };
  var ours = '/__hindsight/live.js';
  // How long a page waits for a frame before it counts as not painted (a frame is 16 ms).
  var FRAME_WAIT_MS = 40;

  function metaContent(doc, name) {
    var meta = doc.querySelector('meta[name="' + name + '"]');
    return meta ? meta.getAttribute('content') : null;
  }

  function isResource(element) {
    return element.tagName === 'SCRIPT' ||
      (element.tagName === 'LINK' &&
        /(^|\s)(stylesheet|icon)(\s|$)/i.test(element.getAttribute('rel') || ''));
  }

  // The style sheets, icons and scripts the page loads, in order: a page updated in place keeps
  // them (its icon too: Chromium fetches an icon again when its link is replaced).
  function resources(doc) {
    return Array.prototype.filter.call(doc.querySelectorAll('link, script'), isResource)
      .map(function (element) {
        return element.tagName + ' ' + (element.getAttribute('href') || element.getAttribute('src') ||
          element.textContent);
      }).join('\n');
  }

  function scriptsKept(doc) {
    return Array.prototype.every.call(doc.querySelectorAll('script'), function (script) {
      return script.getAttribute('src') === ours ||
        script.getAttribute('data-hindsight-live') === 'keep';
    });
  }

  function reload() {
    window.location.reload();
  }

  // The new page's head, but for its style sheets and scripts (the same as this page's), in
  // place of this page's: title, description, canonical and prev/next links, epoch.
  function replaceHead(next) {
    Array.prototype.slice.call(document.head.children).forEach(function (element) {
      if (!isResource(element)) {
        element.remove();
      }
    });
    var first = document.head.firstChild;
    Array.prototype.slice.call(next.head.children).forEach(function (element) {
      if (!isResource(element)) {
        document.head.insertBefore(document.adoptNode(element), first);
      }
    });
  }

  // Makes `from` (in this document) like `to` (in the new one), keeping every node whose kind
  // and tag stay the same and changing only the text and attributes that differ: the browser
  // then restyles and lays out what changed, not the whole page, and the reader's scroll
  // position, focus and typing in a form field stay. Children are matched by position (an
  // edit moves few of them); a node whose kind or tag changed is replaced whole.
  function morph(from, to) {
    if (from.nodeType !== to.nodeType || from.nodeName !== to.nodeName) {
      from.replaceWith(document.importNode(to, true));
      return;
    }
    if (from.nodeType !== Node.ELEMENT_NODE) {
      if (from.nodeValue !== to.nodeValue) {
        from.nodeValue = to.nodeValue;
      }
      return;
    }
    Array.prototype.slice.call(from.attributes).forEach(function (attribute) {
      if (!to.hasAttribute(attribute.name)) {
        from.removeAttribute(attribute.name);
      }
    });
    Array.prototype.forEach.call(to.attributes, function (attribute) {
      if (from.getAttribute(attribute.name) !== attribute.value) {
        from.setAttribute(attribute.name, attribute.value);
      }
    });
    var a = from.firstChild;
    var b = to.firstChild;
    while (a && b) {
      var nextA = a.nextSibling;
      var nextB = b.nextSibling;
      morph(a, b);
      a = nextA;
      b = nextB;
    }
    while (a) {
      var after = a.nextSibling;
      a.remove();
      a = after;
    }
    while (b) {
      from.appendChild(document.importNode(b, true));
      b = b.nextSibling;
    }
  }

  // Calls onFrame at the page's next animation frame, and onNone when none has come within
  // FRAME_WAIT_MS.
  function nextFrame(onFrame, onNone) {
    var framed = false;
    requestAnimationFrame(function () {
      framed = true;
      onFrame();
    });
    setTimeout(function () {
      if (!framed) onNone();
    }, FRAME_WAIT_MS);
  }

  function update() {
    if (!scriptsKept(document)) {
      reload();
      return;
    }
    // Is the browser painting this page? A tab behind another gets a frame once a second after
    // a few idle seconds (Chromium), so a change made in place would show up to a second late,
    // while a new document is painted at once: such a page reloads, its request overlapping the
    // rebuild as the fetch below does.
    var decided = false;
    nextFrame(function () {}, function () {
      if (!decided) {
        decided = true;
        reload();
      }
    });
    fetch(window.location.href, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok || !/^text\/html/.test(response.headers.get('Content-Type') || '')) {
          throw new Error('not a page');
        }
        return response.text();
      })
      .then(function (html) {
        if (decided) {
          return;
        }
        decided = true;
        var next = new DOMParser().parseFromString(html, 'text/html');
        if (metaContent(next, 'hindsight-assets') !== metaContent(document, 'hindsight-assets') ||
            !metaContent(next, 'hindsight-epoch') || resources(next) !== resources(document) ||
            !scriptsKept(next)) {
          reload();
          return;
        }
        replaceHead(next);
        morph(document.body, next.body);
        live.updates += 1;
        live.paintedAt = 0;
        // A callback of the next frame runs before that frame is painted; a task queued from it
        // runs after. No frame: the check above may have seen the one a throttled tab gets each
        // second.
        nextFrame(function () {
          setTimeout(function () {
            live.paintedAt = performance.timeOrigin + performance.now();
          }, 0);
        }, reload);
        listen();
      })
      .catch(function () {
        if (!decided) {
          decided = true;
          reload();
        }
      });
  }

  function listen() {
    var epoch = metaContent(document, 'hindsight-epoch');
    var source = new EventSource('/__hindsight/events?epoch=' + encodeURIComponent(epoch));
    source.addEventListener('reload', function () {
      source.close();
      update();
    });
  }

  listen();
})();
