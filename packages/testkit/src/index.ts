export * from './wait-for';
export * from './isolation';
export * from './users';
export * from './mailpit';
