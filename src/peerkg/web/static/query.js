/* The query page: YASGUI (served from this server, no CDN) on this endpoint, prefixes pre-filled,
   example buttons that put a query in the editor. */
(function () {
  "use strict";
  var endpoint = new URL("/sparql", window.location.href).toString();
  /* /sparql#load=<SPARQL, URL-encoded>: links from the named query pages ("open in the editor");
     read before YASGUI starts, since it rewrites the fragment */
  var loadMatch = /^#load=(.*)$/.exec(window.location.hash);
  var prologue = document.getElementById("yasgui").getAttribute("data-prologue");
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    yasqe: { value: prologue + "\nSELECT * WHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n" },
  });
  window.peerkgYasgui = yasgui;
  var tab = yasgui.getTab();
  if (tab && !tab.getQuery().trim()) { tab.setQuery(prologue + "\nSELECT * WHERE {\n  ?s ?p ?o\n}\nLIMIT 10\n"); }
  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var current = yasgui.getTab();
      current.setQuery(prologue + "\n" + button.getAttribute("data-query"));
      current.getYasqe().focus();
    });
  });
  /* named queries: the full text (own prefixes, default parameters) replaces the editor's */
  function loadFull(text) {
    var current = yasgui.getTab();
    current.setQuery(text);
    current.getYasqe().focus();
  }
  document.querySelectorAll("button.named").forEach(function (button) {
    button.addEventListener("click", function () { loadFull(button.getAttribute("data-query")); });
  });
  if (loadMatch) {
    try { loadFull(decodeURIComponent(loadMatch[1])); } catch (e) { /* a mangled link: keep the default */ }
  }
})();
