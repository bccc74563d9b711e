/* Checker page enhancements (the page works fully without them):
 * - pointing at a finding in the side panel outlines its highlights in the
 *   draft, and pointing at a highlight outlines its findings;
 * - a character count under the draft box, warning past the limit.
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
}());
