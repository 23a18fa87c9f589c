import { describe, expect, it } from 'vitest';
import { checkDestination, checkUrl, isBlockedHost, type RefusalReason } from './check-url.ts';

// Every spelling here must be refused with the default policy; the reason says which rule caught it.
const refused: readonly (readonly [url: string, reason: RefusalReason])[] = [
  // IPv4 loopback in the spellings the WHATWG parser folds into 127.0.0.1
  ['http://127.0.0.1/', 'special_address'],
  ['http://127.1/', 'special_address'],
  ['http://0x7f.1/', 'special_address'],
  ['http://0x7f000001/', 'special_address'],
  ['http://2130706433/', 'special_address'],
  ['http://017700000001/', 'special_address'],
  ['http://0177.0.0.1/', 'special_address'],
  ['http://127.0.0.1./', 'special_address'],
  ['http://127.0.0.1:8080/admin', 'special_address'],
  ['http://127.255.255.254/', 'special_address'],
  ['http://%31%32%37.0.0.1/', 'special_address'],
  ['http://127.000.000.001/', 'special_address'],
  ['http://0x7f.0x0.0x0.0x1/', 'special_address'],
  ['http://0x7F.1:0080/', 'special_address'],
  ['http://１２７.０.０.１/', 'special_address'],
  ['http://127。0。0。1/', 'special_address'],
  ['HTTP://127.0.0.1/', 'special_address'],
  ['http://127.0.0.1\\@example.com/', 'special_address'],
  // localhost by name
  ['http://localhost/', 'local_name'],
  ['http://localhost./', 'local_name'],
  ['http://localhost../', 'local_name'],
  ['http://LOCALHOST/', 'local_name'],
  ['http://LocalHost:3000/', 'local_name'],
  ['http://foo.localhost/', 'local_name'],
  ['http://%6c%6f%63%61%6c%68%6f%73%74/', 'local_name'],
  ['http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/', 'local_name'],
  ['http://ｌｏｃａｌｈｏｓｔ/', 'local_name'],
  ['http://localhost\u3002/', 'local_name'],
  // IPv6 loopback, unspecified and IPv4 embeddings
  ['http://[::1]/', 'special_address'],
  ['http://[0:0:0:0:0:0:0:1]/', 'special_address'],
  ['http://[::]/', 'special_address'],
  ['http://[::ffff:127.0.0.1]/', 'special_address'],
  ['http://[::ffff:7f00:1]/', 'special_address'],
  ['http://[0:0:0:0:0:ffff:127.0.0.1]/', 'special_address'],
  ['http://[::ffff:10.0.0.1]/', 'special_address'],
  ['http://[::ffff:0:7f00:1]/', 'special_address'], // IPv4-translated
  ['http://[::127.0.0.1]/', 'special_address'], // IPv4-compatible (deprecated)
  ['http://[::8.8.8.8]/', 'special_address'], // IPv4-compatible is refused whatever it carries
  ['http://[64:ff9b::127.0.0.1]/', 'special_address'], // NAT64
  ['http://[64:ff9b::a00:1]/', 'special_address'],
  ['http://[64:ff9b:1::1]/', 'special_address'], // local-use NAT64
  ['http://[2002:7f00:1::1]/', 'special_address'], // 6to4 of 127.0.0.1
  ['http://[2002:c0a8:101::1]/', 'special_address'], // 6to4 of 192.168.1.1
  ['http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/', 'special_address'], // Teredo, client 127.0.0.1
  // private, shared, link-local, unspecified, broadcast, multicast, reserved, documentation
  ['http://0/', 'special_address'],
  ['http://0.0.0.0/', 'special_address'],
  ['http://0.1.2.3/', 'special_address'],
  ['http://10.0.0.1/', 'special_address'],
  ['http://10.255.255.255/', 'special_address'],
  ['http://172.16.0.1/', 'special_address'],
  ['http://172.31.255.255/', 'special_address'],
  ['http://192.168.0.1/', 'special_address'],
  ['http://192.168.255.255/', 'special_address'],
  ['http://100.64.0.1/', 'special_address'],
  ['http://100.127.255.254/', 'special_address'],
  ['http://169.254.0.1/', 'special_address'],
  ['http://224.0.0.1/', 'special_address'],
  ['http://239.255.255.250/', 'special_address'],
  ['http://255.255.255.255/', 'special_address'],
  ['http://240.0.0.1/', 'special_address'],
  ['http://192.0.0.8/', 'special_address'],
  ['http://192.0.2.1/', 'special_address'],
  ['http://198.51.100.7/', 'special_address'],
  ['http://203.0.113.9/', 'special_address'],
  ['http://198.18.0.1/', 'special_address'],
  ['http://198.19.255.255/', 'special_address'],
  ['http://192.88.99.1/', 'special_address'],
  ['http://[fe80::1]/', 'special_address'],
  ['http://[febf::1]/', 'special_address'],
  ['http://[fc00::1]/', 'special_address'],
  ['http://[fd12:3456:789a::1]/', 'special_address'],
  ['http://[fec0::1]/', 'special_address'],
  ['http://[ff02::1]/', 'special_address'],
  ['http://[100::1]/', 'special_address'],
  ['http://[2001:db8::1]/', 'special_address'],
  ['http://[2001:2::1]/', 'special_address'],
  ['http://[3fff::1]/', 'special_address'],
  ['http://[5f00::1]/', 'special_address'],
  ['http://[4000::1]/', 'special_address'],
  // cloud metadata, by address in any spelling and by name
  ['http://169.254.169.254/latest/meta-data/', 'metadata'],
  ['http://0251.0376.0251.0376/', 'metadata'],
  ['http://0xa9fea9fe/', 'metadata'],
  ['http://2852039166/', 'metadata'],
  ['http://169.254.43518/', 'metadata'],
  ['http://[::ffff:169.254.169.254]/', 'metadata'],
  ['http://[::ffff:a9fe:a9fe]/', 'metadata'],
  ['http://[64:ff9b::a9fe:a9fe]/', 'metadata'],
  ['http://169.254.170.2/v2/credentials', 'metadata'],
  ['http://100.100.100.200/latest/meta-data/', 'metadata'],
  ['http://[fd00:ec2::254]/', 'metadata'],
  ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
  ['http://metadata.google.internal./', 'metadata'],
  ['http://METADATA.Google.Internal/', 'metadata'],
  ['http://metadata.goog/', 'metadata'],
  ['http://metadata/', 'metadata'],
  ['http://instance-data/', 'metadata'],
  ['http://instance-data.ec2.internal/', 'metadata'],
  ['http://metadata.tencentyun.com/', 'metadata'],
  // private-network names
  ['http://foo.internal/', 'local_name'],
  ['http://host.docker.internal:8080/', 'local_name'],
  ['http://printer.local/', 'local_name'],
  ['http://nas.home.arpa/', 'local_name'],
  ['http://kubernetes.default.svc/', 'local_name'],
  ['http://intranet/', 'local_name'],
  ['http://router./', 'local_name'],
  ['http://127.0.0.1.nip.io/', 'local_name'],
  ['http://7f000001.a9fea9fe.rbndr.us/', 'local_name'],
  ['http://localtest.me/', 'local_name'],
  // schemes, credentials, malformed
  ['file:///etc/passwd', 'scheme_not_allowed'],
  ['ftp://example.com/', 'scheme_not_allowed'],
  ['gopher://example.com:70/_', 'scheme_not_allowed'],
  ['ws://example.com/', 'scheme_not_allowed'],
  ['javascript:alert(1)', 'scheme_not_allowed'],
  ['data:text/plain,hello', 'scheme_not_allowed'],
  ['http://user:secret@example.com/', 'credentials_in_url'],
  ['http://user@example.com/', 'credentials_in_url'],
  ['http://127.0.0.1:80@example.com/', 'credentials_in_url'],
  ['http://example.com:25/', 'port_not_allowed'],
  ['https://example.com:6667/', 'port_not_allowed'],
  ['http://example.com:0/', 'port_not_allowed'],
  ['not a url', 'invalid_url'],
  ['//example.com/path', 'invalid_url'],
  ['', 'invalid_url'],
  ['http://999.1.1.1/', 'invalid_url'],
  ['http://1.2.3.4.5/', 'invalid_url'],
  ['http://[::1/', 'invalid_url'],
  ['http://exa%2fmple.com/', 'invalid_url'],
];

