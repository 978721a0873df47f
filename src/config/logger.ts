import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs, on stdout unless another destination is given (tests read what was
 * logged). Authorization headers never reach a log line; the request log also redacts every
 * other credential a request carries (src/http/request-log.ts).
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    name: 'border-kg',
    level,
    redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
