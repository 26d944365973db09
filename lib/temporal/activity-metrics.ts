import { CancelledFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { activityDuration, activityFailures } from '../metrics/process-metrics';

/** Times every activity attempt this worker runs, and counts the failed ones, by activity type. */
export const observeActivities: ActivityInterceptorsFactory = (context) => ({
  inbound: {
    async execute(input, next) {
      const activity = context.info.activityType;
      const end = activityDuration.startTimer({ activity });
      try {
        const result = await next(input);
        end({ outcome: 'completed' });
        return result;
      } catch (error) {
        const cancelled = error instanceof CancelledFailure || context.cancellationSignal.aborted;
        end({ outcome: cancelled ? 'cancelled' : 'failed' });
        if (!cancelled) activityFailures.inc({ activity });
        throw error;
      }
    },
  },
});
