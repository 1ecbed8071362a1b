// Progressive enhancement only: every page works without this file.
// Texts come from data-* attributes the server rendered in the page's language.
(function () {
  "use strict";

  // Receipt page: copy the code to the clipboard.
  var copy = document.getElementById("copy-receipt");
  var copyStatus = document.getElementById("copy-status");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.dataset.copy).then(function () {
        copy.textContent = copy.dataset.done;
        if (copyStatus) { copyStatus.textContent = copy.dataset.saved; }
      }, function () {
        if (copyStatus) { copyStatus.textContent = copy.dataset.failed; }
      });
    });
  }

  var form = document.getElementById("report-form");
  var query = document.getElementById("q");
  var select = document.getElementById("school_id");
  var status = document.getElementById("search-status");
  var search = null;

  // Form: live school search through the JSON API (the search button works without it).
  if (query && select && window.fetch) {
    var timer = null;
    var latest = 0;
    var render = function (schools, text) {
      var chosen = select.value;
      while (select.options.length > 1) { select.remove(1); }
      select.options[0].textContent = schools.length ? status.dataset.pick : status.dataset.first;
      schools.forEach(function (school) {
        var label = school.name;
        if (school.town && school.name.indexOf(school.town) === -1) { label += " (" + school.town + ")"; }
        var option = new Option(label, String(school.id));
        if (String(school.id) === chosen || schools.length === 1) { option.selected = true; }
        select.add(option);
      });
      status.textContent = schools.length
        ? status.dataset.found.replace("%(num)s", String(schools.length))
        : status.dataset.none.replace("%(query)s", text);
    };
    search = function () {
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

  if (form) {
    // Enter in a one-line field never sends the report: in the search box it searches,
    // elsewhere it moves on to the next field (the textarea keeps Enter for new lines).
    form.addEventListener("keydown", function (event) {
      var field = event.target;
      if (event.key !== "Enter" || field.tagName !== "INPUT") { return; }
      event.preventDefault();
      if (field === query && search) { search(); return; }
      var fields = Array.prototype.filter.call(form.elements, function (el) {
        return (el.tagName === "INPUT" || el.tagName === "SELECT" || el.tagName === "TEXTAREA")
          && el.type !== "hidden" && el.tabIndex >= 0;
      });
      var next = fields[fields.indexOf(field) + 1];
      if (next) { next.focus(); }
    });

    // Switching language keeps what was typed: the link posts the form to be shown again.
    Array.prototype.forEach.call(document.querySelectorAll(".languages a[hreflang]"), function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        form.action = form.dataset.redisplay + "?lang=" + encodeURIComponent(link.hreflang);
        form.submit();
      });
    });
  }

  // Form: how many characters are left.
  var text = document.getElementById("text");
  var count = document.getElementById("text-count");
  if (text && count && text.maxLength > 0) {
    var update = function () {
      var left = text.maxLength - text.value.length;
      count.textContent = left < 1000 ? count.dataset.left.replace("%(num)s", String(left)) : "";
    };
    text.addEventListener("input", update);
    update();
  }
  // Form: attached files listed with previews, each removable, limits checked before sending
  // (without this the file field works as it is, and the server checks everything again).
  var files = document.getElementById("attachments");
  var previews = document.getElementById("attachment-previews");
  var filesStatus = document.getElementById("attachments-status");
  var canRebuildFiles = false;
  try { canRebuildFiles = Boolean(new DataTransfer().files); } catch (e) { canRebuildFiles = false; }
  if (files && previews && filesStatus && canRebuildFiles && window.URL && URL.createObjectURL) {
    var chosen = [];
    var maxFiles = parseInt(files.dataset.maxFiles, 10);
    var maxBytes = parseInt(files.dataset.maxBytes, 10);
    var lang = document.documentElement.lang || "cs";
    var megabytes = function (size) {
      if (size < 1048576) { return Math.max(1, Math.round(size / 1024)).toLocaleString(lang) + " kB"; }
      return (size / 1048576).toLocaleString(lang, {maximumFractionDigits: 1}) + " MB";
    };
    var sync = function () {
      var transfer = new DataTransfer();
      chosen.forEach(function (file) { transfer.items.add(file); });
      files.files = transfer.files;
      while (previews.firstChild) { previews.removeChild(previews.firstChild); }
      chosen.forEach(function (file, index) {
        var item = document.createElement("li");
        item.className = "attachment-chosen";
        if (/^image\/(jpeg|png|webp)$/.test(file.type)) {
          var image = document.createElement("img");
          image.alt = "";
          image.src = URL.createObjectURL(file);
          image.addEventListener("load", function () { URL.revokeObjectURL(image.src); });
          item.appendChild(image);
        }
        var label = document.createElement("span");
        label.textContent = file.name + " (" + megabytes(file.size) + ")";
        item.appendChild(label);
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "secondary attachment-remove";
        remove.textContent = previews.dataset.remove;
        remove.setAttribute("aria-label", previews.dataset.remove + ": " + file.name);
        remove.addEventListener("click", function () {
          chosen.splice(index, 1);
          sync();
          filesStatus.textContent = previews.dataset.removed.replace("%(name)s", file.name);
          files.focus();
        });
        item.appendChild(remove);
        previews.appendChild(item);
      });
    };
    files.addEventListener("change", function () {
      var problems = [];
      Array.prototype.forEach.call(files.files, function (file) {
        if (file.size > maxBytes) {
          problems.push(previews.dataset.tooBig.replace("%(name)s", file.name));
        } else if (chosen.length >= maxFiles) {
          problems.push(previews.dataset.tooMany);
        } else {
          chosen.push(file);
        }
      });
      sync();
      filesStatus.textContent = problems.filter(function (p, i) { return problems.indexOf(p) === i; }).join(" ");
    });
  }
})();
