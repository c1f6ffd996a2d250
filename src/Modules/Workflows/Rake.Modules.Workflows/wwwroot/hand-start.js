// The hand-start form (Ui/HandStartPage.razor). A file of its own because the page policy runs no inline script.
// A refused start opens on its error summary: scrolled into view and focused, so a phone shows it and a screen reader
// reads it first.
(() => {
    const summary = document.getElementById('error-summary');
    if (summary) {
        summary.setAttribute('tabindex', '-1');
        summary.scrollIntoView({ block: 'start' });
        summary.focus({ preventScroll: true });
    }
})();
