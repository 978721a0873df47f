/**
 * The parts of the service's stack that bench/servers/layer-server.ts can switch on
 * (BENCH_LAYERS), in the order src/http/server.ts stacks them: the breakdown adds them one by one.
 */
export const LAYER_PARTS = [
  'express',
  'request-log',
  'helmet',
  'apollo',
  'error-logging',
  'request-trace',
  'read-access',
  'metrics',
  'limits',
  'fair-use',
  'app-context',
] as const;
export type LayerPart = (typeof LAYER_PARTS)[number];
