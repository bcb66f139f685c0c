import type { Request } from 'express';
import { pageLanguageOf } from '@koppel/http';
import { type PageView, pageView } from './views/page-view';

/** The view of a request: its language by the shared negotiation (?lang=, cookie, Accept-Language, Dutch). */
export function pageViewOf(req: Pick<Request, 'query' | 'headers' | 'originalUrl'>): PageView {
  return pageView(pageLanguageOf(req), req.originalUrl);
}
