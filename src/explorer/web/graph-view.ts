/*
 * The graph on screen, drawn by cytoscape.js (canvas: no WebGL needed, so it also runs in
 * headless Chromium and on machines without a GPU). Nodes keep their places: new neighbours
 * are set in rings around the node that brought them, and only the researcher's "Re-arrange"
 * runs a force layout over everything. The page's store holds the facts; this holds positions.
 */
import type { Core, ElementDefinition, NodeSingular, StylesheetJson } from 'cytoscape';
import { entityInWindow, evidenceInWindow, type Window } from './period.js';
import { KIND_STYLES } from './vocabulary.js';
import type { ViewEntity, ViewRelation } from './view-model.js';

export interface GraphHandlers {
  /** A node or an edge was clicked (or tapped). */
  onPick(id: string): void;
  /** The empty canvas was clicked. */
  onClear(): void;
}

export interface Filters {
  hiddenKinds: ReadonlySet<string>;
  hiddenTypes: ReadonlySet<string>;
  window: Window;
}

/** The first ring's radius, the gap between rings, and the room a node needs on a ring. */
const FIRST_RING = 150;
const RING_GAP = 95;
const NODE_ROOM = 58;

function style(): StylesheetJson {
  const kinds = Object.entries(KIND_STYLES).map(([kind, { colour, shape }]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': colour, shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#212529',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        // Labels below this on-screen size are not drawn: unreadable anyway, and costly at 500 nodes.
        'min-zoomed-font-size': 7,
        width: 26,
        height: 26,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...kinds,
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#212529' } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#adb5bd',
        'target-arrow-color': '#adb5bd',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 8,
        color: '#495057',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'min-zoomed-font-size': 9,
      },
    },
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'node.on-path', style: { 'border-color': '#f08c00', 'border-width': 5 } },
    { selector: 'edge.on-path', style: { 'line-color': '#f08c00', 'target-arrow-color': '#f08c00', width: 4 } },
    { selector: ':selected', style: { 'overlay-color': '#1c7ed6', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  ];
}

