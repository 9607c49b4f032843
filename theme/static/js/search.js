// The public search page over the site's own index (/search/, written by gongshi/search/index.py).
// The query and filters live in the URL (?q=&kind=&agency=&category=&year=) so a search can be linked.
//
// A query is cut into grams: each Chinese character and each pair of adjacent characters,
// each ASCII letter/digit run, or one "#number" for a typed document number. Pages holding
// every adjacent pair hold the typed string exactly and come first; then pages holding its
// characters apart. Within each: a hit in the title, name, number or credit code first, then
// newer first (documents are numbered oldest first: the higher id is the newer). Every year is
// in one search.
//
// A very large index (a province's) writes its largest grams in id ranges, newest first
// (meta.ranges; gongshi/outputs/search/ranges.py): a query made only of common pairs reads
// their newest ranges, shows the results whose place is already certain, and reads older
// ranges when the reader asks for more ("at least N" until every range is read). Every result
// shown is where a search reading every posting would show it.
const root = document.getElementById("search");
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const statusEl = document.getElementById("search-status");
const notice = document.getElementById("search-notice");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const FILTERS = ["kind", "agency", "category", "year"];
const INDEX = root.dataset.index;
const SITE = root.dataset.site || "/";
const PAGE = Number(root.dataset.pageSize) || 10;
// The interface's words, in the page's language: search.html writes them through gettext
// (one place for every translated string; this script holds none).
const WORDS = JSON.parse(document.getElementById("search-messages").textContent);
const APART_MAX = 4; // longer strings that are found exactly are not also sought apart (bytes)
// The "apart" tier (single characters, whose postings are the largest files) is fetched only
// when the exact tier finds nothing to show, or when the reader pages past its last result.

// A typed document number (gongshi/search/docno.py): 霍市监罚〔2025〕02号 -> 霍市监罚2025-2.
const DOC_NO = /^\s*([^\s:：]+?)\s*[〔\[［【(（]\s*([0-9]{4})\s*[〕\]］】)）]\s*([0-9]+)\s*号?\s*$/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const ALNUM = /[0-9a-z]+/g;

function fold(s) {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
}

let meta = null;        // Promise of meta.json
const shards = new Map(); // shard number -> Promise of {gram: postings} or null (missing)
const docs = new Map();   // id -> Promise of the document or null
let run = 0;
let results = [];       // [{id, score}], best first, after filters
let hits = [];          // before filters (for the counts)
let cursor = 0;
let query = null;
let pending = null;     // the apart tier not yet fetched: {m, p, exact, missing} or null
let walking = null;     // a query's ranged pairs being read newest first (Walk) or null

function loadJson(path) {
  return fetch(INDEX + path).then((r) => (r.ok ? r.json() : null)).catch(() => null);
}

function loadMeta() {
  if (!meta) {
    meta = loadJson("meta.json").then((m) => {
      if (!m) meta = null; // try again next time
      return m;
    });
  }
  return meta;
}

// A very large index (a province's) keeps its facet columns out of meta.json, one file each
// (meta[name].file), so that the first search stays small: they are fetched only when a filter
// is chosen or the reader opens one (for its counts). A site's own index has them inline.
let facetsLoaded = null;
function loadFacets(m) {
  if (!facetsLoaded) {
    facetsLoaded = Promise.all(FILTERS.map((name) => {
      const f = m[name];
      if (f.col !== undefined || !f.file) return true;
      return loadJson(f.file).then((d) => {
        if (!d) return false;
        f.col = d.col;
        return true;
      });
    })).then((ok) => {
      if (!ok.every(Boolean)) facetsLoaded = null; // try again next time
      return ok.every(Boolean);
    });
  }
  return facetsLoaded;
}

function hasFacets(m) {
  return FILTERS.every((name) => m[name].col !== undefined);
}

function shardOf(gram, n) {
  let h = 0;
  for (const ch of gram) h = (Math.imul(h, 31) + ch.codePointAt(0)) >>> 0;
  return h % n;
}

function loadShard(n) {
  if (!shards.has(n)) {
    shards.set(n, loadJson(`g/${n}.json`).then((s) => {
      if (!s) shards.delete(n);
      return s;
    }));
  }
  return shards.get(n);
}

