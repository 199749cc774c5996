export * from './ticketmaster-client';
export * from './event-cache';
export * from './map-event';
export * from './token-bucket';
export type * from './discovery-types';
