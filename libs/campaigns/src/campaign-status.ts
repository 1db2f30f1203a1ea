import { ConflictException } from '@nestjs/common';
import { CampaignStatus } from './campaign.types';

export type CampaignAction = 'schedule' | 'pause' | 'resume' | 'cancel' | 'edit' | 'delete';

/**
 * The state machine: draft → scheduled → running ⇄ paused → completed; cancelled from any non-final state.
 * scheduled → running and running → completed are the scheduler's moves, not actions. A scheduled campaign
 * (nothing fired yet) may be paused too: pausing is "hold everything", whatever has or has not started.
 */
const ALLOWED: Record<CampaignAction, readonly CampaignStatus[]> = {
  schedule: ['draft'],
  pause: ['scheduled', 'running'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'running', 'paused'],
  edit: ['draft', 'paused'],
  delete: ['draft'],
};

export const FINAL_CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['completed', 'cancelled'];

export function canApply(action: CampaignAction, status: CampaignStatus): boolean {
  return ALLOWED[action].includes(status);
}

/** Throws 409 naming the current state and the states the action needs. */
export function assertCanApply(action: CampaignAction, status: CampaignStatus, id: number): void {
  if (canApply(action, status)) return;
  throw new ConflictException(
    `Cannot ${action} campaign ${id}: it is ${status}; ${action} is allowed only when it is ${ALLOWED[action].join(' or ')}`,
  );
}
