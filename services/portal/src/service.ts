import type { Server } from 'node:http';
import type { Request, Response, NextFunction } from 'express';
import {
  closeServer,
  createApp,
  finishApp,
  listen,
  pageLanguageOf,
  rememberPageLanguage,
  serverUrl,
  type PolicyDirectives,
} from '@koppel/http';
import type { Logger } from '@koppel/logging';
import { clientBundle } from './client-bundle';
import type { PortalConfig } from './config';
import { PORTAL_CSS } from './pages/layout';
import { homePage, providerPage, schoolPage, signInPage, type PageContext } from './pages/portal-pages';

export interface RunningPortal {
  url: string;
  stop(): Promise<void>;
}

/**
 * Pages only: the browser may connect to intake and review (and nothing else),
 * scripts and styles come from this origin, nothing may frame the pages.
 */
function pagePolicy(config: PortalConfig): PolicyDirectives {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    'connect-src': [new URL(config.PORTAL_INTAKE_URL).origin, new URL(config.PORTAL_REVIEW_URL).origin],
    'form-action': ["'self'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}

/** Pages are made per visitor and language: never cached, varying by both. */
function pageHeaders() {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    // The same address answers in another language by cookie or Accept-Language.
    res.setHeader('Vary', 'Cookie, Accept-Language');
    next();
  };
}

/**
 * Starts the portal: the pages for schools and providers and their script.
 * It holds no data and calls no service; the browser calls intake and review
 * itself with the visitor's session token (services talk only through Kafka).
 */
export async function startPortal(config: PortalConfig, logger: Logger): Promise<RunningPortal> {
  const script = clientBundle();
  logger.info('client script loaded', { bytes: script.length });
  const urls = { intakeUrl: config.PORTAL_INTAKE_URL.replace(/\/$/, ''), reviewUrl: config.PORTAL_REVIEW_URL.replace(/\/$/, '') };
  const pages: Record<string, (context: PageContext) => string> = {
    '/': homePage,
    '/aanmelden': signInPage,
    '/school': schoolPage,
    '/aanbieder': providerPage,
  };

  const app = createApp({ logger, health: () => ({ script: 'loaded' }), contentSecurityPolicy: pagePolicy(config) });
  app.use(pageHeaders());
  app.use(rememberPageLanguage());
  // Rendered per request: the language (?lang=, the remembered cookie, Accept-Language) and the switcher's links depend on it.
  for (const [path, render] of Object.entries(pages)) {
    app.get(path, (req, res) => void res.type('html').send(render({ ...urls, lang: pageLanguageOf(req), path: req.originalUrl })));
  }
  app.get('/portal.js', (_req, res) => void res.type('application/javascript').send(script));
  app.get('/portal.css', (_req, res) => void res.type('text/css').send(PORTAL_CSS));
  finishApp(app, logger);
  const server: Server = await listen(app, config.PORTAL_PORT, config.PORTAL_HOST);
  const url = serverUrl(server, config.PORTAL_HOST);
  logger.info('portal listening', { url, intake: urls.intakeUrl, review: urls.reviewUrl });
  return { url, stop: () => closeServer(server) };
}
