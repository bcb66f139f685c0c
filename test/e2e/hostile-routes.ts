import type { HostileRoute } from '@koppel/testkit';

/** Every operation intake describes in its OpenAPI document, and its unlisted endpoints. */
export async function intakeRoutes(intakeUrl: string): Promise<HostileRoute[]> {
  const document = (await (await fetch(`${intakeUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes: HostileRoute[] = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => ['get', 'post', 'put', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase() as HostileRoute['method'], path })),
  );
  return [...routes, ...['/healthz', '/readyz', '/metrics', '/openapi.json', '/docs'].map((path) => ({ method: 'GET' as const, path }))];
}

/** Every route review serves: the JSON API, the answer links, the suggestions and the console (with a session). */
export const REVIEW_ROUTES: HostileRoute[] = [
  { method: 'GET', path: '/proposals' },
  { method: 'GET', path: '/proposals/{id}' },
  { method: 'POST', path: '/proposals/{id}/approve' },
  { method: 'POST', path: '/proposals/{id}/reject' },
  { method: 'POST', path: '/proposals/bulk-approve' },
  { method: 'GET', path: '/suggestions' },
  { method: 'POST', path: '/suggestions/{id}/answer' },
  { method: 'GET', path: '/answers/{token}' },
  { method: 'POST', path: '/answers/{token}' },
  { method: 'GET', path: '/console' },
  { method: 'GET', path: '/console/sign-in' },
  { method: 'POST', path: '/console/sign-in' },
  { method: 'GET', path: '/console/sign-in/callback' },
  { method: 'POST', path: '/console/session' },
  { method: 'GET', path: '/console/proposals/{id}' },
  { method: 'POST', path: '/console/proposals/{id}/note' },
  { method: 'POST', path: '/console/proposals/{id}/approve' },
  { method: 'POST', path: '/console/proposals/{id}/reject' },
  { method: 'POST', path: '/console/proposals/{id}/mails/{recipient}/{kind}/resend' },
  { method: 'GET', path: '/console/mails' },
  { method: 'GET', path: '/console/policies' },
  { method: 'POST', path: '/console/policies' },
  { method: 'GET', path: '/console/insights' },
  { method: 'GET', path: '/console/insights.csv' },
  { method: 'GET', path: '/console/sign-ups' },
  { method: 'POST', path: '/console/sign-ups/{id}/approve' },
  { method: 'POST', path: '/console/sign-ups/{id}/reject' },
  { method: 'GET', path: '/insights/summary' },
  { method: 'GET', path: '/insights/demand' },
  { method: 'GET', path: '/koppel.css' },
  { method: 'GET', path: '/openapi.json' },
  { method: 'GET', path: '/healthz' },
  { method: 'GET', path: '/readyz' },
];
