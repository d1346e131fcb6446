/* The portal's one search over every report (lkip_build/publish/portalsearch.py builds its
   index with Pagefind at assembly: pagefind/ at the site's root). On every page: a link in
   the header to the search page, carrying what was typed in the theme's search box. On the
   search page (cari/): a search box, filters (tingkat, wilayah, instansi, tahun, jenis
   dokumen, bagian) and results, a table row showing its figures. The query and the filters
   are in the address (?kata=...&tahun=...; not ?q=, which the theme's search box takes as
   its own), so a result list can be shared.
   Without this script the pages are complete; the search page says it needs JavaScript.
   Nothing a record holds is written as HTML: text nodes only, <mark> for the match. */
(function () {
  "use strict";
  var script = document.currentScript;
  // the portal's root: the folder above assets/ (a report's pages use the root's assets)
  var ROOT = new URL("..", script ? script.src : location.href);
  var PAGE = 10;
  var FILTERS = [
    ["tingkat", "Tingkat"], ["wilayah", "Wilayah"], ["instansi", "Instansi"],
    ["tahun", "Tahun"], ["dokumen", "Jenis dokumen"], ["bagian", "Bagian"]
  ];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // Pagefind's excerpt: text with <mark> around matched words, entities escaped
  function decode(s) {
    var t = document.createElement("textarea");
    t.innerHTML = s;
    return t.value;
  }
  function marked(parent, excerpt) {
    excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var m = part.match(/^<mark>([\s\S]*)<\/mark>$/);
      if (m) parent.appendChild(el("mark", "", decode(m[1])));
      else if (part) parent.appendChild(document.createTextNode(decode(part.replace(/<[^>]*>/g, ""))));
    });
  }

  function headerLink() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || document.querySelector(".lkip-portal-tautan")) return;
    var a = el("a", "lkip-portal-tautan md-header__button");
    a.href = new URL("cari/", ROOT).href;
    a.textContent = "Cari di semua laporan";
    a.title = "Cari di semua laporan";
    a.addEventListener("click", function () {
      var box = document.querySelector(".md-search__input");
      if (box && box.value.trim()) a.href = new URL("cari/?kata=" + encodeURIComponent(box.value.trim()), ROOT).href;
    });
    var search = inner.querySelector(".md-search");
    inner.insertBefore(a, search || null);
  }

  function mount(box) {
    var params = new URLSearchParams(location.search);
    var form = el("form", "lkip-cari-form");
    form.setAttribute("role", "search");
    var label = el("label", "lkip-cari-label", "Kata yang dicari");
    var input = el("input");
    input.type = "search";
    input.name = "kata";
    input.id = "lkip-cari-q";
    input.autocomplete = "off";
    input.value = params.get("kata") || "";
    label.htmlFor = input.id;
    form.appendChild(label);
    form.appendChild(input);
    // the filters' values come with Pagefind's filter files, which grow with the index:
    // loaded when the reader opens them (or the address names a filter), not for a query
    var saring = el("details", "lkip-cari-saring");
    saring.appendChild(el("summary", "", "Saring menurut tingkat, wilayah, instansi, tahun, jenis dokumen"));
    var bar = el("div", "lkip-cari-saringan");
    saring.appendChild(bar);
    saring.open = FILTERS.some(function (f) { return params.get(f[0]); });
    form.appendChild(saring);
    var status = el("p", "lkip-cari-status");
    status.setAttribute("aria-live", "polite");
    var list = el("ol", "lkip-cari-hasil");
    var more = el("button", "md-button lkip-cari-lagi", "Tampilkan lebih banyak");
    more.type = "button";
    more.style.display = "none";
    box.appendChild(form);
    box.appendChild(status);
    box.appendChild(list);
    box.appendChild(more);

    var selects = {};
    var pagefind = null, results = [], shown = 0, run = 0;
    var loading = false;
    function load() {
      if (loading) return;
      loading = true;
      status.textContent = "Memuat indeks pencarian…";
      open().catch(function () {
        status.textContent = "Indeks pencarian belum ada di sini: ia dibuat saat situs diterbitkan (make site).";
      });
    }
    // the home page (data-malas) loads nothing until the reader turns to the search box
    if (box.dataset.malas === undefined || params.get("kata")) load();
    else {
      input.addEventListener("focus", load);
      input.addEventListener("input", load);
    }

    function open() {
      return import(new URL("pagefind/pagefind.js", ROOT).href).then(function (pf) {
        pagefind = pf;
        return pf.options({ baseUrl: ROOT.pathname, excerptLength: 24 });
      }).then(function () {
        return saring.open ? filters() : null;
      }).then(search);
    }

    var filtersLoaded = null;
    function filters() {
      if (!pagefind) return Promise.resolve();
      if (filtersLoaded) return filtersLoaded;
      filtersLoaded = pagefind.filters().then(function (all) {
        FILTERS.forEach(function (f) {
          var values = Object.keys(all[f[0]] || {});
          if (!values.length) return;
          values.sort(f[0] === "tahun" ? function (a, b) { return b - a; } : undefined);
          var wrap = el("label", "", f[1] + " ");
          var s = el("select");
          s.name = f[0];
          s.appendChild(el("option", "", "Semua")).value = "";
          values.forEach(function (v) { s.appendChild(el("option", "", v)).value = v; });
          s.value = params.get(f[0]) || "";
          s.addEventListener("change", search);
          wrap.appendChild(s);
          bar.appendChild(wrap);
          selects[f[0]] = s;
        });
      });
      return filtersLoaded;
    }
    saring.addEventListener("toggle", function () {
      if (saring.open) { load(); filters(); }
    });

    // the filters chosen: the selects once there, the address's until then
    function chosen() {
      var out = {};
      FILTERS.forEach(function (f) {
        var k = f[0], v = selects[k] ? selects[k].value : params.get(k);
        if (v) out[k] = v;
      });
      return out;
    }

    function search() {
      if (!pagefind) return;
      var q = input.value.trim(), filters = chosen(), mine = ++run;
      var address = new URLSearchParams(filters);
      if (q) address.set("kata", q);
      history.replaceState(null, "", "?" + address.toString());
      if (!q && !Object.keys(filters).length) {
        list.textContent = "";
        more.style.display = "none";
        status.textContent = "Ketik kata yang dicari, atau pilih saringan.";
        return;
      }
      status.textContent = "Mencari…";
      pagefind.debouncedSearch(q || null, { filters: filters }, 150).then(function (found) {
        if (found === null || mine !== run) return; // a newer query took its place
        results = found.results;
        shown = 0;
        list.textContent = "";
        status.textContent = results.length
          ? results.length + " hasil" + (q ? " untuk “" + q + "”" : "")
          : "Tidak ada hasil" + (q ? " untuk “" + q + "”" : "") + ".";
        show();
      });
    }

    function show() {
      var chunk = results.slice(shown, shown + PAGE);
      shown += chunk.length;
      more.style.display = shown >= results.length ? "none" : "";
      Promise.all(chunk.map(function (r) { return r.data(); })).then(function (items) {
        items.forEach(function (d) { list.appendChild(item(d)); });
      });
    }

    function item(d) {
      var li = el("li", "lkip-cari-item");
      var kind = (d.filters && d.filters.bagian && d.filters.bagian[0]) || "";
      li.dataset.bagian = kind;
      var a = el("a", "lkip-cari-judul", d.meta.title || d.url);
      a.href = d.url;
      li.appendChild(a);
      if (d.meta.laporan) li.appendChild(el("div", "lkip-cari-laporan", d.meta.laporan));
      if (d.meta.baris) {
        li.appendChild(el("div", "lkip-cari-baris", d.meta.baris));
        if (d.meta.tabel) li.appendChild(el("div", "lkip-cari-tabel", d.meta.tabel));
      } else {
        var p = el("p", "lkip-cari-cuplikan");
        marked(p, d.excerpt || "");
        li.appendChild(p);
      }
      return li;
    }

    form.addEventListener("submit", function (e) { e.preventDefault(); search(); });
    input.addEventListener("input", search);
    more.addEventListener("click", show);
  }

  // a table row found by the portal's search (?baris=N#tabel): marked and brought in view
  function markRow() {
    var n = parseInt(new URLSearchParams(location.search).get("baris"), 10);
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (isNaN(n) || !target) return;
    var table = target.tagName === "TABLE" ? target : target.querySelector("table");
    for (var e = target; !table && e; e = e.nextElementSibling) table = e.tagName === "TABLE" ? e : e.querySelector("table");
    var row = table && table.tBodies.length ? table.tBodies[0].rows[n] : null;
    if (!row) return;
    row.classList.add("lkip-baris-dicari");
    row.scrollIntoView({ block: "center" });
  }

  function start() {
    headerLink();
    markRow();
    var box = document.getElementById("lkip-portal-cari");
    if (box && !box.dataset.siap) {
      box.dataset.siap = "1";
      mount(box);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
