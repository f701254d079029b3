/* danhmuc serve: reload the page after each rebuild; show build errors over
   the page until they are fixed. Injected by the preview server only. */
(function () {
  "use strict";
  var first = null;
  var box = null;
  function showError(text) {
    if (!box) {
      box = document.createElement("div");
      box.id = "danhmuc-error";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;" +
        "background:rgba(40,0,0,.95);color:#fff;font:15px/1.5 ui-monospace,monospace;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "Lỗi khi dựng trang. Sửa tệp rồi lưu lại: trang sẽ tự tải lại.\n\n" + text;
  }
  var events = new EventSource("/__danhmuc/events");
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (first === null) {
      first = state.generation;
      // Marks the page as connected (the tests wait for it).
      document.documentElement.setAttribute("data-danhmuc-live", String(first));
      if (state.error) showError(state.error);
    } else if (state.error) {
      showError(state.error);
    } else if (state.generation !== first) {
      location.reload();
    }
  });
})();
