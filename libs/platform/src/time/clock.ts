import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for deadlines (referral SLAs): services ask the clock, never
 * `new Date()` or SQL `now()`, so tests can move time by stubbing `now` on the app's instance.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
