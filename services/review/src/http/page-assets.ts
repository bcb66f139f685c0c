import { Router } from 'express';
import type { PolicyDirectives } from '@koppel/http';
import { REVIEW_CSS, STYLESHEET_PATH } from './views/stylesheet';

/**
 * The Content-Security-Policy of every page review serves (console, sign-in, answer
 * pages): scripts and styles only from review itself (the sign-in script and the
 * stylesheet are files), requests only to review and intake (the sign-in pages post
 * to intake's /auth), forms only to review, never framed (issue #11).
 */
export function pageSecurityPolicy(intakeOrigin: string): PolicyDirectives {
  return {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'", intakeOrigin],
    'form-action': ["'self'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
}

/** The stylesheet as a file, the same for every page and reader: browsers may keep it for an hour (and revalidate by its ETag). */
export function stylesheetRoute(): Router {
  const router = Router();
  router.get(STYLESHEET_PATH, (_req, res) => {
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type('text/css').send(REVIEW_CSS);
  });
  return router;
}
