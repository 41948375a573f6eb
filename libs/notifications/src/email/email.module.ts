import { Module } from '@nestjs/common';
import { EmailChannel } from './email.channel';
import { MailService } from './mail.service';

/** E-mail for any process: the channel (dispatcher side) and the sender (the `mail` worker). */
@Module({ providers: [EmailChannel, MailService], exports: [EmailChannel, MailService] })
export class EmailModule {}
