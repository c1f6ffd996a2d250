// Reporting's long forms (Ui/ReportDetail.razor, Ui/AnnualReportEditor.razor). A file of its own because the page policy
// runs no inline script.
// 1. A refused form opens on its error summary: scrolled into view and focused, so a phone shows it and a screen reader
//    reads it first.
// 2. Leaving the page with typed, unsaved text asks first (beforeunload). A form that comes back refused holds text that
//    is not saved yet, so it starts out "dirty"; sending the form is not leaving it.
// 3. A text area with data-rake-preview shows, while typing, the paragraphs it will make (a blank line between them) in
//    the element it names, as the server renders them.
(() => {
    const summary = document.getElementById('error-summary');
    if (summary) {
        summary.setAttribute('tabindex', '-1');
        summary.scrollIntoView({ block: 'start' });
        summary.focus({ preventScroll: true });
    }

    const preview = (area) => {
        const target = document.getElementById(area.dataset.rakePreview);
        if (!target) {
            return;
        }
        const paragraphs = area.value.replace(/\r\n/g, '\n').split('\n\n').map((p) => p.trim()).filter((p) => p.length > 0);
        target.replaceChildren(...paragraphs.map((text) => {
            const p = document.createElement('p');
            p.textContent = text;
            return p;
        }));
    };
    document.addEventListener('input', (event) => {
        if (event.target instanceof HTMLTextAreaElement && event.target.dataset.rakePreview) {
            preview(event.target);
        }
    });

    const forms = Array.from(document.querySelectorAll('form[data-rake-unsaved]'));
    const markDirty = (event) => {
        const form = event.target instanceof Element ? event.target.closest('form[data-rake-unsaved]') : null;
        if (form) {
            form.dataset.rakeUnsaved = 'dirty';
        }
    };
    document.addEventListener('input', markDirty);
    document.addEventListener('change', markDirty);
    for (const form of forms) {
        form.addEventListener('submit', () => { form.dataset.rakeUnsaved = 'sending'; });
    }
    window.addEventListener('beforeunload', (event) => {
        const dirty = forms.find((form) => form.dataset.rakeUnsaved === 'dirty');
        if (dirty) {
            event.preventDefault();
            // Browsers show their own text; older ones still need returnValue set to show anything.
            event.returnValue = dirty.dataset.rakeUnsavedMessage || '';
        }
    });
})();
