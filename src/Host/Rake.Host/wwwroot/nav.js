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

// Links and forms load by Blazor's enhanced navigation (docs/adr/0004): the address changes before the new page is
// patched in. When a page is complete - on its first load and after every enhanced load - <html> gets
// data-rake-loaded, holding how many enhanced loads this document has had (0 on a full load), so a person's tools and
// the browser tests can wait for "the navigation finished" rather than for an address (App.razor loads this file after
// forms.js, so the mark comes after the page's focus is placed). An enhanced load also closes a menu group left open.
(() => {
    let loads = 0;
    const loaded = () => document.documentElement.setAttribute('data-rake-loaded', String(loads));
    loaded();
    if (window.Blazor) {
        window.Blazor.addEventListener('enhancednavigationstart', () => document.documentElement.removeAttribute('data-rake-loaded'));
        window.Blazor.addEventListener('enhancedload', () => {
            loads++;
            for (const group of document.querySelectorAll('details.rake-nav-group[open]')) {
                group.open = false;
            }
            loaded();
        });
    }
})();
