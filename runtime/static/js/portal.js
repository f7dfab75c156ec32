/* Rakit form pages: live show/hide, required-if, computed values and fee preview through the
 * rules engine's browser side (RakitRules), and autosave to the server with a localStorage
 * backup so that an offline moment loses nothing. The page works without this file. */
(function () {
  "use strict";
  var cfgNode = document.getElementById("rakit-live");
  var form = document.getElementById("page-form");
  if (!cfgNode || !form) return;
  var cfg = JSON.parse(cfgNode.textContent);
  var msg = cfg.messages || {};
  var status = document.getElementById("save-state");
  var dirty = false, saving = false, timer = null;
  document.documentElement.className += " js";

  function wrappers() { return form.querySelectorAll("[data-field]"); }

  function readField(w) {
    var id = w.getAttribute("data-field"), type = w.getAttribute("data-type");
    var inputs = w.querySelectorAll("input, select, textarea");
    if (type === "checkbox") return inputs[0] ? inputs[0].checked : null;
    if (type === "checkboxes") {
      var list = [];
      inputs.forEach(function (i) { if (i.checked) list.push(i.value); });
      return list.length ? list : null;
    }
    if (type === "radio") {
      var found = null;
      inputs.forEach(function (i) { if (i.checked) found = i.value; });
      return found;
    }
    if (type === "address" || type === "location") {
      var obj = {}, any = false;
      inputs.forEach(function (i) {
        var key = i.name.slice(id.length + 1), v = i.value.trim();
        if (v !== "") any = true;
        obj[key] = type === "location" ? (v === "" ? null : parseFloat(v)) : (v || null);
      });
      return any ? obj : null;
    }
    var value = inputs[0] ? inputs[0].value.trim() : "";
    if (value === "") return null;
    if (type === "number" || type === "money") {
      var n = parseFloat(value.replace(",", "."));
      return isNaN(n) ? null : n;
    }
    return value;
  }

  function currentData() {
    var data = Object.assign({}, cfg.data);
    wrappers().forEach(function (w) {
      var id = w.getAttribute("data-field");
      data[id] = w.hidden ? null : readField(w);
    });
    return data;
  }

  function rules() { return window.RakitRules; }

  function truthy(v) { return Array.isArray(v) ? v.length > 0 : !!v; }

  function apply(rule, data) {
    try { return rules().apply(rule, data, cfg.ctx); } catch (e) { return null; }
  }

  function refresh() {
    if (!rules()) return;
    var data = currentData();
    wrappers().forEach(function (w) {
      var vis = w.getAttribute("data-visible-if");
      if (vis) { w.hidden = !truthy(apply(JSON.parse(vis), data)); }
      var req = w.getAttribute("data-required-if");
      if (req) {
        var on = truthy(apply(JSON.parse(req), data));
        var mark = w.querySelector(".req, .opt");
        if (mark) { mark.className = on ? "req" : "opt"; mark.textContent = "(" + (on ? msg.required : msg.optional) + ")"; }
      }
      var comp = w.getAttribute("data-computed");
      if (comp) {
        var v = apply(JSON.parse(comp), data), input = w.querySelector("input");
        if (input) input.value = v === null || v === undefined ? "" : v;
      }
    });
    if (cfg.fees && !cfg.fees.free && rules().assessFees) {
      try { showFees(rules().assessFees(cfg.fees, currentData(), cfg.ctx)); }
      catch (e) { showFees(null); }
    }
  }

  function rupiah(amount) {
    var s = String(amount), neg = s.charAt(0) === "-";
    if (neg) s = s.slice(1);
    var parts = s.split("."), whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    var cents = parts[1] && /[1-9]/.test(parts[1]) ? "," + parts[1].slice(0, 2) : "";
    return (neg ? "-" : "") + "Rp" + whole + cents;
  }

  /* fees: {lines|items: [{id, amount}] or {id: amount}, total} — from RakitRules or the server */
  function showFees(fees) {
    var total = document.getElementById("fee-total");
    if (!total) return;
    var amounts = {};
    var lines = fees && (fees.lines || fees.items);
    if (Array.isArray(lines)) lines.forEach(function (l) { amounts[l.id] = l.amount; });
    else if (lines) amounts = lines;
    document.querySelectorAll("[data-fee-item]").forEach(function (dd) {
      var a = amounts[dd.getAttribute("data-fee-item")];
      dd.textContent = a === undefined || a === null ? "–" : rupiah(a);
    });
    total.textContent = fees && fees.total !== null && fees.total !== undefined ? rupiah(fees.total) : "–";
    var hint = document.getElementById("fee-hint");
    if (hint) hint.hidden = !!(fees && fees.total !== null && fees.total !== undefined);
  }

  function entries() {
    var out = [];
    new FormData(form).forEach(function (v, k) { if (k !== "csrf_token") out.push([k, v]); });
    return out;
  }

  function backup() {
    try { localStorage.setItem(cfg.key, JSON.stringify({ at: Date.now(), entries: entries() })); } catch (e) { /* private mode */ }
  }

  function say(text) { if (status) status.textContent = text; }

  function save() {
    if (!dirty || saving) return;
    saving = true; dirty = false;
    var body = new FormData(form);
    fetch(cfg.autosave, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (answer) {
        saving = false;
        if (!dirty) { try { localStorage.removeItem(cfg.key); } catch (e) { /* ignore */ } }
        say(msg.saved + " " + new Date().toLocaleTimeString().slice(0, 5));
        if (answer.fees && (!rules() || !rules().assessFees)) showFees(answer.fees);
      })
      .catch(function () {
        saving = false; dirty = true;
        say(msg.offline);
      });
  }

  function changed() {
    dirty = true;
    backup();
    refresh();
    clearTimeout(timer);
    timer = setTimeout(save, 1500);
  }

  function restore() {
    var stored;
    try { stored = JSON.parse(localStorage.getItem(cfg.key) || "null"); } catch (e) { stored = null; }
    if (!stored || !stored.entries) return;
    var byName = {};
    stored.entries.forEach(function (e) { (byName[e[0]] = byName[e[0]] || []).push(e[1]); });
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.name === "csrf_token" || el.type === "submit" || el.type === "file") return;
      var vals = byName[el.name] || [];
      if (el.type === "checkbox" || el.type === "radio") el.checked = vals.indexOf(el.value) >= 0;
      else if (vals.length) el.value = vals[0];
    });
    say(msg.restored);
    dirty = true;
    save();
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("focusout", function () { if (dirty) save(); });
  window.addEventListener("online", function () { if (dirty) save(); });
  setInterval(function () { if (dirty) save(); }, 5000);
  form.addEventListener("submit", function (ev) {
    backup();
    if (navigator.onLine === false) { ev.preventDefault(); say(msg.offline); }
  });
  restore();
  refresh();
})();
