import { ListQuery, OrderDto, Page, UserDto } from '@bigtix/common';
import { decodeCursor, toPage } from '@bigtix/middleware';
import type { Filter } from 'mongodb';
import type { OrdersDeps } from '../deps';
import { OrderDoc, toOrderDto } from '../models/order';

/** The caller's orders: active (holding tickets) first, then newest; keyset-paginated on (rank, createdAt, id). */
export async function listOrders(deps: OrdersDeps, user: UserDto, query: ListQuery): Promise<Page<OrderDto>> {
  const after = decodeCursor(query.cursor, 3);
  const filter: Filter<OrderDoc> = { userId: user.id };
  if (after) {
    const [rank, createdMs, id] = after as [number, number, string];
    const createdAt = new Date(Number(createdMs));
    filter.$or = [
      { rank: { $gt: rank as 0 | 1 } },
      { rank: rank as 0 | 1, createdAt: { $lt: createdAt } },
      { rank: rank as 0 | 1, createdAt, _id: { $lt: String(id) } },
    ];
  }
  const rows = await deps.orderDocs
    .find(filter)
    .sort({ rank: 1, createdAt: -1, _id: -1 })
    .limit(query.limit + 1)
    .toArray();
  return toPage(rows as OrderDoc[], query.limit, (o) => [o.rank, new Date(o.createdAt).getTime(), o._id], toOrderDto);
}
