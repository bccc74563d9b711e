/* Checker page enhancements (the page works fully without them):
 * - pointing at a finding in the side panel outlines its highlights in the
 *   draft, and pointing at a highlight outlines its findings;
 * - a character count under the draft box, warning past the limit;
 * - in the results, the draft box folds away behind "Edit the draft", which puts it
 *   in the marked draft's place (without scripts both are shown, one under the other).
 */
(function () {
  "use strict";

  function marksFor(id) {
    return document.querySelectorAll('mark[data-findings~="' + id + '"]');
  }

  function setActive(nodes, on) {
    Array.prototype.forEach.call(nodes, function (node) {
      node.classList.toggle("is-active", on);
    });
  }

  document.querySelectorAll("li.finding[data-finding]").forEach(function (item) {
    var id = item.getAttribute("data-finding");
    ["mouseenter", "focusin"].forEach(function (type) {
      item.addEventListener(type, function () { setActive(marksFor(id), true); });
    });
    ["mouseleave", "focusout"].forEach(function (type) {
      item.addEventListener(type, function () { setActive(marksFor(id), false); });
    });
  });

  document.querySelectorAll("mark[data-findings]").forEach(function (mark) {
    var ids = mark.getAttribute("data-findings").split(" ");
    var items = ids.map(function (id) { return document.getElementById(id); })
                   .filter(Boolean);
    mark.addEventListener("mouseenter", function () { setActive(items, true); });
    mark.addEventListener("mouseleave", function () { setActive(items, false); });
  });

  var text = document.getElementById("text");
  var hint = document.getElementById("text-hint");
  if (text && hint) {
    var limit = parseInt(text.getAttribute("data-max-chars") || "0", 10);
    var counter = document.createElement("span");
    counter.className = "char-count";
    hint.appendChild(document.createTextNode(" "));
    hint.appendChild(counter);
    var update = function () {
      var n = text.value.length;
      counter.textContent = n.toLocaleString() + (limit ? " of " + limit.toLocaleString() : "") + " characters.";
      counter.classList.toggle("over", limit > 0 && n > limit);
    };
    text.addEventListener("input", update);
    update();
  }

  var column = document.querySelector(".draft-col");
  var toggle = column && column.querySelector(".edit-toggle");
  var editor = column && column.querySelector(".draft-editor textarea");
  if (column && toggle && editor) {
    var cancel = column.querySelector(".edit-cancel");
    var marked = column.querySelector(".draft");
    column.classList.add("js-edit");
    toggle.hidden = false;
    if (cancel) { cancel.hidden = false; }
    var setEditing = function (on) {
      if (on && marked) {
        // The box opens as tall as the marked draft was, so the page does not jump.
        editor.style.height = Math.max(marked.offsetHeight, 200) + "px";
      }
      column.classList.toggle("editing", on);
      toggle.textContent = on ? "Editing…" : "Edit the draft";
      toggle.disabled = on;
      if (on) { editor.focus(); }
    };
    toggle.addEventListener("click", function () { setEditing(true); });
    if (cancel) {
      cancel.addEventListener("click", function () {
        editor.value = editor.defaultValue;  // back to the checked text: nothing half-done
        editor.dispatchEvent(new Event("input"));
        setEditing(false);
        toggle.focus();
      });
    }
    // A draft that cannot be checked as it is (too long, refused) opens for editing.
    if (editor.getAttribute("aria-invalid") === "true") { setEditing(true); }
  }

}());
