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
