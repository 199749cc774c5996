'use server';
import { revalidatePath } from 'next/cache';
import { parseDollarsToCents } from '@bigtix/common';
import { ApiError } from '@/lib/api/http';
import { repriceListing, withdrawListing } from '@/lib/api/listings';
import { updateTicket, withdrawTicket } from '@/lib/api/tickets';

export interface ListingActionResult {
  error: string | null;
}

function explain(err: unknown): string {
  if (err instanceof ApiError && err.status === 409)
    return 'This ticket is held by a buyer or already sold, so it cannot change now.';
  if (err instanceof ApiError && err.status < 500) return err.messages.join('. ');
  return 'The tickets service is not answering; nothing changed.';
}

export async function changePrice(ticketId: string, dollars: string): Promise<ListingActionResult> {
  const price = parseDollarsToCents(dollars);
  if (price === null || price < 1) return { error: 'Enter a price like 45 or 45.50.' };
  try {
    await updateTicket({ id: ticketId, price });
  } catch (err) {
    return { error: explain(err) };
  }
  revalidatePath('/my/listings');
  return { error: null };
}

export async function delist(ticketId: string): Promise<ListingActionResult> {
  try {
    await withdrawTicket(ticketId);
  } catch (err) {
    return { error: explain(err) };
  }
  revalidatePath('/my/listings');
  return { error: null };
}

/** A whole group: every unsold seat takes the new price (`PUT /api/listings/:id`). */
export async function repriceGroup(listingId: string, dollars: string): Promise<ListingActionResult> {
  const price = parseDollarsToCents(dollars);
  if (price === null || price < 1) return { error: 'Enter a price like 45 or 45.50.' };
  try {
    await repriceListing(listingId, price);
  } catch (err) {
    return { error: explainGroup(err) };
  }
  revalidatePath('/my/listings');
  return { error: null };
}

/** Withdraws what of a group is not held or sold (`DELETE /api/listings/:id`). */
export async function delistGroup(listingId: string): Promise<ListingActionResult> {
  try {
    await withdrawListing(listingId);
  } catch (err) {
    return { error: explainGroup(err) };
  }
  revalidatePath('/my/listings');
  return { error: null };
}

function explainGroup(err: unknown): string {
  if (err instanceof ApiError && err.status < 500) return err.messages.join('. ');
  return 'The tickets service is not answering; nothing changed.';
}
