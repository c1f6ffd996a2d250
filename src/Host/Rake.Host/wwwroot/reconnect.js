// The buttons of the reconnect notice (Components/Layout/ReconnectModal.razor). No inline handlers: the page's CSP runs
// only scripts from this origin. Reloading is left to the person, so text typed into a form is never thrown away unasked.
document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-rake-reconnect]') : null;
    if (!button) {
        return;
    }
    if (button.dataset.rakeReconnect === 'retry' && window.Blazor) {
        window.Blazor.reconnect();
    } else if (button.dataset.rakeReconnect === 'reload') {
        location.reload();
    }
});
