import { FUNNEL_STAGES, INCLUSION_ATTRIBUTES, type InsightsSummary, isFree } from '../../app/insights/figures';
import type { Inventory } from '../../app/insights/inventory';
import { type InsightTable, listingsOf } from '../views/console/insights-page';
import { ageBandLabel, declineText, reasonLines } from '../views/console/insights-words';
import { disciplineLabel, regionLabel } from '../views/console/labels';
import type { PageView } from '../views/page-view';

/** UTF-8's byte order mark: spreadsheet programs then read the file as UTF-8 (é, ë, –) instead of their local code page. */
const BOM = '\uFEFF';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text
 * starting with =, +, - or @ (or a tab or carriage return) gets a leading apostrophe, so a
 * spreadsheet shows it instead of running it as a formula (a school's title is anyone's text).
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV file: the BOM, the header row, the rows; lines end in CRLF. */
export function csvDocument(header: string[], rows: Array<Array<string | number>>): string {
  return `${BOM}${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** A table of the insights page (or the inventory) as CSV, with the page's words for headers and labels; numbers as plain digits, dates as ISO days. */
export function insightsCsv(view: PageView, table: InsightTable, summary: InsightsSummary, inventory: Inventory): string {
  const c = view.copy.insights;
  const col = c.csvColumns;
  switch (table) {
    case 'numbers':
      return csvDocument(
        [c.figure, c.count],
        [
          [c.numbers.requests, summary.requests.total],
          [c.numbers.withProposal, summary.requests.withProposal],
          [c.numbers.withoutProposal, summary.requests.withoutProposal],
          [c.numbers.activeOffers, summary.offers.active],
        ],
      );
    case 'supply-demand':
      return csvDocument(
        [c.discipline, col.ageBand, col.requests, col.offers],
        summary.supplyDemand.map((cell) => [
          disciplineLabel(view, cell.discipline),
          ageBandLabel(view, cell.ageBand),
          cell.requests,
          cell.offers,
        ]),
      );
    case 'municipalities': {
      const m = c.municipalitiesColumns;
      return csvDocument(
        [m.municipality, m.region, m.requests, m.offers, m.gap],
        summary.municipalities.map((row) => [row.municipality, regionLabel(view.copy, row.region), row.requests, row.offers, row.gap]),
      );
    }
    case 'unmatched':
      return csvDocument(
        [
          col.requestId,
          col.title,
          col.municipality,
          col.region,
          col.pupils,
          col.ages,
          c.unmatchedColumns.disciplines,
          col.createdAt,
          c.unmatchedColumns.reasons,
        ],
        summary.unmatched.map((item) => [
          item.requestId,
          item.title,
          item.municipality,
          regionLabel(view.copy, item.region),
          item.pupils,
          `${item.ageMin}–${item.ageMax}`,
          item.disciplines.map((d) => disciplineLabel(view, d)).join(', '),
          new Date(item.createdAt).toISOString().slice(0, 10),
          reasonLines(view, item.reasons).join(' | '),
        ]),
      );
    case 'funnel':
      return csvDocument(
        [c.funnelColumns.stage, c.funnelColumns.count],
        FUNNEL_STAGES.map((stage) => [c.funnelStages[stage], summary.funnel[stage]]),
      );
    case 'outcome-times':
      return csvDocument(
        [c.timesColumns.stage, c.timesColumns.requests, col.medianSeconds],
        (['toApproval', 'toConfirmation'] as const).map((stage) => [
          c.times[stage],
          summary.outcomes[stage].requests,
          summary.outcomes[stage].medianSeconds ?? '',
        ]),
      );
    case 'declines':
      return csvDocument(
        [col.matchId, col.requestId, col.title, col.offerId, col.offerTitle, c.declinesColumns.reasons, col.declinedAt],
        summary.outcomes.declines.map((d) => [
          d.matchId,
          d.requestId,
          d.requestTitle,
          d.offerId,
          d.offerTitle ?? '',
          declineText(view, d.answers),
          d.declinedAt ? new Date(d.declinedAt).toISOString().slice(0, 10) : '',
        ]),
      );
    case 'never-reached-requesters':
    case 'never-reached-providers': {
      const rows = table === 'never-reached-requesters' ? summary.neverReached.requesters : summary.neverReached.providers;
      return csvDocument(
        [col.organisationId, col.organisationName, col.municipality, col.region, col.listingIds, col.listingTitles],
        rows.map((row) => [
          row.organisationId,
          row.name ?? '',
          row.municipality,
          regionLabel(view.copy, row.region),
          listingsOf(row)
            .map((l) => l.id)
            .join(' | '),
          listingsOf(row)
            .map((l) => l.title)
            .join(' | '),
        ]),
      );
    }
    case 'inventory-offers': {
      const inv = c.inventoryColumns;
      return csvDocument(
        [
          col.offerId,
          col.title,
          inv.providerId,
          inv.providerName,
          col.municipality,
          col.region,
          c.unmatchedColumns.disciplines,
          col.ages,
          inv.pricePerPupil,
          inv.free,
          inv.inclusion,
          inv.createdAt,
        ],
        inventory.offers.map((o) => [
          o.id,
          o.title,
          o.providerId,
          o.providerName ?? '',
          o.municipality,
          regionLabel(view.copy, o.region),
          o.disciplines.map((d) => disciplineLabel(view, d)).join(', '),
          `${o.ageMin}–${o.ageMax}`,
          o.pricePerPupil,
          isFree(o) ? c.yes : c.no,
          INCLUSION_ATTRIBUTES.filter((a) => o.inclusion[a] === true)
            .map((a) => c.inclusionAttributes[a])
            .join(' | '),
          new Date(o.createdAt).toISOString().slice(0, 10),
        ]),
      );
    }
    case 'inventory-organisations': {
      const inv = c.inventoryColumns;
      return csvDocument(
        [col.organisationId, col.organisationName, inv.kind, col.municipality, col.region, col.requests, col.offers],
        inventory.organisations.map((o) => [
          o.organisationId,
          o.name ?? '',
          o.kinds.map((k) => c.organisationKinds[k]).join(' | '),
          o.municipality,
          regionLabel(view.copy, o.region),
          o.requests,
          o.offers,
        ]),
      );
    }
    case 'inclusion':
      return csvDocument(
        [c.inclusionColumns.attribute, c.inclusionColumns.count, c.inclusionColumns.share],
        [...INCLUSION_ATTRIBUTES, 'anyAttribute' as const].map((a) => [
          c.inclusionAttributes[a],
          summary.inclusion.counts[a],
          summary.inclusion.shares[a],
        ]),
      );
  }
}
