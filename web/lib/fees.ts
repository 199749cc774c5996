import { FeeSchedule, readFeeSchedule } from '@bigtix/common';

/**
 * The fee schedule the web shows prices with: BUYER_FEE_BPS / SELLER_FEE_BPS, read on the server
 * (set them to the same values as the orders service; orders fixes the fees on each order, so
 * the order page always shows what is charged).
 */
export const FEES: FeeSchedule = readFeeSchedule(process.env);
