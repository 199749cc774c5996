export * from './balancer';
export * from './router';
export * from './services';
export * from './stack';
export * from './stack-env';
export * from './supervisor';
export * from './seed/demo-marketplace';
