import {
  BadRequestError,
  ConflictError,
  ListingOrderInput,
  NotFoundError,
  UserDto,
  blockAllowed,
  candidateBlocks,
  sellableQuantities,
} from '@bigtix/common';
import type { OrdersDeps } from '../deps';
import type { OrderDoc } from '../models/order';
import type { TicketReplicaDoc } from '../models/ticket-replica';
import { createOrder } from './create-order';
import { currentHold } from './holds';

/** How many blocks one request tries when racing buyers take seats of the one it chose. */
export const LISTING_ORDER_ATTEMPTS = 5;

type Seat = TicketReplicaDoc & { listing: NonNullable<TicketReplicaDoc['listing']> };

/**
 * `POST /api/orders {listingId, quantity}`: holds `quantity` adjacent seats of one listing.
 *
 * The block is chosen from this service's replica of the listing's tickets and the holds as they
 * are (best block first, by the split rule: seat-blocks.ts in @bigtix/common), then held exactly
 * as `{tickets}` orders are (createOrder → takeHolds: one unique insert per ticket generation,
 * all or nothing). If a racing buyer took a seat of the block, the holds are released and the
 * next block is tried, up to LISTING_ORDER_ATTEMPTS. Once every seat is held, the split rule is
 * checked again against the holds as they are *now*: two buyers each insert their holds before
 * this read, so at least one of any two overlapping in time sees the other's seats, and the one
 * that would leave a remainder the rule forbids gives its block back. A 409 names the
 * quantities still possible.
 */
export async function createListingOrder(
  deps: OrdersDeps,
  buyer: UserDto,
  input: ListingOrderInput,
): Promise<OrderDoc> {
  const tried = new Set<string>();
  for (let attempt = 0; attempt < LISTING_ORDER_ATTEMPTS; attempt++) {
    const seats = await seatsOf(deps, input.listingId);
    if (seats.length === 0) throw new NotFoundError(`No listing with id ${input.listingId}`);
    if (seats[0].userId === buyer.id)
      throw new BadRequestError('You cannot buy your own tickets', [
        { field: 'listingId', message: `listing ${input.listingId} is your own` },
      ]);
    const { splits, seated } = seats[0].listing;
    const free = await freePositions(deps, seats, null);
    const block = candidateBlocks(free, input.quantity, splits, seated).find((b) => !tried.has(b.join(',')));
    if (!block) throw noBlock(input, sellableQuantities(free, splits, seated));
    tried.add(block.join(','));

    const byPosition = new Map(seats.map((s) => [s.listing.position, s]));
    const tickets = block.map((p) => ({ ticketId: byPosition.get(p)!._id, price: byPosition.get(p)!.price }));
    try {
      return await createOrder(
        deps,
        buyer,
        { tickets },
        {
          verifyHeld: async (orderId) => {
            const now = await freePositions(deps, await seatsOf(deps, input.listingId), orderId);
            return blockAllowed(now, block, splits, seated)
              ? null
              : noBlock(
                  input,
                  sellableQuantities(
                    now.filter((p) => !block.includes(p)),
                    splits,
                    seated,
                  ),
                );
          },
        },
      );
    } catch (err) {
      // A seat lost to a racer, or a remainder a racer made: try the next block.
      if (!(err instanceof ConflictError)) throw err;
    }
  }
  const seats = await seatsOf(deps, input.listingId);
  const free = seats.length > 0 ? await freePositions(deps, seats, null) : [];
  throw noBlock(
    input,
    seats.length > 0 ? sellableQuantities(free, seats[0].listing.splits, seats[0].listing.seated) : [],
  );
}

async function seatsOf(deps: OrdersDeps, listingId: string): Promise<Seat[]> {
  const rows = await deps.tickets.find({ 'listing.id': listingId }).toArray();
  return (rows as TicketReplicaDoc[])
    .filter((r): r is Seat => r.listing !== undefined)
    .sort((a, b) => a.listing.position - b.listing.position);
}

/**
 * Positions a buyer could hold now: for sale by the replica (not sold, withdrawn or being
 * withdrawn) and with no live hold, except one of `ownOrderId` (the order checking itself).
 */
async function freePositions(deps: OrdersDeps, seats: Seat[], ownOrderId: string | null): Promise<number[]> {
  const forSale = seats.filter((s) => s.status !== 'sold' && s.status !== 'withdrawn' && s.withdrawRequested !== true);
  const holds = await Promise.all(forSale.map((s) => currentHold(deps, s._id)));
  return forSale
    .filter((_, i) => {
      const h = holds[i];
      return 'free' in h || h.live.orderId === ownOrderId;
    })
    .map((s) => s.listing.position);
}

function noBlock(input: ListingOrderInput, quantities: number[]): ConflictError {
  const possible = quantities.length > 0 ? `possible now: ${quantities.join(', ')}` : 'nothing is left';
  return new ConflictError(
    `Cannot hold ${input.quantity} seat(s) together from listing ${input.listingId} (${possible})`,
    { listingId: input.listingId, quantities },
  );
}
