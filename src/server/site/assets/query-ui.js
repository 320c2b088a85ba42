// Query UI: replaces the plain query form with YASGUI (served by this server), pointed at this server's /sparql.
// Without JavaScript the form above still works: it sends the query to /sparql and the browser shows the answer.
(function startQueryUi() {
  'use strict';
  var configElement = document.getElementById('query-ui-config');
  var holder = document.getElementById('yasgui');
  if (!configElement || !holder || typeof window.Yasgui !== 'function') return;
  var config = JSON.parse(configElement.textContent);
  // Resolve against the page so the endpoint is right behind any proxy or base path.
  var endpoint = new URL(config.endpoint, document.baseURI).href;
  var examples = config.examples || [];

  var yasgui = new window.Yasgui(holder, {
    requestConfig: { endpoint: endpoint, method: 'POST' },
    copyEndpointOnNewTab: false,
    // Each visit starts from the query in the URL, not from what an earlier visit left in localStorage.
    persistenceId: null,
    populateFromUrl: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    // Only completers that need no other host (LOV and prefix.cc lookups are off).
    yasqe: { value: config.query, autocompleters: ['prefixes', 'variables'] },
    yasr: { prefixes: config.prefixes || {} },
  });
  var tab = yasgui.getTab();
  tab.setEndpoint(endpoint);
  tab.setQuery(config.query);
  document.getElementById('query-form').hidden = true;
  document.body.classList.add('yasgui-ready');

  var select = document.getElementById('example');
  var description = document.getElementById('example-description');
  if (select) {
    select.addEventListener('change', function onExample() {
      var example = examples.find(function (e) { return e.id === select.value; });
      if (!example) return;
      yasgui.getTab().setQuery(example.query);
      if (description) description.textContent = example.description;
      var url = new URL(window.location.href);
      url.search = '?example=' + encodeURIComponent(example.id);
      window.history.replaceState(null, '', url.href);
    });
    var load = document.getElementById('example-load');
    if (load) load.hidden = true;
  }
})();
