// The machine line printed above the table: figures mean little without it.
import {cpus} from 'node:os';

export function machineLine(chromiumVersion?: string): string {
  const cores = cpus();
  const model = cores[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const chromium = chromiumVersion ? `, Chromium ${chromiumVersion.replace(/^\D*\//, '')}` : '';
  return `${model}, ${cores.length} cores, Node ${process.version}${chromium}`;
}
