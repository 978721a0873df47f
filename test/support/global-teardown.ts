import { rmSync } from 'node:fs';
import { TEST_DBMS_HOME } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  if (globalThis.localNeo4jForTests) {
    await globalThis.localNeo4jForTests.stop();
    rmSync(TEST_DBMS_HOME, { recursive: true, force: true });
  }
}
