import { stylesheet } from '@koppel/http';

/** Where review serves its stylesheet (a file: the Content-Security-Policy allows styles from 'self' only). */
export const STYLESHEET_PATH = '/koppel.css';

/** The insights page's own rules: the heat map scales down with the page; the supply–demand table's numbers centred. */
const INSIGHTS_CSS = `
svg.heat-map { display: block; max-width: 100%; height: auto; margin: .5rem 0 1rem; }
table.matrix td { text-align: center; }
ul.reasons { margin: 0; padding-left: 1.1rem; }
`;

/**
 * The stylesheet of every page review serves: the shared PAGE_CSS, and the insights
 * page's few rules (every class the console, sign-in and answer pages use is in it).
 */
export const REVIEW_CSS = stylesheet(INSIGHTS_CSS.trim());
