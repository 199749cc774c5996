export * from './router';
export * from './services';
