// Starts GraphiQL on the IDE page. Served as a file, not inlined, so the page's
// Content-Security-Policy can forbid inline scripts; its settings come from the JSON the
// server renders into #border-kg-ide-config. React, ReactDOM and GraphiQL are UMD globals.
'use strict';

(function startGraphiQL() {
  const config = JSON.parse(document.getElementById('border-kg-ide-config').textContent);
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
      defaultTabs: config.tabs,
      // GraphiQL restores the tabs it saved over defaultTabs; a storage namespace per version
      // of the examples lets changed examples reach people who opened the IDE before.
      storage: GraphiQL.createLocalStorage({ namespace: `border-kg:${config.examplesVersion}` }),
      defaultEditorToolsVisibility: true,
      // Editor keys stay out of localStorage.
      shouldPersistHeaders: false,
    }),
  );
})();
