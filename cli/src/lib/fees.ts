import { DEFAULT_FEES, FeeSchedule } from '@bigtix/common';
import type { ApiClient } from './api-client';
import type { Output } from './output';

/**
 * The marketplace's fee schedule, asked of the API so proceeds printed here are the ones the
 * seller will be paid. If the API cannot say (an older server), the defaults are used and the
 * seller is told so on stderr.
 */
export async function feeSchedule(api: ApiClient, out: Output): Promise<FeeSchedule> {
  try {
    return await api.fees();
  } catch (err) {
    out.warn(
      `fee schedule unavailable (${(err as Error).message}); proceeds assume the default ${DEFAULT_FEES.sellerFeeBps / 100} % seller fee`,
    );
    return DEFAULT_FEES;
  }
}

export const percent = (bps: number): string => `${bps / 100} %`;
