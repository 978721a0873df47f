/*
 * cytoscape.js and uPlot are loaded as classic scripts before the page's modules (their UMD and
 * IIFE builds from node_modules, served by the service): they are globals here, typed by their
 * packages' own declarations.
 */
import type cytoscapeFactory from 'cytoscape';
import type uPlotClass from 'uplot';

declare global {
  const cytoscape: typeof cytoscapeFactory;
  const uPlot: typeof uPlotClass;
}
