/*
 * The IDE's own browser code and style, kept as text in a TypeScript module rather than as
 * .js/.css files: tsc emits only TypeScript, and the image ships dist/ without src/. Both
 * run in the browser exactly as written here.
 */

/**
 * Starts GraphiQL. Served as a file, not inlined, so the page's Content-Security-Policy can
 * forbid inline scripts; its settings come from the JSON the server renders into
 * #border-kg-ide-config. React, ReactDOM and GraphiQL are the UMD builds' globals.
 */
export const START_GRAPHIQL_SCRIPT = `'use strict';

(function startGraphiQL() {
  const config = JSON.parse(document.getElementById('border-kg-ide-config').textContent);
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: config.endpoint }),
      defaultTabs: config.tabs,
      // GraphiQL restores the tabs it saved over defaultTabs; a storage namespace per version
      // of the examples lets changed examples reach people who opened the IDE before.
      storage: GraphiQL.createLocalStorage({ namespace: 'border-kg:' + config.examplesVersion }),
      defaultEditorToolsVisibility: true,
      // Editor keys stay out of localStorage.
      shouldPersistHeaders: false,
    }),
  );
})();
`;

/** GraphiQL fills its parent: give it the whole window. */
export const IDE_STYLESHEET = `html,
body {
  height: 100%;
  margin: 0;
  overflow: hidden;
}

#graphiql {
  height: 100vh;
}
`;
