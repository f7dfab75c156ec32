// The admin definition editor: CodeMirror 6 (vendored bundle, window.CM) over the draft JSON.
// Schema-aware completion and hover come from codemirror-json-schema; problems come from the
// server (JSON Schema + lint, the same checks publishing runs) as the admin types, are marked in
// the text and listed below it; clicking a problem jumps to its JSON pointer. The preview frame
// is refreshed with the unsaved text whenever it parses.
(function () {
  "use strict";
  var textarea = document.getElementById("definition-text");
  var host = document.getElementById("cm");
  var config = document.getElementById("editor-config").dataset;
  var schema = JSON.parse(document.getElementById("definition-schema").textContent);
  var list = document.getElementById("problem-list");
  var counter = document.getElementById("problem-count");
  var previewForm = document.getElementById("preview-form");
  var previewText = document.getElementById("preview-definition");
  if (!window.CM || !textarea) return;  // no bundle: the plain textarea still works
  var CM = window.CM;

  function locate(state, pointer, offset) {
    if (typeof offset === "number") {
      var at = Math.min(offset, state.doc.length);
      return { from: at, to: at };
    }
    var map = CM.getJsonPointers(state, "json");
    var p = pointer || "";
    while (p && !map.has(p)) p = p.slice(0, p.lastIndexOf("/"));
    var d = map.get(p);
    if (!d) return { from: 0, to: Math.min(1, state.doc.length) };
    var to = d.valueTo !== undefined ? d.valueTo : d.keyTo;
    return { from: d.keyFrom, to: to };
  }

  function jump(view, pointer) {
    var r = locate(view.state, pointer);
    view.dispatch({ selection: { anchor: r.from, head: r.to }, scrollIntoView: true });
    view.focus();
  }

  function renderList(problems, view) {
    list.textContent = "";
    problems.forEach(function (p) {
      var li = document.createElement("li");
      li.className = "problem " + p.severity;
      li.dataset.pointer = p.pointer;
      li.dataset.code = p.code;
      var a = document.createElement("a");
      a.href = "#";
      a.className = p.severity === "error" ? "text-danger" : "text-warning";
      var code = document.createElement("code");
      code.textContent = p.pointer || "/";
      a.appendChild(code);
      li.appendChild(a);
      li.appendChild(document.createTextNode(" " + p.message + " (" + p.code + ")"));
      list.appendChild(li);
    });
    counter.textContent = config.problemsLabel.replace("{n}", String(problems.length));
    counter.dataset.count = String(problems.length);
  }

  var previewTimer = null;
  function refreshPreview(text) {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(function () {
      previewText.value = text;
      previewForm.submit();
    }, 800);
  }

  var lastText = null;
  var serverLint = CM.linter(async function (view) {
    var text = view.state.doc.toString();
    var response = await fetch(config.validateUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": config.csrf },
      body: JSON.stringify({ definition: text }),
    });
    if (!response.ok) return [];
    var body = await response.json();
    renderList(body.problems, view);
    var parses = !body.problems.some(function (p) { return typeof p.offset === "number" || p.code === "invalid_json"; });
    if (parses && lastText !== null && text !== lastText) refreshPreview(text);
    lastText = text;
    return body.problems.map(function (p) {
      var r = locate(view.state, p.pointer, p.offset);
      return { from: r.from, to: Math.max(r.to, r.from), severity: p.severity, message: p.message + " (" + p.code + ")" };
    });
  }, { delay: 500 });

  var view = new CM.EditorView({
    parent: host,
    state: CM.EditorState.create({
      doc: textarea.value,
      extensions: [
        CM.basicSetup,
        CM.json(),
        CM.jsonLanguage.data.of({ autocomplete: CM.jsonCompletion() }),
        CM.hoverTooltip(CM.jsonSchemaHover()),
        CM.stateExtensions(schema),
        CM.lintGutter(),
        serverLint,
        CM.EditorView.updateListener.of(function (u) {
          if (u.docChanged) textarea.value = u.state.doc.toString();
        }),
      ],
    }),
  });
  window.rakitEditor = view;  // for tests and the browser console
  textarea.hidden = true;
  host.hidden = false;

  document.addEventListener("click", function (event) {
    var link = event.target.closest(".problem a");
    if (!link) return;
    event.preventDefault();
    jump(view, link.closest(".problem").dataset.pointer);
  });
  document.getElementById("save-form").addEventListener("submit", function () {
    textarea.value = view.state.doc.toString();
  });
  document.getElementById("preview-page").addEventListener("change", function () {
    previewText.value = view.state.doc.toString();
    previewForm.submit();
  });
})();
