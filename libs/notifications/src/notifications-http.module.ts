import { Module } from '@nestjs/common';
import { AuthModule, UsersModule } from '@onedoor/platform';
import { NotificationsController } from './notifications.controller';
import { NotificationsModule } from './notifications.module';
import { NotificationStreamHub } from './stream/notification-stream.hub';

/** The inbox routes and this API instance's live streams. */
@Module({
  imports: [NotificationsModule, AuthModule, UsersModule],
  controllers: [NotificationsController],
  providers: [NotificationStreamHub],
})
export class NotificationsHttpModule {}
