// watchMutations with the engines' own MutationObserver and requestIdleCallback: how the
// records of a burst of changes arrive and are batched, which containers a change makes
// dirty, floods, shadow roots (observers do not cross them), attributes, and stopping.
import { afterEach, describe, expect, it } from 'vitest';
import { watchMutations, type PageWatcher, type WatchOptions } from './observer';

interface Seen {
  batches: Set<Node>[];
  floods: number;
  watcher: PageWatcher;
}

let current: PageWatcher | null = null;

function watch(opts: Partial<WatchOptions> = {}): Seen {
  const seen: Seen = { batches: [], floods: 0, watcher: null as unknown as PageWatcher };
  seen.watcher = watchMutations({
    idleMs: 40,
    maxWaitMs: 200,
    onDirty: (c) => seen.batches.push(c),
    onFlood: () => seen.floods++,
    ...opts,
  });
  seen.watcher.observe(document);
  current = seen.watcher;
  return seen;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
const byId = (id: string): HTMLElement => document.getElementById(id)!;

afterEach(() => {
  current?.disconnect();
  current = null;
  document.body.innerHTML = '';
});

describe('watchMutations', () => {
  it('batches a burst of changes into one report of the outermost dirty containers', async () => {
    document.body.innerHTML =
      '<ul id="list"><li id="one">one</li></ul><p id="p">We sell <b id="b">Ahava</b></p><div id="outer"><p id="inner">x</p></div>';
    const seen = watch();
    const li = document.createElement('li');
    li.textContent = 'Elbit Systems';
    byId('list').append(li); // a block among blocks: only itself is dirty
    await frame(); // the changes come in separate observer callbacks
    (byId('b').firstChild as Text).data = 'Nothing'; // text inside inline markup: its block
    (byId('inner').firstChild as Text).data = 'Caterpillar';
    byId('outer').append(document.createTextNode(' loose text')); // text beside blocks: the parent
    await expect.poll(() => seen.batches.length).toBe(1);
    await sleep(150);
    expect(seen.batches).toHaveLength(1);
    // #inner lies inside #outer, which is rescanned whole.
    expect([...seen.batches[0]]).toEqual([li, byId('p'), byId('outer')]);
    expect(seen.floods).toBe(0);
  });

  it('hands the changes made so far on at once when flushed, those not yet delivered too', async () => {
    document.body.innerHTML = '<ul id="list"><li id="one">one</li></ul>';
    const seen = watch({ idleMs: 5000, maxWaitMs: 10_000 });
    const add = (text: string) => {
      const li = document.createElement('li');
      li.textContent = text;
      byId('list').append(li);
      return li;
    };
    const first = add('Elbit Systems');
    await frame(); // delivered to the observer, which waits for quiet
    const second = add('Ahava'); // not delivered yet: the same task
    seen.watcher.flush();
    expect(seen.batches.map((b) => [...b])).toEqual([[first, second]]);
    await sleep(300);
    expect(seen.batches).toHaveLength(1); // the same changes are not handed on again
    const third = add('Caterpillar');
    seen.watcher.flush();
    expect(seen.batches.map((b) => [...b])).toEqual([[first, second], [third]]);
  });

  it('waits for quiet, but never longer than maxWaitMs on a page that keeps changing', async () => {
    document.body.innerHTML = '<p id="ticker">0</p><p id="news">x</p>';
    const seen = watch({ idleMs: 60, maxWaitMs: 300 });
    const started = performance.now();
    let ticks = 0;
    const ticker = setInterval(() => {
      byId('ticker').textContent = String(++ticks);
    }, 20);
    try {
      byId('news').textContent = 'Ahava';
      await expect.poll(() => seen.batches.length, { timeout: 3000 }).toBeGreaterThan(0);
      const waited = performance.now() - started;
      // Changes every 20 ms never leave 60 ms of quiet: only the cap ended the wait.
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(1500);
      expect(seen.batches[0].has(byId('news'))).toBe(true);
    } finally {
      clearInterval(ticker);
    }
  });

  it('reports removed nodes disconnected, so their blocks can be dropped', async () => {
    // (Text replaced through textContent is a removal too: the old text node is reported.)
    document.body.innerHTML = '<div id="box"><p id="gone">Ahava</p><p>stays</p></div>';
    const seen = watch();
    const gone = byId('gone');
    gone.remove();
    await expect.poll(() => seen.batches.length).toBe(1);
    expect([...seen.batches[0]]).toEqual([gone]);
    expect(gone.isConnected).toBe(false);
  });

  it('asks for a full rescan instead when a batch has too many changes', async () => {
    document.body.innerHTML = '<div id="grid"></div>';
    const seen = watch({ floodThreshold: 100 });
    for (let i = 0; i < 150; i++) {
      const p = document.createElement('p');
      p.textContent = `tile ${i}`;
      byId('grid').append(p);
      if (i % 50 === 0) await frame(); // spread over several observer callbacks
    }
    await expect.poll(() => seen.floods).toBe(1);
    await sleep(150);
    expect(seen.floods).toBe(1);
    expect(seen.batches).toHaveLength(0);
    // The next batch starts afresh: a single change is a normal report again.
    byId('grid').firstElementChild!.textContent = 'Ahava';
    await expect.poll(() => seen.batches.length).toBe(1);
    expect(seen.floods).toBe(1);
  });

  it('keeps an infinite-scroll append incremental below the threshold', async () => {
    document.body.innerHTML = '<ul id="feed"></ul><p id="count">0</p>';
    const seen = watch();
    const added: HTMLElement[] = [];
    for (let i = 0; i < 1000; i++) {
      const li = document.createElement('li');
      li.textContent = `item ${i}`;
      byId('feed').append(li);
      added.push(li);
    }
    (byId('count').firstChild as Text).data = '1000'; // the counter beside the feed
    await expect.poll(() => seen.batches.length).toBe(1);
    expect(seen.floods).toBe(0);
    expect(seen.batches[0].size).toBe(1001);
    expect(seen.batches[0].has(added[999])).toBe(true);
    expect(seen.batches[0].has(byId('count'))).toBe(true);
  });

  it('sees a shadow root only once it is observed itself', async () => {
    document.body.innerHTML = '<div id="host"></div><p id="light">x</p>';
    const shadow = byId('host').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>inside</p>';
    const seen = watch();
    const inside = shadow.querySelector('p')!;
    (inside.firstChild as Text).data = 'Ahava';
    await sleep(300);
    expect(seen.batches).toHaveLength(0); // the document's observer does not cross into it

    seen.watcher.observe(shadow);
    seen.watcher.observe(shadow); // again: harmless, one record per change
    (inside.firstChild as Text).data = 'Elbit Systems';
    await expect.poll(() => seen.batches.length).toBe(1);
    expect([...seen.batches[0]]).toEqual([inside]);
  });

  it('reports the attribute changes the caller cares about, on the watched attributes only', async () => {
    document.body.innerHTML =
      '<div id="tab" hidden><p>Ahava</p></div><div id="menu" class="closed"><p>x</p></div><p id="data">y</p>';
    const asked: Element[] = [];
    const seen = watch({
      attributeChangeMatters: (el) => {
        asked.push(el);
        return el.id === 'tab';
      },
    });
    byId('tab').removeAttribute('hidden');
    byId('tab').setAttribute('hidden', '');
    byId('tab').removeAttribute('hidden'); // three records, one question
    byId('menu').className = 'open'; // asked, and not wanted
    byId('data').setAttribute('data-state', 'x'); // not a watched attribute: never asked
    await expect.poll(() => seen.batches.length).toBe(1);
    expect([...seen.batches[0]]).toEqual([byId('tab')]);
    expect(asked).toEqual([byId('tab'), byId('menu')]);
  });

  it('ignores changes inside our own UI and in subtrees that are never scanned', async () => {
    document.body.innerHTML =
      '<div id="ours"><p id="panel">x</p></div><textarea id="ta">x</textarea><p id="page">x</p>';
    const seen = watch({ ownHost: () => byId('ours') });
    (byId('panel').firstChild as Text).data = 'Ahava';
    (byId('ta').firstChild as Text).data = 'Ahava';
    await sleep(300);
    expect(seen.batches).toHaveLength(0);
    (byId('page').firstChild as Text).data = 'Ahava';
    await expect.poll(() => seen.batches.length).toBe(1);
    expect([...seen.batches[0]]).toEqual([byId('page')]);
  });

  it('reports nothing after disconnect, not even a batch already waiting', async () => {
    document.body.innerHTML = '<p id="p">x</p>';
    const seen = watch();
    byId('p').textContent = 'Ahava';
    await frame(); // the records reached the observer; the batch waits for quiet
    seen.watcher.disconnect();
    byId('p').textContent = 'Elbit Systems';
    await sleep(400);
    expect(seen.batches).toHaveLength(0);
    expect(seen.floods).toBe(0);
  });
});
