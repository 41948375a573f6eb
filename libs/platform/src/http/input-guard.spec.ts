import { inspectInput, isUnstorableString, MAX_JSON_DEPTH, refuseBadInput } from './input-guard';

describe(isUnstorableString.name, () => {
  it.each([
    ['NUL', 'a\u0000b', true],
    ['a lone high surrogate', 'a\uD800', true],
    ['a lone low surrogate', '\uDC00b', true],
    ['a pair', '🙂', false],
    ['Chinese', '困难家庭', false],
  ])('%s', (_name, text, unstorable) => {
    expect(isUnstorableString(text)).toBe(unstorable);
  });
});

describe(inspectInput.name, () => {
  const nest = (depth: number) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('finds bad strings in values and keys at any depth, by path', () => {
    expect(
      inspectInput({ name: 'ok', members: [{ name: 'x\u0000' }], answers: { ['\uD800']: 1 } })
        .unstorable,
    ).toEqual(expect.arrayContaining(['members[0].name', 'answers.\uD800']));
  });

  it('allows the limit and refuses beyond it, without recursion at 100,000 levels', () => {
    expect(inspectInput(nest(MAX_JSON_DEPTH)).tooDeep).toBe(false);
    expect(inspectInput(nest(MAX_JSON_DEPTH + 1)).tooDeep).toBe(true);
    expect(inspectInput(nest(100_000)).tooDeep).toBe(true);
  });

  it('does not enter class instances such as a streamed body', () => {
    class Stream {
      text = '\u0000';
    }
    expect(inspectInput(new Stream())).toEqual({ tooDeep: false, unstorable: [] });
  });
});

describe(refuseBadInput.name, () => {
  it('refuses NUL in a query value as VALIDATION_FAILED naming it', () => {
    const query = Object.assign(Object.create(Object.create(null)), { q: 'a\u0000' });
    expect(() => refuseBadInput({ params: {}, query, body: undefined })).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'q', constraint: 'storableText', message: expect.any(String) }],
      }),
    );
  });

  it('refuses a body nested too deep as BAD_REQUEST', () => {
    const body = JSON.parse('['.repeat(1000) + ']'.repeat(1000));
    expect(() => refuseBadInput({ params: {}, query: {}, body })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
  });
});
