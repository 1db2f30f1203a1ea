import { SegmentedMessage } from 'sms-segments-calculator';
import { isGsm7, nonGsmCharacters, smsInfo } from './sms-info';

const a = (n: number) => 'a'.repeat(n);
const v = (n: number) => 'ệ'.repeat(n); // Vietnamese: outside GSM, one UTF-16 unit in NFC

describe('smsInfo', () => {
  it.each([
    // [label, text, encoding, characters, segments, perSegment]
    ['empty', '', 'GSM-7', 0, 1, 160],
    ['GSM 1', a(1), 'GSM-7', 1, 1, 160],
    ['GSM 160 (one segment, full)', a(160), 'GSM-7', 160, 1, 160],
    ['GSM 161 (two segments)', a(161), 'GSM-7', 161, 2, 153],
    ['GSM 153×2', a(306), 'GSM-7', 306, 2, 153],
    ['GSM 153×2 + 1', a(307), 'GSM-7', 307, 3, 153],
    ['GSM 153×3', a(459), 'GSM-7', 459, 3, 153],
    ['extension € counts two', '€', 'GSM-7', 2, 1, 160],
    ['each of ^{}\\[~]| counts two', '^{}\\[~]|', 'GSM-7', 16, 1, 160],
    ['159 + € = 161 → two segments', a(159) + '€', 'GSM-7', 161, 2, 153],
    ['158 + € = 160 → one segment', a(158) + '€', 'GSM-7', 160, 1, 160],
    // an escape pair is never split: 152 + 2 does not fit 153, so the pair opens part two
    ['escape pair not split across parts', a(152) + '[' + a(153), 'GSM-7', 307, 3, 153],
    ['GSM basic accents (é à ñ Ä) stay GSM-7', 'éàñÄ£¥§¿¡ΔΩ', 'GSM-7', 11, 1, 160],
    ['newline is GSM', 'a\nb\r\nc', 'GSM-7', 6, 1, 160],
    ['UCS-2 1', 'ệ', 'UCS-2', 1, 1, 70],
    ['UCS-2 70 (one segment, full)', v(70), 'UCS-2', 70, 1, 70],
    ['UCS-2 71 (two segments)', v(71), 'UCS-2', 71, 2, 67],
    ['UCS-2 67×2', v(134), 'UCS-2', 134, 2, 67],
    ['UCS-2 67×2 + 1', v(135), 'UCS-2', 135, 3, 67],
    ['one Vietnamese letter turns 160 GSM chars into UCS-2', a(159) + 'đ', 'UCS-2', 160, 3, 67],
    ['extension chars count one in UCS-2', '€'.repeat(69) + 'đ', 'UCS-2', 70, 1, 70],
    ['emoji is a surrogate pair (two units)', '😷', 'UCS-2', 2, 1, 70],
    ['surrogate pair never split', v(66) + '😷' + v(5), 'UCS-2', 73, 2, 67],
    ['decomposed Vietnamese costs its code units', 'ệ'.normalize('NFD').repeat(35), 'UCS-2', 105, 2, 67],
  ])('%s', (_label, text, encoding, characters, segments, perSegment) => {
    expect(smsInfo(text)).toEqual({ encoding, characters, segments, perSegment });
  });

  it('agrees with sms-segments-calculator on encoding and segments for NFC text', () => {
    const samples = [
      a(160),
      a(161),
      a(306),
      a(307),
      a(159) + '€',
      a(152) + '[' + a(153),
      '^{}\\[~]|€'.repeat(20),
      v(70),
      v(71),
      v(134),
      v(135),
      'Sở TTTT Thái Bình: Đề nghị cài đặt ứng dụng Bluezone',
      'So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) tai https://bluezone.gov.vn/taiapp',
    ];
    for (const s of samples) {
      const theirs = new SegmentedMessage(s);
      const ours = smsInfo(s);
      expect([s.length, ours.encoding, ours.segments]).toEqual([s.length, theirs.encodingName, theirs.segmentsCount]);
    }
  });

  it('differs from sms-segments-calculator on decomposed text: it counts graphemes, carriers bill code units', () => {
    const nfd = 'ệ'.normalize('NFD').repeat(35);
    expect(new SegmentedMessage(nfd).numberOfCharacters).toBe(35);
    expect(smsInfo(nfd).characters).toBe(105);
  });
});

describe('GSM alphabet', () => {
  it.each([
    ['Cai dat Bluezone tai https://bluezone.gov.vn/taiapp', true, []],
    ['Cài đặt', false, ['đ', 'ặ']], // à is in the GSM alphabet
    ['€^', true, []],
    ['ç', false, ['ç']],
    ['`', false, ['`']],
  ])('%j', (text, gsm, nonGsm) => {
    expect(isGsm7(text)).toBe(gsm);
    expect(nonGsmCharacters(text)).toEqual(nonGsm);
  });
});
