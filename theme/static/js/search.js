// The public search page: Pagefind's own JS API from /pagefind/, nothing from outside the site.
// The query and filters live in the URL (?q=&agency=&category=&year=) so a search can be linked.
const root = document.getElementById("search");
const form = document.getElementById("search-form");
const input = document.getElementById("search-q");
const statusEl = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const older = document.getElementById("search-older");
const FILTERS = ["agency", "category", "year"];
// The index may be split by decision year (gongshi/search/shards.py), newest first. The
// first searches use the newest shards up to FIRST_PAGES pages; older ones on request.
const SHARDS = JSON.parse(root.dataset.shards || '[{"path":"","years":[],"pages":0}]');
const FIRST_PAGES = Number(root.dataset.firstPages) || 12000;
const PAGE = Number(root.dataset.pageSize) || 10;

// A typed document number becomes the one word each decision page carries for it
// (gongshi/search/docno.py): Pagefind alone would split it and match "2" to "2025".
const DOC_NO = /^\s*([^\s:：]+?)\s*[〔\[［【(（]\s*([0-9]{4})\s*[〕\]］】)）]\s*([0-9]+)\s*号?\s*$/;
function docToken(q) {
  const m = DOC_NO.exec(q);
  if (!m) return null;
  let out = "dn";
  for (const ch of `${m[1]}${m[2]}-${Number(m[3])}`) {
    let code = ch.codePointAt(0);
    for (let i = 0; i < 5; i++) {
      out += String.fromCharCode(97 + (code % 26));
      code = Math.floor(code / 26);
    }
  }
  return out + "zzzzz";
}
const TOKEN_WORD = /\s*(<mark>)?dn[a-z]{10,}(<\/mark>)?/g;

let pagefind = null;
let words = new Set(); // the indexer's Chinese words (pagefind/words.txt)
let longest = 1;
let ready = null;     // the engine, once its shards are merged (one merge at a time)
let merged = 0;       // shards merged so far: always the newest ones
let scope = firstScope();
let run = 0;          // the newest search; older ones drop their answers
let results = [];     // Pagefind's hits, best score first
let cursor = 0;       // first hit not shown yet

function firstScope() {
  // Newest shards up to FIRST_PAGES pages, and never half a year (a year split by agency).
  let n = 1, pages = SHARDS[0].pages;
  const sameYear = (a, b) => a.years.some((y) => b.years.includes(y));
  while (n < SHARDS.length && (pages + SHARDS[n].pages <= FIRST_PAGES || sameYear(SHARDS[n], SHARDS[n - 1]))) {
    pages += SHARDS[n++].pages;
  }
  return n;
}

function shardOf(year) {
  const i = SHARDS.findLastIndex((s) => s.years.includes(Number(year)));
  return i < 0 ? 0 : i + 1;
}

function engine(upto) {
  const next = (ready || Promise.resolve()).then(async () => {
    if (!pagefind) {
      const [pf, vocabulary] = await Promise.all([
        import(root.dataset.bundle + SHARDS[0].path + "pagefind.js"), loadWords()]);
      // Pagefind re-cuts a Chinese query with the browser's dictionary when the page says
      // zh; under "und" it keeps our cut (cutQuery). The page's language is restored at once.
      const html = document.documentElement;
      const lang = html.getAttribute("lang");
      html.setAttribute("lang", "und");
      try {
        await pf.options({ excerptLength: 36 });
        await pf.init();
      } finally {
        html.setAttribute("lang", lang);
      }
      words = vocabulary;
      pagefind = pf;
      merged = 1;
    }
    while (merged < Math.min(upto, SHARDS.length)) {
      await pagefind.mergeIndex(root.dataset.bundle + SHARDS[merged].path);
      merged++;
    }
    return pagefind;
  });
  ready = next.catch(() => null); // one failed load (offline) does not block later searches
  return next;
}

async function loadWords() {
  try {
    const resp = await fetch(root.dataset.bundle + "words.txt");
    if (!resp.ok) return new Set();
    const list = (await resp.text()).split("\n").filter(Boolean);
    longest = Math.max(1, ...list.map((w) => w.length));
    return new Set(list);
  } catch (err) {
    return new Set();
  }
}

// Cut Chinese runs into the words the indexer made (longest match first, else one
// character), so a query word is one the index holds; other text is left as typed.
const HAN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
function cutQuery(q) {
  return q.replace(HAN, (run) => {
    const out = [];
    for (let i = 0; i < run.length;) {
      let n = Math.min(longest, run.length - i);
      while (n > 1 && !words.has(run.slice(i, i + n))) n--;
      out.push(run.slice(i, i + n));
      i += n;
    }
    return " " + out.join(" ") + " ";
  }).replace(/[\s\u3000〔〕［］【】（）《》，。、；：？！“”‘’]+/g, " ").trim();
}

