// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Receipt page: copy the code to the clipboard.
  var copy = document.getElementById("copy-receipt");
  var copyStatus = document.getElementById("copy-status");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.dataset.copy).then(function () {
        copy.textContent = "Zkopírováno";
        if (copyStatus) { copyStatus.textContent = "Kód je ve schránce. Ulož si ho do poznámek."; }
      }, function () {
        if (copyStatus) { copyStatus.textContent = "Kopírování se nepovedlo, opiš si kód prosím."; }
      });
    });
  }

  // Form: live school search through the JSON API (the GET form works without it).
  var query = document.getElementById("q");
  var select = document.getElementById("school_id");
  var status = document.getElementById("search-status");
  if (query && select && window.fetch) {
    var timer = null;
    var latest = 0;
    var render = function (schools, text) {
      var chosen = select.value;
      while (select.options.length > 1) { select.remove(1); }
      select.options[0].textContent = schools.length ? "– vyber školu –" : "– nejdřív školu vyhledej –";
      schools.forEach(function (school) {
        var label = school.name;
        if (school.town && school.name.indexOf(school.town) === -1) { label += " (" + school.town + ")"; }
        var option = new Option(label, String(school.id));
        if (String(school.id) === chosen || schools.length === 1) { option.selected = true; }
        select.add(option);
      });
      status.textContent = schools.length
        ? "Nalezeno škol: " + schools.length + ". Vyber ji níže."
        : "Žádná škola neodpovídá „" + text + "“. Zkus jiné slovo, třeba jen obec.";
    };
    var search = function () {
      var text = query.value.trim();
      if (text.length < 2) { return; }
      var ticket = ++latest;
      fetch(query.dataset.api + "?q=" + encodeURIComponent(text), {headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(function (data) { if (ticket === latest) { render(data.schools || [], text); } })
        .catch(function () { /* the search button still works */ });
    };
    query.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 200);
    });
  }

  // Form: how many characters are left.
  var text = document.getElementById("text");
  var count = document.getElementById("text-count");
  if (text && count && text.maxLength > 0) {
    var update = function () {
      var left = text.maxLength - text.value.length;
      count.textContent = left < 1000 ? "Zbývá znaků: " + left : "";
    };
    text.addEventListener("input", update);
    update();
  }
})();
