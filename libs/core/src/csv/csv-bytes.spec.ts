import { invalidUtf8At } from './csv-bytes';

describe('invalidUtf8At', () => {
  const cases: [string, number[], number][] = [
    ['ASCII', [0x61, 0x62], -1],
    ['2-byte ạ… (Vietnamese)', [0xe1, 0xba, 0xa1], -1],
    ['4-byte emoji', [0xf0, 0x9f, 0x98, 0x80], -1],
    ['lone continuation byte', [0x61, 0x80], 1],
    ['Windows-1258 ê', [0x4e, 0xea, 0x6e], 1],
    ['overlong /', [0xc0, 0xaf], 0],
    ['overlong 3-byte', [0xe0, 0x80, 0xaf], 0],
    ['surrogate', [0xed, 0xa0, 0x80], 0],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['bad second continuation', [0x61, 0xe1, 0xba, 0x28], 1],
    ['0xFF', [0xff], 0],
  ];
  it.each(cases)('%s', (_what, bytes, at) => {
    expect(invalidUtf8At(Uint8Array.from(bytes), 0, true)).toBe(at);
    // The same verdict as the fatal decoder that guards the stream.
    let valid = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      valid = false;
    }
    expect(at < 0).toBe(valid);
  });

  it('a sequence cut by the end is invalid only at the end of the file', () => {
    expect(invalidUtf8At(Uint8Array.from([0x61, 0xe1, 0xba]), 0, false)).toBe(-1);
    expect(invalidUtf8At(Uint8Array.from([0x61, 0xe1, 0xba]), 0, true)).toBe(1);
  });
});
