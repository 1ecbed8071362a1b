/* Moderation screen, progressive enhancement only (every action works without it):
   - selecting text in the report fills the "phrase to hide" field (whole words);
   - j/k move between the queue's rows. */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}_'’-]/u;

  function offsetIn(container, node, offset) {
    var range = document.createRange();
    range.selectNodeContents(container);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function setupSelection() {
    var text = document.getElementById("report-text");
    var phrase = document.getElementById("phrase");
    var status = document.getElementById("selection-status");
    if (!text || !phrase || !status) return;
    status.textContent = "Tip: výraz můžete v textu označit myší nebo prstem.";

    function pick() {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
      var range = sel.getRangeAt(0);
      if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
      var full = text.textContent;
      var start = offsetIn(text, range.startContainer, range.startOffset);
      var end = offsetIn(text, range.endContainer, range.endOffset);
      // Widen to whole words: the server matches whole words only.
      while (start > 0 && WORD.test(full.charAt(start - 1)) && WORD.test(full.charAt(start))) start--;
      while (end < full.length && WORD.test(full.charAt(end)) && WORD.test(full.charAt(end - 1))) end++;
      var value = full.slice(start, end).replace(/\s+/g, " ").trim();
      if (!value) return;
      if (value.indexOf("[") !== -1 || value.indexOf("]") !== -1) {
        status.textContent = "Výběr obsahuje už skrytý údaj – označte jen text mimo hranaté závorky.";
        return;
      }
      if (value.length > 200) {
        status.textContent = "Výběr je příliš dlouhý – označte jen jméno nebo údaj.";
        return;
      }
      phrase.value = value;
      status.textContent = "Vybráno. Zvolte, čím výraz nahradit, a stiskněte „Skrýt všechny výskyty“.";
    }

    text.addEventListener("mouseup", pick);
    text.addEventListener("keyup", pick);
    text.addEventListener("touchend", function () { window.setTimeout(pick, 50); });
    document.addEventListener("selectionchange", function () {
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed && text.contains(sel.anchorNode)) pick();
    });
  }

  function setupQueueKeys() {
    var links = Array.prototype.slice.call(document.querySelectorAll("[data-queue-link]"));
    if (!links.length) return;
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var tag = (event.target && event.target.tagName) || "";
      if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
      if (event.key !== "j" && event.key !== "k") return;
      var index = links.indexOf(document.activeElement);
      index = event.key === "j" ? Math.min(index + 1, links.length - 1) : Math.max(index - 1, 0);
      links[index].focus();
      event.preventDefault();
    });
  }

  setupSelection();
  setupQueueKeys();
})();
