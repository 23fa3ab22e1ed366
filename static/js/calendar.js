/* Month view of the event calendar: move between days with the arrow keys.
 *
 * Progressive enhancement of the table in templates/events/includes/month.html. Without
 * this script every event link is reached with Tab, and the month links change months.
 * With it the grid has one tab stop (today, else the first day of the month, a "roving
 * tabindex"); ← → move by a day, ↑ ↓ by a week, Home/End to the start/end of the week,
 * Page Up/Page Down open the previous/next month. Tab from a day moves into its events.
 */
(function () {
    "use strict";

    function init(table) {
        var cells = Array.prototype.slice.call(table.querySelectorAll("td[data-date]"));
        if (!cells.length) {
            return;
        }
        var start = table.querySelector("td.month__day--today:not(.month__day--other)") ||
            table.querySelector("td.month__day:not(.month__day--other)") || cells[0];
        cells.forEach(function (cell) {
            cell.setAttribute("tabindex", cell === start ? "0" : "-1");
        });

        function moveTo(index) {
            if (index < 0 || index >= cells.length) {
                return;
            }
            cells.forEach(function (cell) {
                cell.setAttribute("tabindex", "-1");
            });
            cells[index].setAttribute("tabindex", "0");
            cells[index].focus();
        }

        function follow(rel) {
            var link = document.querySelector(".month__nav a[rel='" + rel + "']");
            if (link) {
                window.location.href = link.href;
            }
        }

        table.addEventListener("keydown", function (event) {
            var cell = event.target;
            if (!cell.matches || !cell.matches("td[data-date]")) {
                return;
            }
            var index = cells.indexOf(cell);
            var column = index % 7;
            var handled = true;
            switch (event.key) {
                case "ArrowLeft": moveTo(index - 1); break;
                case "ArrowRight": moveTo(index + 1); break;
                case "ArrowUp": moveTo(index - 7); break;
                case "ArrowDown": moveTo(index + 7); break;
                case "Home": moveTo(index - column); break;
                case "End": moveTo(index - column + 6); break;
                case "PageUp": follow("prev"); break;
                case "PageDown": follow("next"); break;
                default: handled = false;
            }
            if (handled) {
                event.preventDefault();
            }
        });
        table.classList.add("month__grid--enhanced");
    }

    document.addEventListener("DOMContentLoaded", function () {
        Array.prototype.forEach.call(document.querySelectorAll("table[data-calendar]"), init);
    });
})();
