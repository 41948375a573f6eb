import { isInternalAddress, urlProblem } from './url-guard';

describe('webhook URL guard', () => {
  it.each([
    'http://127.0.0.1/',
    'http://10.0.0.1/',
    'http://[::1]/',
    'http://169.254.169.254/latest/meta-data',
    'http://192.168.1.1/',
    'http://172.16.0.5/',
    'http://[::ffff:127.0.0.1]/',
    'http://localhost:8080/',
    'http://0.0.0.0/',
  ])('refuses the internal %s', (url) => {
    expect(urlProblem(url, false)).toMatch(/internal/);
  });

  it.each(['ftp://example.com/', 'file:///etc/passwd', 'gopher://x/', 'not a url'])(
    'refuses %s',
    (url) => expect(urlProblem(url, false)).not.toBeNull(),
  );

  it('accepts public http(s) URLs, and internal ones when an admin allowed them', () => {
    expect(urlProblem('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', false)).toBeNull();
    expect(urlProblem('http://93.184.216.34/hook', false)).toBeNull();
    expect(urlProblem('http://127.0.0.1:9999/', true)).toBeNull();
  });

  it('judges resolved addresses', () => {
    expect(isInternalAddress('8.8.8.8')).toBe(false);
    expect(isInternalAddress('fd00::1')).toBe(true);
    expect(isInternalAddress('fe80::1')).toBe(true);
    expect(isInternalAddress('2606:4700::1111')).toBe(false);
  });
});
