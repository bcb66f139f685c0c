import { defineService, type RunningService } from '@koppel/service';
import type { PortalConfig } from './config';
import { clientBundle } from './http/client-script';
import { pagePolicy, portalRoutes } from './http/pages';

export type RunningPortal = RunningService<object>;

/**
 * The portal: the pages for schools and providers and their script. It holds no
 * data and calls no service; the browser calls intake and review itself with the
 * visitor's session token (services talk only through Kafka).
 */
export const portal = defineService<PortalConfig>({
  name: 'portal',
  infrastructure: (config) => ({ http: { port: config.PORTAL_PORT, host: config.PORTAL_HOST } }),
  setup: async (scope, config) => {
    const script = clientBundle();
    scope.logger.info('client script loaded', { bytes: script.length });
    const urls = { intakeUrl: config.PORTAL_INTAKE_URL.replace(/\/$/, ''), reviewUrl: config.PORTAL_REVIEW_URL.replace(/\/$/, '') };
    return {
      routes: (app) => portalRoutes(app, urls, script),
      health: () => ({ script: 'loaded' }),
      app: { contentSecurityPolicy: pagePolicy(config) },
      announce: () => ({ intake: urls.intakeUrl, review: urls.reviewUrl }),
    };
  },
});

export const startPortal = portal.start;
