/* Address selects that cascade (province → regency → district → village) from /wilayah/<code>,
 * and repeating groups whose rows are added and removed in the page. Without this file the
 * same buttons post the page and the server does the work. */
(function () {
  "use strict";
  var form = document.getElementById("page-form");
  if (!form) return;

  function changed(node) { node.dispatchEvent(new Event("change", { bubbles: true })); }

  /* ---- addresses ---- */
  function fill(select, regions) {
    var blank = select.options[0];
    select.innerHTML = "";
    select.appendChild(blank);
    regions.forEach(function (r) {
      var o = document.createElement("option");
      o.value = r.code; o.textContent = r.name;
      select.appendChild(o);
    });
  }

  function below(select) {
    var all = Array.prototype.slice.call(
      select.closest("[data-address]").querySelectorAll("select[data-region-level]"));
    return all.slice(all.indexOf(select) + 1);
  }

  form.querySelectorAll("select[data-region-level]").forEach(function (select) {
    select.addEventListener("change", function () {
      var lower = below(select);
      lower.forEach(function (s) { fill(s, []); });
      if (!select.value || !lower.length) return;
      var base = select.getAttribute("data-regions-url");
      fetch(base + encodeURIComponent(select.value), { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (regions) { fill(lower[0], regions); })
        .catch(function () { /* offline: the "show the choices" button still works */ });
    });
  });

  /* ---- repeating groups ---- */
  function rows(group) { return group.querySelectorAll(":scope > [data-row]"); }

  function renumber(group) {
    var id = group.getAttribute("data-group");
    var pattern = new RegExp("^" + id + "-\\d+-");
    rows(group).forEach(function (row, i) {
      row.querySelectorAll("[name], [id], label[for]").forEach(function (el) {
        ["name", "id", "for"].forEach(function (attr) {
          var v = el.getAttribute(attr);
          if (v && pattern.test(v)) el.setAttribute(attr, v.replace(pattern, id + "-" + i + "-"));
        });
      });
      var number = row.querySelector("[data-row-number]");
      if (number) number.textContent = i + 1;
      var remove = row.querySelector("[data-remove-row]");
      if (remove) remove.value = "remove:" + id + ":" + i;
    });
    var count = rows(group).length;
    var low = parseInt(group.getAttribute("data-min") || "1", 10);
    var high = parseInt(group.getAttribute("data-max") || "0", 10);
    group.querySelectorAll("[data-remove-row]").forEach(function (b) { b.hidden = count <= low; });
    var add = group.querySelector(":scope > [data-add-row]");
    if (add) add.hidden = !!high && count >= high;
  }

  form.querySelectorAll("[data-group]").forEach(function (group) {
    var add = group.querySelector(":scope > [data-add-row]");
    if (add) add.addEventListener("click", function (ev) {
      ev.preventDefault();
      var all = rows(group), last = all[all.length - 1];
      var row = last.cloneNode(true);
      row.querySelectorAll("input, select, textarea").forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") el.checked = false;
        else if (el.tagName === "SELECT") el.selectedIndex = 0;
        else el.value = "";
      });
      row.querySelectorAll(".error").forEach(function (e) { e.remove(); });
      last.parentNode.insertBefore(row, last.nextSibling);
      renumber(group);
      var first = row.querySelector("input, select, textarea");
      if (first) first.focus();
    });
    group.addEventListener("click", function (ev) {
      var button = ev.target.closest("[data-remove-row]");
      if (!button || !group.contains(button)) return;
      ev.preventDefault();
      button.closest("[data-row]").remove();
      renumber(group);
      changed(group);
    });
  });
})();
