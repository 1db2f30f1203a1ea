import { registrationsFor } from './registrations';
import { ApiHarness } from './api-harness';

/** An SMS campaign's ingredients through the API: a segment of everyone and a template registered everywhere. */
export interface SmsCampaignFixture {
  auth: { Authorization: string };
  segmentId: number;
  templateId: number;
  /** A campaign body for POST /campaigns (or /campaigns/preview), `extra` on top. */
  campaign(extra?: object): Record<string, unknown>;
}

export async function smsCampaignFixture(
  h: ApiHarness,
  body = 'Cai Bluezone tai {{link}}',
): Promise<SmsCampaignFixture> {
  const auth = { Authorization: `Bearer ${h.adminToken}` };
  const post = (path: string, b: object) => h.http().post(`/api/v1${path}`).set(auth).send(b);
  const segmentId = (await post('/segments', { name: 'all', filter: {} }).expect(201)).body.id as number;
  const tpl = { name: 't', channel: 'sms', body, registrations: registrationsFor(h.cfg, body) };
  const templateId = (await post('/templates', tpl).expect(201)).body.id as number;
  return {
    auth,
    segmentId,
    templateId,
    campaign: (extra = {}) => ({
      name: 'Nhắc cài Bluezone',
      segmentId,
      brandname: 'SO TTTT',
      channels: [{ channel: 'sms', templateId }],
      ...extra,
    }),
  };
}
