import { type Express, type NextFunction, type Request, type Response, Router } from 'express';
import { pageLanguageOf, type PolicyDirectives, rememberPageLanguage, renderPage } from '@koppel/http';
import type { Child } from 'hono/jsx';
import type { PortalConfig } from '../config';
import { CataloguePage, OfferPage } from './views/catalogue-pages';
import { PORTAL_CSS } from './views/layout';
import { HomePage, type PageContext, ProviderPage, SchoolPage, SignInPage } from './views/portal-pages';
import { ConfirmSignUpPage, SignUpPage } from './views/sign-up-pages';

/**
 * Pages only: the browser may connect to intake and review (and nothing else),
 * scripts and styles come from this origin, nothing may frame the pages.
 */
export function pagePolicy(config: PortalConfig): PolicyDirectives {
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

const PAGES: Record<string, (context: PageContext) => Child> = {
  '/': (context) => <HomePage {...context} />,
  '/aanmelden': (context) => <SignInPage {...context} />,
  '/school': (context) => <SchoolPage {...context} />,
  '/aanbieder': (context) => <ProviderPage {...context} />,
  '/aanbod': (context) => <CataloguePage {...context} />,
  '/aanbod/:id': (context) => <OfferPage {...context} />,
  '/registreren': (context) => <SignUpPage {...context} />,
  '/registreren/bevestigen': (context) => <ConfirmSignUpPage {...context} />,
};

/** The portal's pages, its stylesheet and its browser script (`script`: the built dist/client.js). */
export function portalRoutes(app: Express, urls: Pick<PageContext, 'intakeUrl' | 'reviewUrl'>, script: string): void {
  const router = Router();
  router.use(pageHeaders());
  router.use(rememberPageLanguage());
  // Rendered per request: the language (?lang=, the remembered cookie, Accept-Language) and the switcher's links depend on it.
  for (const [path, render] of Object.entries(PAGES)) {
    router.get(path, (req, res) => {
      const page = render({ ...urls, lang: pageLanguageOf(req), path: req.originalUrl });
      res.type('html').send(renderPage(page));
    });
  }
  router.get('/portal.js', (_req, res) => void res.type('application/javascript').send(script));
  router.get('/portal.css', (_req, res) => void res.type('text/css').send(PORTAL_CSS));
  app.use(router);
}
