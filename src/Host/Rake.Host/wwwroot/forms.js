// Behaviour every staff form shares, loaded once by App.razor (docs/adr/0004). With enhanced navigation a page's own
// <script> tags do not run when the page is patched in, so nothing here is per page: listeners sit on the document and
// read the data-* attributes the server renders, and the work a page needs on arrival runs on the first load and again
// after every enhanced load (a link followed or a form sent without a reload).
// 1. A refused form opens on its error summary (#error-summary), and a saved notice marked data-rake-focus on itself:
//    scrolled into view and focused, so a phone shows it and a screen reader reads it first.
// 2. A form marked data-rake-unsaved="clean" becomes "dirty" when typed in ("sending" once sent). Leaving the page with
//    a dirty form asks first: on unload (beforeunload), on a link that enhanced navigation would follow without
//    unloading, on sending another form of the page, and on Back or Forward to another page (popstate). The question is
//    the form's data-rake-unsaved-message.
// 3. A text area with data-rake-preview shows, while typing, the paragraphs it will make (a blank line between them) in
//    the element it names, as the server renders them.
// 4. Sending a form takes away the page's earlier confirmation (.rake-success) until the answer brings its own.
(() => {
    const focusArrival = () => {
        const target = document.getElementById('error-summary') || document.querySelector('[data-rake-focus]');
        if (target) {
            if (!target.hasAttribute('tabindex')) {
                target.setAttribute('tabindex', '-1');
            }
            target.scrollIntoView({ block: 'start' });
            target.focus({ preventScroll: true });
        }
        return target !== null;
    };

    // After a form is sent by enhanced navigation Blazor leaves focus where it was (it moves focus to the h1 only after a
    // followed link), so a post that lands on a new page without a summary or notice puts focus on its h1, as a reload did.
    let sentForm = false;
    let addressBefore = location.pathname;
    focusArrival();
    if (window.Blazor) {
        window.Blazor.addEventListener('enhancednavigationstart', (event) => {
            sentForm = event.method === 'post';
            addressBefore = location.pathname;
        });
        window.Blazor.addEventListener('enhancedload', () => {
            if (focusArrival() || !sentForm) {
                return;
            }
            const active = document.activeElement;
            if (active === null || active === document.body || location.pathname !== addressBefore) {
                const heading = document.querySelector('h1');
                if (heading) {
                    heading.setAttribute('tabindex', '-1');
                    heading.focus();
                }
            }
        });
    }

    const unsavedForms = () => Array.from(document.querySelectorAll('form[data-rake-unsaved]'));
    const dirtyForm = () => unsavedForms().find((form) => form.dataset.rakeUnsaved === 'dirty');
    const markDirty = (event) => {
        const form = event.target instanceof Element ? event.target.closest('form[data-rake-unsaved]') : null;
        if (form && form.dataset.rakeUnsaved !== 'sending') {
            form.dataset.rakeUnsaved = 'dirty';
        }
    };
    document.addEventListener('input', markDirty);
    document.addEventListener('change', markDirty);

    // Asks before leaving a dirty form; true when the person chose to leave (or nothing was unsaved).
    const mayLeave = (except) => {
        const dirty = dirtyForm();
        if (!dirty || dirty === except) {
            return true;
        }
        if (!window.confirm(dirty.dataset.rakeUnsavedMessage || '')) {
            return false;
        }
        // Leaving was chosen: the unload that may follow must not ask a second time.
        for (const form of unsavedForms()) {
            form.dataset.rakeUnsaved = 'clean';
        }
        return true;
    };

    // Capture on window runs before Blazor's own click and submit handlers on the document, so a refusal stops the
    // enhanced navigation before it starts.
    window.addEventListener('click', (event) => {
        if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
            return;
        }
        const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
        if (!link || link.hasAttribute('download') || (link.target && link.target !== '_self')) {
            return;
        }
        const to = new URL(link.href, location.href);
        if (to.origin === location.origin && to.pathname === location.pathname && to.search === location.search && to.hash) {
            return; // a link within the page (an error summary's link to its field) does not leave it
        }
        if (!mayLeave(null)) {
            event.preventDefault();
            event.stopImmediatePropagation();
        }
    }, true);
    window.addEventListener('submit', (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) {
            return;
        }
        if (!mayLeave(form)) {
            event.preventDefault();
            event.stopImmediatePropagation();
            return;
        }
        // A field named like a form property (the decision form's "action") hides that property from script, and
        // Blazor reads form.action, form.target and form.method to send an enhanced form: the button that sends it
        // carries the same values as formaction, formtarget and formmethod, which Blazor reads first.
        const submitter = event.submitter;
        if (submitter && form.hasAttribute('data-enhance')) {
            const own = [['action', 'formaction', location.href.split('#')[0]], ['target', 'formtarget', '_self'],
                ['method', 'formmethod', 'post']];
            for (const [property, attribute, otherwise] of own) {
                if (typeof form[property] !== 'string' && !submitter.hasAttribute(attribute)) {
                    submitter.setAttribute(attribute, form.getAttribute(property) ?? otherwise);
                }
            }
        }
        if (form.hasAttribute('data-rake-unsaved')) {
            form.dataset.rakeUnsaved = 'sending';
        }
        // A confirmation of the previous send ("Tallennettu", often carried by the address) must not stand for this
        // one while it is on its way: the answer brings its own. Interactive islands keep theirs (Blazor owns them).
        if (form.hasAttribute('data-enhance') && !form.closest('.rake-island')) {
            for (const done of document.querySelectorAll('.rake-success')) {
                if (!done.closest('.rake-island')) {
                    done.remove();
                }
            }
        }
    }, true);
    // Back and Forward within enhanced navigation: the browser moves the address and fires popstate, on which Blazor loads
    // the page the entry names. history-guard.js, loaded before blazor.web.js, has the first popstate listener on window and
    // calls this, so a refusal stops Blazor's from running at all; by then the address has already moved, so it is moved
    // back to the entry that was showing (by its index from the Navigation API where the browser has it, which keeps the
    // history as it was; otherwise by pushing the shown address again). An entry that differs only by its hash is the same
    // page (an error summary's link to its field), which never asks.
    const withoutHash = (href) => href.split('#')[0];
    const entryIndex = () => window.navigation?.currentEntry?.index;
    let shownHref = location.href;
    let shownIndex = entryIndex();
    let restoring = false;
    const shown = () => {
        shownHref = location.href;
        shownIndex = entryIndex();
    };
    window.addEventListener('hashchange', shown);
    window.Blazor?.addEventListener('enhancedload', shown);
    window.rakeHistoryGuard = (event) => {
        const samePage = withoutHash(location.href) === withoutHash(shownHref);
        if (restoring) {
            restoring = false;
            if (samePage) {
                // The step back to the page the person chose to stay on: it is showing, there is nothing for Blazor to load.
                event.stopImmediatePropagation();
                shown();
                return;
            }
        }
        if (samePage || mayLeave(null)) {
            shown();
            return;
        }
        event.stopImmediatePropagation();
        const now = entryIndex();
        if (typeof now === 'number' && typeof shownIndex === 'number' && now !== shownIndex) {
            restoring = true;
            history.go(shownIndex - now);
        } else {
            history.pushState(null, '', shownHref);
        }
    };
    window.addEventListener('beforeunload', (event) => {
        const dirty = dirtyForm();
        if (dirty) {
            event.preventDefault();
            // Browsers show their own text; older ones still need returnValue set to show anything.
            event.returnValue = dirty.dataset.rakeUnsavedMessage || '';
        }
    });

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
})();
