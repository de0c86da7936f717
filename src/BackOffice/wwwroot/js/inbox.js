// The inbox's progressive enhancements: on a wide screen the filters open beside the list, and the keyboard moves
// through the items (j/k or the arrow keys), previews one (p), selects it (x) and opens it (Enter on its link).
// Without JavaScript every one of these is still there: the filters open with a click, the preview is a <details>.
(function () {
  "use strict";
  var filters = document.getElementById("inbox-filters");
  if (filters && window.matchMedia("(min-width: 61.875em)").matches) {
    filters.open = true;
  }

  var rows = Array.prototype.slice.call(document.querySelectorAll(".qv-inbox__row"));
  if (rows.length === 0) {
    return;
  }

  var current = -1;
  function move(to) {
    if (to < 0 || to >= rows.length) {
      return;
    }

    if (current >= 0) {
      rows[current].classList.remove("qv-inbox__row--current");
    }

    current = to;
    rows[current].classList.add("qv-inbox__row--current");
    var link = rows[current].querySelector("a.qv-reference");
    if (link) {
      link.focus();
    }
  }

  rows.forEach(function (row, index) {
    row.addEventListener("focusin", function () {
      if (current !== index) {
        if (current >= 0) {
          rows[current].classList.remove("qv-inbox__row--current");
        }

        current = index;
        row.classList.add("qv-inbox__row--current");
      }
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }

    var target = event.target;
    var tag = target && target.tagName ? target.tagName.toLowerCase() : "";
    if (tag === "input" || tag === "select" || tag === "textarea" || (target && target.isContentEditable)) {
      return;
    }

    // The arrow keys move between items only once the focus is in the list, so that they still scroll the page.
    var inList = target && target.closest && target.closest(".qv-inbox__row");
    switch (event.key) {
      case "j":
        move(current + 1);
        break;
      case "k":
        move(current < 0 ? 0 : current - 1);
        break;
      case "ArrowDown":
        if (!inList) {
          return;
        }

        move(current + 1);
        break;
      case "ArrowUp":
        if (!inList) {
          return;
        }

        move(current - 1);
        break;
      case "p":
        if (current >= 0) {
          var preview = rows[current].querySelector("details");
          if (preview) {
            preview.open = !preview.open;
          }
        }

        break;
      case "x":
        if (current >= 0) {
          var box = rows[current].querySelector("input[type=checkbox]");
          if (box) {
            box.checked = !box.checked;
          }
        }

        break;
      default:
        return;
    }

    event.preventDefault();
  });
})();
