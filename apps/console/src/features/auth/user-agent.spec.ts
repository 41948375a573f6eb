import { shortAgent } from './user-agent';

describe(shortAgent.name, () => {
  it('names the browser and the system', () => {
    expect(
      shortAgent(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/139.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome 139 · Linux');
    expect(
      shortAgent(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0',
      ),
    ).toBe('Edge 120 · Windows');
  });

  it('keeps a client that is not a browser readable, and shows a missing one as a dash', () => {
    expect(shortAgent('curl/8.5.0')).toBe('curl 8.5.0');
    expect(shortAgent(null)).toBe('—');
  });
});
