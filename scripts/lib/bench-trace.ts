// Reads a Chromium trace (CDP Tracing, JSON) for the browser benchmark: the CPU profile
// samples of the page's renderer main thread (category disabled-by-default-v8.cpu_profiler)
// attributed to the extension when the innermost frame with a script URL is one of the
// extension's (so time in DOM calls such as checkVisibility counts for the script that made
// them), the main thread's top-level tasks (RunTask, category toplevel), user-timing marks
// (blink.user_timing) and the content script's evaluation (EvaluateScript).

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
  /** EvaluateScript of the content script(s): [ts, dur] in µs. */
  evaluations: [number, number][];
  /** Median sampling interval (µs). */
  interval: number;
}

/** Parses the trace; `extOrigin` is chrome-extension://<id>. */
export function summariseTrace(events: TraceEvent[], extOrigin: string): TraceSummary {
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
  const isExt = (p: NonNullable<typeof best>) => {
    const memo = new Map<number, boolean>();
    const ext = (id: number): boolean => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const n = p.nodes.get(id);
      let r = false;
      if (n) {
        if (n.callFrame.url) r = n.callFrame.url.startsWith(extOrigin);
        else if (n.parent !== undefined) r = ext(n.parent);
      }
      memo.set(id, r);
      return r;
    };
    return ext;
  };
  for (const p of profiles.values()) {
    const ext = isExt(p);
    const count = p.ids.filter((id) => ext(id)).length;
    if (count > bestExt) {
      bestExt = count;
      best = p;
    }
  }
  const samples: Sample[] = [];
  let interval = 0;
  if (best) {
    const ext = isExt(best);
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
        ext: ext(best.ids[i]),
        gc: name === '(garbage collector)',
        fn: name || '(anonymous)',
      });
    }
  }
  const pid = best?.pid;
  const tid = best?.tid;
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
  let k = 0;
  for (const s of samples) {
    if (!s.ext) continue;
    while (k < tasks.length && tasks[k].ts + tasks[k].dur < s.ts) k++;
    if (k < tasks.length && tasks[k].ts <= s.ts) tasks[k].ext += s.weight;
  }
  const marks = new Map<string, number>();
  for (const e of events) {
    if (e.cat.includes('blink.user_timing') && (e.ph === 'R' || e.ph === 'I' || e.ph === 'n' || e.ph === 'b')) {
      if (!marks.has(e.name)) marks.set(e.name, e.ts);
    }
  }
  const evaluations: [number, number][] = events
    .filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.pid === pid)
    .filter((e) => String((e.args?.data as { url?: string } | undefined)?.url ?? '').startsWith(extOrigin))
    .map((e) => [e.ts, e.dur ?? 0]);
  return { samples, tasks, marks, evaluations, interval };
}

/** Extension sample time (µs) between two trace timestamps. */
export function extTimeBetween(summary: TraceSummary, from: number, to: number): number {
  let total = 0;
  for (const s of summary.samples) if (s.ext && s.ts >= from && s.ts < to) total += s.weight;
  return total;
}

/** The extension's sample time by innermost function (ms), largest first. */
export function extTimeByFunction(summary: TraceSummary, top: number): [string, number][] {
  const by = new Map<string, number>();
  for (const s of summary.samples) if (s.ext) by.set(s.fn, (by.get(s.fn) ?? 0) + s.weight / 1000);
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, top);
}
