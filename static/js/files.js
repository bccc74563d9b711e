/* File inputs that open a draft (the checker, campaign pieces): a file over the size
 * limit (data-max-bytes) is refused as soon as it is chosen, before it is sent; the
 * server refuses it too, with the same words.
 */
(function () {
  "use strict";
  document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
    var maxBytes = parseInt(input.getAttribute("data-max-bytes") || "0", 10);
    input.addEventListener("change", function () {
      var chosen = input.files && input.files[0];
      var tooBig = chosen && maxBytes > 0 && chosen.size > maxBytes;
      input.setCustomValidity(tooBig ? "This file is larger than " +
        Math.round(maxBytes / 1048576) + " MB; choose a smaller one." : "");
      if (tooBig) { input.reportValidity(); }
    });
  });
}());
