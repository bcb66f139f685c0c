import { type Request, type Response, Router } from 'express';
import { z } from 'zod';
import type { Logger } from '@koppel/logging';
import { cookieValue, renderPage } from '@koppel/http';
import { endConsoleSession, startConsoleSession } from '../../app/console-sessions';
import type { ConsoleSessions } from '../../store/console-sessions';
import { pageViewOf } from '../page-view';
import { SIGN_IN_SCRIPT } from '../views/sign-in/sign-in-script';
import { CallbackPage, NoScriptPage, SignInPage } from '../views/sign-in/sign-in-pages';
import { clearedSessionCookie, SESSION_COOKIE, sessionCookie } from './console-session';

export interface SignInOptions {
  /** AUTH_TOKEN_SECRET: verifies the session tokens intake issues. */
  secret: string;
  /** Intake as the browser reaches it. */
  intakeUrl: string;
  secureCookie: boolean;
  sessions: ConsoleSessions;
  logger: Logger;
}

const SessionBody = z.object({ token: z.string().min(1).max(8192) }).strict();
const SignInQuery = z.object({ reason: z.enum(['invalid', 'role', 'signed-out']).optional().catch(undefined) });

/**
 * The console's sign-in, mounted under /console before the session guard:
 * the email form, the callback page the mailed link opens, the hand-over of
 * the session token (`POST /console/session`) and sign-out.
 */
export function signInRoutes(options: SignInOptions): Router {
  const router = Router();

  router.get('/sign-in', (req, res) => {
    const reason = SignInQuery.parse(req.query).reason;
    res.type('html').send(renderPage(<SignInPage view={pageViewOf(req)} intakeUrl={options.intakeUrl} reason={reason} />));
  });
  router.get('/sign-in/callback', (req, res) => {
    // The page's address holds a one-time token: no caching, and no referrer (createApp sets no-referrer).
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(renderPage(<CallbackPage view={pageViewOf(req)} intakeUrl={options.intakeUrl} />));
  });
  router.post(['/sign-in', '/sign-in/callback'], (req, res) => {
    res
      .status(400)
      .type('html')
      .send(renderPage(<NoScriptPage view={pageViewOf(req)} />));
  });
  router.get('/sign-in/script.js', (_req, res) => {
    res.type('application/javascript').send(SIGN_IN_SCRIPT);
  });

  router.post('/session', async (req, res) => {
    // JSON only: a cross-site form cannot send it without a CORS preflight, so no one can plant their session in a broker's browser.
    if (!req.is('application/json')) return res.status(415).json({ title: 'JSON expected' });
    const body = SessionBody.safeParse(req.body);
    if (!body.success) return res.status(400).json({ title: 'Bad request', detail: 'Send {"token": "<session token>"}.' });
    const session = await startConsoleSession(options.sessions, body.data.token, options.secret);
    if (!session.ok) {
      options.logger.warn('console sign-in refused', { reason: session.reason });
      return res.status(session.reason === 'role' ? 403 : 401).json({ title: session.reason === 'role' ? 'Forbidden' : 'Unauthorized' });
    }
    res.setHeader('Set-Cookie', sessionCookie(session.sessionId, session.claims, { secure: secureFor(req, options.secureCookie) }));
    res.setHeader('Cache-Control', 'no-store');
    options.logger.info('console session started', { role: session.claims.role, org: session.claims.org, jti: session.claims.jti });
    res.status(204).end();
  });

  const signOut = async (req: Request, res: Response) => {
    const sessionId = cookieValue(req.get('cookie'), SESSION_COOKIE);
    if (sessionId) await endConsoleSession(options.sessions, sessionId);
    res.setHeader('Set-Cookie', clearedSessionCookie(secureFor(req, options.secureCookie)));
    res.redirect(303, '/console/sign-in?reason=signed-out');
  };
  router.get('/sign-out', signOut);
  router.post('/sign-out', signOut);
  return router;
}

/**
 * Whether the session cookie is `Secure`: always when configured, and whenever the
 * console is reached by another name than this machine's (a browser sends a Secure
 * cookie over HTTPS only, localhost excepted), so a deployment cannot leak the
 * session over plain HTTP by forgetting CONSOLE_COOKIE_SECURE (issue #11).
 */
export function secureFor(req: { hostname: string }, configured: boolean): boolean {
  return configured || !['localhost', '127.0.0.1', '::1', '[::1]'].includes(req.hostname);
}
