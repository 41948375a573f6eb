export * from './event-types';
export * from './event-outbox';
export * from './outbox-event.entity';
export * from './events.module';
