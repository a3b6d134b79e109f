// Collects name blocks for a data file: trims and collapses whitespace, drops empty names and
// repeats of the same name in the same role, and keeps only the most specific role per name.
import type { FieldRole } from '../core/types';
import type { DataFileBlock } from './types';

/** Roles that make another role of the same name redundant (a winner also tendered). */
const SUPERSEDED_BY: Partial<Record<FieldRole, FieldRole[]>> = {
  tenderer: ['winner', 'supplier'],
};

export function cleanName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Case-insensitive: exports often repeat a name in capitals ("LUIS ESTEVA MARABOTO"). */
function nameKey(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

export class BlockCollector {
  private readonly blocks: DataFileBlock[] = [];
  private readonly seen = new Set<string>();

  /** The language of the file's names, when the file states it. */
  constructor(private readonly lang: string | null = null) {}

  /** Adds a name; returns false when it is empty or already present in this role. */
  add(value: unknown, field: FieldRole, source: string, country: string | null = null): boolean {
    const text = cleanName(value);
    if (text === null) return false;
    const key = `${field}\u0000${nameKey(text)}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.blocks.push({ text, field, source, kind: 'party', lang: this.lang, ...(country ? { country } : {}) });
    return true;
  }

  /**
   * The blocks in the order found, without roles that a more specific role of the same name
   * already covers: 'organisation' when the name has any other role, 'tenderer' when it won.
   */
  finish(): DataFileBlock[] {
    const roles = new Map<string, Set<FieldRole | null>>();
    for (const b of this.blocks) {
      const k = nameKey(b.text);
      let set = roles.get(k);
      if (!set) roles.set(k, (set = new Set()));
      set.add(b.field);
    }
    return this.blocks.filter((b) => {
      const set = roles.get(nameKey(b.text))!;
      if (b.field === 'organisation') return set.size === 1;
      const over = b.field ? SUPERSEDED_BY[b.field] : undefined;
      return !over || !over.some((r) => set.has(r));
    });
  }
}
