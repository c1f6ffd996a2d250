// Loaded by the designer page before Elsa Studio starts: its Run button answers with a Rake test instance; show that
// instance's journal on the page instead of leaving it (with a link to the Studio's viewer of it), and open what the
// Studio's lists and viewer point at on Rake's own designer pages.
(function () {
    const script = document.currentScript;
    const region = script.dataset.region;
    const statusText = script.dataset.statusText;
    const originalFetch = window.fetch.bind(window);
    const instancePage = id => '/' + encodeURIComponent(region) + '/designer/instances/' + encodeURIComponent(id);
    const editorPage = id => '/' + encodeURIComponent(region) + '/designer/' + encodeURIComponent(id);
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
        document.getElementById('rake-test-run-link').href = instancePage(instance.id);
        panel.hidden = false;
    }
    window.fetch = async function (input, init) {
        const response = await originalFetch(input, init);
        const id = response.headers.get('x-rake-test-instance-id');
        if (id) { showRun(id); }
        return response;
    };
    // The Studio's elements call back to open another screen: open Rake's page for it.
    const callbacks = {
        'elsa-workflow-definition-list': { editWorkflowDefinition: editorPage },
        'elsa-workflow-instance-list': { viewWorkflowInstance: instancePage },
        'elsa-workflow-instance-viewer': { editWorkflowDefinition: editorPage },
    };
    for (const [name, handlers] of Object.entries(callbacks)) {
        customElements.whenDefined(name).then(() => {
            const element = document.querySelector(name);
            if (!element) return;
            for (const [property, page] of Object.entries(handlers)) {
                element[property] = id => location.assign(page(id));
            }
        });
    }
})();