// A very large index (a province's, meta.block = B) keeps B documents a file: d/<id div B>.json
// is the array of documents B*k … B*k+B-1; a site's own index has one file a document.
const blocks = new Map(); // block number -> Promise of its array or null (missing)
function loadBlock(k) {
  if (!blocks.has(k)) {
    blocks.set(k, loadJson(`d/${k}.json`).then((a) => {
      if (!Array.isArray(a)) blocks.delete(k);
      return Array.isArray(a) ? a : null;
    }));
  }
  return blocks.get(k);
}

function loadDoc(id) {
  if (!docs.has(id)) {
    docs.set(id, loadMeta().then((m) => {
      const b = (m && m.block) || 0;
      if (!b) return loadJson(`d/${id}.json`);
      return loadBlock(Math.floor(id / b)).then((a) => (a && a[id % b]) || null);
    }).then((d) => {
      if (!d) docs.delete(id);
      return d;
    }));
  }
  return docs.get(id);
}

// What a query asks for: `exact` grams (all must occur), `apart` grams (the characters
// anywhere; null when a masked name or number asks for exactly itself), and the strings
// a snippet highlights.
function parse(q) {
  const m = DOC_NO.exec(q);
  if (m) {
    return { exact: ["#" + fold(`${m[1]}${m[2]}-${Number(m[3])}`)], apart: null, marks: [[q.trim()]], han: 0 };
  }
  const f = fold(q);
  const exact = new Set();
  const apart = new Set();
  const marks = [];
  let han = 0;
  for (const r of f.match(HAN) || []) {
    const chars = Array.from(r);
    han += chars.length;
    marks.push(r);
    if (chars.length === 1) exact.add(r);
    for (let i = 0; i + 1 < chars.length; i++) exact.add(chars[i] + chars[i + 1]);
    for (const c of chars) apart.add(c);
  }
  for (const t of f.replace(HAN, " ").match(ALNUM) || []) {
    exact.add(t);
    apart.add(t);
    marks.push(t);
  }
  // 张某某 is a masked name: only the same surname, never every other 某某.
  const masked = /某/.test(q);
  // Highlight the typed strings; where a page lacks them, its pairs; else its characters.
  const levels = [marks, [...exact].filter((g) => /^[\u3400-\u9fff\uf900-\ufaff]{2}$/.test(g)), [...apart]];
  return { exact: [...exact], apart: masked ? null : [...apart], marks: levels, han };
}

function decode(postings) {
  const out = new Map();
  let v = 0;
  for (const d of postings.split(",")) {
    v += parseInt(d, 36);
    out.set(v >> 1, v & 1);
  }
  return out;
}

// A gram written in ranges (meta.ranges[g] = [key ranges, body ranges], newest first; k: its
// postings in a key field, b: the others; each at most meta.range_gz bytes compressed):
// r/<code points in hex>.<k|b><n>.json, n = 0 the newest.
const ranged = new Map(); // range file -> Promise of its postings (Map) or null (missing)
function rangePath(g, series, n) {
  return `r/${Array.from(g, (c) => c.codePointAt(0).toString(16)).join("-")}.${series}${n}.json`;
}

function loadRange(g, series, n) {
  const path = rangePath(g, series, n);
  if (!ranged.has(path)) {
    ranged.set(path, loadJson(path).then((r) => {
      if (!r || typeof r[g] !== "string") {
        ranged.delete(path);
        return null;
      }
      return decode(r[g]);
    }));
  }
  return ranged.get(path);
}

// A gram's whole postings: from its gram file, or every range of a ranged pair; null: missing.
async function postings(g, m) {
  const r = (m.ranges || {})[g];
  if (r) {
    const parts = await Promise.all(["k", "b"].flatMap((s, i) => Array.from({ length: r[i] }, (_, n) => loadRange(g, s, n))));
    if (parts.some((p) => !p)) return null;
    const out = new Map();
    for (const p of parts) for (const [id, key] of p) out.set(id, key);
    return out;
  }
  const shard = await loadShard(shardOf(g, m.shards));
  if (!shard) return null;
  return shard[g] ? decode(shard[g]) : new Map();
}

// id -> 1 when every gram occurs in a key field (title, name, number, code), else 0.
// A gram whose shard is missing is left out (the notice says results may be incomplete).
async function intersect(grams, m, missing) {
  const lists = [];
  for (const g of grams) {
    const list = await postings(g, m);
    if (!list) {
      missing.add(g);
      continue;
    }
    lists.push(list);
  }
  if (!lists.length) return new Map();
  lists.sort((a, b) => a.size - b.size);
  const out = new Map(lists[0]);
  for (const other of lists.slice(1)) {
    for (const [id, key] of out) {
      if (!other.has(id)) out.delete(id);
      else out.set(id, key & other.get(id));
    }
  }
  return out;
}

