export * from './wait-for';
export * from './isolation';
export * from './users';
export * from './mailpit';
export * from './key-spellings';
