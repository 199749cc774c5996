export * from './ticketmaster-client';
export * from './event-cache';
export * from './map-event';
export * from './rate-limiter';
export type * from './discovery-types';
