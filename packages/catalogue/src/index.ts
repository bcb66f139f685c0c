/**
 * @koppel/catalogue: the public catalogue of active offers (issue #13). Pure: offers
 * in (put/remove), pages of result cards out (search); no I/O. Text is read with the
 * matching engine's own analyser. See README.md.
 */
export { createCatalogue, type Catalogue, type CatalogueHit, type CatalogueOptions, type CatalogueResult } from './catalogue';
export {
  CatalogueQuerySchema,
  catalogueQuery,
  DEFAULT_PAGE_SIZE,
  INCLUSION_FLAGS,
  MAX_PAGE_SIZE,
  MAX_RESULT_WINDOW,
  PRICES,
  SORTS,
  type CatalogueQuery,
  type CatalogueSort,
  type InclusionFlag,
} from './query';
export { cardOf, excerptOf, type OfferCard } from './card';
export { wordGroupsOf, type WordGroup } from './text-query';
export { collectGarbage, measureBytesPerOffer, measureHeap, type HeapMeasurement } from './memory';
