import { ConflictException } from '@nestjs/common';
import { CampaignAction, assertCanApply, canApply } from './campaign-status';
import { CampaignStatus } from './campaign.types';

describe('campaign state machine', () => {
  const cases: [CampaignAction, CampaignStatus, boolean][] = [
    ['schedule', 'draft', true],
    ['schedule', 'scheduled', false],
    ['schedule', 'paused', false],
    ['pause', 'running', true],
    ['pause', 'scheduled', true],
    ['pause', 'draft', false],
    ['pause', 'completed', false],
    ['resume', 'paused', true],
    ['resume', 'running', false],
    ['cancel', 'draft', true],
    ['cancel', 'running', true],
    ['cancel', 'paused', true],
    ['cancel', 'completed', false],
    ['cancel', 'cancelled', false],
    ['edit', 'draft', true],
    ['edit', 'paused', true],
    ['edit', 'running', false],
    ['delete', 'draft', true],
    ['delete', 'scheduled', false],
  ];
  it.each(cases)('%s from %s → allowed=%s', (action, status, ok) => {
    expect(canApply(action, status)).toBe(ok);
  });

  it('explains a refused transition', () => {
    expect(() => assertCanApply('resume', 'running', 7)).toThrow(ConflictException);
    expect(() => assertCanApply('resume', 'running', 7)).toThrow(
      'Cannot resume campaign 7: it is running; resume is allowed only when it is paused',
    );
  });
});
