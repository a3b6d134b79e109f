// The content script proper, started in every frame of the pages the manifest lists (and
// in any tab where the user clicks "Check this page") by boot-module.ts in Chromium and
// boot-bundled.ts in Firefox. Reads the settings, then hands the page to a PageScanner and
// the popup's messages to it. Nothing here may throw into the page: every entry point is
// wrapped and failures are logged with console.debug only.
// The match index is not here: the background holds it once for every tab and matches the
// blocks this script sends it (remote-matcher.ts), so a page's start-up pays only for
// this small script.
import { browser, type Runtime } from '../shared/browser';
import { listenForMessages, sendToExtension } from '../shared/messaging';
import { disabledListIds, isSitePaused, marksFor, type Settings } from '../shared/settings';
import { isPopupToContent, type ContentToBackground, type PageReport } from '../shared/messages';
import { PageScanner, type Delivery } from './page-scanner';
import { ReviewModeState } from './review-mode';
import { PageMarksState } from './page-marks';
import { ANSWER_TIMEOUT_MS, contextAlive, isContextInvalidated, withTimeout } from './ask-background';
import { RemoteMatcher } from './remote-matcher';
import { loadPageReader } from './reader-loader';
import { onStoredStateChanged, readStoredState } from './stored-state';
import type { ListChoice } from '../shared/match-messages';
// Only these user-data modules: index.ts would bring idb into the content script.
import { requestUserData } from '../shared/user-data/client';
import { dismissedEntitySet } from '../shared/user-data/rules';

/** Marks the running instance in this frame's content-script world (double injection). */
const INSTANCE = Symbol.for('settlement-screen.content-script');

interface Instance {
  /** False once the extension was updated, reloaded or disabled under this script. */
  alive(): boolean;
  rescan(): void;
  /** The popup's review-mode choice for this tab (see review-mode.ts for where it lives). */
  setReviewMode(on: boolean): void;
  /** The popup's "Show on page" for this tab, or null to follow the settings (page-marks.ts). */
  setPageMarks(on: boolean | null): void;
  stop(): void;
}

type InstanceHolder = { [INSTANCE]?: Instance };

function debug(what: string, err?: unknown): void {
  console.debug(`Settlement Screen: ${what}`, err ?? '');
}

/**
 * The site the user sees, for the per-site pause: the top page's hostname when readable
 * (same-origin frames), else the top origin Chrome exposes to frames, else our own.
 */
function siteHostname(): string {
  try {
    if (window.top && window.top !== window) {
      const h = window.top.location.hostname;
      if (h) return h;
    }
  } catch {
    // Cross-origin top: fall through.
  }
  try {
    const origins = location.ancestorOrigins;
    if (origins && origins.length > 0) return new URL(origins[origins.length - 1]).hostname;
  } catch {
    // No ancestorOrigins (Firefox) or an opaque origin.
  }
  return location.hostname;
}

/** XML viewers, SVG and other non-HTML documents are left alone. */
function isHtmlDocument(): boolean {
  return document.documentElement?.namespaceURI === 'http://www.w3.org/1999/xhtml';
}

/** Hidden tabs throttle timers to once a second anyway; this costs nothing while hidden. */
const VISIBILITY_POLL_MS = 1000;

