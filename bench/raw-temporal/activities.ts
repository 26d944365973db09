/** The raw baseline's only activity: does nothing, so what is measured is Temporal's own cost. */
export const rawBenchActivities = {
  async noop(): Promise<void> {},
};

export type RawBenchActivities = typeof rawBenchActivities;