function facet(m, name, id) {
  const f = m[name];
  if (f.col === undefined) return ""; // its file could not be fetched: the filter keeps nothing
  const v = parseInt(f.col.substr(id * f.w, f.w), 36);
  return v ? f.names[v - 1] : "";
}

function label(m, kind) {
  const i = m.kind.names.indexOf(kind);
  return i < 0 ? kind : m.kind.labels[i];
}

function chosen() {
  const out = {};
  for (const name of FILTERS) {
    const value = form.elements[name].value;
    if (value) out[name] = value;
  }
  return out;
}

function passes(m, id, filters, skip) {
  for (const [name, value] of Object.entries(filters)) {
    if (name === skip) continue;
    const v = name === "kind" ? label(m, facet(m, "kind", id)) : facet(m, name, id);
    if (v !== value) return false;
  }
  return true;
}

// Each choice shows how many of this query's hits it keeps (given the other filters).
function counts(m, filters) {
  if (!hasFacets(m)) return; // not fetched yet: the choices show their names only
  for (const name of FILTERS) {
    const tally = new Map();
    for (const h of hits) {
      if (!passes(m, h.id, filters, name)) continue;
      const v = name === "kind" ? label(m, facet(m, "kind", h.id)) : facet(m, name, h.id);
      tally.set(v, (tally.get(v) || 0) + 1);
    }
    for (const opt of form.elements[name].options) {
      if (!opt.dataset.name) opt.dataset.name = opt.value || "";
      if (!opt.value) continue;
      opt.value = opt.dataset.name;
      // While a ranged query has older ranges to read, a count is a lower bound: "12+".
      const n = (tally.get(opt.dataset.name) || 0) + (walking && !walking.done ? "+" : "");
      opt.textContent = query ? words("count", { name: opt.dataset.name, n }) : opt.dataset.name;
    }
  }
}

function fromUrl() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
  // The filters are folded (the first results fit a phone's first screen); a link that
  // already chooses one shows them, so the reader sees why the list is narrowed.
  const fold = document.getElementById("search-fold");
  if (fold && Object.keys(chosen()).length) fold.open = true;
}

function toUrl(push) {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const [name, value] of Object.entries(chosen())) params.set(name, value);
  const q = params.toString();
  const url = location.pathname + (q ? "?" + q : "");
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

// A message of WORDS with its {placeholders} filled (one pass: a query holding "{n}" stays as typed).
function words(key, vars = {}) {
  return WORDS[key].replace(/\{(\w+)\}/g, (all, k) => (k in vars ? String(vars[k]) : all));
}

function say(text) {
  statusEl.textContent = text;
}

