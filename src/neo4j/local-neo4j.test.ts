import { describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../config/logger';
import { localNeo4jPassword, localNeo4jPasswordFile } from './local-neo4j';

const log = createLogger('silent');

function withDataFolder(test: (dbmsHome: string) => void): void {
  const dbmsHome = mkdtempSync(path.join(os.tmpdir(), 'border-kg-password-'));
  try {
    test(dbmsHome);
  } finally {
    rmSync(dbmsHome, { recursive: true, force: true });
  }
}

describe('the password of a local Neo4j data folder', () => {
  it('is generated on first start, long and random, in a file only its owner can read', () => {
    withDataFolder((dbmsHome) => {
      const password = localNeo4jPassword(dbmsHome, log);
      expect(password).toMatch(/^[0-9a-f]{64}$/);
      expect(statSync(localNeo4jPasswordFile(dbmsHome)).mode & 0o777).toBe(0o600);
      withDataFolder((other) => expect(localNeo4jPassword(other, log)).not.toBe(password));
    });
  });

  it('is reused on later starts, and leaves no temporary file behind', () => {
    withDataFolder((dbmsHome) => {
      const password = localNeo4jPassword(dbmsHome, log);
      expect(localNeo4jPassword(dbmsHome, log)).toBe(password);
      expect(readFileSync(localNeo4jPasswordFile(dbmsHome), 'utf8').trim()).toBe(password);
      expect(readdirSync(dbmsHome)).toEqual(['neo4j-password']);
    });
  });

  it('takes back a file that others could read (a copied folder) to mode 0600', () => {
    withDataFolder((dbmsHome) => {
      writeFileSync(localNeo4jPasswordFile(dbmsHome), 'a-password-from-a-copy\n');
      chmodSync(localNeo4jPasswordFile(dbmsHome), 0o644);
      expect(localNeo4jPassword(dbmsHome, log)).toBe('a-password-from-a-copy');
      expect(statSync(localNeo4jPasswordFile(dbmsHome)).mode & 0o777).toBe(0o600);
    });
  });
});
