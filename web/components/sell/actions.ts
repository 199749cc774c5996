'use server';
import { redirect } from 'next/navigation';
import type { ErrorBody } from '@bigtix/common';
import { ApiError } from '@/lib/api/http';
import { createListing } from '@/lib/api/listings';
import { fieldErrorsFromApi, parseListingForm, type FieldErrors } from '@/lib/sell/listing-form';

export interface SellState {
  error: string | null;
  /** Messages by form field, from the form's own checks or from the listings API's 400. */
  fieldErrors: FieldErrors;
}

/**
 * Lists one group of seats (`POST /api/listings`): all its seats or none. The form is checked
 * here first so the seller hears about a miscount before anything is sent; whatever the API
 * still refuses comes back next to the field it names.
 */
export async function listSeats(eventId: string, _prev: SellState, form: FormData): Promise<SellState> {
  const parsed = parseListingForm(eventId, form);
  if (!parsed.ok) return { error: 'Fix the highlighted fields. Nothing was listed.', fieldErrors: parsed.errors };
  try {
    await createListing(parsed.input);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401)
      redirect(`/auth/signin?next=${encodeURIComponent(`/sell?eventId=${eventId}`)}`);
    // The one conflict a new listing meets: one of its serials is listed already (by this seller).
    if (err instanceof ApiError && err.status === 409)
      return {
        error: 'Fix the highlighted fields. Nothing was listed.',
        fieldErrors: { serials: fieldErrorsFromApi(err.messages.map((message) => ({ message }))).general.join(' ') },
      };
    if (err instanceof ApiError && err.status < 500) {
      const items = (err.body as ErrorBody | null)?.errors ?? err.messages.map((message) => ({ message }));
      const { fields, general } = fieldErrorsFromApi(items);
      const named = Object.keys(fields).length > 0;
      return {
        error: [named ? 'Fix the highlighted fields. Nothing was listed.' : '', ...general].filter(Boolean).join(' '),
        fieldErrors: fields,
      };
    }
    return {
      error: 'Listing failed: the tickets service is not answering. Nothing was listed; try again.',
      fieldErrors: {},
    };
  }
  redirect(`/my/listings?listed=${parsed.input.quantity}`);
}
