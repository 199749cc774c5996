'use server';
import { revalidatePath } from 'next/cache';
import { parseDollarsToCents } from '@bigtix/common';
import { ApiError } from '@/lib/api/http';
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
