import type { ArtifactInfo, EventInfo } from '../sdk';

export interface Period {
  since: Date;
  until: Date;
}

interface Tally {
  drafted: number;
  approved: number;
  rejected: number;
  expired: number;
  pending: number;
  sent: number;
}

export interface SentDraft {
  artifact_id: string;
  task_id: string;
  to: string;
  subject: string;
  company: string | null;
  sent_at: string;
}

export type PipelineReport = {
  period: { since: string; until: string };
  /** `sales.email_draft` artifacts emitted in the period (event log). */
  drafted: number;
  /** Decisions on drafts taken in the period (event log). */
  approved: number;
  rejected: number;
  expired: number;
  /** Drafts whose task was cancelled while they waited for a decision. */
  withdrawn: number;
  /** approved / (approved + rejected + expired); null when nothing was decided. */
  approval_rate: number | null;
  /** Drafts created in the period still waiting for a decision. */
  pending: number;
  /** Drafts created in the period that have been sent. */
  sent: number;
  /** The drafts created in the period by the domain of their recipient, most drafted first. */
  by_domain: ({ domain: string } & Tally)[];
  sent_drafts: SentDraft[];
  /** False when a listing reached its cap: the counts then cover only part of the period. */
  complete: boolean;
};

/**
 * The outreach pipeline over a period. What happened in the period (drafts emitted, decisions
 * taken) comes from the event log, which outlives purged artifacts; where each draft of the
 * period stands now (pending, sent, its recipient) comes from the drafts themselves.
 * `events` must be the sales agent's `artifact.emitted` and `approval.resolved` events: every
 * approval a sales task asks for is a draft's.
 */
export function summarisePipeline(period: Period, events: EventInfo[], drafts: ArtifactInfo[], complete: boolean): PipelineReport {
  const decisions = { approved: 0, denied: 0, expired: 0, cancelled: 0 };
  let drafted = 0;
  for (const event of events) {
    if (event.type === 'artifact.emitted' && event.data.type === 'sales.email_draft') drafted += 1;
    const decision = event.data.decision;
    if (event.type === 'approval.resolved' && typeof decision === 'string' && Object.hasOwn(decisions, decision)) decisions[decision as keyof typeof decisions] += 1;
  }
  const decided = decisions.approved + decisions.denied + decisions.expired;

  const domains = new Map<string, Tally>();
  const sentDrafts: SentDraft[] = [];
  for (const draft of drafts) {
    const data = draft.data as { to: string; subject: string; lead?: { company?: string } };
    const domain = data.to.slice(data.to.lastIndexOf('@') + 1).toLowerCase();
    const tally = domains.get(domain) ?? { drafted: 0, approved: 0, rejected: 0, expired: 0, pending: 0, sent: 0 };
    domains.set(domain, tally);
    tally.drafted += 1;
    if (draft.approvalStatus !== 'not_required') tally[draft.approvalStatus] += 1;
    if (draft.effectAppliedAt) {
      tally.sent += 1;
      sentDrafts.push({
        artifact_id: draft.id,
        task_id: draft.taskId,
        to: data.to,
        subject: data.subject,
        company: data.lead?.company ?? null,
        sent_at: draft.effectAppliedAt.toISOString(),
      });
    }
  }
  const byDomain = [...domains].map(([domain, tally]) => ({ domain, ...tally }));
  byDomain.sort((a, b) => b.drafted - a.drafted || a.domain.localeCompare(b.domain));
  sentDrafts.sort((a, b) => a.sent_at.localeCompare(b.sent_at) || a.artifact_id.localeCompare(b.artifact_id));

  return {
    period: { since: period.since.toISOString(), until: period.until.toISOString() },
    drafted,
    approved: decisions.approved,
    rejected: decisions.denied,
    expired: decisions.expired,
    withdrawn: decisions.cancelled,
    approval_rate: decided === 0 ? null : Math.round((decisions.approved / decided) * 1000) / 1000,
    pending: byDomain.reduce((sum, tally) => sum + tally.pending, 0),
    sent: sentDrafts.length,
    by_domain: byDomain,
    sent_drafts: sentDrafts,
    complete,
  };
}
