// The attribute keys that link spec items, shared by the graph and by the reading of links back from facts.
import type { Relation } from './model';

/** Attribute keys that link items, with the relation they express and whether they point backwards. */
export const LINK_ATTRIBUTES: Readonly<Record<string, { relation: Relation; reverse: boolean }>> = {
  mitigates: { relation: 'mitigates', reverse: false },
  'mitigated-by': { relation: 'mitigates', reverse: true },
  refines: { relation: 'refines', reverse: false },
  'refined-by': { relation: 'refines', reverse: true },
  threatens: { relation: 'threatens', reverse: false },
  'threatened-by': { relation: 'threatens', reverse: true },
};
