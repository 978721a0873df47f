import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { defaultBackupFile, formatBackupSummary, progressLine } from './backup-cli';
import type { BackupOutcome } from './backup';

describe('defaultBackupFile', () => {
  it('names the file in backups/ by the time, to the second, with no colon', () => {
    const file = defaultBackupFile(new Date('2025-03-01T10:20:30.456Z'));
    expect(file.endsWith(path.join('backups', 'border-kg-2025-03-01T10-20-30Z.jsonl.gz'))).toBe(true);
  });
});

describe('the output of npm run backup', () => {
  it('reports progress and a summary with counts by label and type, largest first', () => {
    expect(progressLine({ phase: 'relationships', done: 100_000, total: 1_800_000 })).toBe('relationships: 100,000 of 1,800,000');
    const outcome: BackupOutcome = {
      file: '/data/backups/graph.jsonl.gz',
      bytes: 3 * 1024 * 1024,
      seconds: 12.34,
      header: {
        format: 'border-kg-backup',
        version: 1,
        createdAt: '2025-03-01T10:20:30.000Z',
        neo4j: { version: '5.26.0', edition: 'community', database: 'neo4j' },
        counts: { nodes: 3, relationships: 2 },
        migrations: ['001_entity_id_unique.cypher', '002_entity_search_index.cypher'],
      },
      trailer: { nodes: 3, relationships: 2, labels: { Place: 1, Entity: 2, Article: 1 }, types: { MENTIONS: 2 }, sha256: 'ab'.repeat(32) },
    };
    expect(formatBackupSummary(outcome).split('\n')).toEqual([
      'Summary: backed up 3 nodes and 2 relationships',
      '  file: /data/backups/graph.jsonl.gz (3.0 MB)',
      `  sha256 of the content: ${'ab'.repeat(32)}`,
      '  nodes by label: Entity 2, Article 1, Place 1',
      '  relationships by type: MENTIONS 2',
      '  from: Neo4j 5.26.0 community, database neo4j, 2 migrations applied (the last 002_entity_search_index.cypher)',
      '  elapsed: 12.3 s',
    ]);
  });
});
