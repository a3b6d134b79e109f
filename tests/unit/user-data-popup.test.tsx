// Dismissals in the popup: the view model moves only the dismissed entity to "Dismissed by
// you", the card's "Not this company" stores a dismissal, and Undo brings the card back.
import { deleteDB } from 'idb';
import { render } from 'preact';
import { useMemo } from 'preact/hooks';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { click, installDom, settle } from './helpers/dom';
import { resetFakeBrowser } from './helpers/fake-browser';
import { fixtureData, fixtureResults } from './helpers/popup-fixtures';

vi.mock('../../src/shared/browser', async () => ({ browser: (await import('./helpers/fake-browser')).fakeBrowser }));

const ud = await import('../../src/shared/user-data');
const { useDismissals } = await import('../../src/shared/user-data/hooks');
const { buildView } = await import('../../src/ui/presentation/view-model');
const { lookupFromCompiled } = await import('../../src/ui/presentation/lookup');
const { EntitySection } = await import('../../src/ui/popup/components/EntitySection');
const { EntityCard } = await import('../../src/ui/popup/components/EntityCard');
const { DismissProvider } = await import('../../src/ui/popup/components/DismissButton');

const lookup = lookupFromCompiled(fixtureData);
const HOST = 'shop.example.com';

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await settle(5);
  }
}

describe('buildView with dismissals', () => {
  const site = (entity: string, s = HOST) => ud.makeDismissal({ entity, entityName: entity, scope: 'site', site: s });

  it('moves only the dismissed entity, from whatever section, and counts it nowhere else', () => {
    const view = buildView(fixtureResults(), lookup, { dismissals: [site('acme'), site('partner')], host: HOST });
    expect(view.flags.map((e) => e.id)).toEqual(['amana']);
    expect(view.possible.map((e) => e.id)).toEqual([]);
    expect(view.removed.map((e) => e.id)).toEqual(['gone']);
    expect(view.dismissed.map((e) => [e.id, e.section, e.dismissal?.site])).toEqual([
      ['acme', 'flag', HOST],
      ['partner', 'possible', HOST],
    ]);
    // Look-alike notes are untouched.
    expect(view.guards).toHaveLength(1);
    // Entities not dismissed carry null: the card offers "Not this company".
    expect(view.flags[0].dismissal).toBeNull();
  });

  it('applies a site dismissal on that site and its subdomains only; "everywhere" everywhere', () => {
    const onOther = buildView(fixtureResults(), lookup, { dismissals: [site('acme', 'other.test')], host: HOST });
    expect(onOther.dismissed).toEqual([]);
    expect(onOther.flags.map((e) => e.id)).toEqual(['acme', 'amana']);
    const parent = buildView(fixtureResults(), lookup, { dismissals: [site('acme', 'example.com')], host: HOST });
    expect(parent.dismissed.map((e) => e.id)).toEqual(['acme']);
    const everywhere = ud.makeDismissal({ entity: 'amana', entityName: 'Amana', scope: 'everywhere' });
    const noHost = buildView(fixtureResults(), lookup, { dismissals: [everywhere, site('acme')], host: null });
    expect(noHost.dismissed.map((e) => e.id)).toEqual(['amana']);
    // Without dismissals, nothing changes.
    expect(buildView(fixtureResults(), lookup).dismissed).toEqual([]);
  });
});

/** The popup's wiring as App should do it: dismissals from IndexedDB -> view -> sections. */
function Harness({ host }: { host: string | null }) {
  const { value: dismissals } = useDismissals();
  const view = useMemo(
    () => buildView(fixtureResults(), lookup, { dismissals: dismissals ?? [], host }),
    [dismissals, host],
  );
  return (
    <DismissProvider host={host}>
      <EntitySection
        id="flags"
        heading="Flags"
        entities={view.flags}
        collapsed={false}
        lookup={lookup}
        onReveal={() => {}}
      />
      <EntitySection
        id="review"
        heading="Review"
        entities={view.possible}
        collapsed
        lookup={lookup}
        onReveal={() => {}}
      />
      <EntitySection
        id="removed"
        heading="Removed"
        entities={view.removed}
        collapsed
        lookup={lookup}
        onReveal={() => {}}
      />
      <EntitySection
        id="dismissed"
        heading="Dismissed by you"
        entities={view.dismissed}
        collapsed
        lookup={lookup}
        onReveal={() => {}}
      />
    </DismissProvider>
  );
}

const ids = (root: HTMLElement, section: string) =>
  [...root.querySelectorAll(`#${section} article h3`)].map((h) => h.textContent);

