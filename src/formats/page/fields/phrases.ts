// A table of phrases (labels, headings) matched by whole normalised tokens, longest first.
// Shared by the label table (labels.ts) and the heading words (heading-words.ts), so both
// read page text the same way. Pure: no DOM.
import { tokenize } from '../../../core/normalize';

interface Node<V> {
  next: Map<string, Node<V>>;
  value: V | null;
  phrase: string | null;
}

export interface PhraseHit<V> {
  value: V;
  /** The phrase as added (its normalised tokens joined by spaces). */
  phrase: string;
  /** Token index just past the phrase. */
  end: number;
}

export class PhraseTrie<V> {
  readonly #root: Node<V> = { next: new Map(), value: null, phrase: null };

  /** Adds `phrase` with `value`; a phrase added twice keeps its first value. */
  add(phrase: string, value: V): void {
    const norms = tokenize(phrase).map((t) => t.norm);
    if (norms.length === 0) return;
    let node = this.#root;
    for (const t of norms) {
      let child = node.next.get(t);
      if (!child) {
        child = { next: new Map(), value: null, phrase: null };
        node.next.set(t, child);
      }
      node = child;
    }
    if (node.value === null) {
      node.value = value;
      node.phrase = norms.join(' ');
    }
  }

  /** The longest phrase starting at token `i` of `norms`, or null. */
  longestAt(norms: readonly string[], i: number): PhraseHit<V> | null {
    let node: Node<V> | undefined = this.#root;
    let best: PhraseHit<V> | null = null;
    for (let j = i; j < norms.length && node; j++) {
      node = node.next.get(norms[j]);
      if (node && node.value !== null) best = { value: node.value, phrase: node.phrase as string, end: j + 1 };
    }
    return best;
  }
}