/** Resolves when the page is (probably) visible: hidden tabs are scanned when shown. */
function whenVisible(): { promise: Promise<void>; now(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  if (document.visibilityState !== 'hidden') {
    resolve();
    return { promise, now: () => {} };
  }
  // visibilitychange alone is unreliable when other extensions fake document.hidden
  // (Dark Reader src/utils/visibility.ts), so pageshow and focus count as shown too.
  // A script-written frame (document.open() on about:blank) erases every listener of its
  // document and window, ours included, so the state is also checked once a second.
  let poll: ReturnType<typeof setInterval> | null = null;
  const done = (): void => {
    document.removeEventListener('visibilitychange', onVisibility, true);
    window.removeEventListener('pageshow', done, true);
    window.removeEventListener('focus', done, true);
    if (poll !== null) clearInterval(poll);
    poll = null;
    resolve();
  };
  const onVisibility = (): void => {
    if (document.visibilityState !== 'hidden') done();
  };
  document.addEventListener('visibilitychange', onVisibility, true);
  window.addEventListener('pageshow', done, true);
  window.addEventListener('focus', done, true);
  poll = setInterval(onVisibility, VISIBILITY_POLL_MS);
  return { promise, now: done };
}

/** Waits between attempts to deliver a report while the background restarts. */
const RESEND_DELAYS_MS = [100, 400, 1600];

function isAcknowledged(reply: unknown): boolean {
  return typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true;
}

async function send(report: PageReport): Promise<Delivery> {
  const message: ContentToBackground = { type: 'page-report', report };
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await withTimeout(sendToExtension(message), ANSWER_TIMEOUT_MS);
      // Only the background's acknowledgement counts: a worker stopped while it stored the
      // report closes the channel without one, and the report must go again.
      if (isAcknowledged(reply)) return 'sent';
      throw new Error('the background did not acknowledge the report');
    } catch (err) {
      if (isContextInvalidated(err)) return 'orphaned';
      // The background is restarting (MV3 workers stop at any moment): try again a few
      // times here; after that the scanner tries again later (PageScanner#sendReport).
      if (attempt >= RESEND_DELAYS_MS.length) {
        debug('could not send the report', err);
        return 'failed';
      }
      await new Promise((resolve) => setTimeout(resolve, RESEND_DELAYS_MS[attempt]));
    }
  }
}

