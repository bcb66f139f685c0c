import { stylesheet } from '@koppel/http';

/** Where review serves its stylesheet (a file: the Content-Security-Policy allows styles from 'self' only). */
export const STYLESHEET_PATH = '/koppel.css';

/**
 * The stylesheet of every page review serves: the shared PAGE_CSS, nothing of review's
 * own (every class the console, sign-in and answer pages use is in it).
 */
export const REVIEW_CSS = stylesheet();
