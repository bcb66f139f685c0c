import { escapeHtml } from '@koppel/http';
import type { RegionName } from '../../../app/regions/province-of-postcode';
import type { PolicyDoc } from '../../../store/policies';
import type { Flash } from '../../console/flash';
import { formatters, type PageView } from '../page-view';
import { consolePage, flashHtml, pct, regionLabel } from './console-layout';

export interface PoliciesPageInput {
  /** The policies the user may manage (all for an admin). */
  policies: PolicyDoc[];
  /** The regions the user may set a policy for. */
  regions: readonly RegionName[];
  /** Brokers are told which provinces are theirs to automate; admins manage all. */
  scopedToBroker: boolean;
  flash?: Flash;
}

function policyForm(view: PageView, regions: readonly RegionName[]): string {
  const c = view.copy.policies;
  return `<h2>${escapeHtml(c.setHeading)}</h2>
<form method="post" action="/console/policies">
<p><label for="p-region">${escapeHtml(c.region)}</label><br><select id="p-region" name="region" required>${regions.map((r) => `<option value="${escapeHtml(r)}">${escapeHtml(regionLabel(view.copy, r))}</option>`).join('')}</select></p>
<p><label for="p-threshold">${escapeHtml(c.threshold)}</label><br><input id="p-threshold" name="threshold" type="number" min="0" max="100" required value="80"></p>
<p><input id="p-enabled" name="enabled" type="checkbox" checked> <label for="p-enabled">${escapeHtml(c.enabled)}</label></p>
<p><button class="primary" type="submit">${escapeHtml(c.save)}</button></p>
</form>`;
}

/** Auto-approval per region: what is on, and a form to change it; a broker sees only the provinces wholly within its regions. */
export function policiesPage(view: PageView, input: PoliciesPageInput): string {
  const c = view.copy.policies;
  const format = formatters(view.copy);
  const rows = input.policies
    .map(
      (p) =>
        `<tr data-region="${escapeHtml(p._id)}"><td>${escapeHtml(regionLabel(view.copy, p._id))}</td><td>${escapeHtml(p.enabled ? c.on : c.off)}</td><td>${pct(p.threshold)}</td><td>${escapeHtml(p.updatedBy)}, ${escapeHtml(format.date(p.updatedAt))}</td></tr>`,
    )
    .join('');
  const scope = input.scopedToBroker ? `<p>${escapeHtml(input.regions.length ? c.brokerScope : c.brokerNone)}</p>` : '';
  const table = `<table><caption class="visually-hidden">${escapeHtml(c.caption)}</caption><thead><tr>${Object.values(c.columns)
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  return consolePage(
    view,
    c.title,
    'policies',
    `<h1>${escapeHtml(c.heading)}</h1>
${flashHtml(view.copy, input.flash)}
<p>${escapeHtml(c.intro)}</p>
${scope}
${rows ? table : `<p class="muted">${escapeHtml(c.none)}</p>`}
${input.regions.length ? policyForm(view, input.regions) : ''}`,
  );
}
