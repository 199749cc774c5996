import { Counter, Registry } from 'prom-client';

export interface BusMetrics {
  deadLettered: Counter<'queue' | 'type' | 'reason'>;
  retried: Counter<'queue' | 'type'>;
}

const byRegistry = new WeakMap<Registry, BusMetrics>();

/**
 * The consumers' counters on a service's registry (its `/metrics`), made once per registry so
 * several consumers of one service share them. `reason` is `poison` (failed validation) or
 * `exhausted` (a non-money event that kept failing); alert on any increase.
 */
export function busMetrics(registry: Registry): BusMetrics {
  let metrics = byRegistry.get(registry);
  if (!metrics) {
    metrics = {
      deadLettered: new Counter({
        name: 'bigtix_dead_letters_total',
        help: 'Messages moved to a .dead queue, by consumer queue; list and redrive them with `make dead-letters` / `make redrive`',
        labelNames: ['queue', 'type', 'reason'],
        registers: [registry],
      }),
      retried: new Counter({
        name: 'bigtix_consumer_retries_total',
        help: 'Handler failures parked on the retry queue for a later attempt, by consumer queue',
        labelNames: ['queue', 'type'],
        registers: [registry],
      }),
    };
    byRegistry.set(registry, metrics);
  }
  return metrics;
}
