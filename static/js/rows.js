/* Repeated form rows (profile edit): "Add row" and "Remove" buttons.
 *
 * The form works without this script: every section already has a few blank
 * rows, and clearing a row removes it on save. Each row's inputs share their
 * names with the other rows (kd_label, kd_date, ...), so adding a row is a
 * copy of a blank one and removing a row is deleting its element.
 */
(function () {
  "use strict";

  function clearRow(row) {
    row.querySelectorAll("input, textarea, select").forEach(function (el) {
      if (el.tagName === "SELECT") {
        el.selectedIndex = 0;
      } else if (el.name !== "pr_rank") {
        el.value = "";
      }
      el.removeAttribute("aria-invalid");
      if (el.getAttribute("aria-describedby") === "form-error") {
        el.removeAttribute("aria-describedby");
      }
    });
  }

  function renumber(tbody) {
    Array.prototype.forEach.call(tbody.rows, function (row, index) {
      row.querySelectorAll("[id]").forEach(function (el) {
        el.id = el.id.replace(/-\d+$/, "-" + index);
      });
      row.querySelectorAll("[aria-label]").forEach(function (el) {
        el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\d+/, String(index + 1)));
      });
    });
  }

  function nextRank(tbody) {
    var max = 0;
    tbody.querySelectorAll('input[name="pr_rank"]').forEach(function (el) {
      var n = parseInt(el.value, 10);
      if (!isNaN(n) && n > max) { max = n; }
    });
    return max + 1;
  }

  function addRemoveButton(row, tbody) {
    var cell = row.querySelector(".col-remove");
    if (!cell || cell.querySelector("button")) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-small button-quiet";
    button.textContent = "Remove";
    button.addEventListener("click", function () {
      if (tbody.rows.length > 1) {
        var focusTarget = row.nextElementSibling || row.previousElementSibling;
        row.remove();
        renumber(tbody);
        var first = focusTarget && focusTarget.querySelector("input:not([type=hidden]), select, textarea");
        if (first) { first.focus(); }
      } else {
        clearRow(row);
      }
    });
    cell.appendChild(button);
  }

  document.querySelectorAll("table.rows").forEach(function (table) {
    var tbody = table.tBodies[0];
    if (!tbody || !tbody.rows.length) { return; }
    Array.prototype.forEach.call(tbody.rows, function (row) { addRemoveButton(row, tbody); });
    var add = document.createElement("button");
    add.type = "button";
    add.className = "button button-small add-row";
    add.textContent = "Add row";
    add.addEventListener("click", function () {
      var copy = tbody.rows[tbody.rows.length - 1].cloneNode(true);
      clearRow(copy);
      var rank = copy.querySelector('input[name="pr_rank"]');
      if (rank) { rank.value = String(nextRank(tbody)); }
      var cell = copy.querySelector(".col-remove");
      if (cell) { cell.textContent = ""; }
      tbody.appendChild(copy);
      renumber(tbody);
      addRemoveButton(copy, tbody);
      var first = copy.querySelector("input:not([type=hidden]), select, textarea");
      if (first) { first.focus(); }
    });
    table.insertAdjacentElement("afterend", add);
  });
}());
