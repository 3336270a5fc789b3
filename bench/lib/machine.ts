// The machine line printed above the table: figures mean little without it.
import {cpus, loadavg} from 'node:os';

export function machineLine(chromiumVersion?: string): string {
  const cores = cpus();
  const model = cores[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const chromium = chromiumVersion ? `, Chromium ${chromiumVersion.replace(/^\D*\//, '')}` : '';
  // The machine is shared: its load when the table is printed (1, 5 and 15 min averages).
  const load = loadavg()
    .map((average) => average.toFixed(1))
    .join(' / ');
  return `${model}, ${cores.length} cores, Node ${process.version}${chromium}, load average ${load}`;
}
