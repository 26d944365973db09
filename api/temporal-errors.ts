import { ServiceError, isGrpcServiceError } from '@temporalio/client';
import { HttpProblem } from './problem';

// gRPC status codes that mean "Temporal could not be reached or did not answer in time".
const UNAVAILABLE = 14;
const DEADLINE_EXCEEDED = 4;

function isTemporalUnreachable(error: unknown): boolean {
  for (let candidate = error; candidate instanceof Error; candidate = candidate.cause) {
    if (isGrpcServiceError(candidate) && (candidate.code === UNAVAILABLE || candidate.code === DEADLINE_EXCEEDED)) return true;
    if (!(candidate instanceof ServiceError) && !isGrpcServiceError(candidate)) return false;
  }
  return false;
}

/** A 503 problem for an unreachable Temporal; any other error is returned unchanged. */
export function temporalUnavailable(error: unknown, consequence: string): unknown {
  if (!isTemporalUnreachable(error)) return error;
  return new HttpProblem(503, 'temporal_unavailable', `${consequence}: Temporal is not reachable right now; try again shortly.`, {}, { 'Retry-After': '5' });
}