function years(shards) {
  const all = shards.flatMap((s) => s.years);
  return all.length ? `${Math.min(...all)}–${Math.max(...all)} 年` : "";
}

function chosenFilters() {
  const out = {};
  for (const name of FILTERS) {
    const value = form.elements[name].value;
    if (value) out[name] = value;
  }
  return out;
}

function fromUrl() {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  for (const name of FILTERS) form.elements[name].value = params.get(name) || "";
}

function toUrl(push) {
  const params = new URLSearchParams();
  if (input.value.trim()) params.set("q", input.value.trim());
  for (const [name, value] of Object.entries(chosenFilters())) params.set(name, value);
  const query = params.toString();
  const url = location.pathname + (query ? "?" + query : "");
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

function say(text) {
  statusEl.textContent = text;
}

async function nextPage(mine) {
  const batch = results.slice(cursor, cursor + PAGE);
  const loaded = await Promise.all(batch.map(async (r) => ({ score: r.score, data: await r.data() })));
  if (mine !== run) return null;
  cursor += batch.length;
  return loaded;
}

// Relevance first; among equal scores the newer decision first. Pagefind sorts either by
// relevance or by a sort key, so the same search is asked both ways: the second answer
// costs no download (same words, and the date order is in the metadata already loaded).
async function ranked(pf, q, filters) {
  const cut = cutQuery(q);
  const best = await pf.search(cut, { filters });
  if (!best || best.results.length < 2) return best;
  const newest = await pf.search(cut, { filters, sort: { date: "desc" } });
  if (!newest) return best;
  const age = new Map(newest.results.map((r, i) => [r.id, i]));
  best.results = best.results.slice().sort((a, b) => (b.score - a.score) || (age.get(a.id) - age.get(b.id)));
  return best;
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}

function render(hit) {
  const m = hit.data.meta;
  const li = el("li", "search-result");
  const h = el("h2", "search-result-title");
  const a = el("a", null, m.title || m.doc_no || hit.data.url);
  a.href = hit.data.url;
  h.append(a);
  const facts = el("p", "search-result-meta");
  const parts = [["doc_no", "文书编号"], ["party", "当事人"], ["agency", "执法主体"], ["category", "类别"]];
  for (const [key, label] of parts) {
    if (!m[key]) continue;
    const span = el("span", "search-result-" + key.replace("_", "-"), m[key]);
    span.title = label;
    facts.append(span, " ");
  }
  if (m.date) {
    const t = el("time", "search-result-date", m.date);
    t.dateTime = m.date;
    facts.append(t);
  }
  const excerpt = el("p", "search-result-excerpt");
  // Pagefind's excerpt is escaped page text with <mark>; the number's index word is dropped.
  excerpt.innerHTML = hit.data.excerpt.replace(TOKEN_WORD, "");
  li.append(h, facts, excerpt);
  return li;
}

async function showMore(mine, focusFirst) {
  const page = await nextPage(mine);
  if (page === null || mine !== run) return;
  const items = page.map(render);
  list.append(...items);
  more.hidden = cursor >= results.length;
  if (focusFirst && items.length) items[0].querySelector("a").focus();
}

async function search(push) {
  const mine = ++run;
  const q = input.value.trim();
  toUrl(push);
  list.replaceChildren();
  more.hidden = true;
  older.hidden = true;
  results = []; cursor = 0;
  if (!q) {
    // Filters alone would download the whole index: browsing stays on the list pages.
    say(Object.keys(chosenFilters()).length ? "请输入关键词再筛选；按执法主体浏览请从首页进入。" : "");
    return;
  }
  say("正在搜索…");
  let found;
  try {
    const exact = docToken(q);
    const year = chosenFilters().year || (exact ? DOC_NO.exec(q)[2] : null);
    const pf = await engine(Math.max(scope, year ? shardOf(year) : 0));
    if (exact) found = await pf.search(exact, { filters: chosenFilters() });
    if (!found || !found.results.length) found = await ranked(pf, q, chosenFilters());
  } catch (err) {
    if (mine === run) say("搜索暂时不可用，请从首页按执法主体浏览。");
    return;
  }
  if (mine !== run || !found) return;
  results = found.results;
  const partial = merged < SHARDS.length;
  const where = partial ? `（已查 ${years(SHARDS.slice(0, merged))}）` : "";
  if (partial) {
    older.textContent = `继续查找更早的公示（${years(SHARDS.slice(merged))}）`;
    older.hidden = false;
  }
  if (!results.length) {
    say(`没有找到与“${q}”相关的公示${where}。`);
    return;
  }
  await showMore(mine, false);
  if (mine === run) say(`找到 ${results.length} 条与“${q}”相关的公示${where}。`);
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
older.addEventListener("click", () => {
  scope = SHARDS.length;
  search(false);
});
window.addEventListener("popstate", () => {
  fromUrl();
  search(false);
});

root.classList.add("search-ready");
fromUrl();
if (input.value.trim()) search(false);
