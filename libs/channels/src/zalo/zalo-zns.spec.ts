import { loadConfig } from '@loa/core';
import { RawRequest } from '../channel.types';
import { gatewayFor } from '../gateway.registry';
import { GatewayHttp } from '../http/gateway-http.client';
import { reportErrorStatus } from '../report-error.spec-helper';
import { ZaloZnsAdapter } from './zalo-zns.adapter';
import { classifyZaloReply } from './zalo-zns.codes';
import { zaloMac } from './zalo-signature';

const gw = gatewayFor(loadConfig({}), 'zalo');
// 2020-08-20 23:30 in Vietnam (16:30 UTC).
const NOW = Date.UTC(2020, 7, 20, 16, 30, 0);
const NEXT_0600_VN = Date.UTC(2020, 7, 20, 23, 0, 0); // 06:00 on the 21st, Vietnam
const NEXT_MIDNIGHT_VN = Date.UTC(2020, 7, 20, 17, 0, 0); // 00:00 on the 21st, Vietnam
const adapter = new ZaloZnsAdapter(new GatewayHttp(), { nowMs: () => NOW });

describe('Zalo ZNS error map', () => {
  it('accepts error 0 and keeps the quota telemetry', () => {
    const body = {
      error: 0,
      message: 'Success',
      data: { msg_id: 'm1', sent_time: '1597941000000', quota: { dailyQuota: '500', remainingQuota: '499' } },
    };
    expect(classifyZaloReply(body, NOW)).toEqual({
      kind: 'accepted',
      providerMessageId: 'm1',
      raw: { sentTime: '1597941000000', dailyQuota: 500, remainingQuota: 499 },
    });
  });

  it.each([
    [-101, { kind: 'refused' }],
    [-104, { kind: 'refused' }],
    [-105, { kind: 'refused' }],
    [-106, { kind: 'refused' }],
    [-107, { kind: 'refused' }],
    [-108, { kind: 'rejected' }],
    [-109, { kind: 'channelBroken' }],
    [-111, { kind: 'channelBroken' }],
    [-112, { kind: 'channelBroken' }],
    [-1121, { kind: 'fallback' }],
    [-1122, { kind: 'channelBroken' }],
    [-1124, { kind: 'channelBroken' }],
    [-117, { kind: 'channelBroken' }],
    [-131, { kind: 'channelBroken' }],
    [-114, { kind: 'fallback' }],
    [-118, { kind: 'fallback' }],
    [-119, { kind: 'fallback' }],
    [-139, { kind: 'fallback' }],
    [-141, { kind: 'fallback' }],
    [-124, { kind: 'token' }],
    [-133, { kind: 'pause', reason: 'night', untilMs: NEXT_0600_VN }],
    [-115, { kind: 'pause', reason: 'quota', untilMs: NEXT_MIDNIGHT_VN }],
    [-144, { kind: 'pause', reason: 'quota', untilMs: NEXT_MIDNIGHT_VN }],
    [-1441, { kind: 'pause', reason: 'quota', untilMs: NEXT_MIDNIGHT_VN }],
    [-147, { kind: 'pause', reason: 'quota', untilMs: NEXT_MIDNIGHT_VN }],
    [-160, { kind: 'pause', reason: 'quota', untilMs: NEXT_MIDNIGHT_VN }],
    [-126, { kind: 'pause', reason: 'quota', untilMs: NEXT_MIDNIGHT_VN }],
    [-32, { kind: 'retry', throttled: true }],
    [-100, { kind: 'retry' }],
    [-999, { kind: 'rejected' }],
  ])('error %d → %j', (error, expected) => {
    expect(classifyZaloReply({ error, message: 'x' }, NOW)).toMatchObject({ code: String(error), ...expected });
  });

  it('says when a quota pause ends', () => {
    expect(classifyZaloReply({ error: -144, message: 'quota' }, NOW)).toMatchObject({
      text: expect.stringContaining('midnight, Vietnam time'),
    });
  });
});

describe('Zalo webhook', () => {
  const appId = gw.credentials.appId;
  const secret = gw.credentials.oaSecretKey;
  const signed = (body: object, key = secret): RawRequest => {
    const raw = Buffer.from(JSON.stringify(body));
    const ts = String((body as { timestamp?: unknown }).timestamp ?? '');
    return {
      method: 'POST',
      headers: { 'x-zevent-signature': `mac=${zaloMac(appId, raw, ts, key)}` },
      query: {},
      rawBody: raw,
    };
  };
  const received = {
    app_id: appId,
    event_name: 'user_received_message',
    message: { msg_id: 'm1', tracking_id: 't1' },
    timestamp: '1597941000000',
  };

  it('turns a signed user_received_message into delivered', () => {
    expect(adapter.parseDeliveryReport(gw, signed(received))).toEqual([
      { gatewayId: 'zalo', providerMessageId: 'm1', requestId: 't1', status: 'delivered', at: new Date(1597941000000) },
    ]);
  });

  it('turns user_seen_message into one seen event per msg_id', () => {
    const body = { ...received, event_name: 'user_seen_message', message: { msg_ids: ['m1', 'm2'] } };
    expect(adapter.parseDeliveryReport(gw, signed(body)).map((e) => [e.providerMessageId, e.status])).toEqual([
      ['m1', 'seen'],
      ['m2', 'seen'],
    ]);
  });

  it('ignores other events', () => {
    expect(adapter.parseDeliveryReport(gw, signed({ ...received, event_name: 'follow' }))).toEqual([]);
  });

  it('verifies over the raw bytes, not re-serialised JSON', () => {
    const raw = Buffer.from(`{ "event_name" : "user_received_message", "message":{"msg_id":"m1"},"timestamp":"5"}`);
    const mac = zaloMac(appId, raw, '5', secret);
    const req = { method: 'POST', headers: { 'X-ZEvent-Signature': `mac=${mac}` }, query: {}, rawBody: raw };
    expect(adapter.parseDeliveryReport(gw, req)).toHaveLength(1);
  });

  it.each<[string, () => RawRequest, number]>([
    ['no signature', () => ({ ...signed(received), headers: {} }), 401],
    ['a signature made with another key', () => signed(received, 'someone-else'), 403],
    [
      'a tampered body',
      () => {
        const r = signed(received);
        return { ...r, rawBody: Buffer.from(r.rawBody!.toString().replace('m1', 'm2')) };
      },
      403,
    ],
    ['a body that is not JSON', () => ({ ...signed(received), rawBody: Buffer.from('{') }), 400],
    ['no timestamp', () => signed({ ...received, timestamp: undefined }), 400],
    ['a received event without ids', () => signed({ ...received, message: {} }), 400],
    ['a seen event without msg_ids', () => signed({ ...received, event_name: 'user_seen_message' }), 400],
  ])('refuses %s', (_n, make, status) => {
    expect(reportErrorStatus(() => adapter.parseDeliveryReport(gw, make()))).toBe(status);
  });
});
