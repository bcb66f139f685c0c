import { openSealed, SealedTextSchema, sealText } from '../src/sealed';

describe('sealed text', () => {
  const secret = 'a-secret-of-at-least-thirty-two-characters';

  it('opens with the same secret, differs every time, and shows nothing of the text', () => {
    const link = 'http://127.0.0.1:8083/console/sign-in/callback?token=abcdefghijklmnop';
    const a = sealText(link, secret);
    const b = sealText(link, secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain('token');
    expect(SealedTextSchema.safeParse(a).success).toBe(true);
    expect(openSealed(a, secret)).toBe(link);
  });

  it('refuses another secret and any tampering', () => {
    const sealed = sealText('http://example.org/?token=x', secret);
    expect(() => openSealed(sealed, 'another-secret-of-thirty-two-characters')).toThrow();
    const [v, iv, data] = sealed.split('.');
    const flipped = `${v}.${iv}.${data.slice(0, -2)}${data.endsWith('AA') ? 'BA' : 'AA'}`;
    expect(() => openSealed(flipped, secret)).toThrow();
    expect(() => openSealed('v2.x.y', secret)).toThrow(/known version/);
  });
});
