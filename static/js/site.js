/* Progressive enhancement only: every page works without this file. */
(function () {
    "use strict";
    document.documentElement.classList.remove("no-js");
    document.documentElement.classList.add("js");

    // Main navigation: on small screens the menu collapses behind a button.
    var nav = document.querySelector(".main-nav");
    var toggle = nav && nav.querySelector(".main-nav__toggle");
    if (!toggle) return;
    toggle.hidden = false;
    function setOpen(open) {
        nav.classList.toggle("main-nav--open", open);
        toggle.setAttribute("aria-expanded", String(open));
    }
    toggle.addEventListener("click", function () {
        setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
            setOpen(false);
            toggle.focus();
        }
    });
})();
