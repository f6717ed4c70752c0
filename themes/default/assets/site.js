// Every page: "/" jumps to the search box in the header, as on GitHub and most documentation sites.
(function () {
  'use strict';
  document.addEventListener('keydown', function (event) {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.getElementById('hs-q') || document.getElementById('site-search');
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });
})();
