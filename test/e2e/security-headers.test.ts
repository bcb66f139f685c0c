import { e2eContext } from './helpers';

/**
 * Issue #12: security headers came from four places and the console had none of some.
 * Every service now answers with helmet's set and its own Content-Security-Policy
 * (from `createApp` in @koppel/http); pages get theirs, JSON the strictest.
 */
describe('security headers', () => {
  const { stack } = e2eContext();

  it('come with every answer of every service', async () => {
    for (const [name, service] of Object.entries(stack.services)) {
      const res = await fetch(`${service.url}/healthz`);
      const header = (h: string) => res.headers.get(h);
      expect({ name, csp: header('content-security-policy') }).toEqual({ name, csp: expect.stringContaining("default-src 'none'") });
      expect({
        name,
        nosniff: header('x-content-type-options'),
        frame: header('x-frame-options'),
        referrer: header('referrer-policy'),
      }).toEqual({ name, nosniff: 'nosniff', frame: 'DENY', referrer: 'no-referrer' });
      expect(header('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(header('x-powered-by')).toBeNull();
    }
  });

  it('give pages the policy they need and nothing more', async () => {
    const portal = await fetch(`${stack.services.portal.url}/`);
    const portalPolicy = portal.headers.get('content-security-policy')!;
    expect(portalPolicy).toContain(`connect-src ${new URL(stack.services.intake.url).origin} ${new URL(stack.services.review.url).origin}`);
    expect(portalPolicy).toContain("script-src 'self'");
    const console = await fetch(`${stack.services.review.url}/console/sign-in`);
    const consolePolicy = console.headers.get('content-security-policy')!;
    expect(consolePolicy).toContain("style-src 'self'"); // the one stylesheet, as a file (decision 0026)
    expect(consolePolicy).not.toContain('unsafe-inline');
    const docs = await fetch(`${stack.services.intake.url}/docs`);
    expect(docs.headers.get('content-security-policy')).toContain("style-src 'unsafe-inline'");
    const api = await fetch(`${stack.services.intake.url}/openapi.json`);
    expect(api.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(api.headers.get('cache-control')).toBe('no-store');
  });
});
