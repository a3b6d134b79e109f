// The popup's state: the tab's results (kept fresh through storage.session change
// events), the settings (for pause), and the "Check this page" flow.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { checkPage, getTabResults } from '../../../shared/background-client';
import { browser } from '../../../shared/browser';
import { sendToTab } from '../../../shared/messaging';
import { hostnameOf } from '../../../shared/format';
import type { PopupToContent, TabResults } from '../../../shared/messages';
import {
  type Settings,
  isSitePaused,
  loadSettings,
  marksFor,
  onSettingsChanged,
  pausedEntriesFor,
  saveSettings,
  withPageMarks,
  withPausedSite,
  withSiteMarks,
  withoutPausedSites,
} from '../../../shared/settings';
import { reportedMarks } from '../page-marks';
import type { DataLookup } from '../../presentation/lookup';
import { tabUrl } from '../tab-target';
import { type Occurrence, buildView } from '../../presentation/view-model';
import { useDismissals } from '../../../shared/user-data/hooks';
import { DismissProvider } from './DismissButton';
import { Popup } from './Popup';
import type { CheckState } from './Summary';

const POLL_INTERVAL_MS = 400;
const POLL_ATTEMPTS = 25;

interface Props {
  tabId: number;
  lookup: DataLookup;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sendToPage(tabId: number, message: PopupToContent, frameId?: number): Promise<unknown> {
  return sendToTab(tabId, message, frameId);
}

export function App({ tabId, lookup }: Props) {
  const [results, setResults] = useState<TabResults | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [checkState, setCheckState] = useState<CheckState>('idle');
  const [revealFailed, setRevealFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);
  /** The review-mode choice just made here, shown until the page's report says it too. */
  const [reviewChoice, setReviewChoice] = useState<boolean | null>(null);
  /** "Show on page" / "Take the marks off" just clicked here, shown until the report says it too. */
  const [marksChoice, setMarksChoice] = useState<boolean | null>(null);

  const refresh = useCallback(async () => {
    try {
      setResults(await getTabResults(tabId));
    } catch {
      // The background is starting up or restarting; the change listener catches up.
    }
  }, [tabId]);

  useEffect(() => {
    let alive = true;
    void Promise.all([refresh(), loadSettings().then(setSettings), tabUrl(tabId).then(setUrl)]).then(() => {
      if (alive) setLoaded(true);
    });
    const stopSettings = onSettingsChanged(setSettings);
    const key = `tab:${tabId}`;
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && key in changes) void refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    return () => {
      alive = false;
      stopSettings();
      browser.storage.onChanged.removeListener(onStorage);
    };
  }, [tabId, refresh]);

  const { value: dismissals } = useDismissals();
  const pageUrl = url ?? results?.frames['0']?.url ?? null;
  const host = hostnameOf(pageUrl);
  const webHost = host && /^https?:/.test(pageUrl ?? '') ? host : null;
  const view = useMemo(
    () => buildView(results, lookup, { dismissals: dismissals ?? [], host: webHost }),
    [results, lookup, dismissals, webHost],
  );
  const paused = Boolean(settings && webHost && isSitePaused(settings, webHost));

  const onCheck = async () => {
    setCheckState('checking');
    const outcome = await checkPage(tabId).catch(() => ({ ok: false as const, reason: 'failed' as const }));
    if (!outcome.ok) {
      setCheckState(outcome.reason);
      return;
    }
    // The injected script reports when its first scan is done; poll until it has.
    for (let i = 0; i < POLL_ATTEMPTS; i++) {
      const latest = await getTabResults(tabId).catch(() => null);
      if (latest && Object.keys(latest.frames).length > 0) {
        setResults(latest);
        setCheckState('idle');
        return;
      }
      await sleep(POLL_INTERVAL_MS);
    }
    setCheckState('no-answer');
  };

  const changePause = async (next: Settings) => {
    setSettings(next);
    await saveSettings(next);
    // Ask the page to scan again (or to clear its highlights); no content script = no-op.
    await sendToPage(tabId, { type: 'rescan' }).catch(() => undefined);
  };

  const onPause = () => {
    if (settings && webHost) void changePause(withPausedSite(settings, webHost));
  };
  const onResume = () => {
    if (settings && webHost) void changePause(withoutPausedSites(settings, pausedEntriesFor(settings, webHost)));
  };

  const reviewMode = view.reviewMode === null ? null : (reviewChoice ?? view.reviewMode);
  const onReviewModeChange = (on: boolean) => {
    setReviewChoice(on);
    // Every frame of the tab applies it to its part of the page and reports again. No frame
    // answering means no content script is there any more: show what the report says.
    sendToPage(tabId, { type: 'set-review-mode', on }).catch(() => setReviewChoice(null));
  };

  const marksDecision = settings && webHost ? marksFor(settings, webHost) : null;
  const reported = reportedMarks(results);
  const shown = reported === null ? null : (marksChoice ?? reported);
  const onShowMarks = (on: boolean | null) => {
    setMarksChoice(on);
    // Every frame of the tab paints (or clears) its part of the page and reports again.
    sendToPage(tabId, { type: 'set-page-marks', on }).catch(() => setMarksChoice(null));
  };
  const changeMarks = async (next: Settings) => {
    setSettings(next);
    await saveSettings(next);
    // The tab follows the new choice at once, whatever was clicked for it before.
    onShowMarks(null);
  };

  const onReveal = (occurrence: Occurrence) => {
    setRevealFailed(false);
    sendToPage(tabId, { type: 'reveal-match', key: occurrence.key }, occurrence.frameId).catch(() =>
      setRevealFailed(true),
    );
  };

  const optionsPage = (browser.runtime.getManifest() as { options_ui?: { page?: string } }).options_ui?.page;
  if (!loaded) return <p class="loading">…</p>;
  return (
    <DismissProvider host={webHost}>
      <Popup
        view={view}
        lookup={lookup}
        paused={paused}
        host={webHost}
        checkState={checkState}
        revealFailed={revealFailed}
        reviewMode={reviewMode}
        onReviewModeChange={onReviewModeChange}
        optionsUrl={browser.runtime.getURL(optionsPage ?? '')}
        onCheck={() => void onCheck()}
        onPause={onPause}
        onResume={onResume}
        onReveal={onReveal}
        onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
        marks={{
          host: webHost,
          decision: marksDecision,
          shown,
          chosen: settings?.pageMarksChosen ?? true,
          hasMarks: view.flags.length > 0 || (view.reviewMode === true && view.possible.length > 0),
          onShow: onShowMarks,
          onSite: (mark) => {
            if (settings && webHost) void changeMarks(withSiteMarks(settings, webHost, mark));
          },
          onChoose: (choice) => {
            if (settings) void changeMarks(withPageMarks(settings, choice));
          },
        }}
      />
    </DismissProvider>
  );
}
