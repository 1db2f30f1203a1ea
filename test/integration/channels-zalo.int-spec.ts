import { waitFor } from '@loa/testing';
import { ZaloZnsAdapter, ZnsToken } from '@loa/channels';
import { ChannelRig, startChannelRig } from '../../apps/carrier-sim/src/testing/channel-rig';
import { registerAtSimulators } from '../../apps/carrier-sim/src/testing/register';

let n = 0;
describe('Zalo ZNS adapter against its simulator (real sockets)', () => {
  let rig: ChannelRig;
  let tokens: ZnsToken;
  const gw = () => rig.gw('zalo');
  const zns = () => rig.registry.zns(gw());
  const msg = (phone: string, accessToken = tokens.accessToken) => ({
    trackingId: `zt-${process.pid}-${++n}`,
    phone,
    templateId: '240001',
    templateData: { name: 'Anh Nam', link_code: 'ab12cd34' },
    accessToken,
  });

  beforeAll(async () => {
    rig = await startChannelRig((cfg) => {
      for (const g of cfg.gateways) g.timeoutMs = 400;
    });
    tokens = await zns().refreshToken(gw(), gw().credentials.refreshToken);
  });
  afterAll(() => rig.close());
  beforeEach(() => {
    rig.sims.zalo.reset();
    rig.sims.zalo.configure({
      rate: 0,
      phoneCodes: {},
      failure: { rate: 0 },
      dlr: { enabled: true, seen: false },
      zalo: { noAccountLastDigits: [], quotaRemaining: null, night: 'off' },
    });
    // The template this file sends, approved at Zalo with exactly these params (the simulator checks them).
    registerAtSimulators(rig.sims, rig.cfg, { znsTemplateId: '240001', znsParams: { name: '', link_code: '' } });
    rig.recorder.reports.length = 0;
  });

  it('refreshes with the seeded refresh token, and refresh tokens are single-use', async () => {
    expect(tokens.accessToken).toEqual(expect.any(String));
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
    await expect(zns().refreshToken(gw(), gw().credentials.refreshToken)).rejects.toThrow(/Invalid refresh token/);
    const next = await zns().refreshToken(gw(), tokens.refreshToken);
    await expect(zns().refreshToken(gw(), tokens.refreshToken)).rejects.toThrow(/refused/);
    tokens = next;
  });

  it('a wrong app secret is refused', async () => {
    const bad = { ...gw(), credentials: { ...gw().credentials, appSecret: 'nope' } };
    await expect(zns().refreshToken(bad, rig.sims.zalo.issueTokens().refreshToken)).rejects.toThrow(/secret_key/);
  });

  it('is accepted with quota telemetry; the signed received/seen webhooks parse', async () => {
    rig.sims.zalo.configure({ zalo: { quotaRemaining: 10, dailyQuota: 10 }, dlr: { seen: true } });
    const m = msg('84911111111');
    const out = await zns().send(gw(), m);
    expect(out).toMatchObject({ kind: 'accepted', raw: { remainingQuota: 9, dailyQuota: 10 } });
    const events = await waitFor('received + seen', () =>
      rig.recorder.events('zalo').length >= 2 ? rig.recorder.events('zalo') : null,
    );
    const id = out.kind === 'accepted' ? out.providerMessageId : undefined;
    expect(events.map((e) => [e.status, e.providerMessageId])).toEqual([
      ['delivered', id],
      ['seen', id],
    ]);
    expect(events[0].requestId).toBe(m.trackingId);
  });

  it.each<[string, (r: ChannelRig) => void, string, object]>([
    ['an expired token', (r) => r.sims.zalo.expireAccessTokens(), '84911111112', { kind: 'token', code: '-124' }],
    [
      'a phone without Zalo',
      (r) => r.sims.zalo.configure({ zalo: { noAccountLastDigits: ['3'] } }),
      '84911111113',
      { kind: 'fallback', code: '-118' },
    ],
    [
      'an exhausted quota',
      (r) => r.sims.zalo.configure({ zalo: { quotaRemaining: 0 } }),
      '84911111114',
      { kind: 'pause', reason: 'quota', code: '-144' },
    ],
    [
      'night time',
      (r) => r.sims.zalo.configure({ zalo: { night: 'always' } }),
      '84911111115',
      { kind: 'pause', reason: 'night', code: '-133' },
    ],
    [
      'an unapproved template',
      (r) => r.sims.zalo.configure({ phoneCodes: { '84911111116': '-131' } }),
      '84911111116',
      { kind: 'channelBroken' },
    ],
    ['an invalid phone', () => undefined, '8491', { kind: 'rejected', code: '-108' }],
    [
      'a template not approved at Zalo',
      (r) =>
        r.sims.zalo.configure({
          registry: {
            znsTemplates: {
              ...r.sims.zalo.config().registry.znsTemplates,
              '240001': { status: 'PENDING_REVIEW', params: [] },
            },
          },
        }),
      '84911111118',
      { kind: 'channelBroken', code: '-131' },
    ],
  ])('maps %s', async (_n, setup, phone, expected) => {
    setup(rig);
    expect(await zns().send(gw(), msg(phone))).toMatchObject(expected);
    expect(rig.sims.zalo.stats().accepted).toBe(0);
    if (_n === 'an expired token') tokens = await zns().refreshToken(gw(), tokens.refreshToken);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown template', { templateId: '249999' }, '-109'],
    ['a missing param', { templateData: { name: 'Anh Nam' } }, '-1122'],
    ['an extra param', { templateData: { name: 'Anh Nam', link_code: 'ab12cd34', unit_name: 'Xa' } }, '-112'],
  ])('the template’s own problem, %s, breaks the channel (SMS takes over)', async (_n, extra, code) => {
    expect(await zns().send(gw(), { ...msg('84911111119'), ...extra })).toMatchObject({ kind: 'channelBroken', code });
    expect(rig.sims.zalo.stats().accepted).toBe(0);
  });

  it('one person’s value over a param’s maxLength sends that person by SMS, the channel stays', async () => {
    const long = { templateData: { name: 'N'.repeat(201), link_code: 'ab12cd34' } };
    expect(await zns().send(gw(), { ...msg('84911111119'), ...long })).toMatchObject({
      kind: 'fallback',
      code: '-1121',
    });
    expect(rig.sims.zalo.stats().accepted).toBe(0);
  });

  it('pauses on quota until the next Vietnamese midnight', async () => {
    rig.sims.zalo.configure({ zalo: { quotaRemaining: 0 } });
    const out = await zns().send(gw(), msg('84911111117'));
    if (out.kind !== 'pause') throw new Error(`expected pause, got ${out.kind}`);
    const vn = new Date(out.untilMs! + 7 * 3600_000);
    expect([vn.getUTCHours(), vn.getUTCMinutes()]).toEqual([0, 0]);
    expect(out.untilMs! - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('answers the rate-limit error beyond the sliding second, as a throttled retry', async () => {
    rig.sims.zalo.configure({ rate: 1 });
    const outs = await Promise.all([1, 2, 3].map((i) => zns().send(gw(), msg(`8491222222${i}`))));
    const throttled = outs.filter((o) => o.kind === 'retry' && o.throttled && o.code === '-32');
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    expect(rig.sims.zalo.stats().throttled).toBe(throttled.length);
  });

  it('counts a tracking_id accepted twice as a duplicate', async () => {
    const m = msg('84913333331');
    await zns().send(gw(), m);
    await zns().send(gw(), m);
    expect(rig.sims.zalo.stats().duplicates).toMatchObject({ requestId: 1, phoneContent: 1 });
  });

  it('accept-then-timeout: Zalo took the message although the adapter saw a timeout (Zalo does not dedupe)', async () => {
    rig.sims.zalo.configure({ failure: { rate: 1, mode: 'accept-timeout', hangMs: 0 } });
    expect(await zns().send(gw(), msg('84913333332'))).toMatchObject({ kind: 'retry', code: 'timeout' });
    expect(rig.sims.zalo.stats().accepted).toBe(1);
  });

  it('is the registry’s adapter for zalo-zns', () => {
    expect(zns()).toBeInstanceOf(ZaloZnsAdapter);
  });
});
