// The steering group's decision page (Ui/CompilationDecisionsPage.razor). A file of its own because the page policy runs
// no inline script.
// 1. Focus goes where the person has to look next: a refused form opens on its error summary, a saved decision on the
//    notice that says so (and links the next phenomenon), so a phone shows it and a screen reader reads it first.
// 2. Leaving the decision form with typed, unsaved text asks first (beforeunload); sending the form is not leaving it.
(() => {
    const target = document.getElementById('error-summary') || document.getElementById('decision-saved');
    if (target) {
        target.setAttribute('tabindex', '-1');
        target.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
    }

    const form = document.querySelector('form[data-rake-unsaved]');
    if (!form) {
        return;
    }
    if (document.getElementById('error-summary')) {
        // A refused form holds text that is not saved yet.
        form.dataset.rakeUnsaved = 'dirty';
    }
    const markDirty = (event) => {
        if (event.target instanceof Element && event.target.closest('form') === form && form.dataset.rakeUnsaved !== 'sending') {
            form.dataset.rakeUnsaved = 'dirty';
        }
    };
    document.addEventListener('input', markDirty);
    document.addEventListener('change', markDirty);
    form.addEventListener('submit', () => { form.dataset.rakeUnsaved = 'sending'; });
    window.addEventListener('beforeunload', (event) => {
        if (form.dataset.rakeUnsaved === 'dirty') {
            event.preventDefault();
            event.returnValue = '';
        }
    });
})();
