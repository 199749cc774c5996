export * from './config';
export * from './compose';
export * from './transport';
export * from './email-outbox';
export * from './mailer';
export * from './recipients';
export * from './notifier';
