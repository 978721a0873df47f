import type { Logger } from '../config/logger';
import type { RequestTrace } from '../neo4j/neo4j-executor';
import type { Viewer } from './auth/viewer';

/**
 * What every request's context holds whatever the domains: who asks, the request's logger and
 * its trace (operation, Cypher round trips). Each domain adds its own part (its repositories, services and
 * loaders for this request, e.g. EntityContext); the composition root (src/app/context.ts)
 * builds the whole.
 */
export interface RequestContext {
  requestId: string;
  log: Logger;
  viewer: Viewer;
  /**
   * The client's network address: the socket's, or with TRUST_PROXY_HOPS the one the trusted
   * proxies forwarded. Fair use counts a client without an API key by it.
   */
  clientAddress: string;
  trace: RequestTrace;
}