const allowed: readonly string[] = [
  'https://api.example.com/v1/orders?id=1',
  'http://93.184.216.34/',
  'http://8.8.8.8/',
  'https://1.1.1.1/dns-query',
  'https://example.com:8443/path',
  'http://example.com:8080/',
  'http://example.com:3000/',
  'http://example.com:443/',
  'https://EXAMPLE.com./',
  'https://bücher.de/',
  'http://localhost.example.com/',
  'http://internal.example.com/',
  'http://[2606:4700:4700::1111]/',
  'http://[::ffff:8.8.8.8]/',
  'http://[64:ff9b::808:808]/',
  'http://[2002:808:808::1]/',
  'http://100.63.255.255/',
  'http://100.128.0.0/',
  'http://172.15.255.255/',
  'http://172.32.0.0/',
  'http://169.253.255.255/',
  'http://169.255.0.0/',
  'http://192.169.0.1/',
  'http://11.0.0.1/',
  'http://223.255.255.255/',
  'http://@example.com/',
];

describe('checkUrl', () => {
  it.each(refused)('refuses %s (%s)', (url, reason) => {
    const checked = checkUrl(url);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toBe(reason);
  });

  it.each(allowed)('allows %s', (url) => {
    expect(checkUrl(url)).toMatchObject({ ok: true });
  });

  it('returns the normalised URL to request, not the caller’s spelling', () => {
    const checked = checkUrl('HTTPS://EXAMPLE.COM.:443/a/../b?q=1#frag');
    expect(checked.ok && checked.url.href).toBe('https://example.com./b?q=1#frag');
  });

  it('says what was refused and why, naming the origin but no path, query or credentials', () => {
    const metadata = checkUrl('http://169.254.169.254/latest/meta-data/iam?token=s3cr3t');
    expect(metadata).toMatchObject({
      ok: false,
      message:
        'Refused http://169.254.169.254: 169.254.169.254 is a cloud metadata address; pipelines may only reach hosts on the public internet.',
    });
    const credentials = checkUrl('https://admin:hunter2@example.com/x');
    expect(credentials.ok).toBe(false);
    if (!credentials.ok) {
      expect(credentials.message).toContain('https://example.com');
      expect(credentials.message).not.toMatch(/hunter2|admin/);
    }
    const mapped = checkUrl('http://[::ffff:127.0.0.1]/');
    expect(!mapped.ok && mapped.message).toContain(
      '[::ffff:7f00:1] is a loopback address (127.0.0.1 in IPv4-mapped form)',
    );
  });

  it('with allowPrivate reaches the developer’s own machines, never metadata or link-local', () => {
    const policy = { allowPrivate: true };
    for (const url of [
      'http://127.0.0.1:8787/',
      'http://localhost:3000/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://10.1.2.3/',
      'http://192.168.1.20/',
      'http://100.64.0.7/',
      'http://[fd12::1]/',
      'http://host.docker.internal/',
      'http://fake-model/',
    ])
      expect(checkUrl(url, policy), url).toMatchObject({ ok: true });
    for (const url of [
      'http://169.254.169.254/',
      'http://100.100.100.200/',
      'http://[fd00:ec2::254]/',
      'http://metadata.google.internal/',
      'http://metadata/',
      'http://169.254.1.1/',
      'http://[fe80::1]/',
      'http://0.0.0.0/',
      'http://224.0.0.1/',
      'http://255.255.255.255/',
      'file:///etc/passwd',
    ])
      expect(checkUrl(url, policy), url).toMatchObject({ ok: false });
  });

  it('denyHosts refuses exact hosts and *.suffix subdomains', () => {
    const policy = { denyHosts: ['bad.example.org', '*.evil.test', 'BÜCHER.de.'] };
    expect(checkUrl('https://bad.example.org/', policy)).toMatchObject({ ok: false, reason: 'host_denied' });
    expect(checkUrl('https://BAD.example.org./', policy)).toMatchObject({ ok: false, reason: 'host_denied' });
    expect(checkUrl('https://a.b.evil.test/', policy)).toMatchObject({ ok: false, reason: 'host_denied' });
    expect(checkUrl('https://xn--bcher-kva.de/', policy)).toMatchObject({ ok: false, reason: 'host_denied' });
    expect(checkUrl('https://evil.test/', policy)).toMatchObject({ ok: true });
    expect(checkUrl('https://notevil.test/', policy)).toMatchObject({ ok: true });
    expect(checkUrl('https://good.example.org/', policy)).toMatchObject({ ok: true });
  });

  it('allowHosts narrows what may be reached and never opens a special address', () => {
    const policy = { allowHosts: ['api.example.com', '*.trusted.dev', '127.0.0.1', '2130706434'] };
    expect(checkUrl('https://api.example.com/x', policy)).toMatchObject({ ok: true });
    expect(checkUrl('https://eu.trusted.dev/x', policy)).toMatchObject({ ok: true });
    expect(checkUrl('https://trusted.dev/x', policy)).toMatchObject({
      ok: false,
      reason: 'host_not_allowed',
    });
    expect(checkUrl('https://example.com/', policy)).toMatchObject({ ok: false, reason: 'host_not_allowed' });
    expect(checkUrl('http://127.0.0.1/', policy)).toMatchObject({ ok: false, reason: 'special_address' });
    expect(checkUrl('http://127.0.0.2/', policy)).toMatchObject({ ok: false, reason: 'special_address' });
    expect(checkUrl('http://127.0.0.1/', { ...policy, allowPrivate: true })).toMatchObject({ ok: true });
  });

  it('rejects a policy that makes no sense instead of guessing', () => {
    expect(() => checkUrl('https://example.com/', { maxResponseBytes: 0 })).toThrow(RangeError);
    expect(() => checkUrl('https://example.com/', { maxTimeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => checkUrl('https://example.com/', { maxRedirects: -1 })).toThrow(RangeError);
    expect(checkUrl('https://example.com/', { maxRedirects: 0 })).toMatchObject({ ok: true });
  });

  it('rejects a host list entry that is not a host instead of ignoring it', () => {
    expect(() => checkUrl('https://example.com/', { denyHosts: ['https://evil.test/path'] })).toThrow(
      /denyHosts entry/,
    );
    expect(() => checkUrl('https://example.com/', { allowHosts: [''] })).toThrow(/allowHosts entry/);
  });
});

describe('isBlockedHost', () => {
  it.each([
    '127.1',
    '0x7f.1',
    '2130706433',
    '::1',
    '[::1]',
    '::ffff:127.0.0.1',
    'localhost.',
    'LOCALHOST',
    '169.254.169.254:80',
    'metadata.google.internal',
    '100.100.100.200',
    'fd00:ec2::254',
    '',
    ' ',
    'a/b',
    'user@example.com',
    'example.com/../127.0.0.1',
  ])('blocks %j', (host) => {
    expect(isBlockedHost(host)).toBe(true);
  });

  it.each(['example.com', 'api.example.com:8443', '93.184.216.34', '2606:4700:4700::1111', 'bücher.de'])(
    'lets %j through',
    (host) => {
      expect(isBlockedHost(host)).toBe(false);
    },
  );

  it('applies the policy', () => {
    expect(isBlockedHost('127.0.0.1', { allowPrivate: true })).toBe(false);
    expect(isBlockedHost('example.com', { denyHosts: ['example.com'] })).toBe(true);
  });
});

describe('checkDestination with a resolver', () => {
  const resolveTo = (addresses: readonly string[]) => async () => addresses;

  it('refuses a public name that resolves to a special address', async () => {
    const checked = await checkDestination('https://rebind.example.com/x', {
      resolve: resolveTo(['93.184.216.34', '10.0.0.5']),
    });
    expect(checked).toMatchObject({ ok: false, reason: 'special_address' });
    expect(!checked.ok && checked.message).toContain('rebind.example.com resolves to 10.0.0.5');
    expect(
      await checkDestination('https://a.example.com/', { resolve: resolveTo(['::ffff:169.254.169.254']) }),
    ).toMatchObject({ ok: false, reason: 'metadata' });
  });

  it('accepts a name whose every address is public, and private ones only with allowPrivate', async () => {
    expect(
      await checkDestination('https://a.example.com/', {
        resolve: resolveTo(['93.184.216.34', '2606:4700::1']),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await checkDestination('http://dev.example.com/', {
        allowPrivate: true,
        resolve: resolveTo(['127.0.0.1']),
      }),
    ).toMatchObject({ ok: true });
  });

  it('fails closed when the name does not resolve', async () => {
    const failing = async () => {
      throw new Error('SERVFAIL');
    };
    expect(await checkDestination('https://a.example.com/', { resolve: failing })).toMatchObject({
      ok: false,
      reason: 'unresolvable',
    });
    expect(await checkDestination('https://a.example.com/', { resolve: resolveTo([]) })).toMatchObject({
      ok: false,
      reason: 'unresolvable',
    });
    expect(
      await checkDestination('https://a.example.com/', { resolve: resolveTo(['not-an-ip']) }),
    ).toMatchObject({
      ok: false,
      reason: 'unresolvable',
    });
  });

  it('does not resolve address literals or refused names', async () => {
    let calls = 0;
    const resolve = async () => {
      calls += 1;
      return ['93.184.216.34'];
    };
    expect(await checkDestination('http://8.8.8.8/', { resolve })).toMatchObject({ ok: true });
    expect(await checkDestination('http://localhost/', { resolve })).toMatchObject({ ok: false });
    expect(calls).toBe(0);
  });
});
