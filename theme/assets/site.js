/* Keyboard shortcut on every page: "/" puts the cursor in the search box. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  var box = document.getElementById("q") || document.getElementById("site-search");
  if (box) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});

/* On a phone the menu is one row that scrolls sideways: bring the current
   page's item into view, without moving the page itself. */
document.addEventListener("DOMContentLoaded", function () {
  var current = document.querySelector(".site-nav a.current");
  var row = current && current.closest("ul");
  if (!row || row.scrollWidth <= row.clientWidth) return;
  var beyond = current.getBoundingClientRect().right - row.getBoundingClientRect().right;
  if (beyond > 0) row.scrollLeft += beyond;
});
