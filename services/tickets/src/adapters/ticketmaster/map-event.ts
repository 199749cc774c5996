import type { EventDetailsDto, EventStatus, EventSummaryDto } from '@bigtix/common';
import type { TmEvent, TmImage } from './discovery-types';

const STATUSES: readonly EventStatus[] = ['onsale', 'offsale', 'cancelled', 'postponed', 'rescheduled'];

/** Ticketmaster prices are decimal dollars; BigTix money is integer cents everywhere. */
function toCents(amount: number): number {
  return Math.round(amount * 100);
}

/** A wide 16:9 crop of moderate size suits cards on phones and desktops alike. */
function pickImage(images: TmImage[] | undefined): string | null {
  if (!images || images.length === 0) return null;
  const wide = images.filter((i) => i.ratio === '16_9' && !i.fallback).sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
  const fit = wide.find((i) => (i.width ?? 0) >= 640) ?? wide[wide.length - 1] ?? images[0];
  return fit.url;
}

export function toEventSummary(e: TmEvent): EventSummaryDto {
  const venue = e._embedded?.venues?.[0];
  const code = e.dates?.status?.code as EventStatus | undefined;
  const price = e.priceRanges?.find((p) => typeof p.min === 'number' && typeof p.max === 'number');
  const start = e.dates?.start;
  return {
    id: e.id,
    name: e.name,
    url: e.url ?? '',
    date: start?.dateTime ?? start?.localDate ?? null,
    venue: {
      name: venue?.name ?? '',
      city: venue?.city?.name ?? '',
      state: venue?.state?.stateCode ?? venue?.state?.name ?? '',
      country: venue?.country?.countryCode ?? venue?.country?.name ?? '',
    },
    image: pickImage(e.images),
    status: code && STATUSES.includes(code) ? code : 'unknown',
    ...(price
      ? {
          priceRange: {
            min: toCents(price.min!),
            max: toCents(price.max!),
            currency: (price.currency ?? 'USD').toLowerCase(),
          },
        }
      : {}),
  };
}

/** Only an absolute http(s) URL is passed on: it ends up as an image source in the PWA. */
function seatmapUrl(e: TmEvent): string | undefined {
  const raw = e.seatmap?.staticUrl;
  if (typeof raw !== 'string' || raw.length > 2000) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function toEventDetails(e: TmEvent): EventDetailsDto {
  const c = e.classifications?.find((x) => x.primary) ?? e.classifications?.[0];
  const classification = [c?.segment?.name, c?.genre?.name].filter((n) => n && n !== 'Undefined').join(' / ');
  const seatmap = seatmapUrl(e);
  return {
    ...toEventSummary(e),
    info: e.info ?? e.pleaseNote ?? null,
    images: (e.images ?? []).map((i) => ({
      url: i.url,
      width: i.width ?? 0,
      height: i.height ?? 0,
      ratio: i.ratio ?? null,
    })),
    timezone: e.dates?.timezone ?? e._embedded?.venues?.[0]?.timezone ?? null,
    classification: classification || null,
    ...(seatmap ? { seatmapUrl: seatmap } : {}),
  };
}
