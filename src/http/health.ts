import { Router } from 'express';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { Readiness } from './readiness';

/**
 * /healthz: the process is up (for restarts). /readyz: the service can answer queries, i.e.
 * Neo4j answers and migrations and seed are done (for load balancers and the start script).
 */
export function healthRouter(executor: Neo4jExecutor, readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  router.get('/readyz', async (_request, response) => {
    const pending = readiness.pendingStep();
    if (pending) {
      response.status(503).json({ status: 'unavailable', reason: pending });
      return;
    }
    if (!(await executor.isReachable())) {
      response.status(503).json({ status: 'unavailable', reason: 'Neo4j does not answer' });
      return;
    }
    response.json({ status: 'ready' });
  });
  return router;
}