describe('dismissing in the popup', () => {
  beforeEach(async () => {
    await ud.closeUserDb();
    await deleteDB(ud.DB_NAME);
    resetFakeBrowser();
  });

  it('"Not this company" on this site, with a reason: stored, card moved; Undo moves it back', async () => {
    const { root, window } = installDom();
    render(<Harness host={HOST} />, root);
    await until(() => ids(root, 'flags').length === 2);
    expect(ids(root, 'flags')).toEqual(['<b>Acme</b> Holdings Ltd.', 'Amana']);
    // Removed entries are not flags: no button there.
    expect(root.querySelector('#removed .dismiss')).toBeNull();

    const acme = root.querySelector('#flags article')!;
    const button = acme.querySelector('.dismiss button')!;
    expect(button.textContent).toBe('Not this company');
    expect(button.getAttribute('aria-label')).toBe(
      'Not this company: <b>Acme</b> Holdings Ltd. is not the listed company',
    );
    click(button);
    await settle(5);
    const form = root.querySelector('#flags form.dismiss-form') as HTMLFormElement;
    expect(form.querySelector('legend')?.textContent).toBe(
      'Hide “<b>Acme</b> Holdings Ltd.” as not the listed company:',
    );
    const labels = [...form.querySelectorAll('label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual(['on shop.example.com only', 'everywhere', 'Reason (optional, for your records)']);
    expect((form.querySelector('input[value="site"]') as HTMLInputElement).checked).toBe(true);
    expect(form.textContent).toContain('Only this company is hidden; every other flag stays.');

    const reason = form.querySelector('input.dismiss-reason') as HTMLInputElement;
    reason.value = 'Acme the bakery <script>';
    reason.dispatchEvent(new (window as any).Event('input'));
    await settle(0);
    form.dispatchEvent(new (window as any).Event('submit', { cancelable: true }));
    await until(() => ids(root, 'dismissed').length === 1);

    const stored = await ud.listDismissals();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      entity: 'acme',
      entityName: '<b>Acme</b> Holdings Ltd.',
      scope: 'site',
      site: HOST,
      reason: 'Acme the bakery <script>',
    });
    // Only Acme moved.
    expect(ids(root, 'flags')).toEqual(['Amana']);
    expect(ids(root, 'review')).toEqual(['Partner Communications Company Ltd.']);
    const card = root.querySelector('#dismissed article')!;
    expect(card.classList.contains('entity-dismissed')).toBe(true);
    expect(card.querySelector('.dismissed-note')?.textContent).toContain(
      'You said this is not the listed company on shop.example.com',
    );
    expect(card.querySelector('.dismissed-reason')?.textContent).toBe('Your reason: Acme the bakery <script>');
    expect(card.querySelector('script')).toBeNull();

    click(card.querySelector('.dismissed-note button'));
    await until(() => ids(root, 'dismissed').length === 0);
    expect(ids(root, 'flags')).toEqual(['<b>Acme</b> Holdings Ltd.', 'Amana']);
    expect(await ud.listDismissals()).toEqual([]);
  });

  it('"everywhere", and only "everywhere" without a web page', async () => {
    const { root, window } = installDom();
    render(<Harness host={null} />, root);
    await until(() => ids(root, 'flags').length === 2);
    click(root.querySelectorAll('#flags .dismiss button')[1]);
    await settle(5);
    const form = root.querySelector('form.dismiss-form') as HTMLFormElement;
    expect(form.querySelector('input[value="site"]')).toBeNull();
    expect((form.querySelector('input[value="everywhere"]') as HTMLInputElement).checked).toBe(true);
    form.dispatchEvent(new (window as any).Event('submit', { cancelable: true }));
    await until(() => ids(root, 'dismissed').length === 1);
    expect(await ud.listDismissals()).toMatchObject([{ entity: 'amana', scope: 'everywhere', site: null, reason: '' }]);
    expect(root.querySelector('#dismissed .dismissed-note')?.textContent).toContain(
      'You said this is not the listed company, on every site',
    );
  });

  it('Cancel closes the form and stores nothing', async () => {
    const { root } = installDom();
    render(<Harness host={HOST} />, root);
    await until(() => ids(root, 'flags').length === 2);
    click(root.querySelector('#flags .dismiss button'));
    await settle(5);
    click([...root.querySelectorAll('form.dismiss-form button')].find((b) => b.textContent === 'Cancel')!);
    await settle(5);
    expect(root.querySelector('form.dismiss-form')).toBeNull();
    expect(await ud.listDismissals()).toEqual([]);
  });

  it('offers nothing without the provider or where dismissing does not apply (lookups)', () => {
    const { root } = installDom();
    const view = buildView(fixtureResults(), lookup);
    render(<EntityCard entity={view.flags[0]} lookup={lookup} onReveal={() => {}} />, root);
    expect(root.querySelector('.dismiss')).toBeNull();
    const lookupEntity = { ...view.flags[0], dismissal: undefined };
    render(
      <DismissProvider host={HOST}>
        <EntityCard entity={lookupEntity} lookup={lookup} onReveal={() => {}} />
      </DismissProvider>,
      root,
    );
    expect(root.querySelector('.dismiss')).toBeNull();
  });
});
