// The options page's card for the settlement-localities list: what it is used for, its
// caveat and its counts, never its maintainers' curation note.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { h, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { OriginIndex } from '../../src/core/origins';
import originIndex from '../../src/generated/origin-index.json';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));
const { OriginListCard } = await import('../../src/ui/options/components/OriginListCard');

describe('OriginListCard', () => {
  it('shows the localities list with its use, counts and coverage, and no curation note', () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="root"></div></body></html>');
    const root = document.getElementById('root')!;
    const index = originIndex as unknown as OriginIndex;
    render(h(OriginListCard, { index }), root as unknown as Element);
    const text = root.textContent ?? '';
    expect(text).toContain(index.list.title);
    expect(text).toMatch(/never to flag a company|Used only for origins/);
    expect(text).toContain(String(index.places.length));
    const raw = JSON.parse(
      readFileSync(new URL('../../data/lists/settlement-localities-west-bank.json', import.meta.url), 'utf8'),
    ) as {
      curation_note?: string;
    };
    if (raw.curation_note) expect(text).not.toContain(raw.curation_note.slice(0, 60));
  });
});
