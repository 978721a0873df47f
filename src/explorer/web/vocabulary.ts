/*
 * How the page shows the ontology's kinds: one colour and one shape each (the shape carries
 * the kind for readers who cannot tell the colours apart), used by the graph and its legend.
 */

export interface KindStyle {
  label: string;
  colour: string;
  shape: 'ellipse' | 'round-rectangle' | 'round-triangle' | 'diamond' | 'star' | 'round-hexagon' | 'rectangle' | 'round-pentagon' | 'round-octagon' | 'vee';
}

/** The schema's EntityKind values (docs/ontology.md), in the legend's order. */
export const KIND_STYLES: Record<string, KindStyle> = {
  PERSON: { label: 'Person', colour: '#1f6fb4', shape: 'ellipse' },
  GROUP: { label: 'Group', colour: '#0b7285', shape: 'round-octagon' },
  ORGANIZATION: { label: 'Organization', colour: '#d9730d', shape: 'round-rectangle' },
  PARTY: { label: 'Party', colour: '#a61e4d', shape: 'round-pentagon' },
  PLACE: { label: 'Place', colour: '#2b8a3e', shape: 'round-triangle' },
  POLICY: { label: 'Policy', colour: '#7048b6', shape: 'diamond' },
  EVENT: { label: 'Event', colour: '#c92a2a', shape: 'star' },
  EQUIPMENT: { label: 'Equipment', colour: '#5f3dc4', shape: 'vee' },
  STATISTIC: { label: 'Statistic', colour: '#8a5a44', shape: 'round-hexagon' },
  ARTICLE: { label: 'Article', colour: '#5c6370', shape: 'rectangle' },
};

export const KINDS = Object.keys(KIND_STYLES);


export function kindStyle(kind: string): KindStyle {
  return KIND_STYLES[kind] ?? { label: kind, colour: '#495057', shape: 'ellipse' };
}

/** The contract's ComparisonVerdict values, as the chart and the panel name and colour them. */
export const VERDICT_STYLES: Record<string, { label: string; colour: string }> = {
  MATCHES: { label: 'matches the official figure', colour: '#2b8a3e' },
  CONSISTENT: { label: 'consistent with the official figure', colour: '#1f6fb4' },
  DIFFERS: { label: 'differs from the official figure', colour: '#c92a2a' },
  NO_OFFICIAL_COUNTERPART: { label: 'no official counterpart', colour: '#868e96' },
};
