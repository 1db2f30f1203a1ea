import { DEMO_SMS_TEMPLATE, DEMO_ZNS_TEMPLATE } from './demo-templates';
import { estimateLongestSms, estimateLongestZns, MAX_NAME_LENGTH, sampleLink } from './estimate';
import { renderTemplate, templateBodyProblems } from './render';
import { smsInfo } from './sms-info';
import { znsMappingProblems } from './zns';
import defaults from '../../../config/default.json';

const ctx = { publicBaseUrl: defaults.api.publicBaseUrl, linkCodeLength: defaults.links.codeLength };

describe('demo templates', () => {
  it('the SMS demo is valid, and its longest rendering (default link length) is ONE GSM-7 segment', () => {
    expect(templateBodyProblems(DEMO_SMS_TEMPLATE.body)).toEqual([]);
    const est = estimateLongestSms(DEMO_SMS_TEMPLATE.body, DEMO_SMS_TEMPLATE.unaccented, ctx);
    expect(est.text).toContain(sampleLink(ctx.publicBaseUrl, ctx.linkCodeLength));
    expect(est).toMatchObject({ encoding: 'GSM-7', segments: 1, warnings: [] });
    expect(est.characters).toBeLessThanOrEqual(160);
  });

  it('renders as unaccented ASCII', () => {
    const text = renderTemplate(DEMO_SMS_TEMPLATE.body, { link: 'https://x.vn/r/abcdefgh' }, { unaccented: true });
    expect(text).toBe(
      'So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) phong COVID-19 tai https://x.vn/r/abcdefgh',
    );
    expect(smsInfo(text)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('the accented version of the same text would cost more than one segment (why it is unaccented)', () => {
    expect(estimateLongestSms(DEMO_SMS_TEMPLATE.body, false, ctx)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
  });

  it('the ZNS demo is valid and within the 400-character limit', () => {
    expect(znsMappingProblems(DEMO_ZNS_TEMPLATE.znsParams)).toEqual([]);
    expect(templateBodyProblems(DEMO_ZNS_TEMPLATE.body)).toEqual([]);
    const est = estimateLongestZns(DEMO_ZNS_TEMPLATE.znsParams, DEMO_ZNS_TEMPLATE.body, ctx);
    expect(est.characters).toBeLessThanOrEqual(est.limit);
    expect(est.warnings).toEqual([]);
  });
});

describe('estimateLongestSms', () => {
  it.each([
    // [body, unaccented, encoding, segments, warns]
    ['Cai dat tai {{link}}', true, 'GSM-7', 1, false],
    ['Chao {{name}}', false, 'UCS-2', 1, true], // an accented name forces UCS-2
    ['Chao {{name}}', true, 'GSM-7', 1, false],
    ['x'.repeat(150) + ' {{link}}', true, 'GSM-7', 2, true],
    ['{{name|' + 'y'.repeat(60) + '}}', true, 'GSM-7', 1, false],
  ])('%j', (body, unaccented, encoding, segments, warns) => {
    const est = estimateLongestSms(body, unaccented, ctx);
    expect(est).toMatchObject({ encoding, segments });
    expect(est.warnings.length > 0).toBe(warns);
  });

  it('uses the longer of fallback and sample, and the longest unit name given', () => {
    expect(estimateLongestSms('{{name|' + 'y'.repeat(60) + '}}', true, ctx).characters).toBe(60);
    expect(estimateLongestSms('{{unit}}', true, { ...ctx, longestUnitName: 'Xã ' + 'a'.repeat(80) }).characters).toBe(
      83,
    );
  });

  it('measures a fallback as sent, after unaccenting', () => {
    // 27 characters before unaccenting, 33 after ("…" → "..."): longer than the 30-character name once sent.
    const fallback = 'Quy khach…Quy khach…Quy kh…';
    expect(fallback.length).toBeLessThan(MAX_NAME_LENGTH);
    const est = estimateLongestSms(`{{name|${fallback}}}`, true, ctx);
    expect(est.text).toBe('Quy khach...Quy khach...Quy kh...');
    expect(est.characters).toBe(33);
  });

  it('weighs a fallback by what it costs: two septets for an extension character', () => {
    // 16 characters, 32 septets: costlier than the 30-septet name.
    const est = estimateLongestSms('{{name|€€€€€€€€€€€€€€€€}}', true, ctx);
    expect(est).toMatchObject({ text: '€'.repeat(16), encoding: 'GSM-7', characters: 32 });
  });

  it('keeps the name when the fallback is shorter once sent', () => {
    const est = estimateLongestSms('Chao {{name|Quý khách}}', true, ctx);
    expect(est.characters).toBe(5 + MAX_NAME_LENGTH);
  });

  it('says WARNING and the segment count when over one segment', () => {
    const est = estimateLongestSms('x'.repeat(300) + ' {{link}}', true, ctx);
    expect(est.segments).toBe(3);
    expect(est.warnings[0]).toMatch(/^WARNING: the longest message takes 3 GSM-7 segments/);
  });
});
