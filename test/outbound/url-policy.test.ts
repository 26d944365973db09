import { guardedLookup, isRefusedAddress, refusedUrlReason } from '../../lib/outbound/url-policy';

const closed = { allowPrivateNetworks: false };

describe('the outbound URL policy', () => {
  it.each([
    '127.0.0.1', '127.255.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.100.100.200',
    '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', '::ffff:127.0.0.1', '::ffff:a9fe:a9fe', '64:ff9b::a00:1',
    // IPv4-compatible, IPv4-translated, local-use NAT64, site-local, Teredo, 6to4 and documentation forms
    '::127.0.0.1', '::7f00:1', '::ffff:0:7f00:1', '64:ff9b:1::a00:1', 'fec0::1', '2001::5efe:7f00:1', '2002:7f00:1::', '2001:db8::1',
  ])('refuses %s', (address) => {
    expect(isRefusedAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(isRefusedAddress(address)).toBe(false);
  });

  it('refuses other schemes, credentials and refused names; allows them all when private networks are allowed', () => {
    expect(refusedUrlReason(new URL('ftp://example.com/hook'), closed)).toMatch(/http/);
    expect(refusedUrlReason(new URL('https://user:pass@example.com/hook'), closed)).toMatch(/Credentials/);
    expect(refusedUrlReason(new URL('http://localhost:8080/hook'), closed)).toMatch(/localhost/);
    expect(refusedUrlReason(new URL('http://metadata.google.internal/computeMetadata/v1/'), closed)).toMatch(/metadata/);
    expect(refusedUrlReason(new URL('http://[::1]:3000/'), closed)).toMatch(/::1/);
    expect(refusedUrlReason(new URL('http://[::127.0.0.1]/'), closed)).toMatch(/not a public address/);
    expect(refusedUrlReason(new URL('http://[::ffff:0:7f00:1]/'), closed)).toMatch(/not a public address/);
    expect(refusedUrlReason(new URL('javascript:alert(1)'), closed)).toMatch(/http/);
    expect(refusedUrlReason(new URL('https://hooks.example.com/taskwright'), closed)).toBeUndefined();
    expect(refusedUrlReason(new URL('http://127.0.0.1:9/'), { allowPrivateNetworks: true })).toBeUndefined();
  });

  it('resolves names at delivery time and refuses answers in refused ranges', async () => {
    const lookup = (allowPrivateNetworks: boolean) =>
      new Promise<{ error: NodeJS.ErrnoException | null; address: unknown }>((resolve) =>
        guardedLookup({ allowPrivateNetworks })('localhost', { family: 4 }, (error, address) => resolve({ error, address })),
      );
    const refused = await lookup(false);
    expect(refused.error?.code).toBe('EREFUSEDADDRESS');
    // The refusal names no address: which internal address a name resolves to is not the caller's to learn.
    expect(refused.error?.message).not.toContain('127.0.0.1');
    expect(refused.error?.message).toContain('localhost');
    expect(await lookup(true)).toEqual({ error: null, address: '127.0.0.1' });
  });
});
