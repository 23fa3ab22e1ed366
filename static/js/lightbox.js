/* Lightbox for gallery pages – progressive enhancement only.
 *
 * Without this script every thumbnail is a plain link to its large picture. With it, the
 * links open a native modal <dialog> (the browser keeps focus inside and closes it on
 * Esc): the large picture, its caption and credit, "Picture 3 of 12" in a live region,
 * previous/next buttons and the arrow keys. Focus starts on the close button and returns
 * to the thumbnail that opened the dialog. The markup and every text come from the page
 * (<template id="lightbox-template">, data attributes), so nothing here needs translating.
 */
(function () {
    "use strict";

    var grid = document.querySelector("[data-lightbox]");
    var template = document.getElementById("lightbox-template");
    if (!grid || !template || typeof HTMLDialogElement !== "function") return;

    var links = Array.prototype.slice.call(grid.querySelectorAll("a[data-lightbox-jpeg]"));
    if (!links.length) return;

    var dialog = template.content.querySelector("dialog").cloneNode(true);
    if (typeof dialog.showModal !== "function") return;
    document.body.appendChild(dialog);

    var media = dialog.querySelector(".lightbox__media");
    var caption = dialog.querySelector(".lightbox__caption");
    var status = dialog.querySelector(".lightbox__status");
    var closeButton = dialog.querySelector(".lightbox__close");
    var prevButton = dialog.querySelector(".lightbox__prev");
    var nextButton = dialog.querySelector(".lightbox__next");
    var positionText = dialog.getAttribute("data-position") || "{current} / {total}";
    var sizes = "(min-width: 64em) 90vw, 100vw";
    var current = 0;
    var opener = null;
    var announceTimer = null;

    if (links.length === 1) {
        prevButton.hidden = true;
        nextButton.hidden = true;
    }

    function largePicture(link) {
        var thumbnail = link.querySelector("img");
        var picture = document.createElement("picture");
        var source = document.createElement("source");
        source.type = "image/webp";
        source.srcset = link.getAttribute("data-lightbox-webp");
        source.sizes = sizes;
        var image = document.createElement("img");
        image.className = "lightbox__image";
        image.srcset = link.getAttribute("data-lightbox-jpeg");
        image.sizes = sizes;
        image.src = link.href;
        image.width = Number(link.getAttribute("data-lightbox-width"));
        image.height = Number(link.getAttribute("data-lightbox-height"));
        image.alt = thumbnail ? thumbnail.alt : "";
        image.decoding = "async";
        picture.appendChild(source);
        picture.appendChild(image);
        return picture;
    }

    function copyCaption(link) {
        var figure = link.closest("figure");
        var source = figure && figure.querySelector("figcaption");
        caption.replaceChildren();
        if (!source) return;
        Array.prototype.forEach.call(source.childNodes, function (node) {
            caption.appendChild(node.cloneNode(true));
        });
    }

    function announce(text) {
        // Cleared first and filled a moment later, so screen readers notice the change
        // even when the dialog has only just opened.
        window.clearTimeout(announceTimer);
        status.textContent = "";
        announceTimer = window.setTimeout(function () {
            status.textContent = text;
        }, 60);
    }

    function show(index) {
        current = (index + links.length) % links.length;
        var link = links[current];
        media.replaceChildren(largePicture(link));
        copyCaption(link);
        announce(
            positionText
                .replace("{current}", String(current + 1))
                .replace("{total}", String(links.length))
        );
    }

    function open(index) {
        opener = links[index];
        show(index);
        dialog.showModal();
        closeButton.focus();
    }

    function focusable() {
        return Array.prototype.filter.call(
            dialog.querySelectorAll("button, a[href]"),
            function (element) {
                return !element.hidden && element.getClientRects().length > 0;
            }
        );
    }

    links.forEach(function (link, index) {
        link.addEventListener("click", function (event) {
            // New tab, new window, download: leave those to the browser.
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
                return;
            }
            event.preventDefault();
            open(index);
        });
    });

    closeButton.addEventListener("click", function () {
        dialog.close();
    });
    prevButton.addEventListener("click", function () {
        show(current - 1);
    });
    nextButton.addEventListener("click", function () {
        show(current + 1);
    });

    dialog.addEventListener("keydown", function (event) {
        if (event.key === "ArrowLeft") {
            event.preventDefault();
            show(current - 1);
        } else if (event.key === "ArrowRight") {
            event.preventDefault();
            show(current + 1);
        } else if (event.key === "Tab") {
            // The modal dialog already makes the page inert; this keeps Tab from leaving
            // for the browser's own controls as well.
            var items = focusable();
            if (!items.length) return;
            var first = items[0];
            var last = items[items.length - 1];
            if (event.shiftKey && document.activeElement === first) {
                event.preventDefault();
                last.focus();
            } else if (!event.shiftKey && document.activeElement === last) {
                event.preventDefault();
                first.focus();
            }
        }
    });

    dialog.addEventListener("close", function () {
        window.clearTimeout(announceTimer);
        status.textContent = "";
        media.replaceChildren();
        if (opener) {
            opener.focus();
            opener = null;
        }
    });
})();