export class GraphView {
  private readonly cy: Core;

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({
      container,
      style: style(),
      layout: { name: 'preset' },
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
      // Labels too small to read are skipped (min-zoomed-font-size), which keeps 500 nodes fluid
      // without hiding edges while panning.
      pixelRatio: 'auto',
    });
    this.cy.on('tap', 'node, edge', (event) => handlers.onPick(event.target.id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) handlers.onClear();
    });
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  get nodeCount(): number {
    return this.cy.nodes().length;
  }

  /**
   * Adds what is not on screen yet around `centre`: new nodes go in rings around it, facing away
   * from the rest of the graph. A centre not on screen yet is placed first, right of the rest.
   * Nodes already drawn never move. Returns the ids of the nodes added.
   */
  add(entities: readonly ViewEntity[], relations: readonly ViewRelation[], centre: string): string[] {
    const fresh = entities.filter((entity) => !this.has(entity.id));
    const centreNode = this.cy.getElementById(centre);
    const origin = centreNode.nonempty() ? { ...centreNode.position() } : this.nextFreeOrigin();
    const around = fresh.filter((entity) => entity.id !== centre);
    const positions = this.ringPositions(origin, around.length);
    const elements: ElementDefinition[] = fresh.map((entity) => ({
      group: 'nodes',
      data: { id: entity.id, label: entity.name, kind: entity.kind },
      position: entity.id === centre ? origin : positions[around.indexOf(entity)]!,
    }));
    const onScreen = (id: string) => this.has(id) || fresh.some((entity) => entity.id === id);
    for (const relation of relations) {
      if (this.has(relation.id) || !onScreen(relation.from) || !onScreen(relation.to)) continue;
      elements.push({ group: 'edges', data: { id: relation.id, source: relation.from, target: relation.to, type: relation.type } });
    }
    this.cy.batch(() => this.cy.add(elements));
    return fresh.map((entity) => entity.id);
  }

  /** Where a graph's first node, or a node unconnected to any on screen, goes: right of the rest. */
  private nextFreeOrigin(): { x: number; y: number } {
    if (this.cy.nodes().empty()) return { x: 0, y: 0 };
    const box = this.cy.nodes().boundingBox({});
    return { x: box.x2 + FIRST_RING * 2, y: (box.y1 + box.y2) / 2 };
  }

  /**
   * Positions on rings around origin. Around a node with nothing else on screen the ring is
   * filled evenly; otherwise the first node points away from the graph's centre and the others
   * fan out to both sides of it, so new nodes land on the open side.
   */
  private ringPositions(origin: { x: number; y: number }, count: number): { x: number; y: number }[] {
    const others = this.cy.nodes();
    const box = others.length > 1 ? others.boundingBox({}) : null;
    const away = box ? Math.atan2(origin.y - (box.y1 + box.y2) / 2, origin.x - (box.x1 + box.x2) / 2) : -Math.PI / 2;
    const positions: { x: number; y: number }[] = [];
    for (let ring = 0; positions.length < count; ring++) {
      const radius = FIRST_RING + ring * RING_GAP;
      const room = Math.max(6, Math.floor((2 * Math.PI * radius) / NODE_ROOM));
      const onThisRing = Math.min(room, count - positions.length);
      const step = box ? (2 * Math.PI) / room : (2 * Math.PI) / onThisRing;
      for (let slot = 0; slot < onThisRing; slot++) {
        const offset = box ? Math.ceil(slot / 2) * step * (slot % 2 ? 1 : -1) : slot * step;
        const angle = away + offset + (ring % 2) * (step / 2);
        positions.push({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
      }
    }
    return positions;
  }

  clear(): void {
    this.cy.elements().remove();
  }

  markExpanded(id: string): void {
    this.cy.getElementById(id).addClass('expanded');
  }

  /** Hides what the filters leave out, and edges whose ends are hidden. */
  applyFilters(filters: Filters, entityOf: (id: string) => ViewEntity | undefined, relationOf: (id: string) => ViewRelation | undefined): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const entity = entityOf(node.id());
        const hidden = !entity || filters.hiddenKinds.has(entity.kind) || !entityInWindow(entity, filters.window);
        node.toggleClass('filtered', hidden);
      });
      this.cy.edges().forEach((edge) => {
        const relation = relationOf(edge.id());
        const hidden =
          !relation ||
          filters.hiddenTypes.has(relation.type) ||
          !evidenceInWindow(relation.evidence, filters.window) ||
          edge.source().hasClass('filtered') ||
          edge.target().hasClass('filtered');
        edge.toggleClass('filtered', hidden);
      });
    });
  }

  /** The ids of what is on screen after filtering. */
  visible(): { entities: string[]; relations: string[] } {
    const shown = this.cy.elements().not('.filtered');
    return { entities: shown.nodes().map((node) => node.id()), relations: shown.edges().map((edge) => edge.id()) };
  }

  select(id: string | null): void {
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      if (id) this.cy.getElementById(id).select();
    });
  }

  /** Brings an element into view without zooming in further than the researcher had. */
  reveal(id: string): void {
    const element = this.cy.getElementById(id);
    if (element.empty()) return;
    this.cy.animate({ center: { eles: element }, duration: 250 });
  }

  showPath(ids: readonly string[]): void {
    this.cy.batch(() => {
      this.cy.elements('.on-path').removeClass('on-path');
      for (const id of ids) this.cy.getElementById(id).addClass('on-path');
    });
  }

  /**
   * Brings these elements into view when some are outside it: centred on them, zoomed out as far
   * as they need but never in (the researcher chose how close to look).
   */
  frame(ids: readonly string[]): void {
    const elements = ids.reduce((collection, id) => collection.union(this.cy.getElementById(id)), this.cy.collection());
    if (elements.empty()) return;
    const extent = this.cy.extent();
    const box = elements.boundingBox({});
    if (box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2) return;
    const padding = 40;
    const zoom = Math.min(this.cy.zoom(), (this.cy.width() - 2 * padding) / box.w, (this.cy.height() - 2 * padding) / box.h);
    const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    const pan = { x: this.cy.width() / 2 - centre.x * zoom, y: this.cy.height() / 2 - centre.y * zoom };
    this.cy.animate({ zoom, pan, duration: 300 });
  }

  fit(): void {
    this.cy.fit(this.cy.elements().not('.filtered'), 40);
  }

  /** The researcher's own request: one force layout over everything, animated so nodes can be followed. */
  rearrange(): void {
    this.cy.layout({ name: 'cose', animate: true, animationDuration: 600, randomize: false, fit: true, padding: 40, nodeRepulsion: () => 9000 } as never).run();
  }

  /** Node positions, for a redraw that must not move anything (e.g. after a filter change). */
  positionOf(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id) as NodeSingular;
    return node.nonempty() ? { ...node.position() } : null;
  }

  /** Where a node is drawn, in pixels from the graph's top-left corner (for a real click on it). */
  renderedPositionOf(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id) as NodeSingular;
    return node.nonempty() ? { ...node.renderedPosition() } : null;
  }

  /**
   * For the bench: pans by a few pixels on each of `frames` animation frames and resolves with
   * the time between frames, in ms, which is what a researcher dragging the graph feels.
   */
  measurePan(frames: number): Promise<number[]> {
    return new Promise((resolve) => {
      const intervals: number[] = [];
      let last = performance.now();
      const step = () => {
        const now = performance.now();
        intervals.push(now - last);
        last = now;
        if (intervals.length > frames) {
          resolve(intervals.slice(1));
          return;
        }
        this.cy.panBy({ x: intervals.length % 40 < 20 ? 4 : -4, y: 0 });
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
  }
}
