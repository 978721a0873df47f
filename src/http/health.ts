import { Router } from 'express';
import type { Neo4jExecutor } from '../neo4j/neo4j-executor';
import type { Readiness } from './readiness';

/**
 * /healthz: the process is alive, for an orchestrator deciding whether to restart it. With a
 * local Neo4j it also tells that Neo4j's state: 'restarting' still answers 200, since the service
 * is healing itself and a restart of the service would only restart Neo4j once more; 'down' (the
 * supervisor gave up) answers 503, because a restart of the service is then what is left to try.
 *
 * /readyz: the service can answer queries, i.e. Neo4j answers and migrations and seed are done
 * (for load balancers and the start script).
 */
export function healthRouter(executor: Neo4jExecutor, readiness: Readiness): Router {
  const router = Router();
  router.get('/healthz', (_request, response) => {
    const local = readiness.localNeo4jHealth();
    if (!local) {
      response.json({ status: 'ok' });
      return;
    }
    const down = local.database === 'down';
    response.status(down ? 503 : 200).json({ status: down ? 'unhealthy' : 'ok', ...local });
  });
  router.get('/readyz', async (_request, response) => {
    const pending = readiness.pendingStep() ?? localNeo4jProblem(readiness);
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

function localNeo4jProblem(readiness: Readiness): string | undefined {
  switch (readiness.localNeo4jHealth()?.database) {
    case 'restarting':
      return 'the local Neo4j is restarting after a crash';
    case 'down':
      return 'the local Neo4j is down: it stopped more often than its restarts allow';
    default:
      return undefined;
  }
}
