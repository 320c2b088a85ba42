// Query UI: replaces the plain query form with YASGUI (served by this server), pointed at this server's /sparql.
// Without JavaScript the form above still works: it sends the query to /sparql and the browser shows the answer.
(function startQueryUi() {
  'use strict';

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // YASR's table builds each cell as HTML and only sanitises it: an IRI, a datatype or a language tag holding markup
  // (IRI("…<img …>") is a legal value) became elements. These replacements escape every value, so it shows as text.
  function showValuesAsText(Table) {
    if (!Table || !Table.prototype) return;
    Table.prototype.getUriLinkFromBinding = function iriAsText(binding, prefixes) {
      var iri = String(binding.value);
      var shown = iri;
      var prefixed = false;
      for (var prefix in prefixes || {}) {
        if (iri.indexOf(prefixes[prefix]) === 0) {
          shown = prefix + ':' + iri.substring(prefixes[prefix].length);
          prefixed = true;
          break;
        }
      }
      var bare = prefixed || (this.persistentConfig && this.persistentConfig.compact);
      var newWindow = this.config && this.config.openIriInNewWindow;
      // Only web IRIs become links: a javascript: or data: IRI is a value to read, never something to follow.
      var text = escapeHtml(shown);
      var link = /^https?:/i.test(iri)
        ? "<a class='iri' target='" + (newWindow ? '_blank' : '_self') + "'" + (newWindow ? " rel='noopener noreferrer'" : '') + " href='" + escapeHtml(iri) + "'>" + text + '</a>'
        : text;
      return (bare ? '' : '&lt;') + link + (bare ? '' : '&gt;');
    };
    Table.prototype.formatLiteral = function literalAsText(binding, prefixes) {
      var text = escapeHtml(binding.value);
      if (this.persistentConfig && this.persistentConfig.compact) return text;
      if (binding['xml:lang']) return '"' + text + '"<sup>@' + escapeHtml(binding['xml:lang']) + '</sup>';
      if (binding.datatype) return '"' + text + '"<sup>^^' + this.getUriLinkFromBinding({ type: 'uri', value: binding.datatype }, prefixes) + '</sup>';
      return text;
    };
  }
  var configElement = document.getElementById('query-ui-config');
  var holder = document.getElementById('yasgui');
  if (!configElement || !holder || typeof window.Yasgui !== 'function') return;
  var config = JSON.parse(configElement.textContent);
  // Resolve against the page so the endpoint is right behind any proxy or base path.
  var endpoint = new URL(config.endpoint, document.baseURI).href;
  var examples = config.examples || [];

  showValuesAsText(window.Yasgui.Yasr && window.Yasgui.Yasr.plugins && window.Yasgui.Yasr.plugins.table);

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
