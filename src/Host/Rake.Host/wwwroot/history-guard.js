// Loaded before blazor.web.js (App.razor), so that this is the first popstate listener on window: Blazor loads the page
// of a history entry from its own listener there, and listeners on the event's own target ran in the order they were
// added in the Chromium the tests use (a capturing listener added later still ran after Blazor's). forms.js decides, and
// stops the event when the person chooses to stay with unsaved text (docs/adr/0004).
window.addEventListener('popstate', (event) => window.rakeHistoryGuard?.(event), true);
