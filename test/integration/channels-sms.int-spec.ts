import { request } from 'undici';
import { OutboundSms } from '@loa/channels';
import { waitFor } from '@loa/testing';
import { ChannelRig, startChannelRig } from '../../apps/carrier-sim/src/testing/channel-rig';
import { registerAtSimulators, registerSmsText } from '../../apps/carrier-sim/src/testing/register';

const TEXT = 'Cai dat Bluezone: https://bluezone.gov.vn/taiapp';
/** The text as registered at the gateways (the simulators refuse what is not): set in beforeAll. */
let template: OutboundSms['template'];
let n = 0;
// Request ids are digits (Viettel's RequestID is numeric), unique per test process.
const rid = () => `${process.pid}${String(++n).padStart(6, '0')}`;
const sms = (phone: string, extra: Partial<OutboundSms> = {}): OutboundSms => ({
  requestId: rid(),
  phone,
  brandname: 'SOTTTT',
  text: TEXT,
  unicode: false,
  template,
  ...extra,
});

describe('SMS adapters against their simulators (real sockets)', () => {
  let rig: ChannelRig;
  beforeAll(async () => {
    rig = await startChannelRig((cfg) => {
      for (const g of cfg.gateways) g.timeoutMs = 400;
    });
    template = { templateId: registerSmsText(rig.sims, rig.cfg, TEXT, { brandname: 'SOTTTT' }), params: [] };
  });
  afterAll(() => rig.close());
  beforeEach(() => {
    for (const s of rig.sims.all) {
      s.reset();
      s.configure({ rate: 0, phoneCodes: {}, failure: { rate: 0 }, dlr: { enabled: true, beforeAnswer: false } });
    }
    rig.recorder.reports.length = 0;
  });

  describe.each([
    ['viettel', '84961234567'],
    ['vnpt', '84912345678'],
    ['esms', '84901234567'],
  ])('%s', (id, phone) => {
    const adapter = () => rig.registry.sms(rig.gw(id));
    const sim = () => rig.sims[id as 'viettel' | 'vnpt' | 'esms'];

    it('is accepted, and its delivery report comes back and parses', async () => {
      const msg = sms(phone);
      const out = await adapter().send(rig.gw(id), {
        ...msg,
        callbackUrl: `${rig.recorder.url}/webhooks/${id}?secret=${rig.gw(id).webhookSecret}`,
      });
      expect(out.kind).toBe('accepted');
      expect(sim().messages(phone)).toEqual([expect.objectContaining({ requestId: msg.requestId, content: msg.text })]);
      const [event] = await waitFor('the delivery report', () =>
        rig.recorder.events(id).length > 0 ? rig.recorder.events(id) : null,
      );
      expect(event).toMatchObject({ gatewayId: id, status: 'delivered', phone });
      if (out.kind === 'accepted') expect(event.providerMessageId).toBe(out.providerMessageId);
      expect(event.requestId).toBe(msg.requestId);
    });

    it('reports throttling as a throttled retry once the sliding second is full', async () => {
      sim().configure({ rate: 2 });
      const outs = await Promise.all([1, 2, 3, 4, 5].map(() => adapter().send(rig.gw(id), sms(phone))));
      const throttled = outs.filter((o) => o.kind === 'retry' && o.throttled);
      expect(throttled.length).toBeGreaterThanOrEqual(3);
      expect(outs.filter((o) => o.kind === 'accepted')).toHaveLength(5 - throttled.length);
      expect(sim().stats()).toMatchObject({ requests: 5, throttled: throttled.length, maxPerSecond: 5 });
    });

    it('retries a 503 and a timeout', async () => {
      sim().configure({ failure: { rate: 1, mode: '503' } });
      expect(await adapter().send(rig.gw(id), sms(phone))).toMatchObject({ kind: 'retry', code: 'http-503' });
      sim().configure({ failure: { rate: 1, mode: 'timeout', hangMs: 0 } });
      expect(await adapter().send(rig.gw(id), sms(phone))).toMatchObject({ kind: 'retry', code: 'timeout' });
      expect(sim().stats().accepted).toBe(0);
    });

    it('refuses a message when the credentials are wrong (ours to fix, not the person’s)', async () => {
      const gw = {
        ...rig.gw(id),
        credentials: Object.fromEntries(Object.keys(rig.gw(id).credentials).map((k) => [k, 'wrong'])),
      };
      expect((await adapter().send(gw, sms(phone))).kind).toBe('refused');
      expect(sim().stats().accepted).toBe(0);
    });

    it('counts the same request id twice and the same phone+content twice', async () => {
      const msg = sms(phone);
      await adapter().send(rig.gw(id), msg);
      const again = await adapter().send(rig.gw(id), msg);
      await adapter().send(rig.gw(id), { ...msg, requestId: rid() });
      expect(again.kind).toBe('accepted');
      const d = sim().stats().duplicates;
      if (id === 'esms') expect(d).toEqual({ requestId: 0, deduped: 1, phoneContent: 1 });
      else expect(d).toEqual({ requestId: 1, deduped: 0, phoneContent: 2 });
    });

    it('can send the report before answering the send (out of order)', async () => {
      sim().configure({ dlr: { beforeAnswer: true } });
      const msg = sms(phone);
      const out = await adapter().send(rig.gw(id), {
        ...msg,
        callbackUrl: `${rig.recorder.url}/webhooks/${id}?secret=${rig.gw(id).webhookSecret}`,
      });
      expect(out.kind).toBe('accepted');
      expect(rig.recorder.events(id).map((e) => e.requestId)).toContain(msg.requestId);
    });
  });

  it('vnpt: sends the registered template with its parameters; the person receives the registered text filled', async () => {
    const gw = rig.gw('vnpt');
    registerAtSimulators(rig.sims, rig.cfg, {
      registrations: { vnpt: { templateId: '3101', text: 'Chao {1}, cai Bluezone tai {2}', params: {} } },
    });
    const msg = sms('84915555551', {
      text: 'Chao Nam, cai Bluezone tai https://bz.vn/r/ab12',
      template: { templateId: '3101', params: ['Nam', 'https://bz.vn/r/ab12'] },
    });
    expect((await rig.registry.sms(gw).send(gw, msg)).kind).toBe('accepted');
    expect(rig.sims.vnpt.messages('84915555551')).toEqual([
      expect.objectContaining({ requestId: msg.requestId, content: 'Chao Nam, cai Bluezone tai https://bz.vn/r/ab12' }),
    ]);
  });

  it('vnpt: a message without a registered template is refused before any request', async () => {
    const gw = rig.gw('vnpt');
    expect(await rig.registry.sms(gw).send(gw, sms('84915555552', { template: undefined }))).toMatchObject({
      kind: 'refused',
      code: 'NOT_REGISTERED',
    });
    expect(rig.sims.vnpt.stats().requests).toBe(0);
  });

  it.each<[string, string, Partial<OutboundSms>, object]>([
    [
      'viettel',
      '84971234561',
      { text: 'Noi dung chua dang ky' },
      { kind: 'refused', code: 'CONTENT_NOT_MATCH_TEMPLATE' },
    ],
    ['viettel', '84971234562', { brandname: 'NOBRAND' }, { kind: 'refused', code: 'ALIAS_INVALID' }],
    ['viettel', '84111234563', {}, { kind: 'rejected', code: 'TELCO_UNKNOWN' }],
    ['viettel', '8497123456', {}, { kind: 'rejected', code: 'FORMAT_ERROR' }],
    ['esms', '84901234561', { text: 'Noi dung chua dang ky' }, { kind: 'refused', code: '146' }],
    ['esms', '84901234562', { brandname: 'NOBRAND' }, { kind: 'refused', code: '104' }],
    ['esms', '8490123456', {}, { kind: 'rejected', code: '108' }],
    ['vnpt', '84915555553', { template: { templateId: '999', params: [] } }, { kind: 'refused', code: '3' }],
    [
      'vnpt',
      '84915555554',
      { template: { templateId: '3001', labelId: '1002', params: ['x'] } },
      { kind: 'refused', code: '4' },
    ],
    ['vnpt', '84915555555', { template: { templateId: '3001', params: [] } }, { kind: 'refused', code: '6' }],
    ['vnpt', '8491555555', {}, { kind: 'rejected', code: '7' }],
  ])('%s to %s with %j: the simulator refuses, the adapter says %j', async (id, phone, extra, expected) => {
    const gw = rig.gw(id);
    expect(await rig.registry.sms(gw).send(gw, sms(phone, extra))).toMatchObject(expected);
    expect(rig.sims[id as 'viettel' | 'vnpt' | 'esms'].stats()).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it('viettel: XML-escapes content and maps CONTENT_NOT_MATCH_TEMPLATE to refused', async () => {
    const gw = rig.gw('viettel');
    const text = 'Tai <Bluezone> & "bao ve" ban';
    registerSmsText(rig.sims, rig.cfg, text, { brandname: 'SOTTTT' });
    expect((await rig.registry.sms(gw).send(gw, sms('84971111111', { text }))).kind).toBe('accepted');
    expect(rig.sims.viettel.messages('84971111111')[0].content).toBe(text);
    rig.sims.viettel.configure({ phoneCodes: { '84972222222': 'CONTENT_NOT_MATCH_TEMPLATE' } });
    expect(await rig.registry.sms(gw).send(gw, sms('84972222222'))).toMatchObject({
      kind: 'refused',
      code: 'CONTENT_NOT_MATCH_TEMPLATE',
    });
  });

  it('viettel: refuses content over 480 characters before sending', async () => {
    const gw = rig.gw('viettel');
    const out = await rig.registry.sms(gw).send(gw, sms('84971111111', { text: 'x'.repeat(481) }));
    expect(out).toMatchObject({ kind: 'rejected', code: 'content-too-long' });
    expect(rig.sims.viettel.stats().requests).toBe(0);
  });

  it('esms: a resend after accept-then-timeout is deduped by RequestId (124 → accepted), one message only', async () => {
    const gw = rig.gw('esms');
    rig.sims.esms.configure({ failure: { rate: 1, mode: 'accept-timeout', hangMs: 0 } });
    const msg = sms('84902222222');
    expect(await rig.registry.sms(gw).send(gw, msg)).toMatchObject({ kind: 'retry', code: 'timeout' });
    rig.sims.esms.configure({ failure: { rate: 0 } });
    expect(await rig.registry.sms(gw).send(gw, msg)).toMatchObject({ kind: 'accepted', raw: { duplicate: true } });
    expect(rig.sims.esms.messages('84902222222')).toHaveLength(1);
  });

  it.each([
    ['103', 'refused'],
    ['101', 'refused'],
    ['146', 'refused'],
    ['99', 'rejected'],
  ])('esms: CodeResult %s → %s', async (code, kind) => {
    const gw = rig.gw('esms');
    rig.sims.esms.configure({ phoneCodes: { '84903333333': code } });
    expect(await rig.registry.sms(gw).send(gw, sms('84903333333'))).toMatchObject({ kind, code });
  });

  it('esms: reports the real carrier of a ported number, and retries a report our webhook refused', async () => {
    const gw = rig.gw('esms');
    rig.sims.esms.configure({ portedNumbers: { '84904444444': 'viettel' } });
    rig.recorder.failNext(2);
    const msg = { ...sms('84904444444'), callbackUrl: `${rig.recorder.url}/webhooks/esms?secret=${gw.webhookSecret}` };
    expect((await rig.registry.sms(gw).send(gw, msg)).kind).toBe('accepted');
    const [e] = await waitFor('the report after two refusals', () =>
      rig.recorder.events('esms').length > 0 ? rig.recorder.events('esms') : null,
    );
    expect(e).toMatchObject({ carrier: 'viettel', status: 'delivered', requestId: msg.requestId });
    expect(rig.sims.esms.stats().reports).toMatchObject({ failedAttempts: 2, acknowledged: 1 });
  });

  it('a forged report is refused by the parser (403) and retried by the gateway until it gives up', async () => {
    const gw = rig.gw('vnpt');
    rig.sims.vnpt.configure({
      webhookUrl: `${rig.recorder.url}/webhooks/vnpt?secret=forged-secret`,
      dlr: { maxAttempts: 2 },
    });
    expect((await rig.registry.sms(gw).send(gw, sms('84913333333'))).kind).toBe('accepted');
    await waitFor('the gateway to give up', () => rig.sims.vnpt.stats().reports.givenUp === 1);
    expect(rig.recorder.reports.map((r) => r.status)).toEqual([403, 403]);
    rig.sims.vnpt.configure({
      webhookUrl: `${rig.recorder.url}/webhooks/vnpt?secret=${gw.webhookSecret}`,
      dlr: { maxAttempts: 5 },
    });
  });

  it('control API: stats, messages by phone, validated config, reset', async () => {
    const base = rig.sims.vnpt.url;
    const gw = rig.gw('vnpt');
    await rig.registry.sms(gw).send(gw, sms('84914444444'));
    const stats = await (await request(`${base}/_sim/stats`)).body.json();
    expect(stats).toMatchObject({ accepted: 1, requests: 1 });
    const msgs = (await (await request(`${base}/_sim/messages?phone=84914444444`)).body.json()) as unknown[];
    expect(msgs).toHaveLength(1);
    const bad = await request(`${base}/_sim/config`, {
      method: 'POST',
      body: JSON.stringify({ rat: 5, dlr: { delayMs: 'x' } }),
    });
    expect(bad.statusCode).toBe(400);
    expect(await bad.body.json()).toEqual({ errors: ['unknown key "rat"', '"dlr.delayMs" must be number'] });
    const ok = await request(`${base}/_sim/config`, { method: 'POST', body: JSON.stringify({ rate: 7 }) });
    expect(await ok.body.json()).toMatchObject({ rate: 7 });
    await (await request(`${base}/_sim/reset`, { method: 'POST' })).body.dump();
    expect(rig.sims.vnpt.stats()).toMatchObject({ accepted: 0, rate: 7 });
  });
});
