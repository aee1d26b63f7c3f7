// Small progressive enhancements; every page works without JavaScript.
document.addEventListener("click", (event) => {
  // Confirm destructive actions: <button data-confirm="Delete this?">
  const button = event.target.closest("[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
