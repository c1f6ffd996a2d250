// The region menu works without this file (each group is a <details>); it only keeps one group open at a time and
// closes an open group on Escape or on a click elsewhere, as people expect of a menu (docs/adr/0133).
(() => {
    const groups = () => Array.from(document.querySelectorAll('details.rake-nav-group'));
    document.addEventListener('toggle', event => {
        const opened = event.target;
        if (!(opened instanceof HTMLDetailsElement) || !opened.classList.contains('rake-nav-group') || !opened.open) {
            return;
        }
        for (const other of groups()) {
            if (other !== opened) {
                other.open = false;
            }
        }
    }, true);
    document.addEventListener('keydown', event => {
        if (event.key !== 'Escape') {
            return;
        }
        const open = groups().find(g => g.open);
        if (open) {
            open.open = false;
            open.querySelector('summary')?.focus();
        }
    });
    document.addEventListener('click', event => {
        for (const group of groups()) {
            if (group.open && !group.contains(event.target)) {
                group.open = false;
            }
        }
    });
})();
