import type { Server } from 'node:http';
import { type Claims, signToken } from '@koppel/auth';
import { createLogger } from '@koppel/logging';
import { authenticate, createApp, finishApp, listen, principalOf, serverUrl } from '../src';

/**
 * The one authentication middleware every service mounts: bearer tokens and console
 * session cookies, withdrawn organisations, roles; on a real express app on port 0.
 */
describe('authenticate', () => {
  const secret = 'a-test-secret-that-is-long-enough-0123456789';
  const withdrawn = new Set(['org-gone']);
  const standing = async (id: string) => !withdrawn.has(id);
  const sessions = new Map<string, Claims>();
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = createApp({ logger: createLogger('auth-test', { write: () => undefined }), health: () => ({}) });
    const who = (req: Parameters<typeof principalOf>[0], res: { json(v: unknown): void }) => res.json(principalOf(req));
    app.get('/any', authenticate({ secret, standing }), who);
    app.get('/brokers', authenticate({ secret, standing, roles: ['broker', 'admin'], messages: { role: 'Brokers only.' } }), who);
    app.get(
      '/console',
      authenticate({
        secret,
        standing,
        session: { cookie: 'koppel_console', find: async (id) => sessions.get(id) ?? null },
        refuse: (refusal, _req, res) => res.redirect(303, `/sign-in?reason=${refusal}`),
      }),
      who,
    );
    finishApp(app, createLogger('auth-test', { write: () => undefined }));
    server = await listen(app, 0, '127.0.0.1');
    url = serverUrl(server, '127.0.0.1');
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const token = (role: Claims['role'], org?: string, ttlSeconds = 600) =>
    signToken(secret, { sub: 'someone', role, org, ttlSeconds }).token;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${url}${path}`, { headers, redirect: 'manual' });

  it('lets a valid bearer token through with its claims as the principal', async () => {
    const res = await get('/any', { authorization: `Bearer ${token('provider', 'org-1')}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ role: 'provider', org: 'org-1', sub: 'someone' });
  });

  it('answers 401 with WWW-Authenticate and a problem document for a missing, forged or expired token', async () => {
    const missing = await get('/any');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="koppel"');
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const forged = await get('/any', { authorization: `Bearer ${token('admin')}x` });
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
    const expired = signToken(secret, { sub: 's', role: 'admin', ttlSeconds: 1, now: new Date(Date.now() - 60_000) }).token;
    const late = await get('/any', { authorization: `Bearer ${expired}` });
    expect(late.status).toBe(401);
    expect((await late.json()).detail).toBe('The token has expired.');
  });

  it("refuses a withdrawn organisation's token, though its signature is good", async () => {
    const res = await get('/any', { authorization: `Bearer ${token('requester', 'org-gone')}` });
    expect(res.status).toBe(401);
    expect((await res.json()).detail).toMatch(/withdrawn/);
  });

  it('answers 403 to a role the routes are not for, with the routes own words', async () => {
    const res = await get('/brokers', { authorization: `Bearer ${token('requester', 'org-1')}` });
    expect(res.status).toBe(403);
    expect((await res.json()).detail).toBe('Brokers only.');
    expect((await get('/brokers', { authorization: `Bearer ${token('broker')}` })).status).toBe(200);
  });

  it('reads a session cookie where told to, and lets the routes answer a refusal themselves', async () => {
    sessions.set('s-1', signToken(secret, { sub: 'broker@x', role: 'broker', org: 'org-b', ttlSeconds: 600 }).claims);
    const ok = await get('/console', { cookie: 'other=1; koppel_console=s-1' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).sub).toBe('broker@x');
    const none = await get('/console');
    expect(none.status).toBe(303);
    expect(none.headers.get('location')).toBe('/sign-in?reason=missing');
    const ended = await get('/console', { cookie: 'koppel_console=s-unknown' });
    expect(ended.headers.get('location')).toBe('/sign-in?reason=invalid');
    const broken = await get('/console', { cookie: 'koppel_console=%E0%A4%A' });
    expect(broken.headers.get('location')).toBe('/sign-in?reason=missing');
  });
});
