// Progressive enhancement only: every page works without this file.
(function () {
  var copy = document.getElementById("copy-receipt");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.dataset.copy).then(function () {
        copy.textContent = "Zkopírováno";
      });
    });
  }
})();
