export * from './email.channel';
export * from './mail.service';
export * from './email.module';
