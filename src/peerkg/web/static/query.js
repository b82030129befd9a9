/* The query page: YASGUI (served from this server, no CDN) on this endpoint. The standard prefixes are
   predeclared on /sparql, so the editor holds the query alone; example buttons put a query in the editor. */
(function () {
  "use strict";
  var endpoint = new URL("/sparql", window.location.href).toString();
  /* /sparql#load=<SPARQL, URL-encoded>: links from the named query pages ("open in the editor");
     read before YASGUI starts, since it rewrites the fragment */
  /* /sparql#run=<SPARQL>: the same, and the query runs at once (the home page's example links) */
  var loadMatch = /^#(load|run)=(.*)$/.exec(window.location.hash);
  var start = document.getElementById("yasgui").getAttribute("data-start");
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: null,
    yasqe: { value: start },
  });
  window.peerkgYasgui = yasgui;
  /* The editor's syntax check starts every query with no prefixes and marks "Prefix 'dcterms' is not
     defined"; the endpoint predeclares them, so its mode starts with them declared (then re-checks). */
  var predeclared = JSON.parse(document.getElementById("yasgui").getAttribute("data-prefixes") || "{}");
  function declarePrefixes(yasqe) {
    if (!yasqe || yasqe.peerkgPrefixes) { return; }
    var mode = yasqe.getMode();
    var start = mode.startState;
    mode.startState = function () {
      var state = start.apply(this, arguments);
      Object.keys(predeclared).forEach(function (p) { state.prefixes[p] = predeclared[p]; });
      return state;
    };
    yasqe.peerkgPrefixes = true;
    yasqe.setValue(yasqe.getValue());
    yasqe.checkSyntax();
  }
  declarePrefixes(yasgui.getTab() && yasgui.getTab().getYasqe());
  yasgui.on("tabSelect", function (instance, id) {
    setTimeout(function () { var t = yasgui.getTab(id); declarePrefixes(t && t.getYasqe()); }, 0);
  });
  var tab = yasgui.getTab();
  if (tab && !tab.getQuery().trim()) { tab.setQuery(start); }
  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var current = yasgui.getTab();
      current.setQuery(button.getAttribute("data-query"));
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
    try {
      loadFull(decodeURIComponent(loadMatch[2]));
      if (loadMatch[1] === "run") { yasgui.getTab().getYasqe().query(); }
    } catch (e) { /* a mangled link: keep the default */ }
  }
})();
