/* Upload with a progress bar and a clear retry message; without JS the form posts normally. */
(function () {
  "use strict";
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      var file = form.querySelector("input[type=file]");
      if (!file || !file.files.length || !window.XMLHttpRequest) return;
      ev.preventDefault();
      var bar = form.querySelector("progress"), button = form.querySelector("button");
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("Accept", "application/json");
      bar.hidden = false; button.disabled = true;
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
      xhr.onload = function () {
        if (xhr.status === 200) { window.location.reload(); return; }
        var error = "";
        try { error = JSON.parse(xhr.responseText).error; } catch (e) { error = form.getAttribute("data-retry"); }
        showError(form, error); bar.hidden = true; button.disabled = false;
      };
      xhr.onerror = function () { showError(form, form.getAttribute("data-retry")); bar.hidden = true; button.disabled = false; };
      xhr.send(new FormData(form));
    });
  });
  function showError(form, text) {
    var p = form.querySelector(".error") || document.createElement("p");
    p.className = "error"; p.setAttribute("role", "alert"); p.textContent = text;
    form.insertBefore(p, form.querySelector("progress"));
  }
})();