function warn(text) {
  notice.textContent = text || "";
  notice.hidden = !text;
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

// A snippet: the line (one field) holding the match, cut at sentence ends (。！？；), else at
// a comma, else at most WIDTH characters around it; "…" marks a cut, never a bare ". ".
const WIDTH = 90;
function level(text, levels) {
  const low = fold(text);
  for (const marks of levels) {
    const found = marks.filter((t) => t && low.includes(fold(t)));
    if (found.length) return found;
  }
  return [];
}

function cut(text, marks) {
  const low = fold(text);
  let at = -1, len = 0;
  for (const t of marks) {
    const i = low.indexOf(fold(t));
    if (i >= 0 && (at < 0 || i < at)) { at = i; len = t.length; }
  }
  if (at < 0) at = 0;
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  let lineEnd = text.indexOf("\n", at);
  if (lineEnd < 0) lineEnd = text.length;
  let start = lineStart, end = lineEnd;
  if (end - start > WIDTH) {
    const before = text.slice(Math.max(lineStart, at - WIDTH / 2), at);
    const s = Math.max(before.search(/[。！？；][^。！？；]*$/), -1);
    if (s >= 0) start = at - before.length + s + 1;
    else {
      const c = before.search(/[，、,\s][^，、,\s]*$/);
      start = c >= 0 ? at - before.length + c + 1 : Math.max(lineStart, at - 20);
    }
    const after = text.slice(at + len, Math.min(lineEnd, start + WIDTH));
    const e = after.search(/[。！？；]/);
    if (e >= 0) end = at + len + e + 1;
    else {
      const c = after.lastIndexOf("，");
      end = start + WIDTH >= lineEnd ? lineEnd : (c > 0 ? at + len + c + 1 : at + len + after.length);
    }
  }
  const body = text.slice(start, end).trim();
  return (start > lineStart ? "…" : "") + body + (end < lineEnd ? "…" : "");
}

function highlight(node, text, marks) {
  const low = fold(text);
  const wanted = marks.map(fold).filter((t) => t && low.includes(t));
  let i = 0;
  while (i < text.length) {
    let best = -1, blen = 0;
    for (const t of wanted) {
      const j = low.indexOf(t, i);
      if (j >= 0 && (best < 0 || j < best || (j === best && t.length > blen))) { best = j; blen = t.length; }
    }
    if (best < 0) break;
    node.append(text.slice(i, best), el("mark", null, text.slice(best, best + blen)));
    i = best + blen;
  }
  node.append(text.slice(i));
}

function render(m, id, doc, marks) {
  const li = el("li", "search-result");
  li.dataset.kind = doc.k;
  const h = el("h2", "search-result-title");
  const a = el("a", null, doc.t || doc.n || doc.u);
  a.href = SITE + doc.u;
  h.append(a);
  const facts = el("p", "search-result-meta");
  const parts = [["kind", label(m, doc.k), WORDS.kind], ["doc-no", doc.n, doc.k === "officer" ? WORDS.certificate : WORDS.number],
    ["party", doc.k === "decision" ? doc.s : "", WORDS.party], ["agency", doc.a, WORDS.agency],
    ["sub", doc.k === "decision" ? "" : doc.s, ""]];
  for (const [key, value, title] of parts) {
    if (!value) continue;
    const span = el("span", "search-result-" + key, value);
    if (title) span.title = title;
    facts.append(span, " ");
  }
  if (doc.d) {
    const t = el("time", "search-result-date", doc.d);
    t.dateTime = doc.d;
    facts.append(t);
  }
  const excerpt = el("p", "search-result-excerpt");
  const marked = level(doc.x || "", marks);
  const snippet = cut(doc.x || "", marked);
  highlight(excerpt, snippet, level(snippet, marks));
  li.append(h, facts, excerpt);
  return li;
}

// Fetch the apart tier (once) and append its hits after the exact ones.
async function widen(mine) {
  const w = pending;
  pending = null;
  if (!w) return;
  const apart = await intersect(w.p.apart, w.m, w.missing);
  if (mine !== run) return;
  const extra = [];
  for (const [id, key] of apart) if (!w.exact.has(id)) extra.push({ id, score: key });
  extra.sort((a, b) => b.score - a.score || b.id - a.id);
  const filters = chosen();
  hits = hits.concat(extra);
  results = results.concat(extra.filter((h) => passes(w.m, h.id, filters, null)));
  counts(w.m, filters);
  if (w.missing.size) warn(WORDS.indexMissing);
}

async function showMore(mine, focusFirst) {
  const m = await loadMeta();
  if (walking && !walking.done && cursor + PAGE > results.length) {
    await deepen(mine, cursor + PAGE, STEP_BUDGET);
    if (mine !== run) return;
    if (query) say(found(results.length, query.q));
  }
  if (pending && cursor + PAGE > results.length && (!walking || walking.done)) {
    await widen(mine);
    if (mine !== run) return;
    if (query) say(found(results.length, query.q));
  }
  const batch = results.slice(cursor, cursor + PAGE);
  const loaded = await Promise.all(batch.map((r) => loadDoc(r.id)));
  if (mine !== run) return;
  cursor += batch.length;
  const items = [];
  batch.forEach((r, i) => {
    if (loaded[i]) items.push(render(m, r.id, loaded[i], query.marks));
  });
  if (loaded.some((d) => !d)) warn(WORDS.documentsMissing);
  list.append(...items);
  more.hidden = cursor >= results.length && !pending && (!walking || walking.done);
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

// The exact grams worth fetching: every rarer gram, then the query's "common" pairs (meta.json:
// gram -> compressed bytes of its postings, tens of kB each on a large site) cheapest first
// while they fit in COMMON_BUDGET bytes; at least one gram. The pages are then those holding
// the fetched pairs (a superset of the exact holders when a common pair is left out).
// When every gram is common, a ranged pair costs one range (meta.range_gz, read first), not
// its whole postings; beside a rarer gram it is read whole, as any common pair.
const COMMON_BUDGET = 30000;
function selective(grams, m) {
  const common = m.common || {};
  const out = grams.filter((g) => !(g in common));
  const walk = !out.length;
  const cost = (g) => (walk && (m.ranges || {})[g] ? Math.min(m.range_gz, common[g]) : common[g]);
  let spent = 0;
  for (const g of grams.filter((g) => g in common).sort((a, b) => common[a] - common[b] || (a < b ? -1 : 1))) {
    if (out.length && spent + cost(g) > COMMON_BUDGET) break;
    out.push(g);
    spent += cost(g);
  }
  return out;
}

// Range bytes one step (a search, or a click on "more") reads at most, beyond its first range.
const STEP_BUDGET = 32000;

// The exact tier of a query whose pairs are all common and some ranged: `whole` (Maps of the
// pairs read whole) and the ranged pairs, read newest first. The key series (a pair in a key
// field) of every ranged pair first, until the title tier (every pair in a key field) is
// complete; then the body series. At each point `list()` is the results certain so far: the
// title tier's ids at or above the lowest id every key series has reached, newest first; once
// it is complete, then the body tier's ids at or above the lowest the body series have reached.
// That is always the head of the whole ranking (title tier newest first, then the rest newest
// first); only the count grows ("at least N") until `done`.
class Walk {
  constructor(m, whole, grams) {
    this.m = m;
    this.whole = whole;
    this.pairs = grams.map((g) => ({
      g, r: { k: m.ranges[g][0], b: m.ranges[g][1] }, read: { k: 0, b: 0 }, low: { k: Infinity, b: Infinity },
      k: new Map(), b: new Map() }));
  }

  // The lowest id up to which series s of pair p is known (Infinity: nothing read; 0: all):
  // the lowest id of the last range read (ranges are read newest first).
  reach(p, s) {
    return p.read[s] >= p.r[s] ? 0 : p.low[s];
  }

  floor(s) {
    return Math.max(...this.pairs.map((p) => this.reach(p, s)));
  }

  get series() {
    return this.floor("k") > 0 ? "k" : "b";
  }

  get done() {
    return this.floor("k") === 0 && this.floor("b") === 0;
  }

  // The pair whose series is the least far read, and that series' next range: [pair, series, bytes at most].
  next() {
    const s = this.series;
    const f = this.floor(s);
    const p = this.pairs.find((q) => this.reach(q, s) === f);
    return [p, s, this.m.range_gz];
  }

  async advance(missing) {
    const [p, s] = this.next();
    const got = await loadRange(p.g, s, p.read[s]);
    if (!got) missing.add(p.g);
    else {
      for (const [id, key] of got) {
        p[s].set(id, key);
        if (id < p.low[s]) p.low[s] = id;
      }
    }
    p.read[s] += 1;
  }

  // 1: in a key field for this gram, 0: elsewhere, undefined: not on the document.
  has(p, id) {
    return p.k.has(id) ? 1 : p.b.has(id) ? 0 : undefined;
  }

  list() {
    const fk = this.floor("k");
    const title = [];
    const first = this.pairs[0];
    for (const id of first.k.keys()) {
      if (id < fk) continue;
      if (this.pairs.every((p) => p.k.has(id)) && this.whole.every((w) => w.get(id) === 1)) title.push(id);
    }
    title.sort((a, b) => b - a);
    const out = title.map((id) => ({ id, score: 6 }));
    if (fk > 0) return out;
    const fb = this.floor("b");
    const body = [];
    const seen = new Set(title);
    for (const id of [...first.k.keys(), ...first.b.keys()]) {
      if (id < fb || seen.has(id)) continue;
      seen.add(id);
      if (this.pairs.every((p) => this.has(p, id) !== undefined) && this.whole.every((w) => w.has(id))) body.push(id);
    }
    body.sort((a, b) => b - a);
    return out.concat(body.map((id) => ({ id, score: 4 })));
  }
}

async function find(q) {
  const m = await loadMeta();
  if (!m) throw new Error("no index");
  const p = parse(q);
  const missing = new Set();
  const chosen = p.exact.length ? selective(p.exact, m) : [];
  const common = m.common || {};
  const rangedPairs = chosen.filter((g) => (m.ranges || {})[g]);
  let exact = new Map();
  let walk = null;
  if (rangedPairs.length && chosen.every((g) => g in common)) {
    // Every pair common, some ranged: the pairs read whole now, the ranged ones newest first.
    const whole = [];
    for (const g of chosen.filter((g) => !rangedPairs.includes(g))) {
      const list = await postings(g, m);
      if (list) whole.push(list);
      else missing.add(g);
    }
    walk = new Walk(m, whole, rangedPairs);
    await walk.advance(missing);
  } else if (chosen.length) {
    exact = await intersect(chosen, m, missing);
  }
  let apart = new Map();
  let later = null;
  if (p.apart && p.apart.length && exact.size === 0 && !walk) {
    apart = await intersect(p.apart, m, missing);
  } else if (p.apart && p.apart.length && p.han <= APART_MAX && p.apart.some((g) => !p.exact.includes(g))) {
    later = { m, p, exact, missing: new Set() }; // fetched by showMore when the exact hits run out
  }
  const scored = [];
  for (const [id, key] of exact) scored.push({ id, score: 4 + 2 * key });
  for (const [id, key] of apart) if (!exact.has(id)) scored.push({ id, score: key });
  scored.sort((a, b) => b.score - a.score || b.id - a.id);
  return { m, p, scored, missing, later, walk };
}

// Read older ranges of the query's ranged pairs until `need` results (after the filters) are
// certain, everything is read, or this step has read `budget` bytes of ranges (Infinity: no limit).
async function deepen(mine, need, budget) {
  const w = walking;
  let spent = 0;
  const m = await loadMeta();
  const missing = new Set();
  const filters = chosen();
  const refresh = () => {
    hits = w.list();
    if (pending) pending.exact = new Map(hits.map((h) => [h.id, 1]));
    results = hits.filter((h) => passes(m, h.id, filters, null));
  };
  refresh();
  while (!w.done && results.length < need) {
    const cost = w.next()[2];
    if (spent && spent + cost > budget) break;
    spent += cost;
    await w.advance(missing);
    if (mine !== run) return;
    refresh();
  }
  counts(m, filters);
  if (missing.size) warn(WORDS.indexMissing);
}

// The status line: "at least" while a ranged query has older ranges left to read.
function found(n, q) {
  return walking && !walking.done ? words("foundAtLeast", { n, q }) : words("found", { n, q });
}

async function search(push) {
  const mine = ++run;
  const q = input.value.trim();
  toUrl(push);
  list.replaceChildren();
  more.hidden = true;
  warn("");
  results = []; hits = []; cursor = 0; pending = null; walking = null;
  if (!q) {
    query = null;
    say(Object.keys(chosen()).length ? WORDS.queryFirst : "");
    return;
  }
  say(WORDS.searching);
  let got;
  try {
    got = await find(q);
  } catch (err) {
    if (mine === run) say(WORDS.unavailable);
    return;
  }
  if (mine !== run) return;
  const filters = chosen();
  if (Object.keys(filters).length && !hasFacets(got.m)) {
    await loadFacets(got.m);
    if (mine !== run) return;
  }
  query = got.p;
  query.q = q;
  pending = got.later;
  walking = got.walk;
  hits = got.scored;
  results = hits.filter((h) => passes(got.m, h.id, filters, null));
  counts(got.m, filters);
  if (got.missing.size) warn(WORDS.indexMissing);
  if (!results.length && !pending && (!walking || walking.done)) {
    say(words("none", { q }));
    return;
  }
  await showMore(mine, false);
  if (mine !== run) return;
  if (results.length || (walking && !walking.done)) say(found(results.length, q));
  else say(words("none", { q }));
}

let timer = 0;
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(() => search(false), 300);
});
form.addEventListener("change", (e) => {
  if (e.target !== input) search(false);
});
form.addEventListener("submit", (e) => {
  e.preventDefault();
  clearTimeout(timer);
  search(true);
});
more.addEventListener("click", () => showMore(run, true));
form.addEventListener("focusin", (e) => {
  if (e.target === input || !meta) return;
  meta.then((m) => {
    if (m && !hasFacets(m)) loadFacets(m).then(() => counts(m, chosen()));
  });
});
window.addEventListener("popstate", () => {
  fromUrl();
  search(false);
});

// The ranked document ids beyond the shown page, for the measurement (gongshi_tools/searchbench.py
// reads their URLs from the index files itself: fetching thousands of result files here failed
// some and slowed the next query).
window.__gongshiSearch = async (n) => {
  if (walking && !walking.done && n > results.length) await deepen(run, n, Infinity);
  if (pending && n > results.length && (!walking || walking.done)) await widen(run);
  return results.slice(0, n).map((r) => r.id);
};

root.classList.add("search-ready");
fromUrl();
if (input.value.trim()) search(false);
