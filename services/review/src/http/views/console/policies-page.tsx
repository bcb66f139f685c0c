import type { RegionName } from '../../../app/regions/province-of-postcode';
import type { PolicyDoc } from '../../../store/policies';
import type { Flash } from '../../console/flash';
import { formatters, type PageView } from '../page-view';
import { ConsolePage, FlashMessage, HeaderRow } from './console-page';
import { pct, regionLabel } from './labels';

export interface PoliciesPageInput {
  /** The policies the user may manage (all for an admin). */
  policies: PolicyDoc[];
  /** The regions the user may set a policy for. */
  regions: readonly RegionName[];
  /** Brokers are told which provinces are theirs to automate; admins manage all. */
  scopedToBroker: boolean;
  flash?: Flash;
}

function PolicyForm(props: { view: PageView; regions: readonly RegionName[] }) {
  const { view } = props;
  const c = view.copy.policies;
  return (
    <>
      <h2>{c.setHeading}</h2>
      <form method="post" action="/console/policies">
        <p>
          <label for="p-region">{c.region}</label>
          <br />
          <select id="p-region" name="region" required>
            {props.regions.map((r) => (
              <option value={r}>{regionLabel(view.copy, r)}</option>
            ))}
          </select>
        </p>
        <p>
          <label for="p-threshold">{c.threshold}</label>
          <br />
          <input id="p-threshold" name="threshold" type="number" min={0} max={100} required value="80" />
        </p>
        <p>
          <input id="p-enabled" name="enabled" type="checkbox" checked /> <label for="p-enabled">{c.enabled}</label>
        </p>
        <p>
          <button class="primary" type="submit">
            {c.save}
          </button>
        </p>
      </form>
    </>
  );
}

/** Auto-approval per region: what is on, and a form to change it; a broker sees only the provinces wholly within its regions. */
export function PoliciesPage(props: { view: PageView } & PoliciesPageInput) {
  const { view } = props;
  const c = view.copy.policies;
  const format = formatters(view.copy);
  return (
    <ConsolePage view={view} title={c.title} section="policies">
      <h1>{c.heading}</h1>
      <FlashMessage copy={view.copy} flash={props.flash} />
      <p>{c.intro}</p>
      {props.scopedToBroker ? <p>{props.regions.length ? c.brokerScope : c.brokerNone}</p> : null}
      {props.policies.length ? (
        <table>
          <caption class="visually-hidden">{c.caption}</caption>
          <thead>
            <HeaderRow headings={c.columns} />
          </thead>
          <tbody>
            {props.policies.map((p) => (
              <tr data-region={p._id}>
                <td>{regionLabel(view.copy, p._id)}</td>
                <td>{p.enabled ? c.on : c.off}</td>
                <td>{pct(p.threshold)}</td>
                <td>
                  {p.updatedBy}, {format.date(p.updatedAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{c.none}</p>
      )}
      {props.regions.length ? <PolicyForm view={view} regions={props.regions} /> : null}
    </ConsolePage>
  );
}