function startInFrame(): void {
  const holder = globalThis as unknown as InstanceHolder;
  const existing = holder[INSTANCE];
  if (existing) {
    if (existing.alive()) {
      existing.rescan();
      return;
    }
    existing.stop();
  }
  if (!isHtmlDocument()) return;

  // Where the frame is does not change while this script lives: read once, because the
  // first reads of the top window and the location cost a fresh content-script world.
  const site = siteHostname();
  // The storage answers in a task of its own: ask before anything else.
  const stored = readStoredState();
  // Dismissals come from the background (IndexedDB is not reachable from here); null when
  // it gives no usable answer.
  const askDismissals = (): Promise<ReadonlySet<string> | null> =>
    withTimeout(requestUserData(), ANSWER_TIMEOUT_MS).then(
      (reply) => (reply ? dismissedEntitySet(reply.dismissals, site) : null),
      () => null,
    );

  const scanner = new PageScanner({
    send: async (report) => {
      const delivery = await send(report);
      // The extension was updated, reloaded or disabled: this copy is an orphan.
      if (delivery === 'orphaned') instance.stop();
      return delivery;
    },
    loadReader: loadPageReader,
    // No answer: no dismissals known, and everything found is marked, as before any.
    wantDismissals: () => void askDismissals().then((hidden) => scanner.setHidden(hidden ?? new Set())),
  });
  const visible = whenVisible();
  const cleanups: (() => void)[] = [];
  /** The settings in force (null until the page is first configured) and the latest read. */
  let settings: Settings | null = null;
  let latest: Settings | null = null;
  const reviewMode = new ReviewModeState();
  const pageMarks = new PageMarksState();

  // The user data's revision: imported lists changed when it does, and the background
  // matches with the lists of the revision it is asked with.
  let revision: string | null = null;
  let matcher: RemoteMatcher | null = null;
  const matcherFor = (s: Settings): RemoteMatcher => {
    const choice: ListChoice = { disabled: disabledListIds(s), revision };
    const next = new RemoteMatcher(choice);
    if (!matcher || matcher.key !== next.key) matcher = next;
    return matcher;
  };
  const apply = (s: Settings): void => {
    settings = s;
    const paused = isSitePaused(s, site);
    reviewMode.setOption(s.reviewMode);
    pageMarks.setOption(marksFor(s, site).mark);
    // Before configure(): the first scan it starts then paints with the right marks, or, in
    // private mode, paints nothing at all.
    scanner.setReviewMode(reviewMode.on);
    scanner.setMarks(pageMarks.on);
    scanner.configure({ paused, matcher: matcherFor(s) });
  };

  // A later answer that fails keeps the dismissals already applied.
  const refreshUserData = async (): Promise<void> => {
    const hidden = await askDismissals();
    if (hidden && !scanner.stopped) scanner.setHidden(hidden);
  };

  const instance: Instance = {
    alive: () => !scanner.stopped && contextAlive(),
    rescan: () => {
      visible.now();
      scanner.requestFull(true);
      void refreshUserData();
    },
    setReviewMode: (on) => {
      reviewMode.setOverride(on);
      scanner.setReviewMode(reviewMode.on);
    },
    setPageMarks: (on) => {
      pageMarks.setOverride(on);
      scanner.setMarks(pageMarks.on);
    },
    stop: () => {
      scanner.stop();
      for (const fn of cleanups.splice(0)) {
        try {
          fn();
        } catch {
          // The context may already be gone; nothing left to undo.
        }
      }
      if (holder[INSTANCE] === instance) delete holder[INSTANCE];
    },
  };
  holder[INSTANCE] = instance;

  const onMessage = (message: unknown, sender: Runtime.MessageSender): Promise<boolean> | undefined => {
    try {
      if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
      if (!isPopupToContent(message)) return undefined;
      if (message.type === 'rescan') {
        instance.rescan();
        return Promise.resolve(true);
      }
      if (message.type === 'set-review-mode') {
        // Sent to every frame of the tab: each applies it to its own part of the page.
        instance.setReviewMode(message.on);
        return Promise.resolve(true);
      }
      if (message.type === 'set-page-marks') {
        instance.setPageMarks(message.on);
        return Promise.resolve(true);
      }
      // Only the frame holding the match answers, so a message sent to all frames gets
      // the answer from the right one.
      return scanner.reveal(message.key) ? Promise.resolve(true) : undefined;
    } catch (err) {
      debug('could not handle a message', err);
      return undefined;
    }
  };
  cleanups.push(listenForMessages(onMessage));

  const onPageShow = (ev: PageTransitionEvent): void => {
    // Restored from the back/forward cache: the background dropped this page's results
    // on navigation, so report again.
    if (ev.persisted) scanner.resend();
  };
  window.addEventListener('pageshow', onPageShow);
  cleanups.push(() => window.removeEventListener('pageshow', onPageShow));

  void (async () => {
    try {
      const state = await stored;
      if (scanner.stopped) return;
      latest = state.settings;
      revision = state.revision;
      cleanups.push(
        onStoredStateChanged((change) => {
          try {
            const revisionChanged = change.revision !== undefined && change.revision !== revision;
            if (change.revision !== undefined) revision = change.revision;
            if (revisionChanged) void refreshUserData();
            if (change.settings) latest = change.settings;
            // Not configured yet (a hidden tab): the first configure takes the latest.
            if (!settings || !latest) return;
            // A new revision is a new choice of lists: the page is matched again.
            if (revisionChanged || !sameSettings(settings, latest)) apply(latest);
          } catch (err) {
            debug('could not follow a change of settings or user data', err);
          }
        }),
      );
      if (!isSitePaused(latest, site)) await visible.promise;
      if (scanner.stopped) return;
      apply(latest);
    } catch (err) {
      if (isContextInvalidated(err)) instance.stop();
      else debug('could not start', err);
    }
  })();
}

function sameSettings(a: Settings, b: Settings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Called at each injection into this frame. In Chromium the module is evaluated once per
 * frame, so a second injection finds the running instance here and asks it to scan again.
 */
export function start(): void {
  // In the task of the module's evaluation: that task is short, and a task of its own costs
  // every page the isolated world's entry and exit again for the little this does.
  try {
    startInFrame();
  } catch (err) {
    debug('could not start', err);
  }
}
