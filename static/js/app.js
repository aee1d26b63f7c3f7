// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("click", (event) => {
  // Confirm destructive actions: <button data-confirm="Delete this?">
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});

// A form came back with errors: move focus to its error summary (its items link to the fields), on load and
// after an htmx swap, so keyboard and screen-reader users land on the problem (WCAG 3.3.1).
function focusErrorSummary(root) {
  const summary = root.querySelector("[data-error-summary]");
  if (summary) summary.focus();
}
document.addEventListener("DOMContentLoaded", () => focusErrorSummary(document));
document.addEventListener("htmx:afterSettle", (event) => {
  if (event.detail.elt instanceof Element) focusErrorSummary(event.detail.elt);
});
// A link of the error summary moves focus to its field (a same-page link alone only scrolls).
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-error-summary] a[href^='#']");
  const field = link && document.getElementById(link.hash.slice(1));
  if (field) {
    event.preventDefault();
    field.focus();
  }
});
