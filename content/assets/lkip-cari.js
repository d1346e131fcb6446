/* Search results that answer: the theme (Material 9, community edition) shows a result's
   whole section, so the matched word can sit far below the first lines. This keeps, in each
   result, the paragraph or list item with the first highlighted word, a line before it and
   a few after (about 300 characters), and hides the rest of that section's text. The page itself is not changed;
   without this script the results are the theme's own. */
(function () {
  "use strict";
  var BEFORE = 90, AFTER = 220; // characters kept before and after the first match

  function cutStart(text, keep) {
    if (text.length <= keep) return text;
    var part = text.slice(text.length - keep), space = part.indexOf(" ");
    return "… " + (space >= 0 ? part.slice(space + 1) : part);
  }

  function cutEnd(text, keep) {
    if (text.length <= keep) return text;
    var part = text.slice(0, keep), space = part.lastIndexOf(" ");
    return (space > 0 ? part.slice(0, space) : part) + " …";
  }

  // the text nodes of `shown`, cut to BEFORE characters before the mark, AFTER after it
  function clip(shown, mark) {
    var nodes = [];
    shown.forEach(function (block) {
      var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) nodes.push(walker.currentNode);
    });
    var at = mark ? nodes.findIndex(function (n) { return mark.contains(n); }) : -1;
    var budget = BEFORE, i;
    for (i = at - 1; i >= 0; i--) {
      var before = nodes[i].nodeValue;
      nodes[i].nodeValue = budget > 0 ? cutStart(before, budget) : "";
      budget -= before.length;
    }
    budget = AFTER;
    for (i = at + 1; i < nodes.length; i++) {
      var after = nodes[i].nodeValue;
      nodes[i].nodeValue = budget > 0 ? cutEnd(after, budget) : "";
      budget -= after.length;
    }
  }

  function shorten(article) {
    article.setAttribute("data-lkip-cari", "");
    var heading = article.querySelector("h1, h2");
    var marks = Array.prototype.filter.call(article.querySelectorAll("mark"), function (m) {
      return !(heading && heading.contains(m));
    });
    var blocks = Array.prototype.filter.call(
      article.querySelectorAll("p, li"),
      function (el) { return !el.classList.contains("md-search-result__terms"); }
    );
    if (!blocks.length) return;
    var mark = marks[0] || null;
    var first = Math.max(0, blocks.indexOf((mark && mark.closest("p, li")) || blocks[0]));
    // the block with the match, and the next ones while they fit in AFTER characters
    var shown = [blocks[first]], room = AFTER - blocks[first].textContent.length;
    for (var k = first + 1; k < blocks.length && room > 0; k++) {
      shown.push(blocks[k]);
      room -= blocks[k].textContent.length;
    }
    var keeps = function (el) {
      return shown.some(function (b) { return b === el || el.contains(b) || b.contains(el); });
    };
    blocks.forEach(function (el) { if (!keeps(el)) el.style.display = "none"; });
    Array.prototype.forEach.call(article.querySelectorAll("ul, ol"), function (list) {
      if (!keeps(list)) list.style.display = "none";
    });
    clip(shown, mark);
  }

  function start() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || !window.MutationObserver) return;
    new MutationObserver(function () {
      var fresh = list.querySelectorAll("article.md-search-result__article:not([data-lkip-cari])");
      Array.prototype.forEach.call(fresh, shorten);
    }).observe(list, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
