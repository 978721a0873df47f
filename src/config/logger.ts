import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout. Authorization headers never reach a log line. */
export function createLogger(level: string): Logger {
  return pino({
    name: 'border-kg',
    level,
    redact: { paths: ['req.headers.authorization', 'headers.authorization'], censor: '[redacted]' },
  });
}
