export type Role = 'reader' | 'editor';

/** Who is asking: the role their API key grants, or anonymous (no Authorization header). */
export interface Viewer {
  role: Role | 'anonymous';
}
