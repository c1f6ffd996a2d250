// Loaded by the designer page before Elsa Studio starts: its Run button answers with a Rake test instance; show that
// instance's journal on the page instead of leaving it, and open a definition of the list in Rake's editor page.
(function () {
    const script = document.currentScript;
    const region = script.dataset.region;
    const statusText = script.dataset.statusText;
    const originalFetch = window.fetch.bind(window);
    async function showRun(id) {
        const panel = document.getElementById('rake-test-run');
        if (!panel) return;
        const response = await originalFetch(
            '/api/v1/regions/' + encodeURIComponent(region) + '/workflow-instances/' + encodeURIComponent(id),
            { credentials: 'same-origin' });
        if (!response.ok) return;
        const instance = await response.json();
        document.getElementById('rake-test-run-status').textContent = statusText
            .replace('{0}', instance.id).replace('{1}', instance.definitionVersion).replace('{2}', instance.subStatus);
        const list = document.getElementById('rake-test-run-journal');
        list.replaceChildren(...(instance.journal || []).map(e => {
            const item = document.createElement('li');
            item.textContent = e.activityId + ' – ' + e.event + (e.message ? ': ' + e.message : '');
            return item;
        }));
        panel.hidden = false;
    }
    window.fetch = async function (input, init) {
        const response = await originalFetch(input, init);
        const id = response.headers.get('x-rake-test-instance-id');
        if (id) { showRun(id); }
        return response;
    };
    customElements.whenDefined('elsa-workflow-definition-list').then(() => {
        const list = document.querySelector('elsa-workflow-definition-list');
        if (list) list.editWorkflowDefinition = id =>
            location.assign('/' + encodeURIComponent(region) + '/designer/' + encodeURIComponent(id));
    });
})();
