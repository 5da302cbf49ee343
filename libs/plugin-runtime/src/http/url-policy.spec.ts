import { HttpPermissionError, hostAllowed } from './index.js';
import { checkUrl } from './url-policy.js';

describe('hostAllowed', () => {
  const allowed = ['hooks.slack.com', '*.example.com'];

  it.each(['hooks.slack.com', 'HOOKS.Slack.com', 'hooks.slack.com.', 'api.example.com', 'a.b.example.com'])('allows %s', (host) =>
    expect(hostAllowed(host, allowed)).toBe(true),
  );

  it.each([
    ['the apex of a wildcard', 'example.com'],
    ['a look-alike suffix', 'evilexample.com'],
    ['a sibling', 'slack.com'],
    ['a subdomain of an exact entry', 'x.hooks.slack.com'],
    ['an allowed name as a prefix', 'hooks.slack.com.evil.net'],
    ['empty', ''],
  ])('refuses %s (%s)', (_what, host) => expect(hostAllowed(host, allowed)).toBe(false));

  it.each(['127.0.0.1', '127.1', '2130706433', '0x7f.1', '[::1]', '::1', '1.2.3.4'])('never matches the IP literal %s, even when listed', (host) =>
    expect(hostAllowed(host, [host, '127.0.0.1', '[::1]', '*.0.1', '*.1'])).toBe(false),
  );

  it('ignores malformed entries', () => {
    expect(hostAllowed('api.example.com', ['*', '*.', 'api.*.com', 'api.example.com:443'])).toBe(false);
  });

  it('matches only hosts a manifest may ask for (isHttpHost), on both sides', () => {
    expect(hostAllowed('api.example.com', ['*.com'])).toBe(false);
    expect(hostAllowed('*.example.com', ['*.example.com'])).toBe(false);
    for (const host of ['localhost', 'printer.local', 'db.corp.internal']) expect(hostAllowed(host, [host, '*.local', '*.corp.internal'])).toBe(false);
  });
});

describe('checkUrl', () => {
  const refusal = (raw: string) => {
    try {
      checkUrl(new URL(raw), ['hooks.example.com']);
    } catch (error) {
      if (error instanceof HttpPermissionError) return { code: error.code, url: error.url, message: error.message };
      throw error;
    }
    return undefined;
  };

  it.each(['http://hooks.example.com/', 'https://hooks.example.com:443/x?y=1', 'http://hooks.example.com:443/', 'https://hooks.example.com:8443/', 'http://hooks.example.com:65535/'])(
    'lets %s through',
    (raw) => expect(refusal(raw)).toBeUndefined(),
  );

  it.each(['file:///etc/passwd', 'ftp://hooks.example.com/', 'data:text/plain,hi', 'javascript:alert(1)', 'ws://hooks.example.com/', 'gopher://hooks.example.com/'])(
    'refuses the scheme of %s',
    (raw) => expect(refusal(raw)?.code).toBe('SCHEME_NOT_ALLOWED'),
  );

  it('refuses credentials in the URL without echoing them', () => {
    const refused = refusal('https://admin:s3cret@hooks.example.com/');
    expect(refused?.code).toBe('CREDENTIALS_IN_URL');
    expect(refused?.url).toBe('https://hooks.example.com/');
    expect(refused?.message).not.toContain('s3cret');
    expect(refusal('https://admin@hooks.example.com/')?.code).toBe('CREDENTIALS_IN_URL');
  });

  it.each(['http://hooks.example.com:22/', 'http://hooks.example.com:25/', 'https://hooks.example.com:1023/', 'http://hooks.example.com:0/'])('refuses the port of %s', (raw) =>
    expect(refusal(raw)?.code).toBe('PORT_NOT_ALLOWED'),
  );

  it('says how to get a refused host allowed, when it can be', () => {
    expect(refusal('https://api.other.com/')?.message).toBe(
      'http.fetch refused: api.other.com is not an allowed host for this plugin; the manifest must ask for "http:api.other.com" and the install must grant it',
    );
    expect(refusal('http://10.0.0.1/')?.message).toContain('only public DNS names can be allowed');
  });

  it('normalises odd IPv4 forms before the allow-list sees them', () => {
    expect(refusal('http://2130706433/')).toMatchObject({ code: 'HOST_NOT_ALLOWED', url: 'http://127.0.0.1/' });
  });
});
