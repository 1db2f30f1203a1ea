import { SimUnderTest, simUnderTest } from './protocol.spec-helper';

const GOOD = {
  phone: '84912345678',
  template_id: '248196',
  template_data: { name: 'Nguyễn Văn Nam', unit_name: 'Xã Vũ Hội', link_code: 'ab12cd34' } as unknown,
  tracking_id: '12343',
} as Record<string, unknown>;

describe('Zalo ZNS /message/template simulator: what the gateway refuses', () => {
  let t: SimUnderTest;
  let token: string;
  beforeAll(async () => {
    t = await simUnderTest('zalo', {
      credentials: { appId: '1', appSecret: 's', oaSecretKey: 'o' },
      registry: {
        znsTemplates: {
          '248196': {
            status: 'ENABLE',
            params: [
              { name: 'name', maxLength: 30 },
              { name: 'unit_name', maxLength: 60, require: false },
              { name: 'link_code', maxLength: 8, minLength: 8 },
            ],
          },
          '248197': { status: 'PENDING_REVIEW', params: [{ name: 'name', maxLength: 30 }] },
          '248198': { status: 'REJECT', params: [{ name: 'name', maxLength: 30 }] },
          '248199': { status: 'ENABLE', params: [{ name: 'note', maxLength: 30, acceptNull: true }] },
        },
      },
    });
    token = t.sims.zalo.issueTokens().accessToken;
  });
  afterAll(() => t.sims.close());
  beforeEach(() => t.sim.reset());
  const send = async (mutation: Record<string, unknown>, accessToken: string | null = token) => {
    const body = Object.fromEntries(Object.entries({ ...GOOD, ...mutation }).filter(([, v]) => v !== undefined));
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (accessToken !== null) headers.access_token = accessToken;
    const res = await t.post('/message/template', JSON.stringify(body), headers);
    return JSON.parse(res.text) as { error: number; message: string };
  };

  it.each<[string, Record<string, unknown>]>([
    ['the well-formed message', {}],
    ['a phone in 0… form', { phone: '0912345678' }],
    ['an optional param left out', { template_data: { name: 'Nam', link_code: 'ab12cd34' } }],
    ['an empty value where the param accepts null', { template_id: '248199', template_data: { note: '' } }],
    ['development mode', { mode: 'development' }],
    ['no tracking_id', { tracking_id: undefined }],
  ])('accepts %s', async (_name, mutation) => {
    expect(await send(mutation)).toMatchObject({ error: 0 });
  });

  it.each<[string, Record<string, unknown>, number]>([
    ['a phone too short', { phone: '8491234567' }, -108],
    ['a phone with +', { phone: '+84912345678' }, -108],
    ['no phone', { phone: undefined }, -108],
    ['an unknown template_id', { template_id: '999999' }, -109],
    ['no template_id', { template_id: undefined }, -109],
    ['a template pending review', { template_id: '248197', template_data: { name: 'Nam' } }, -131],
    ['a rejected template', { template_id: '248198', template_data: { name: 'Nam' } }, -131],
    ['no template_data', { template_data: undefined }, -111],
    ['template_data as an array', { template_data: ['Nam'] }, -111],
    ['an extra (unknown) param', { template_data: { ...(GOOD.template_data as object), link: 'x' } }, -112],
    ['a missing required param', { template_data: { name: 'Nam', unit_name: 'Xã' } }, -1122],
    ['an empty required value', { template_data: { name: '', link_code: 'ab12cd34' } }, -1122],
    ['a value over maxLength', { template_data: { name: 'N'.repeat(31), link_code: 'ab12cd34' } }, -1121],
    ['a value under minLength', { template_data: { name: 'Nam', link_code: 'ab12' } }, -1124],
    ['a value that is not a string', { template_data: { name: 42, link_code: 'ab12cd34' } }, -1124],
    ['a tracking_id over 48 characters', { tracking_id: '1'.repeat(49) }, -107],
    ['a tracking_id that is a number', { tracking_id: 12343 }, -107],
    ['a mode other than development', { mode: 'production' }, -106],
  ])('%s: %j → error %d', async (_name, mutation, error) => {
    expect(await send(mutation)).toMatchObject({ error, message: expect.any(String) });
    expect(t.sim.stats()).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it.each([
    ['no access_token header', null],
    ['an unknown access token', 'forged'],
  ])('%s → error -124', async (_name, accessToken) => {
    expect(await send({}, accessToken)).toMatchObject({ error: -124 });
  });
});

describe('Zalo OAuth v4 simulator: refresh, revocation, re-consent', () => {
  let t: SimUnderTest;
  beforeAll(async () => {
    t = await simUnderTest('zalo', { credentials: { appId: '1', appSecret: 's', oaSecretKey: 'o' } });
  });
  afterAll(() => t.sims.close());
  const refresh = async (refreshToken: string, secret = 's', appId = '1') => {
    const form = new URLSearchParams({ app_id: appId, grant_type: 'refresh_token', refresh_token: refreshToken });
    const res = await t.post('/v4/oa/access_token', form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      secret_key: secret,
    });
    return JSON.parse(res.text) as { error?: number; access_token?: string; refresh_token?: string };
  };

  it('refuses what Zalo refuses: a wrong secret or app, a reused token, every token after a revocation', async () => {
    const first = t.sims.zalo.issueTokens();
    expect(await refresh(first.refreshToken, 'wrong')).toMatchObject({ error: -14002 });
    expect(await refresh(first.refreshToken, 's', '2')).toMatchObject({ error: -14001 });
    const next = await refresh(first.refreshToken);
    expect(next.refresh_token).toEqual(expect.any(String));
    expect(await refresh(first.refreshToken)).toMatchObject({ error: -14014 }); // single-use
    // The OA's permission withdrawn: the unused refresh token is refused too, and so are access tokens.
    t.sims.zalo.revokeAuthorisation();
    expect(await refresh(next.refresh_token!)).toMatchObject({ error: -14014 });
    const send = await t.post('/message/template', '{}', {
      'content-type': 'application/json',
      access_token: next.access_token!,
    });
    expect(JSON.parse(send.text)).toMatchObject({ error: -124 });
    // The consent given again: a new pair works, the old chain stays dead.
    const back = t.sims.zalo.reauthorise();
    expect((await refresh(back.refreshToken)).refresh_token).toEqual(expect.any(String));
    expect(await refresh(next.refresh_token!)).toMatchObject({ error: -14014 });
  });
});
