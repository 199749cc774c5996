import { z } from 'zod';
import { LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT, MAX_PRICE_CENTS, STRIPE_MIN_CHARGE_CENTS } from '../constants';

/** A 24-hex-digit MongoDB ObjectId as a string. */
export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/i, 'must be a 24-character hex id');

export const priceCentsSchema = z
  .number({ error: 'must be a number of cents' })
  .int('must be whole cents (an integer)')
  .min(1, 'must be at least 1 cent')
  .max(MAX_PRICE_CENTS, `must be at most ${MAX_PRICE_CENTS} cents`);

/** A listing's price: one ticket must be payable on its own, so Stripe's minimum charge applies. */
export const listingPriceSchema = priceCentsSchema.min(
  STRIPE_MIN_CHARGE_CENTS,
  `must be at least ${STRIPE_MIN_CHARGE_CENTS} cents (the smallest amount Stripe can charge)`,
);

export const listQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(LIST_MAX_LIMIT, `must be at most ${LIST_MAX_LIMIT}`)
    .default(LIST_DEFAULT_LIMIT),
  cursor: z.string().max(200, 'must be at most 200 characters').optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ErrorBody {
  errors: { message: string; field?: string }[];
}
