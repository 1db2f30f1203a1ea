import { isGsm7, multiSeptetCharacters } from './sms-info';
import { SMART_CHARACTERS, unaccent } from './unaccent';

describe('unaccent', () => {
  it.each([
    ['Cài đặt', 'Cai dat'],
    ['đ', 'd'],
    ['Đ', 'D'],
    ['Đồng Đăng', 'Dong Dang'],
    // every tone on a plain vowel
    ['a à á ả ã ạ', 'a a a a a a'],
    // every vowel mark, with a tone on each
    ['ă ằ ắ ẳ ẵ ặ', 'a a a a a a'],
    ['â ầ ấ ẩ ẫ ậ', 'a a a a a a'],
    ['ê ề ế ể ễ ệ', 'e e e e e e'],
    ['ô ồ ố ổ ỗ ộ', 'o o o o o o'],
    ['ơ ờ ớ ở ỡ ợ', 'o o o o o o'],
    ['ư ừ ứ ử ữ ự', 'u u u u u u'],
    ['ì í ỉ ĩ ị ỳ ý ỷ ỹ ỵ', 'i i i i i y y y y y'],
    ['ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ', 'AAAAAAAAAAAAAAAAA'],
    ['ÈÉẺẼẸÊỀẾỂỄỆ', 'EEEEEEEEEEE'],
    ['ÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ', 'IIIIIOOOOOOOOOOOOOOOOO'],
    ['ÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ', 'UUUUUUUUUUUYYYYY'],
    ['Khẩu trang điện tử', 'Khau trang dien tu'],
    ['Ủy ban nhân dân huyện Hưng Hà', 'Uy ban nhan dan huyen Hung Ha'],
    // typographic punctuation from pasted documents
    ['“Khẩu trang điện tử” – Bluezone…', '"Khau trang dien tu" - Bluezone...'],
    ['plain ASCII 123 {x}', 'plain ASCII 123 {x}'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(unaccent(input)).toBe(expected);
  });

  // Pasted text: every smart character → its GSM-7 twin (or nothing, for the invisible ones).
  it.each([
    ['tab', 'Ngay\t15/8', 'Ngay 15/8'],
    ['no-break space', '50.000\u00a0d', '50.000 d'],
    ['narrow no-break space', '50\u202f000', '50 000'],
    ['thin space', 'COVID\u2009-\u200919', 'COVID - 19'],
    ['en space', 'a\u2002b', 'a b'],
    ['em space', 'a\u2003b', 'a b'],
    ['hair space', 'a\u200ab', 'a b'],
    ['figure space', '1\u2007000', '1 000'],
    ['ideographic space', 'a\u3000b', 'a b'],
    ['line separator', 'a\u2028b', 'a\nb'],
    ['zero-width space', 'Blue\u200bzone', 'Bluezone'],
    ['zero-width non-joiner', 'Blue\u200czone', 'Bluezone'],
    ['zero-width joiner', 'Blue\u200dzone', 'Bluezone'],
    ['word joiner', 'Blue\u2060zone', 'Bluezone'],
    ['byte-order mark', '\ufeffSo TTTT', 'So TTTT'],
    ['soft hyphen', 'Blue\u00adzone', 'Bluezone'],
    ['left single quote', '\u2018a', "'a"],
    ['right single quote', 'Bluezone\u2019s', "Bluezone's"],
    ['low single quote', '\u201aa', "'a"],
    ['reversed single quote', '\u201ba', "'a"],
    ['prime', '5\u2032', "5'"],
    ['single guillemets', '\u2039a\u203a', "'a'"],
    ['grave accent', '`a`', "'a'"],
    ['acute accent', 'a\u00b4', "a'"],
    ['curly double quotes', '\u201cKhau trang\u201d', '"Khau trang"'],
    ['low double quote', '\u201ea\u201f', '"a"'],
    ['double prime', '5\u2033', '5"'],
    ['guillemets', '\u00abKhau trang\u00bb', '"Khau trang"'],
    ['hyphen', 'COVID\u201019', 'COVID-19'],
    ['non-breaking hyphen', 'COVID\u201119', 'COVID-19'],
    ['figure dash', '1\u20122', '1-2'],
    ['en dash', '7h\u201322h', '7h-22h'],
    ['em dash', 'a\u2014b', 'a-b'],
    ['horizontal bar', 'a\u2015b', 'a-b'],
    ['minus sign', '\u22125', '-5'],
    ['bullet', '\u2022 Cai dat', '- Cai dat'],
    ['triangular bullet', '\u2023 a', '- a'],
    ['white bullet', '\u25e6 a', '- a'],
    ['middle dot', 'a\u00b7b', 'a-b'],
    ['ellipsis', 'Bluezone\u2026', 'Bluezone...'],
    ['dong sign', '50.000\u20ab', '50.000d'],
    ['dong sign after a space', '50.000 ₫', '50.000 d'],
  ])('%s: %j → %j', (_what, input, expected) => {
    expect(unaccent(input)).toBe(expected);
    expect(isGsm7(unaccent(input))).toBe(true);
  });

  it('maps every smart character to plain GSM-7 septets (one each, or none)', () => {
    for (const [from, to] of Object.entries(SMART_CHARACTERS)) {
      expect([from, multiSeptetCharacters(unaccent(from))]).toEqual([from, []]);
      expect(unaccent(from)).toBe(to);
    }
  });

  it('turns a pasted paragraph into GSM-7', () => {
    const pasted =
      '\ufeff\u201cKhẩu trang điện tử\u201d\u00a0\u2013 Bluezone\u200b:\t\u2022 miễn phí\u2009(0\u20ab)\u2026 ' +
      '\u00abCài ngay\u00bb';
    expect(unaccent(pasted)).toBe('"Khau trang dien tu" - Bluezone: - mien phi (0d)... "Cai ngay"');
    expect(isGsm7(unaccent(pasted))).toBe(true);
  });

  it('handles decomposed (NFD) input the same as precomposed (NFC)', () => {
    const nfc = 'Sở Thông tin và Truyền thông tỉnh Thái Bình: Đề nghị cài đặt ứng dụng';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(unaccent(nfd)).toBe('So Thong tin va Truyen thong tinh Thai Binh: De nghi cai dat ung dung');
    expect(unaccent(nfd)).toBe(unaccent(nfc));
  });

  it('leaves nothing outside ASCII for any Vietnamese letter', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const all = letters + letters.toUpperCase();
    for (const form of [all.normalize('NFC'), all.normalize('NFD')]) {
      expect(unaccent(form)).toMatch(/^[A-Za-z]+$/);
      expect(unaccent(form)).toHaveLength(all.normalize('NFC').length);
    }
  });
});
