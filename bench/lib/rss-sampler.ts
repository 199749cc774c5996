import { rssMiB } from './processes';

/** Samples the RSS of several processes on an interval until stopped; keeps every sample. */
export function sampleRss(pids: Record<string, number>, intervalMs = 250): { stop(): Record<string, number[]> } {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(pids).map((k) => [k, []]));
  const take = () => {
    for (const [name, pid] of Object.entries(pids)) {
      const v = rssMiB(pid);
      if (Number.isFinite(v)) samples[name].push(v);
    }
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
