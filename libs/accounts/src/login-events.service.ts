import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, type Page, type PageQueryDto, type Principal, toPage } from '@onedoor/platform';
import type { LoginEventKind, LoginOutcome } from './login-event.entity';
import { LoginEventsRepository, type LoginEventFilter } from './login-events.repository';
import { type LoginEventDto, toLoginEventDto } from './dto/auth.dto';

/** Where a request came from, for sessions and the login record. */
export interface ClientInfo {
  address: string;
  userAgent: string | null;
}

@Injectable()
export class LoginEventsService {
  constructor(
    private readonly events: LoginEventsRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * One line of the login record. With a manager it commits with the change it records; a
   * failure is recorded on its own (the request's work is rolled back, the record stays).
   */
  record(
    event: {
      kind: LoginEventKind;
      outcome: LoginOutcome;
      userId: string | null;
      username: string;
      client: ClientInfo | null;
    },
    manager?: EntityManager,
  ): Promise<void> {
    return this.events.insert(
      {
        at: this.clock.now(),
        userId: event.userId,
        username: event.username.slice(0, 200),
        kind: event.kind,
        outcome: event.outcome,
        clientAddress: event.client?.address ?? null,
        userAgent: event.client?.userAgent?.slice(0, 500) ?? null,
      },
      manager,
    );
  }

  async list(
    filter: LoginEventFilter,
    page: PageQueryDto,
    reader: Principal,
  ): Promise<Page<LoginEventDto>> {
    return toPage(await this.events.list(filter, page, reader), page, toLoginEventDto);
  }
}
