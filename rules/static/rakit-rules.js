/*
 * Rakit rules in the browser: json-logic-js plus Rakit's allow-list guard, pinned semantics,
 * domain operators and exact-decimal fee assessment. The twin of the Python package `rules`;
 * both pass rules/vectors/domain.json and the JSON Logic conformance suite (tests/e2e).
 *
 * Load after vendor/json-logic.js and vendor/big.js. Exposes the global RakitRules:
 *   RakitRules.apply(rule, data, ctx)         -> value (throws an Error whose name is the Python
 *                                                error class, e.g. "UnknownOperatorError")
 *   RakitRules.applyDecimal(rule, data, ctx)  -> value, fee-formula arithmetic on big.js decimals
 *   RakitRules.assessFees(fees, data, ctx)    -> {lines: [{id, label, amount, legal_basis}], total}
 *                                                (amounts are decimal strings)
 * ctx = {today: "YYYY-MM-DD", holidays: ["YYYY-MM-DD", ...], tables: {name: {key: "decimal"}}}.
 * Operators and decisions: rules/README.md.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./vendor/json-logic.js"), require("./vendor/big.js"));
  } else {
    root.RakitRules = factory(root.jsonLogic, root.Big);
  }
})(this, function (jsonLogic, Big) {
  "use strict";

  var MAX_DEPTH = 64;
  var MAX_NODES = 10000;
  var MAX_PATTERN_LENGTH = 200;
  var hasOwn = Object.prototype.hasOwnProperty;

  // Operator allow-list with accepted argument counts [min, max] (max null = any).
  var ARITY = {
    "if": [0, null], "?:": [3, 3], "and": [1, null], "or": [1, null],
    "filter": [2, 2], "map": [2, 2], "reduce": [2, 3], "all": [2, 2], "none": [2, 2],
    "some": [2, 2], "var": [0, 2], "missing": [0, null], "missing_some": [2, 2],
    "==": [2, 2], "===": [2, 2], "!=": [2, 2], "!==": [2, 2], ">": [2, 2], ">=": [2, 2],
    "<": [2, 3], "<=": [2, 3], "!!": [1, 1], "!": [1, 1], "%": [2, 2], "log": [1, 1],
    "in": [2, 2], "cat": [0, null], "substr": [2, 3], "+": [0, null], "*": [1, null],
    "-": [1, 2], "/": [2, 2], "min": [1, null], "max": [1, null], "merge": [0, null],
    "today": [0, 0], "days_between": [2, 2], "working_days_between": [2, 2],
    "add_days": [2, 2], "add_working_days": [2, 2], "age": [1, 2], "year": [1, 1],
    "length": [1, 1], "matches": [2, 2], "valid_nik": [1, 1], "valid_npwp": [1, 1],
    "round_money": [3, 3], "tariff": [2, 2]
  };

  function ruleError(name, message) {
    var error = new Error(message);
    error.name = name;
    return error;
  }

  function isOperation(node) {
    return node !== null && typeof node === "object" && !Array.isArray(node) &&
      Object.keys(node).length === 1;
  }

  // Size, depth, allow-list and arity, checked iteratively before anything is evaluated.
  function guard(rule) {
    var count = 0;
    var stack = [[rule, 0]];
    while (stack.length) {
      var top = stack.pop();
      var node = top[0];
      count += 1;
      if (count > MAX_NODES) throw ruleError("RuleTooLargeError", "Rule has more than " + MAX_NODES + " nodes");
      if (node === null || typeof node !== "object") continue;
      var children = Array.isArray(node) ? node : Object.keys(node).map(function (k) { return node[k]; });
      if (top[1] + 1 > MAX_DEPTH) throw ruleError("RuleTooDeepError", "Rule nests deeper than " + MAX_DEPTH + " levels");
      if (count + stack.length + children.length > MAX_NODES) throw ruleError("RuleTooLargeError", "Rule has more than " + MAX_NODES + " nodes");
      for (var i = 0; i < children.length; i++) stack.push([children[i], top[1] + 1]);
    }
    var nodes = [rule];
    while (nodes.length) {
      var current = nodes.pop();
      if (Array.isArray(current)) { nodes.push.apply(nodes, current); continue; }
      if (!isOperation(current)) continue;
      var op = Object.keys(current)[0];
      if (!hasOwn.call(ARITY, op)) throw ruleError("UnknownOperatorError", "Unknown or forbidden rule operator '" + op + "'");
      var args = Array.isArray(current[op]) ? current[op] : [current[op]];
      var arity = ARITY[op];
      if (args.length < arity[0] || (arity[1] !== null && args.length > arity[1])) {
        throw ruleError("RuleArityError", "Operator '" + op + "' takes a different number of arguments, got " + args.length);
      }
      nodes.push.apply(nodes, args);
    }
  }

  // ---- pinned standard-operator semantics ----------------------------------------------------

  function finite(x) { return (typeof x === "number" && isFinite(x)) ? x : null; }
  function toInteger(v) {
    var n = Number(v);
    if (n !== n) return 0;
    return isFinite(n) ? Math.trunc(n) : n;
  }
  var INDEX = /^(?:0|[1-9][0-9]*)$/;

  var standard = {
    "+": function () {
      var total = 0;
      for (var i = 0; i < arguments.length; i++) total += parseFloat(arguments[i]);
      return finite(total);
    },
    "*": function () {
      if (!arguments.length) return null;
      var product = 1;
      for (var i = 0; i < arguments.length; i++) product *= parseFloat(arguments[i]);
      return finite(product);
    },
    "-": function (a, b) {
      return arguments.length < 2 ? finite(-Number(a)) : finite(Number(a) - Number(b));
    },
    "/": function (a, b) {
      var divisor = Number(b);
      return divisor === 0 ? null : finite(Number(a) / divisor);
    },
    "%": function (a, b) {
      var x = Number(a), y = Number(b);
      if (y === 0 || y !== y || x !== x || !isFinite(x)) return null;
      return finite(x % y);
    },
    "min": function () { return extreme(arguments, Math.min); },
    "max": function () { return extreme(arguments, Math.max); },
    "substr": function (source, start, length) {
      var chars = Array.from(String(source));
      var size = chars.length;
      var first = toInteger(start);
      first = first < 0 ? Math.max(size + first, 0) : Math.min(first, size);
      if (arguments.length < 3) return chars.slice(first).join("");
      var count = toInteger(length);
      if (count < 0) {
        var rest = chars.slice(first);
        var keep = rest.length + count;
        return keep > 0 ? rest.slice(0, keep).join("") : "";
      }
      return chars.slice(first, first + Math.min(count, size - first)).join("");
    },
    "var": function (a, b) {
      var notFound = b === undefined ? null : b;
      var data = this;
      if (a === undefined || a === null || a === "") return data;
      var keys = String(a).split(".");
      for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        if (Array.isArray(data)) {
          if (!INDEX.test(key) || Number(key) >= data.length) return notFound;
          data = data[Number(key)];
        } else if (data !== null && typeof data === "object") {
          if (!hasOwn.call(data, key)) return notFound;
          data = data[key];
        } else {
          return notFound;
        }
      }
      return data;
    },
    "log": function (a) { return a; },
    "in": function (a, b) {
      if (typeof b === "string") return b !== "" && b.indexOf(String(a)) !== -1;
      if (Array.isArray(b)) return b.indexOf(a) !== -1;
      return false;
    }
  };

  function extreme(args, pick) {
    var numbers = Array.prototype.map.call(args, Number);
    if (!numbers.length || numbers.some(function (n) { return n !== n; })) return null;
    return finite(pick.apply(null, numbers));
  }

  // ---- dates ------------------------------------------------------------------------------

  var ISO_DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  var MIN_DAY = daysFromCivil(1, 1, 1);
  var MAX_DAY = daysFromCivil(9999, 12, 31);

  function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400);
    var yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function civilFromDays(z) {
    z += 719468;
    var era = Math.floor(z / 146097);
    var doe = z - era * 146097;
    var yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var m = mp + (mp < 10 ? 3 : -9);
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
  }

  function daysInMonth(y, m) {
    var leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }

  function parseParts(value) {
    if (typeof value !== "string" || !ISO_DATE.test(value)) return null;
    var y = Number(value.slice(0, 4)), m = Number(value.slice(5, 7)), d = Number(value.slice(8, 10));
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
    return [y, m, d];
  }

  function parseDay(value) {
    var p = parseParts(value);
    return p === null ? null : daysFromCivil(p[0], p[1], p[2]);
  }

  function pad(n, width) { var s = String(n); while (s.length < width) s = "0" + s; return s; }

  function formatDay(day) {
    if (day < MIN_DAY || day > MAX_DAY) return null;
    var c = civilFromDays(day);
    return pad(c[0], 4) + "-" + pad(c[1], 2) + "-" + pad(c[2], 2);
  }

  function isWeekday(day) {
    var w = ((day % 7) + 7 + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
    return w !== 0 && w !== 6;
  }

  function holidayDays() {
    var seen = {}, list = [];
    (ctx.holidays || []).forEach(function (h) {
      var day = parseDay(h);
      if (day !== null && !seen[day]) { seen[day] = true; list.push(day); }
    });
    return {set: seen, list: list};
  }

  function workingDaysBetween(a, b, holidays) {
    if (b < a) return -workingDaysBetween(b, a, holidays);
    var total = b - a, weeks = Math.floor(total / 7), count = weeks * 5, day = a + weeks * 7;
    for (var i = 0; i < total % 7; i++) { day += 1; if (isWeekday(day)) count += 1; }
    holidays.list.forEach(function (h) { if (a < h && h <= b && isWeekday(h)) count -= 1; });
    return count;
  }

  function wholeNumber(value, limit) {
    if (value === null || value === undefined) return null;
    var n = Number(value);
    if (!isFinite(n) || Math.floor(n) !== n || Math.abs(n) > limit) return null;
    return n;
  }

  function todayText() {
    if (ctx.today) return ctx.today;
    var now = new Date();
    return pad(now.getFullYear(), 4) + "-" + pad(now.getMonth() + 1, 2) + "-" + pad(now.getDate(), 2);
  }

  // ---- text checks --------------------------------------------------------------------------

  var ESCAPES = "dDwWsSbBtnr\\.-/+*?()[]{}|^$";
  var QUANTIFIER_BRACE = /^\{[0-9]+(?:,[0-9]*)?\}/;
  var patternCache = {};

  function repeatsAt(p, i) {
    if (i >= p.length) return false;
    if (p[i] === "*" || p[i] === "+") return true;
    return p[i] === "{" && QUANTIFIER_BRACE.test(p.slice(i));
  }

  // Port of rules/patterns.py:pattern_problem (same dialect, same ReDoS refusals).
  function patternProblem(p) {
    if (typeof p !== "string") return "the pattern must be a string";
    if (p.length > MAX_PATTERN_LENGTH) return "the pattern is longer than " + MAX_PATTERN_LENGTH + " characters";
    var groups = [[false, false]], i = 0, inClass = false, afterQuantifier = false;
    while (i < p.length) {
      var c = p[i];
      if (c === "\\") {
        if (i + 1 >= p.length || ESCAPES.indexOf(p[i + 1]) === -1) return "the pattern uses an escape outside the supported set";
        i += 2; afterQuantifier = false; continue;
      }
      if (inClass) { inClass = c !== "]"; i += 1; continue; }
      if (c === "{" && !repeatsAt(p, i)) return "a literal { must be escaped as \\{";
      if (afterQuantifier && repeatsAt(p, i)) return "the pattern has a quantifier after a quantifier";
      afterQuantifier = repeatsAt(p, i) || (c === "?" && i > 0);
      if (c === "{") {
        groups[groups.length - 1][0] = true;
        i = p.indexOf("}", i);
      } else if (c === "[") {
        if (p.startsWith("[]", i) || p.startsWith("[^]", i)) return "the pattern has an empty character class";
        inClass = true;
      } else if (c === "(") {
        if (p.startsWith("(?", i) && !p.startsWith("(?:", i)) return "the pattern uses (?…) groups other than (?:…)";
        groups.push([false, false]);
        i += p.startsWith("(?:", i) ? 3 : 1;
        continue;
      } else if (c === ")") {
        afterQuantifier = false;
        if (groups.length === 1) return "the pattern has an unbalanced parenthesis";
        var g = groups.pop();
        if (repeatsAt(p, i + 1) && (g[0] || g[1])) return "the pattern repeats a group that repeats or alternates (ReDoS risk)";
        var parent = groups[groups.length - 1];
        parent[0] = parent[0] || g[0] || repeatsAt(p, i + 1);
      } else if (c === "|") {
        groups[groups.length - 1][1] = true;
      } else if (repeatsAt(p, i)) {
        groups[groups.length - 1][0] = true;
      }
      i += 1;
    }
    if (inClass || groups.length !== 1) return "the pattern has an unclosed group or class";
    return null;
  }

  function compilePattern(p) {
    var problem = patternProblem(p);
    if (problem !== null) throw ruleError("RuleEvaluationError", "matches: " + problem);
    if (!hasOwn.call(patternCache, p)) {
      try {
        patternCache[p] = new RegExp("^(?:" + p + ")$");
      } catch (e) {
        throw ruleError("RuleEvaluationError", "matches: the pattern is invalid (" + e.message + ")");
      }
    }
    return patternCache[p];
  }

  // ---- money ---------------------------------------------------------------------------------

  var Dec = Big();
  Dec.DP = 20; // division: 20 decimal places,
  Dec.RM = 1; // half up (as rules/money.py)
  var DECIMAL_TEXT = /^-?[0-9]+(?:\.[0-9]+)?$/;
  var MODES = {half_up: 1, up: 3, down: 0};
  var STEP_PLACES = {1: 0, 100: -2, 1000: -3};

  function toDec(v) {
    if (v instanceof Dec) return v;
    if (typeof v === "number") return isFinite(v) ? new Dec(String(v)) : null;
    if (typeof v === "string" && DECIMAL_TEXT.test(v)) return new Dec(v);
    return null;
  }

  function decs(args) {
    var out = [];
    for (var i = 0; i < args.length; i++) {
      var d = toDec(args[i]);
      if (d === null) return null;
      out.push(d);
    }
    return out;
  }

  function roundMoney(value, mode, step) {
    if (typeof mode !== "string" || !hasOwn.call(MODES, mode) || typeof step !== "number" || !hasOwn.call(STEP_PLACES, step)) {
      throw ruleError("RuleEvaluationError", "round_money needs mode half_up|up|down and step 1|100|1000");
    }
    var d = toDec(value);
    return d === null ? null : d.round(STEP_PLACES[step], MODES[mode]);
  }

  function tariffRow(table, key) {
    if (key === null || key === undefined || key === "") return null;
    var tables = ctx.tables || {};
    if (typeof table !== "string" || !hasOwn.call(tables, table)) {
      throw ruleError("RuleEvaluationError", "Unknown tariff table '" + String(table) + "'");
    }
    var name = String(key);
    if (!hasOwn.call(tables[table], name)) {
      throw ruleError("RuleEvaluationError", "Tariff table '" + table + "' has no row '" + name + "'");
    }
    return tables[table][name];
  }

  // ---- domain operators -----------------------------------------------------------------------

  var domain = {
    "today": function () { return todayText(); },
    "days_between": function (a, b) {
      var x = parseDay(a), y = parseDay(b);
      return x === null || y === null ? null : y - x;
    },
    "working_days_between": function (a, b) {
      var x = parseDay(a), y = parseDay(b);
      return x === null || y === null ? null : workingDaysBetween(x, y, holidayDays());
    },
    "add_days": function (date, count) {
      var day = parseDay(date), n = wholeNumber(count, 3650000);
      return day === null || n === null ? null : formatDay(day + n);
    },
    "add_working_days": function (date, count) {
      var day = parseDay(date), n = wholeNumber(count, 10000);
      if (day === null || n === null) return null;
      var holidays = holidayDays().set, step = n >= 0 ? 1 : -1, remaining = Math.abs(n);
      while (remaining) {
        day += step;
        if (day < MIN_DAY || day > MAX_DAY) return null;
        if (isWeekday(day) && !holidays[day]) remaining -= 1;
      }
      return formatDay(day);
    },
    "age": function (birth, at) {
      var b = parseParts(birth), w = parseParts(arguments.length > 1 ? at : todayText());
      if (b === null || w === null) return null;
      return w[0] - b[0] - ((w[1] < b[1] || (w[1] === b[1] && w[2] < b[2])) ? 1 : 0);
    },
    "year": function (date) { var p = parseParts(date); return p === null ? null : p[0]; },
    "length": function (v) {
      if (typeof v === "string") return Array.from(v).length;
      return Array.isArray(v) ? v.length : null;
    },
    "matches": function (value, pattern) {
      var re = compilePattern(pattern);
      return typeof value === "string" && re.test(value);
    },
    "valid_nik": function (v) {
      if (typeof v !== "string" || !/^[0-9]{16}$/.test(v)) return false;
      var day = Number(v.slice(6, 8)), month = Number(v.slice(8, 10));
      return ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && month >= 1 && month <= 12;
    },
    "valid_npwp": function (v) {
      return typeof v === "string" && /^[0-9]{15,16}$/.test(v.replace(/[.-]/g, ""));
    },
    "round_money": function (value, mode, step) {
      var r = roundMoney(value, mode, step);
      return r === null ? null : finite(Number(r.toFixed()));
    },
    "tariff": function (table, key) {
      var row = tariffRow(table, key);
      return row === null ? null : finite(Number(row));
    }
  };

  // ---- fee-formula (decimal) operators, swapped in by applyDecimal --------------------------

  function numberView(fn) {
    return function () {
      var args = Array.prototype.map.call(arguments, function (a) { return a instanceof Dec ? Number(a.toFixed()) : a; });
      return fn.apply(this, args);
    };
  }

  var decimal = {
    "+": function () {
      var xs = decs(arguments);
      return xs === null ? null : xs.reduce(function (t, x) { return t.plus(x); }, new Dec(0));
    },
    "*": function () {
      var xs = decs(arguments);
      return !xs || !xs.length ? null : xs.reduce(function (t, x) { return t.times(x); }, new Dec(1));
    },
    "-": function () {
      var xs = decs(arguments);
      if (xs === null) return null;
      return xs.length === 1 ? xs[0].neg() : xs[0].minus(xs[1]);
    },
    "/": function (a, b) {
      var xs = decs([a, b]);
      return xs === null || xs[1].eq(0) ? null : xs[0].div(xs[1]);
    },
    "%": function (a, b) {
      var xs = decs([a, b]);
      return xs === null || xs[1].eq(0) ? null : xs[0].mod(xs[1]);
    },
    "min": function () {
      var xs = decs(arguments);
      return !xs || !xs.length ? null : xs.reduce(function (m, x) { return x.lt(m) ? x : m; });
    },
    "max": function () {
      var xs = decs(arguments);
      return !xs || !xs.length ? null : xs.reduce(function (m, x) { return x.gt(m) ? x : m; });
    },
    "round_money": roundMoney,
    "tariff": function (table, key) {
      var row = tariffRow(table, key);
      return row === null ? null : toDec(row);
    }
  };

  var comparisons = {
    "==": function (a, b) { return a == b; }, // eslint-disable-line eqeqeq
    "===": function (a, b) { return a === b; },
    "!=": function (a, b) { return a != b; }, // eslint-disable-line eqeqeq
    "!==": function (a, b) { return a !== b; },
    ">": function (a, b) { return a > b; },
    ">=": function (a, b) { return a >= b; },
    "<": function (a, b, c) { return (c === undefined) ? a < b : (a < b) && (b < c); },
    "<=": function (a, b, c) { return (c === undefined) ? a <= b : (a <= b) && (b <= c); },
    "cat": function () { return Array.prototype.join.call(arguments, ""); }
  };
  Object.keys(comparisons).forEach(function (op) { decimal[op] = numberView(comparisons[op]); });

  var plainTruthy = jsonLogic.truthy;
  function decimalTruthy(value) {
    return value instanceof Dec ? !value.eq(0) : plainTruthy(value);
  }

  function install(table) {
    Object.keys(table).forEach(function (op) { jsonLogic.add_operation(op, table[op]); });
  }
  install(standard);
  install(domain);

  // ---- public API -------------------------------------------------------------------------------

  var ctx = {};

  function withContext(context, fn) {
    var saved = ctx;
    ctx = context || {};
    try { return fn(); } finally { ctx = saved; }
  }

  function apply(rule, data, context) {
    guard(rule);
    return withContext(context, function () { return jsonLogic.apply(rule, data === undefined ? null : data); });
  }

  function applyDecimal(rule, data, context) {
    guard(rule);
    install(decimal);
    jsonLogic.truthy = decimalTruthy;
    try {
      return withContext(context, function () { return jsonLogic.apply(rule, data === undefined ? null : data); });
    } finally {
      jsonLogic.truthy = plainTruthy;
      install(standard);
      install(domain);
      install(comparisons);
    }
  }

  function assessFees(fees, data, context) {
    if (fees.free) return {lines: [], total: "0"};
    var lines = [], total = new Dec(0);
    (fees.items || []).forEach(function (item) {
      if (item.when !== undefined && item.when !== null && !plainTruthy(apply(item.when, data, context))) return;
      var rounding = item.rounding || {mode: "half_up", to: 1};
      var amount;
      try {
        var value = toDec(applyDecimal(item.formula, data, context));
        if (value === null) throw ruleError("RuleEvaluationError", "the formula did not give a number");
        amount = roundMoney(value, rounding.mode, rounding.to);
      } catch (e) {
        if (e.name === "RuleEvaluationError") e.message = "Fee item '" + item.id + "': " + e.message;
        throw e;
      }
      total = total.plus(amount);
      lines.push({id: item.id, label: item.label || {}, amount: amount.toFixed(), legal_basis: item.legal_basis || ""});
    });
    return {lines: lines, total: total.toFixed()};
  }

  function decimalText(value) {
    return value instanceof Dec ? value.toFixed() : value;
  }

  return {
    apply: apply,
    applyDecimal: applyDecimal,
    assessFees: assessFees,
    withContext: withContext,
    decimalText: decimalText,
    guard: guard,
    allowedOperators: Object.keys(ARITY),
    MAX_DEPTH: MAX_DEPTH,
    MAX_NODES: MAX_NODES
  };
});
