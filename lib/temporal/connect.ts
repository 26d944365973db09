import type { Logger } from '../logger';

/** Retries `connect` with backoff: on a fresh start Temporal may still be coming up. */
export async function connectWithRetry<T>(connect: () => Promise<T>, logger: Logger, address: string, attempts = 30): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connect();
    } catch (error) {
      if (attempt >= attempts) throw new Error(`Temporal at ${address} is not reachable: ${(error as Error).message}`);
      const delayMs = Math.min(5_000, 200 * 2 ** attempt);
      logger.warn({ attempt, delay_ms: delayMs }, `Temporal at ${address} is not reachable yet; retrying`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
