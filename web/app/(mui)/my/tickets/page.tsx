import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Metadata } from 'next';
import { MyTicketsList } from '@/components/tickets/my-tickets-list';
import type { StoredTickets } from '@/components/pwa/device-store';
import { fetchBoughtTickets } from '@/lib/api/tickets';
import { fetchEvent } from '@/lib/api/events';
import { fetchMyOrders } from '@/lib/api/orders';
import { requireUser } from '@/lib/session';
import { seatLabel } from '@/lib/view/listing';

export const metadata: Metadata = { title: 'My tickets', robots: { index: false } };

async function load(userId: string): Promise<StoredTickets | null> {
  try {
    const [tickets, orders] = await Promise.all([fetchBoughtTickets(userId), fetchMyOrders().catch(() => [])]);
    // A ticket's notice comes from the paid order that bought it (refund amount, new date).
    const noticeOf = new Map(
      orders
        .filter((o) => o.status === 'paid')
        .flatMap((o) => o.tickets.map((t) => [t.ticketId, o.eventNotice] as const)),
    );
    const eventIds = [...new Set(tickets.map((t) => t.eventId))];
    const events = new Map(
      (await Promise.all(eventIds.map((id) => fetchEvent(id).catch(() => null))))
        .filter((e) => !!e)
        .map((e) => [e!.id, e!]),
    );
    return {
      userId,
      savedAt: new Date().toISOString(),
      tickets: tickets.map((t) => ({
        id: t.id,
        title: t.title,
        priceLabel: t.priceLabel,
        serialNumber: t.serialNumber,
        seatLabel: seatLabel(t.section ?? null, t.row ?? null, t.seat ?? null),
        eventId: t.eventId,
        eventName: events.get(t.eventId)?.name ?? null,
        eventDate: events.get(t.eventId)?.dateLabel ?? null,
        eventNotice: noticeOf.get(t.id) ?? null,
      })),
    };
  } catch {
    // The device copy is shown instead (see MyTicketsList).
    return null;
  }
}

export default async function MyTicketsPage() {
  const user = await requireUser('/my/tickets');
  const fresh = await load(user.id);
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1" sx={{ fontWeight: 800 }}>
        My tickets
      </Typography>
      <Typography color="text.secondary">
        Tickets you bought, with their serial numbers. They stay available on this device without a connection.
      </Typography>
      <MyTicketsList fresh={fresh} userId={user.id} />
    </Stack>
  );
}
