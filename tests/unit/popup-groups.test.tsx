// The popup groups flags by the role the page states ("Awarded to", "Brand of
// this product", ...) and says when a name came from the page's data, not its text.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { installDom } from './helpers/dom';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const { FlagSections } = await import('../../src/ui/popup/components/FlagSections');
const { lookupFromCompiled } = await import('../../src/ui/presentation/lookup');
const { buildView } = await import('../../src/ui/presentation/view-model');

const lookup = lookupFromCompiled(fixtureData);

function resultsWithRoles() {
  const results = fixtureResults();
  const top = results.frames['0'];
  top.matches = top.matches.map((m) =>
    m.entity === 'acme' && m.key === 'm1' ? { ...m, field: 'winner' as const } : m,
  );
  const frame = results.frames[Object.keys(results.frames).find((k) => k !== '0')!];
  frame.matches = frame.matches.map((m) => ({ ...m, field: 'brand' as const, fromPageData: true }));
  return results;
}

describe('flags grouped by role', () => {
  it('orders winners first, then brands, and labels each group', () => {
    const view = buildView(resultsWithRoles(), lookup);
    expect(view.flags.map((e) => [e.id, e.group])).toEqual([
      ['acme', 'awarded'],
      ['amana', 'brand'],
    ]);
    const { root } = installDom();
    render(<FlagSections view={view} lookup={lookup} onReveal={vi.fn()} />, root);
    const headings = [...root.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings).toEqual(['Awarded to', 'Brand of this product']);
    expect(root.querySelector('#flags-awarded')?.textContent).toContain('Acme');
    expect(root.querySelector('#flags-brand')?.textContent).toContain('Amana');
  });

  it('keeps one plain section when the page states no roles', () => {
    const view = buildView(fixtureResults(), lookup);
    const { root } = installDom();
    render(<FlagSections view={view} lookup={lookup} onReveal={vi.fn()} />, root);
    expect([...root.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Listed companies named on this page']);
  });

  it('marks names read from page data and offers no "show on page" for them', () => {
    const view = buildView(resultsWithRoles(), lookup);
    const amana = view.flags.find((e) => e.id === 'amana')!;
    expect(amana.evidence.every((x) => x.fromPageData && x.occurrences.length === 0)).toBe(true);
    const { root } = installDom();
    render(<FlagSections view={view} lookup={lookup} onReveal={vi.fn()} />, root);
    const brand = root.querySelector('#flags-brand')!;
    expect(brand.querySelector('.page-data')?.textContent).toMatch(/product data/);
    expect(brand.querySelector('button.reveal')).toBeNull();
  });
});
