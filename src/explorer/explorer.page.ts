import type { ExplorerAssets } from './explorer-assets';

/**
 * cytoscape.js injects a <style> element for its container unless an element with this id is in
 * the page; the policy forbids inline styles, so our stylesheet carries the id and the rule
 * (.graph { position: relative }).
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

/** What main.js reads from the page (#border-kg-explorer-config). */
export interface ExplorerConfig {
  /** The GraphQL endpoint the page queries, and where the IDE is. */
  endpoint: string;
}

/**
 * The page's skeleton: landmarks and labelled controls the modules fill in. Everything visible
 * before the script runs says it is loading, so a failed load is never a blank page.
 */
export function renderExplorerPage(assets: ExplorerAssets, configJson: string): string {
  const styles = assets.styles.map((style) => `    <link rel="stylesheet" href="${style.url}"${style.url.endsWith('/explorer.css') ? ` id="${CYTOSCAPE_STYLESHEET_ID}"` : ''} />`);
  const libraries = assets.libraries.map((script) => `    <script src="${script.url}"></script>`);
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>border-kg explorer</title>
    <link rel="icon" href="data:," />
${styles.join('\n')}
  </head>
  <body>
    <a class="skip-link" href="#evidence">Skip to the evidence</a>
    <header class="top-bar">
      <h1>border-kg <span>explorer</span></h1>
      <form id="search-form" role="search" class="search">
        <label for="search-input" class="visually-hidden">Search names, sentences and quotations</label>
        <input id="search-input" type="search" autocomplete="off" spellcheck="false"
          placeholder="Search: names, sentences, quotations…" aria-controls="search-results" />
        <label for="search-mode" class="visually-hidden">How words match</label>
        <select id="search-mode">
          <option value="PREFIX">as you type</option>
          <option value="FUZZY">tolerate typos</option>
          <option value="WORDS">whole words</option>
        </select>
      </form>
      <nav class="links" aria-label="Other tools"><a id="ide-link" href="/graphql">GraphQL IDE</a></nav>
    </header>
    <div id="status" role="status" aria-live="polite" class="status">Loading the explorer…</div>
    <main class="layout">
      <section id="search-results" class="panel results" aria-label="Search results" hidden></section>
      <section class="panel graph-panel" aria-label="Graph">
        <div id="graph-toolbar" class="toolbar"></div>
        <div class="graph-frame">
          <div id="graph" class="graph" role="img" aria-label="Graph of entities and relations; the list below it reads the same"></div>
          <p id="graph-empty" class="graph-empty">Nothing on screen yet. Search above for a person, an agency, a place or a number, then open it: its neighbours appear here, and a click on one brings in theirs.</p>
        </div>
        <div id="legend" class="legend" aria-label="Legend"></div>
        <details class="graph-list"><summary>Entities and relations on screen, as a list</summary><div id="graph-list"></div></details>
      </section>
      <section id="evidence" class="panel evidence" tabindex="-1" aria-label="Evidence">
        <p class="empty">Search for an entity, open it, then pick a node or a link to read the words behind it.</p>
      </section>
      <section id="chart-panel" class="panel chart-panel" aria-label="Reported numbers against official figures" hidden></section>
    </main>
    <script type="application/json" id="border-kg-explorer-config">${configJson}</script>
${libraries.join('\n')}
    <script type="module" src="${assets.entryModule.url}"></script>
  </body>
</html>
`;
}
