export * from './channels/notification-channel';
