import { findPlaceholders, phoneLast4, renderTemplate, TemplateError, templateBodyProblems } from './render';
import { renderZnsParams, znsMappingProblems } from './zns';

const vars = {
  name: 'Nguyễn Văn An',
  unit: 'Xã Tân Lễ',
  link: 'https://loa.example/r/AbC123xy',
  link_code: 'AbC123xy',
  brandname: 'SOTTTT',
  phone_last4: phoneLast4('84912345678'),
};

describe('renderTemplate', () => {
  it.each([
    ['Chào {{name}}', vars, false, 'Chào Nguyễn Văn An'],
    ['Chào {{name}}', vars, true, 'Chao Nguyen Van An'],
    ['{{ name }} / {{unit}}', vars, true, 'Nguyen Van An / Xa Tan Le'],
    ['Tai {{link}}', vars, true, 'Tai https://loa.example/r/AbC123xy'],
    ['{{brandname}}: so ...{{phone_last4}}', vars, true, 'SOTTTT: so ...5678'],
    ['code {{link_code}}', vars, true, 'code AbC123xy'],
    ['Chao {{name}}!', {}, true, 'Chao !'],
    ['Chao {{name|ban}}!', {}, true, 'Chao ban!'],
    ['Chao {{name | bạn }}!', { name: '' }, true, 'Chao ban!'],
    ['Chao {{name|ban}}!', { name: null }, false, 'Chao ban!'],
    ['Chao {{name|ban}}!', { name: 'Bình' }, false, 'Chao Bình!'],
    ['{{name}}{{name}}', { name: 'x' }, false, 'xx'],
    ['no placeholders', vars, false, 'no placeholders'],
  ])('%j', (body, v, unaccented, expected) => {
    expect(renderTemplate(body, v, { unaccented })).toBe(expected);
  });

  it('returns NFC even for decomposed input (fewer UCS-2 units)', () => {
    const out = renderTemplate(
      'Cài đặt {{name}}'.normalize('NFD'),
      { name: 'Hưng'.normalize('NFD') },
      { unaccented: false },
    );
    expect(out).toBe('Cài đặt Hưng'.normalize('NFC'));
  });

  it('throws on an unknown placeholder (templates are validated before they get here)', () => {
    expect(() => renderTemplate('Hi {{first_name}}', vars, { unaccented: true })).toThrow(TemplateError);
  });
});

describe('templateBodyProblems', () => {
  it.each([
    ['Cai dat tai {{link}}', []],
    ['{{name|ban}} {{unit}} {{brandname}} {{phone_last4}} {{link_code}}', []],
    ['Hi {{first_name}} {{ho_ten}}', ['unknown placeholders {{first_name}}, {{ho_ten}}']],
    ['Hi {{first_name}} {{first_name}}', ['unknown placeholder {{first_name}}']],
    ['Cai dat tai {{link}', ['not a complete placeholder']],
    ['Cai dat tai link}}', ['not a complete placeholder']],
    ['{{}}', ['not a complete placeholder']],
  ])('%j', (body, expected) => {
    const problems = templateBodyProblems(body);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(problems[i]).toContain(e));
  });

  it('finds uses with their fallbacks', () => {
    expect(findPlaceholders('{{name|ban}} {{ link }}')).toEqual([
      { raw: '{{name|ban}}', name: 'name', fallback: 'ban' },
      { raw: '{{ link }}', name: 'link', fallback: null },
    ]);
  });
});

describe('ZNS params', () => {
  it('renders each param, keeping diacritics', () => {
    expect(
      renderZnsParams(
        { name: '{{name|Quý khách}}', unit_name: '{{unit}}', link_code: '{{link_code}}' },
        { ...vars, name: '' },
      ),
    ).toEqual({ name: 'Quý khách', unit_name: 'Xã Tân Lễ', link_code: 'AbC123xy' });
  });

  it.each([
    [{ name: '{{name}}' }, []],
    [{}, ['at least one param']],
    [{ 'bad name': '{{name}}' }, ['param "bad name": name must be']],
    [{ name: '{{fullname}}' }, ['param "name": unknown placeholder {{fullname}}']],
    [{ name: '  ' }, ['param "name": value is empty']],
  ])('%j', (mapping, expected) => {
    const problems = znsMappingProblems(mapping as Record<string, string>);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(problems[i]).toContain(e));
  });
});
