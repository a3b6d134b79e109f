// Reads a Chromium trace (CDP Tracing, JSON) for the browser benchmark: the CPU profile
// samples of the page's renderer main thread (category disabled-by-default-v8.cpu_profiler)
// attributed to the extension when the innermost frame with a script URL is one of the
// extension's (so time in DOM calls such as checkVisibility counts for the script that made
// them), the main thread's top-level tasks (RunTask, category toplevel), user-timing marks
// (blink.user_timing) and the content script's evaluation (EvaluateScript).
//
// Compiling a script shows in the CPU profile as "(program)", and garbage collection as
// "(garbage collector)": samples with no script frame at all. Attributed by frames alone, the
// content script's start-up (compiling a bundle of several hundred KB and running its top
// level in one task) was mostly nobody's, and a 140 ms task counted as ~50 ms of extension
// time. So the trace events Blink and V8 record for the extension's own script (EvaluateScript,
// v8.compile, v8.run, FunctionCall, module compile and evaluation, all carrying its
// chrome-extension:// URL) mark intervals of extension time, and a sample without any script
// frame inside such an interval counts for the extension. A sample whose innermost script
// frame is the page's never does.

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

interface CallFrame {
  url: string;
  functionName: string;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

export interface Sample {
  /** Trace timestamp (µs). */
  ts: number;
  /** Time this sample stands for (µs): the gap to the next sample. */
  weight: number;
  /** The sample is in the extension's code (or in native code it called). */
  ext: boolean;
  /** Garbage collection (attributed to no script). */
  gc: boolean;
  /** Inside one of the extension's trace intervals (its time is counted by the interval). */
  inSpan: boolean;
  /** Innermost function (names are only useful with an unminified build). */
  fn: string;
}

export interface Task {
  ts: number;
  dur: number;
  /** Extension sample time inside the task (µs). */
  ext: number;
}

export interface TraceSummary {
  /** Samples of the thread running the extension's content script. */
  samples: Sample[];
  tasks: Task[];
  marks: Map<string, number>;
  /** EvaluateScript of the content script(s): [ts, dur] in µs (compile included). */
  evaluations: [number, number][];
  /** Compiling the extension's scripts on that thread (v8.compile, v8.compileModule): [ts, dur] µs. */
  compiles: [number, number][];
  /**
   * Calls into the extension's functions from Blink (FunctionCall: event listeners, timers,
   * observers, message callbacks), outside its script evaluations: [ts, dur] µs. Promise
   * continuations (microtasks) have no such event; the CPU samples count them.
   */
  calls: [number, number][];
  /**
   * The extension's trace intervals on that thread, merged: [start, end] µs. Their length is
   * exact where CPU samples are not: the sampler is held off for milliseconds at a time while
   * V8 compiles, so samples under-count a compile.
   */
  spans: [number, number][];
  /** Navigation start of `pageUrl` on that thread (µs), when asked for and found. */
  navigationStart: number | null;
  /** Median sampling interval (µs). */
  interval: number;
}

/** The script URL a trace event is about (EvaluateScript, v8.compile, v8.run, FunctionCall, ...). */
function eventUrl(e: TraceEvent): string {
  const a = (e.args ?? {}) as { data?: { url?: unknown; fileName?: unknown }; fileName?: unknown };
  const u = a.data?.url ?? a.fileName ?? a.data?.fileName;
  return typeof u === 'string' ? u : '';
}

const EXT_SPAN_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.run',
  'v8.compileModule',
  'v8.evaluateModule',
  'FunctionCall',
]);

/**
 * Parses the trace; `extOrigin` is chrome-extension://<id>. `pageUrl`: the thread to read is
 * the renderer main thread that started navigating to it (found also when the extension never
 * ran there, as in a load without it); otherwise the thread with the most extension samples.
 */
