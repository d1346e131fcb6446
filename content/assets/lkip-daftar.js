/* The home page's table of reports (<!-- lkip:daftar-laporan -->): filters by level and
   year, and sorting by column. Progressive enhancement: without this script the table is
   complete; with it, nothing is fetched and nothing but the table's rows changes. */
(function () {
  "use strict";

  // "81,44 %", "APBD 97,32 %", "1.234" -> a number; "tidak ada data" -> null (sorted last)
  function number(text) {
    var m = text.match(/-?\d[\d.]*(?:,\d+)?/);
    if (!m) return null;
    return parseFloat(m[0].replace(/\./g, "").replace(",", "."));
  }

  function select(label, values, onChange) {
    var wrap = document.createElement("label");
    wrap.textContent = label + " ";
    var s = document.createElement("select");
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "Semua";
    s.appendChild(all);
    values.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v;
      o.textContent = v;
      s.appendChild(o);
    });
    s.addEventListener("change", onChange);
    wrap.appendChild(s);
    return { label: wrap, select: s };
  }

  // one collator for every comparison: localeCompare(y, "id") builds one per call
  var collate = window.Intl ? new Intl.Collator("id").compare : function (a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  };

  // one row of a JSON page (lkip_build/present/portal.row_pages) as the table writes it:
  // the agency linked to the report, small print under it, the notes linked to their page
  function rowOf(r, up) {
    var tr = document.createElement("tr");
    r.sel.forEach(function (text, i) {
      var td = document.createElement("td");
      if (i === 0 || (i === 7 && r.catatan)) {
        var a = document.createElement("a");
        a.href = up + (i === 0 ? r.id + "/" : r.catatan);
        a.textContent = text;
        td.appendChild(a);
      } else if (i === 6 && r.serapan.length) {
        r.serapan.forEach(function (s, k) {
          if (k) td.appendChild(document.createElement("br"));
          td.appendChild(document.createTextNode(s));
        });
      } else td.textContent = text;
      var small = i === 0 ? r.keterangan : i === 5 ? r.kategori : "";
      if (small) {
        td.appendChild(document.createElement("br"));
        var s = document.createElement("small");
        s.textContent = small;
        td.appendChild(s);
      }
      if (i === 0 && r.instansi) { // the agency's years side by side
        td.appendChild(document.createElement("br"));
        var years = document.createElement("small"), link = document.createElement("a");
        link.href = up + r.instansi;
        link.textContent = "Semua tahun instansi ini";
        years.appendChild(link);
        td.appendChild(years);
      }
      tr.appendChild(td);
    });
    return tr;
  }

  // more reports than one page: the table shows one page at a time, loaded from its JSON
  // file; filters go through the portal's search (its filters cover every report)
  function pager(box, table) {
    var pages = parseInt(box.dataset.halaman, 10), total = box.dataset.baris;
    var source = box.dataset.sumber, up = source.replace(/[^/]*\/$/, "");
    var body = table.tBodies[0], at = 1;
    var bar = document.createElement("div");
    bar.className = "lkip-portal-halaman";
    var prev = document.createElement("button"), next = document.createElement("button");
    prev.type = next.type = "button";
    prev.className = next.className = "md-button";
    prev.textContent = "‹ Sebelumnya";
    next.textContent = "Berikutnya ›";
    var where = document.createElement("span");
    where.setAttribute("aria-live", "polite");
    bar.appendChild(prev);
    bar.appendChild(where);
    bar.appendChild(next);
    box.appendChild(bar);
    var count = box.querySelector(".lkip-portal-jumlah");
    if (count) count.textContent = total + " laporan, " + pages + " halaman. Saring menurut tingkat, wilayah, instansi, tahun atau jenis dokumen di pencarian di atas (Bagian: Laporan).";
    function show() {
      where.textContent = " Halaman " + at + " dari " + pages + " ";
      prev.disabled = at === 1;
      next.disabled = at === pages;
    }
    function go(n) {
      fetch(source + n + ".json").then(function (r) { return r.json(); }).then(function (page) {
        var frag = document.createDocumentFragment();
        page.baris.forEach(function (r) { frag.appendChild(rowOf(r, up)); });
        body.textContent = "";
        body.appendChild(frag);
        at = n;
        show();
      });
    }
    prev.addEventListener("click", function () { if (at > 1) go(at - 1); });
    next.addEventListener("click", function () { if (at < pages) go(at + 1); });
    show();
  }

  function enhance(box) {
    var table = box.querySelector("table");
    if (!table || !table.tBodies.length) return;
    if (box.dataset.halaman) return pager(box, table);
    var body = table.tBodies[0];
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(body.rows);
    var col = {};
    heads.forEach(function (th, i) { col[th.textContent.trim()] = i; });
    var cells = rows.map(function (r) {
      return Array.prototype.map.call(r.cells, function (c) { return c.textContent.trim(); });
    });
    function distinct(i, numeric) {
      var seen = {};
      cells.forEach(function (c) { seen[c[i]] = true; });
      var out = Object.keys(seen);
      return numeric ? out.sort(function (a, b) { return b - a; }) : out.sort();
    }
    var count = box.querySelector(".lkip-portal-jumlah");
    var bar = document.createElement("div");
    bar.className = "lkip-portal-saring";
    var tingkat = select("Tingkat", distinct(col["Tingkat"], false), apply);
    var tahun = select("Tahun", distinct(col["Tahun"], true), apply);
    bar.appendChild(tingkat.label);
    bar.appendChild(tahun.label);
    if (count) bar.appendChild(count);
    var anchor = table; // the theme may have wrapped the table already
    while (anchor.parentNode !== box) anchor = anchor.parentNode;
    box.insertBefore(bar, anchor);

    function apply() {
      var t = tingkat.select.value, y = tahun.select.value, shown = 0;
      rows.forEach(function (r, k) {
        var ok = (!t || cells[k][col["Tingkat"]] === t) && (!y || cells[k][col["Tahun"]] === y);
        r.hidden = !ok;
        if (ok) shown++;
      });
      if (count) {
        count.textContent = shown === rows.length
          ? rows.length + " laporan"
          : "Menampilkan " + shown + " dari " + rows.length + " laporan";
      }
    }

    var numeric = heads.map(function (th) { return th.style.textAlign === "right"; });
    heads.forEach(function (th, i) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = th.textContent;
      b.title = "Urutkan menurut " + th.textContent.toLowerCase();
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () { sort(i); });
    });

    function sort(i) {
      var th = heads[i];
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var keys = cells.map(function (c) { return numeric[i] ? number(c[i]) : c[i]; });
      var order = rows.map(function (_, k) { return k; });
      order.sort(function (a, b) {
        var x = keys[a], y = keys[b];
        if (x === null || y === null) return x === y ? a - b : x === null ? 1 : -1;
        var d = numeric[i] ? x - y : collate(x, y);
        return d ? d * dir : a - b;
      });
      var frag = document.createDocumentFragment();
      order.forEach(function (k) { frag.appendChild(rows[k]); });
      body.appendChild(frag);
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".lkip-portal"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
