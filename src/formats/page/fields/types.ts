// Shapes shared by generic field detection and the site adapters.
import type { FieldRole } from '../../../core/types';

/**
 * The role a block container states, or null (then the block inherits its parent's).
 * `depth` is the container's depth in collectBlocks' walk (see CollectOptions.fieldOf);
 * detectors that follow the walk's order use it, others ignore it.
 */
export type FieldOf = (el: Element, depth?: number) => FieldRole | null;

/**
 * A name in the page's data but not in its visible text (JSON-LD, microdata attributes,
 * inline product JSON). Scanned as a block with nothing to highlight.
 */
export interface ExtraBlock {
  text: string;
  field: FieldRole | null;
  /** Where in the page data it was found, e.g. "json-ld Product.brand". */
  source: string;
}
