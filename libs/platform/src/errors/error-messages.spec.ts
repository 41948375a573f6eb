import { resolveLanguage } from './error-messages';

describe(resolveLanguage.name, () => {
  it.each([
    [undefined, undefined, 'zh-CN'],
    [undefined, 'en', 'en'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'fr-FR, de;q=0.8', 'zh-CN'],
    [undefined, 'fr, en;q=0.5', 'en'],
    [undefined, 'en;q=0.4, zh;q=0.8', 'zh-CN'],
    [undefined, 'zh-Hans-CN', 'zh-CN'],
    [undefined, '*', 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    ['zh-CN', 'en', 'zh-CN'],
    ['xx', 'en', 'en'],
    [['en'], undefined, 'zh-CN'],
  ])('?lang=%p with Accept-Language %p answers %s', (query, header, expected) => {
    expect(resolveLanguage(query, header)).toBe(expected);
  });
});
