import { decodeEvidence } from './relation-id';
import type { RelationRecord } from './relation.type';

/** The map the relation queries return: evidence still in its stored encoding. */
export interface StoredRelation {
  id: string;
  type: string;
  fromId: string;
  toId: string;
  evidence: string[] | null;
}

export function toRelationRecord(stored: StoredRelation): RelationRecord {
  return { ...stored, evidence: (stored.evidence ?? []).map(decodeEvidence) };
}
