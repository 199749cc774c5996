import type { EventSummaryDto } from '@bigtix/common';
import type { ApiClient } from '../../lib/api-client';
import type { Deps } from '../../lib/deps';
import { CancelledError } from '../../lib/errors';
import { describeEvent } from '../../lib/event-format';

/** Asks for a keyword and lets the seller choose among the matching events (terminal only). */
export async function pickEvent(api: ApiClient, deps: Deps): Promise<EventSummaryDto> {
  for (;;) {
    const keyword = (await deps.prompts.input('Search events (keyword, empty to cancel)')).trim();
    if (!keyword) throw new CancelledError();
    const { items } = await api.searchEvents({ keyword, size: 20 });
    if (items.length === 0) {
      deps.out.warn(`No events match "${keyword}"; try another keyword.`);
      continue;
    }
    const choice = await deps.prompts.select<EventSummaryDto | null>('Which event?', [
      ...items.map((e) => ({ name: describeEvent(e), value: e as EventSummaryDto | null, description: e.id })),
      { name: '↩ search again', value: null },
    ]);
    if (choice) return choice;
  }
}
