import { KIND_STYLES, VERDICT_STYLES } from './web/vocabulary';

/*
 * The explorer's stylesheet, kept as text in a TypeScript module as the IDE's is: tsc emits only
 * TypeScript, and the image ships dist/ without src/. Served as a file (the page's policy
 * forbids inline styles).
 */

/**
 * The colours of kinds and verdicts, from the vocabulary the canvas and the chart draw with
 * (src/explorer/web/vocabulary.ts), so the legend, the badges and the graph cannot drift apart.
 */
const VOCABULARY_COLOURS = [
  ...Object.entries(KIND_STYLES).map(([kind, { colour }]) => `.kind-dot[data-kind="${kind}"],\n.kind-badge[data-kind="${kind}"] {\n  background: ${colour};\n}`),
  ...Object.entries(VERDICT_STYLES).map(
    ([verdict, { colour }]) => `.verdict[data-verdict="${verdict}"] {\n  border-color: ${colour};\n  color: ${colour};\n}\n.comparison[data-verdict="${verdict}"] {\n  border-color: ${colour};\n}`,
  ),
].join('\n');

export const EXPLORER_STYLESHEET = `*,
*::before,
*::after {
  box-sizing: border-box;
}
html,
body {
  margin: 0;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #212529;
  background: #f1f3f5;
}
button,
input,
select {
  font: inherit;
}
button {
  cursor: pointer;
  border: 1px solid #adb5bd;
  border-radius: 4px;
  background: #fff;
  padding: 2px 8px;
}
button:hover {
  background: #e7f5ff;
}
:focus-visible {
  outline: 3px solid #1c7ed6;
  outline-offset: 2px;
}
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
}
.skip-link {
  position: absolute;
  left: -999px;
}
.skip-link:focus {
  left: 8px;
  top: 8px;
  z-index: 10;
  background: #fff;
  padding: 4px 8px;
}
.top-bar {
  display: flex;
  flex-wrap: wrap;
  gap: 8px 16px;
  align-items: center;
  padding: 8px 16px;
  background: #1b2a3a;
  color: #fff;
}
.top-bar h1 {
  margin: 0;
  font-size: 18px;
}
.top-bar h1 span {
  font-weight: 400;
  opacity: 0.8;
}
.top-bar a {
  color: #d0ebff;
}
.search {
  display: flex;
  gap: 6px;
  flex: 1 1 360px;
  max-width: 640px;
}
.search input {
  flex: 1;
  padding: 5px 10px;
  border-radius: 4px;
  border: 1px solid #ced4da;
}
.links {
  margin-left: auto;
}
.status {
  padding: 4px 16px;
  font-size: 13px;
  background: #e9ecef;
  min-height: 1.9em;
}
.status[data-tone='error'] {
  background: #fff5f5;
  color: #a51111;
  font-weight: 600;
}
.layout {
  display: grid;
  grid-template-columns: minmax(0, 1fr) 420px;
  grid-template-areas:
    'graph evidence'
    'chart chart';
  gap: 8px;
  padding: 8px;
}
.panel {
  background: #fff;
  border: 1px solid #dee2e6;
  border-radius: 6px;
  padding: 8px 12px;
  min-width: 0;
}
.results {
  position: absolute;
  z-index: 5;
  top: 52px;
  left: 16px;
  width: min(620px, calc(100vw - 32px));
  max-height: 72vh;
  overflow: auto;
  box-shadow: 0 8px 24px rgb(0 0 0 / 0.18);
}
.results h2 {
  font-size: 13px;
  text-transform: uppercase;
  letter-spacing: 0.04em;
  color: #495057;
  margin: 8px 0 4px;
}
.results ul {
  list-style: none;
  margin: 0;
  padding: 0;
}
.results li {
  margin: 2px 0 6px;
}
.hit {
  display: block;
  width: 100%;
  text-align: left;
  border: none;
  padding: 4px 6px;
}
.hit .kind,
.results .source,
.results .alias {
  color: #6c757d;
  font-size: 12px;
  padding-left: 6px;
}
mark {
  background: #ffe066;
  color: inherit;
  padding: 0 1px;
}
.graph-panel {
  grid-area: graph;
  display: flex;
  flex-direction: column;
  gap: 6px;
}
.toolbar .row {
  display: flex;
  flex-wrap: wrap;
  gap: 6px 10px;
  align-items: center;
  margin-bottom: 4px;
}
.toolbar .period input {
  width: 140px;
}
.toolbar fieldset {
  display: inline-flex;
  flex-wrap: wrap;
  gap: 4px 10px;
  border: 1px solid #dee2e6;
  margin: 4px 0;
  font-size: 13px;
}
.path-note {
  margin: 0;
  font-size: 13px;
  color: #9c4a00;
}
.export-menu {
  position: relative;
}
.export-menu[open] > .export-group {
  background: #fff;
}
.export-group {
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
  align-items: center;
  margin-top: 4px;
}
.export-group p {
  margin: 0;
  font-size: 13px;
}
.graph {
  position: relative;
  height: min(62vh, 620px);
  min-height: 320px;
  border: 1px solid #e9ecef;
  border-radius: 4px;
  background: #fcfcfd;
}
.graph-frame {
  position: relative;
}
.graph-empty {
  position: absolute;
  inset: 35% 15% auto;
  text-align: center;
  color: #6c757d;
  pointer-events: none;
}
.legend {
  display: flex;
  flex-wrap: wrap;
  gap: 4px 12px;
  font-size: 12px;
  color: #495057;
}
.legend-item {
  display: inline-flex;
  align-items: center;
  gap: 4px;
}
.kind-dot {
  display: inline-block;
  width: 11px;
  height: 11px;
  border-radius: 50%;
  margin-right: 4px;
  vertical-align: -1px;
  background: #495057;
}
.path-swatch {
  display: inline-block;
  width: 18px;
  height: 4px;
  background: #f08c00;
}
.expanded-swatch {
  display: inline-block;
  width: 11px;
  height: 11px;
  border: 3px solid #212529;
  border-radius: 50%;
}
.graph-list {
  font-size: 13px;
}
.graph-list ul {
  columns: 2 260px;
  margin: 4px 0;
}
button.link {
  border: none;
  background: none;
  padding: 0;
  color: #1864ab;
  text-decoration: underline;
  text-align: left;
}
.evidence {
  grid-area: evidence;
  max-height: calc(62vh + 150px);
  overflow: auto;
}
.evidence h2 {
  font-size: 18px;
  margin: 4px 0 6px;
}
.evidence h3 {
  font-size: 14px;
  margin: 10px 0 4px;
}
.kind-badge {
  display: inline-block;
  margin: 0;
  padding: 1px 8px;
  border-radius: 10px;
  font-size: 12px;
  color: #fff;
  background: #495057;
}
.facts {
  display: grid;
  grid-template-columns: auto 1fr;
  gap: 2px 10px;
  margin: 6px 0;
}
.facts dt {
  color: #6c757d;
}
.facts dd {
  margin: 0;
}
.facts .value {
  font-weight: 700;
  font-size: 17px;
}
.comparison,
.provenance {
  border-left: 4px solid #adb5bd;
  padding: 2px 10px;
  margin: 8px 0;
  font-size: 14px;
}
.comparison p,
.provenance p {
  margin: 2px 0;
}
.actions {
  display: flex;
  flex-wrap: wrap;
  gap: 6px;
  margin: 8px 0;
}
.evidence ol {
  padding-left: 20px;
  margin: 4px 0;
}
.evidence .quote {
  border: none;
  background: none;
  text-align: left;
  padding: 0;
  font-style: italic;
}
.evidence .quote[aria-pressed='true'] {
  font-weight: 600;
}
.source-line {
  font-size: 12px;
  color: #495057;
}
.article-text {
  white-space: pre-wrap;
  max-height: 300px;
  overflow: auto;
  border: 1px solid #e9ecef;
  border-radius: 4px;
  padding: 8px;
  font-family: Georgia, 'Times New Roman', serif;
  font-size: 14px;
  position: relative;
}
.article-text mark {
  background: #ffd43b;
  outline: 2px solid #f08c00;
}
blockquote {
  margin: 6px 0;
  padding-left: 10px;
  border-left: 3px solid #ced4da;
  font-style: italic;
}
.chart-panel {
  grid-area: chart;
}
.chart-head {
  display: flex;
  justify-content: space-between;
  align-items: center;
}
.chart-head h2 {
  font-size: 16px;
  margin: 4px 0;
}
.note {
  font-size: 13px;
  color: #495057;
}
table.points {
  border-collapse: collapse;
  font-size: 13px;
  margin-top: 8px;
}
table.points caption {
  text-align: left;
  color: #495057;
}
table.points th,
table.points td {
  border-bottom: 1px solid #e9ecef;
  padding: 3px 8px;
  text-align: left;
}
table.points td.number {
  text-align: right;
  font-variant-numeric: tabular-nums;
}
.verdict {
  border: 1px solid;
  border-radius: 10px;
  padding: 0 6px;
}
.empty,
.loading {
  color: #6c757d;
}
.error {
  color: #a51111;
  font-weight: 600;
}
${VOCABULARY_COLOURS}
/* A phone held upright: one column, the graph shorter, the evidence below it for reading. */
@media (max-width: 800px) {
  .layout {
    grid-template-columns: minmax(0, 1fr);
    grid-template-areas:
      'graph'
      'evidence'
      'chart';
  }
  .graph {
    height: 46vh;
  }
  .evidence {
    max-height: none;
  }
  .links {
    margin-left: 0;
  }
}
`;
