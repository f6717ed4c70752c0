// hindsight serve: reloads the page when the site has been rebuilt. The page's build epoch is in
// <meta name="hindsight-epoch">; the server answers on /__hindsight/events as soon as its epoch
// differs, whether a rebuild finished or the server was restarted.
(function () {
  'use strict';
  var meta = document.querySelector('meta[name="hindsight-epoch"]');
  if (!meta || typeof EventSource === 'undefined') {
    return;
  }
  var source = new EventSource('/__hindsight/events?epoch=' + encodeURIComponent(meta.content));
  source.addEventListener('reload', function () {
    source.close();
    window.location.reload();
  });
})();
