/* Comparison pages (the pages work fully without this script):
 * - new comparison: "Add another variant" copies a blank variant row (up to
 *   the form's maximum) and each row gets a "Remove" button;
 * - printable page: a "Print" button.
 */
(function () {
  "use strict";

  var rows = document.getElementById("variant-rows");
  var add = document.querySelector("[data-add-variant]");

  function letter(index) {
    return index < 26 ? "Variant " + String.fromCharCode(65 + index) : "Variant " + (index + 1);
  }

  function allRows() {
    return rows ? rows.querySelectorAll("[data-row]") : [];
  }

  function renumber() {
    Array.prototype.forEach.call(allRows(), function (row, index) {
      var legend = row.querySelector(".variant-legend");
      if (legend) { legend.textContent = "Variant " + (index + 1); }
      row.querySelectorAll("[data-row-name]").forEach(function (span) {
        span.textContent = "Variant " + (index + 1) + " ";
      });
      var label = row.querySelector('input[name="label"]');
      var text = row.querySelector('textarea[name="text"]');
      if (label) {
        label.id = "label-" + index;
        label.placeholder = letter(index);
      }
      if (text) { text.id = "text-" + index; }
      var remove = row.querySelector("[data-remove-variant]");
      if (remove) { remove.setAttribute("aria-label", "Remove variant " + (index + 1)); }
      var labels = row.querySelectorAll("label");
      if (labels[0]) { labels[0].htmlFor = "label-" + index; }
      if (labels[1]) { labels[1].htmlFor = "text-" + index; }
    });
    updateLimit();
  }

  function updateLimit() {
    if (!add || !rows) { return; }
    var max = parseInt(rows.getAttribute("data-max") || "10", 10);
    var full = allRows().length >= max;
    add.disabled = full;
    var note = document.querySelector("[data-limit-note]");
    if (note) { note.hidden = !full; }
  }

  function clearRow(row) {
    row.querySelectorAll("input, textarea").forEach(function (el) {
      el.value = "";
      el.removeAttribute("aria-invalid");
      el.removeAttribute("aria-describedby");
    });
    row.querySelectorAll(".source-note").forEach(function (note) { note.remove(); });
  }

  function addRemoveButton(row) {
    if (row.querySelector("[data-remove-variant]")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-small button-quiet remove-variant";
    button.setAttribute("data-remove-variant", "");
    button.textContent = "Remove";
    button.addEventListener("click", function () {
      if (allRows().length > 2) {
        var next = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber();
        var field = next && next.querySelector('input[name="label"]');
        if (field) { field.focus(); }
      } else {
        clearRow(row);
      }
    });
    var legend = row.querySelector(".variant-legend");
    button.setAttribute("aria-label", "Remove " + (legend ? legend.textContent : "this variant"));
    row.appendChild(button);
  }

  if (rows && add) {
    Array.prototype.forEach.call(allRows(), addRemoveButton);
    add.hidden = false;
    add.addEventListener("click", function () {
      var list = allRows();
      var max = parseInt(rows.getAttribute("data-max") || "10", 10);
      if (!list.length || list.length >= max) { return; }
      var copy = list[list.length - 1].cloneNode(true);
      clearRow(copy);
      var old = copy.querySelector("[data-remove-variant]");
      if (old) { old.remove(); }
      rows.appendChild(copy);
      renumber();
      addRemoveButton(copy);
      var first = copy.querySelector('input[name="label"]');
      if (first) { first.focus(); }
    });
    updateLimit();
  }

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
}());
