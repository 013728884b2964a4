// The page editor without a reload: the description's length as staff type, and the preview of the unsaved
// text kept up to date. Everything here is a convenience; the form works the same without it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
    const form = document.getElementById("page-form");
    if (!form) {
        return;
    }
    const description = document.getElementById("description");
    const count = document.getElementById("description-count");
    description.addEventListener("input", () => {
        count.textContent = description.value.length + " characters; search engines show about "
            + description.dataset.shown + ".";
    });

    const pane = document.querySelector(".preview-pane");
    let timer;
    let latest = 0;
    form.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const asked = ++latest;
            const response = await fetch("/staff/content/preview", {
                method: "POST",
                body: new URLSearchParams(new FormData(form)),
                credentials: "same-origin"
            });
            if (!response.ok || asked !== latest) {
                return;
            }
            let frame = document.getElementById("preview");
            if (!frame) {
                frame = document.createElement("iframe");
                frame.id = "preview";
                frame.title = "Preview of the page, not saved yet";
                frame.setAttribute("sandbox", "");
                document.getElementById("preview-empty")?.remove();
                pane.appendChild(frame);
            }
            frame.srcdoc = await response.text();
        }, 600);
    });
});
