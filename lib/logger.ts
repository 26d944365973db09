import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout, one object per line. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, service: string): Logger {
  return pino({ level: config.LOG_LEVEL, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
