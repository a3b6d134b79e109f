// Tables for the command-line and reader benchmarks (bench-cli.ts, bench-readers.ts).
import type { CliResult } from './bench-cli';
import type { ReadersResult } from './bench-readers';
import { fmt, table } from './bench-report';

const mib = (x: number) => `${x.toFixed(0)} MiB`;

export function printCliResults(r: CliResult, out: (s?: string) => void): void {
  out();
  out(`## 5. The command line, whole processes (median of ${r.rounds} interleaved rounds)`);
  out();
  const ratio = r.scan.wallMs / r.floor.wallMs;
  const cpuRatio = r.scan.cpuMs / r.floor.cpuMs;
  out(
    table(
      ['Process', 'Wall time', 'CPU time', 'Peak memory (RSS)', 'x floor (wall / CPU)'],
      [
        ['`node -e ""` (Node start-up alone)', fmt.ms(r.node.wallMs), fmt.ms(r.node.cpuMs), mib(r.node.maxRssMiB), ''],
        [
          `floor: node reads ${fmt.mb(r.textBytes)}, lower-cases and tokenises it`,
          fmt.ms(r.floor.wallMs),
          fmt.ms(r.floor.cpuMs),
          mib(r.floor.maxRssMiB),
          '1.00x',
        ],
        [
          `settlement-screen scan (${fmt.mb(r.textBytes)} of text) --json`,
          fmt.ms(r.scan.wallMs),
          fmt.ms(r.scan.cpuMs),
          mib(r.scan.maxRssMiB),
          `${fmt.x(ratio)} / ${fmt.x(cpuRatio)}`,
        ],
        [
          'settlement-screen check NAME (start-up and one name)',
          fmt.ms(r.check.wallMs),
          fmt.ms(r.check.cpuMs),
          mib(r.check.maxRssMiB),
          '',
        ],
      ],
    ),
  );
  out();
  const s = r.stream;
  out(
    `Standard input, read in blocks: \`scan -\` of ${fmt.mb(s.bytes)} (${s.blocks.toLocaleString('en')} lines) took ` +
      `${(s.wallMs / 1000).toFixed(1)} s (${fmt.mbs(s.bytes / 1e3 / s.wallMs)}), peak memory ${mib(s.maxRssMiB)}.`,
  );
  out();
  out(
    table(
      ['Target', 'Measured', 'Holds'],
      [
        ['whole-process scan of 4 MB within 2x of the floor', fmt.x(ratio), ratio <= 2 ? 'yes' : 'NO'],
        ['streamed scan under 1 GB of memory', mib(s.maxRssMiB), s.maxRssMiB < 1024 ? 'yes' : 'NO'],
      ],
    ),
  );
}

export function printReaderResults(r: ReadersResult, out: (s?: string) => void): void {
  out();
  out('## 6. Readers on damaged and hostile input');
  out();
  out(
    table(
      ['Reader', 'Good file', 'Damaged variants', 'Refused', 'Median', 'Slowest', 'Slowest per MB (>= 100 kB)'],
      r.readers.map((x) => [
        x.reader,
        fmt.mb(x.bytes),
        x.variants,
        x.errors,
        fmt.ms(x.medianMs),
        fmt.ms(x.maxMs),
        x.maxMsPerMB > 0 ? fmt.ms(x.maxMsPerMB) : '',
      ]),
    ),
  );
  out();
  out(
    table(
      ['Hostile input', 'Size', 'Time', 'Outcome'],
      r.hostile.map((h) => [h.input, fmt.mb(h.bytes), fmt.ms(h.ms), h.outcome]),
    ),
  );
  const worst = Math.max(
    ...r.readers.map((x) => x.maxMsPerMB),
    ...r.hostile.map((h) => h.ms / Math.max(h.bytes / 1e6, 1)),
  );
  out();
  out(
    table(
      ['Target', 'Measured', 'Holds'],
      [
        [
          'no damaged or hostile input takes more than a few seconds per MB',
          `${fmt.ms(worst)} per MB at worst`,
          worst <= 5000 ? 'yes' : 'NO',
        ],
      ],
    ),
  );
}
