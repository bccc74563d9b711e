/* Campaign pages (every page works without this script):
 * - piece page: select words in the text and press "Comment on this" to fill
 *   the comment form's quote (and where it starts, so the server picks the
 *   right occurrence when the words appear twice);
 * - partner link page: a "Copy link" button.
 */
(function () {
  "use strict";

  // ---- comment on a selection ----------------------------------------------------------
  var text = document.querySelector("[data-piece-text]");
  var form = document.getElementById("comment-form");
  var quote = document.getElementById("comment-quote");
  var start = document.getElementById("comment-start");
  var body = document.getElementById("comment-body");

  if (text && form && quote && start && body) {
    var hint = document.querySelector("[data-select-hint]");
    if (hint) { hint.hidden = false; }

    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-small select-comment";
    button.textContent = "Comment on this";
    button.hidden = true;
    document.body.appendChild(button);
    var pending = null;

    var selectionInText = function () {
      var sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
      var range = sel.getRangeAt(0);
      if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) {
        return null;
      }
      var words = range.toString();
      var trimmed = words.replace(/^\s+/, "");
      var lead = words.length - trimmed.length;
      trimmed = trimmed.replace(/\s+$/, "");
      if (!trimmed) { return null; }
      var before = document.createRange();
      before.selectNodeContents(text);
      before.setEnd(range.startContainer, range.startOffset);
      return { words: trimmed, start: before.toString().length + lead, range: range };
    };

    var hide = function () {
      button.hidden = true;
      pending = null;
    };

    var show = function () {
      var found = selectionInText();
      if (!found) { hide(); return; }
      pending = found;
      var box = found.range.getBoundingClientRect();
      button.hidden = false;
      button.style.top = (window.scrollY + box.bottom + 6) + "px";
      button.style.left = Math.max(8, window.scrollX + box.left) + "px";
    };

    text.addEventListener("mouseup", function () { window.setTimeout(show, 0); });
    text.addEventListener("keyup", function (event) {
      if (event.shiftKey || event.key === "Shift") { show(); }
    });
    document.addEventListener("mousedown", function (event) {
      if (event.target !== button && !text.contains(event.target)) { hide(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { hide(); }
    });

    button.addEventListener("click", function () {
      if (!pending) { return; }
      quote.value = pending.words;
      start.value = String(pending.start);
      hide();
      form.scrollIntoView({ block: "center" });
      body.focus();
    });

    // Typing a different quote by hand: forget where the selection was.
    quote.addEventListener("input", function () { start.value = ""; });
  }

  // ---- copy the partner link ---------------------------------------------------------------
  document.querySelectorAll("[data-copy]").forEach(function (copy) {
    var source = document.getElementById(copy.getAttribute("data-copy"));
    var status = document.querySelector("[data-copy-status]");
    if (!source) { return; }
    copy.hidden = false;
    source.addEventListener("focus", function () { source.select(); });
    copy.addEventListener("click", function () {
      var done = function () { if (status) { status.textContent = "Copied. Paste it into your message."; } };
      var fallback = function () {
        source.focus();
        source.select();
        try {
          document.execCommand("copy");
          done();
        } catch (err) {
          if (status) { status.textContent = "Select the link and copy it (Ctrl+C or ⌘C)."; }
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(source.value).then(done, fallback);
      } else {
        fallback();
      }
    });
  });
}());
