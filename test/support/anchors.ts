/** A TextAnchor as the API returns it, and the selection that asks for it. */
export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export const ANCHOR = 'anchor { start end exact prefix suffix }';