export function summariseTrace(events: TraceEvent[], extOrigin: string, opts: { pageUrl?: string } = {}): TraceSummary {
  let nav: TraceEvent | undefined;
  if (opts.pageUrl) {
    nav = events.find(
      (e) =>
        e.name === 'navigationStart' &&
        (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL === opts.pageUrl,
    );
  }
  // CPU profiles per (pid, profile id): nodes arrive in chunks, samples with time deltas.
  const profiles = new Map<
    string,
    { pid: number; tid: number; start: number; nodes: Map<number, ProfileNode>; ids: number[]; deltas: number[] }
  >();
  for (const e of events) {
    if (e.name !== 'Profile' && e.name !== 'ProfileChunk') continue;
    const key = `${e.pid}:${e.id}`;
    const data = (e.args?.data ?? {}) as {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    let p = profiles.get(key);
    if (!p) {
      p = { pid: e.pid, tid: e.tid, start: 0, nodes: new Map(), ids: [], deltas: [] };
      profiles.set(key, p);
    }
    if (e.name === 'Profile') {
      p.start = data.startTime ?? e.ts;
      p.tid = e.tid;
      continue;
    }
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      p.ids.push(ids[i]);
      p.deltas.push(deltas[i] ?? 0);
    }
  }
  // The profile of the thread that ran the extension's code.
  let best: (typeof profiles extends Map<string, infer V> ? V : never) | null = null;
  let bestExt = -1;
  // The innermost frame with a script URL: the extension's, the page's, or none at all.
  const frameOwner = (p: NonNullable<typeof best>) => {
    const memo = new Map<number, 'ext' | 'page' | 'none'>();
    const owner = (id: number): 'ext' | 'page' | 'none' => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      let r: 'ext' | 'page' | 'none' = 'none';
      if (n) {
        if (n.callFrame.url) r = n.callFrame.url.startsWith(extOrigin) ? 'ext' : 'page';
        else if (n.parent !== undefined) r = owner(n.parent);
      }
      memo.set(id, r);
      return r;
    };
    return owner;
  };
  const isExt = (p: NonNullable<typeof best>) => {
    const owner = frameOwner(p);
    return (id: number) => owner(id) === 'ext';
  };
  for (const p of profiles.values()) {
    if (nav) {
      if (p.pid === nav.pid && p.tid === nav.tid) best = p;
      continue;
    }
    const ext = isExt(p);
    const count = p.ids.filter((id) => ext(id)).length;
    if (count > bestExt) {
      bestExt = count;
      best = p;
    }
  }
  const pid = nav ? nav.pid : best?.pid;
  const tid = nav ? nav.tid : best?.tid;
  // The extension's own intervals on that thread, merged (they nest: v8.compile inside
  // EvaluateScript, FunctionCall inside a timer).
  const own = events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === pid &&
      e.tid === tid &&
      e.dur !== undefined &&
      EXT_SPAN_EVENTS.has(e.name) &&
      eventUrl(e).startsWith(extOrigin),
  );
  const spans: [number, number][] = [];
  for (const e of [...own].sort((a, b) => a.ts - b.ts)) {
    const end = e.ts + (e.dur as number);
    const last = spans[spans.length - 1];
    if (last && e.ts <= last[1]) last[1] = Math.max(last[1], end);
    else spans.push([e.ts, end]);
  }
  let spanIdx = 0;
  /** Whether `ts` lies in one of the spans (called with increasing ts). */
  const inSpan = (ts: number): boolean => {
    while (spanIdx < spans.length && spans[spanIdx][1] < ts) spanIdx++;
    return spanIdx < spans.length && spans[spanIdx][0] <= ts;
  };
  const samples: Sample[] = [];
  let interval = 0;
  if (best) {
    const owner = frameOwner(best);
    let t = best.start;
    const times: number[] = [];
    for (const d of best.deltas) {
      t += d;
      times.push(t);
    }
    const gaps = times
      .slice(1)
      .map((x, i) => x - times[i])
      .sort((a, b) => a - b);
    interval = gaps[gaps.length >> 1] ?? 0;
    for (let i = 0; i < times.length; i++) {
      const n = best.nodes.get(best.ids[i]);
      const name = n?.callFrame.functionName ?? '';
      // A long gap means the thread was idle (the profiler pauses); count at most 4 intervals.
      const gap = i + 1 < times.length ? times[i + 1] - times[i] : interval;
      samples.push({
        ts: times[i],
        weight: Math.min(gap, interval * 4),
        ext: ((o) => o === 'ext' || (o === 'none' && inSpan(times[i])))(owner(best.ids[i])),
        inSpan: inSpan(times[i]),
        gc: name === '(garbage collector)',
        fn: name || '(anonymous)',
      });
    }
  }
  // Top-level tasks of that thread, and the extension time inside each. Blink runs the
  // microtask checkpoint after a task as a sibling trace event (a promise continuation
  // after `await scheduler.yield()` runs there, not inside the RunTask that resolved it),
  // so a checkpoint directly after a RunTask belongs to that task, as it does for the
  // browser's own long-task accounting.
  const tasks: Task[] = [];
  const top = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === pid &&
        e.tid === tid &&
        (e.name === 'ThreadControllerImpl::RunTask' ||
          e.name === 'RunTask' ||
          e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint') &&
        e.dur !== undefined,
    )
    .sort((a, b) => a.ts - b.ts);
  let lastEnd = -Infinity;
  let lastWasRunTask = false;
  for (const e of top) {
    const end = e.ts + (e.dur as number);
    if (e.ts < lastEnd) continue; // nested in the previous task
    const checkpoint = e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint';
    const prev = tasks[tasks.length - 1];
    if (checkpoint && lastWasRunTask && prev && e.ts - lastEnd < 50) {
      prev.dur = end - prev.ts;
    } else {
      tasks.push({ ts: e.ts, dur: e.dur as number, ext: 0 });
    }
    lastEnd = end;
    lastWasRunTask = !checkpoint;
  }
  // Extension time in a task: its trace intervals there, plus its samples outside them
  // (promise continuations, callbacks Blink records no event for).
  let k = 0;
  for (const s of samples) {
    if (!s.ext || s.inSpan) continue;
    while (k < tasks.length && tasks[k].ts + tasks[k].dur < s.ts) k++;
    if (k < tasks.length && tasks[k].ts <= s.ts) tasks[k].ext += s.weight;
  }
  for (const t of tasks) t.ext += overlap(spans, t.ts, t.ts + t.dur);
  const marks = new Map<string, number>();
  for (const e of events) {
    if (e.cat.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b')) {
      if (!marks.has(e.name)) marks.set(e.name, e.ts);
    }
  }
  const pick = (names: string[]): [number, number][] =>
    own.filter((e) => names.includes(e.name)).map((e) => [e.ts, e.dur as number] as [number, number]);
  const evaluations = pick(['EvaluateScript', 'v8.evaluateModule']);
  const compiles = pick(['v8.compile', 'v8.compileModule']);
  const inside = (x: [number, number], ys: [number, number][]) =>
    ys.some((y) => (y[0] !== x[0] || y[1] !== x[1]) && y[0] <= x[0] && x[0] + x[1] <= y[0] + y[1]);
  const outer = pick(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall']);
  const calls = pick(['FunctionCall']).filter((c) => !inside(c, outer));
  return {
    samples,
    tasks,
    marks,
    evaluations,
    compiles,
    calls,
    spans,
    navigationStart: nav ? nav.ts : null,
    interval,
  };
}

/** Total length (µs) of the parts of `spans` (sorted, disjoint) between `from` and `to`. */
export function overlap(spans: [number, number][], from: number, to: number): number {
  let total = 0;
  for (const [a, b] of spans) {
    if (b <= from) continue;
    if (a >= to) break;
    total += Math.min(b, to) - Math.max(a, from);
  }
  return total;
}

/** Extension time (µs) between two trace timestamps: its intervals, and its samples outside them. */
export function extTimeBetween(summary: TraceSummary, from: number, to: number): number {
  let total = overlap(summary.spans, from, to);
  for (const s of summary.samples) if (s.ext && !s.inSpan && s.ts >= from && s.ts < to) total += s.weight;
  return total;
}

/** The extension's sample time by innermost function (ms), largest first. */
export function extTimeByFunction(summary: TraceSummary, top: number): [string, number][] {
  const by = new Map<string, number>();
  for (const s of summary.samples) if (s.ext) by.set(s.fn, (by.get(s.fn) ?? 0) + s.weight / 1000);
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, top);
}
