import { Injectable } from '@nestjs/common';
import {
  AssessmentsRepository,
  HouseholdsRepository,
  idNumberProblem,
  normaliseIdNumber,
} from '@onedoor/households';
import {
  Clock,
  DomainError,
  NotFoundError,
  type Page,
  PiiCipher,
  type Principal,
  todayInChina,
  ValidationFailedError,
} from '@onedoor/platform';
import { CategoriesRepository } from '@onedoor/resources';
import type {
  AssistanceLookupAnswerDto,
  AssistanceLookupDto,
  AssistanceLookupQueryDto,
  CreateAssistanceLookupDto,
} from './dto/assistance-lookup.dto';
import {
  type AssistanceLookupFilter,
  type AssistanceLookupRow,
  AssistanceLookupsRepository,
} from './assistance-lookups.repository';
import { currentRun, tierSince } from './lookup-period.util';
import { LookupThrottleService } from './lookup-throttle.service';

const ID_PROBLEMS = {
  format: 'must be 17 digits and a check digit (0-9 or X)',
  birth_date: 'has an impossible birth date',
  check_digit: 'has a wrong check digit (GB 11643)',
};

type Answer = Pick<AssistanceLookupAnswerDto, 'answer' | 'since' | 'until'>;

const NO: Answer = { answer: false, since: null, until: null };

/**
 * The lookup (DESIGN.md, the assistance ledger): a department or provider, with a declared
 * purpose, asks whether an identity number currently receives a category or holds a tier, and
 * hears yes or no with the period, nothing else. An unregistered number answers exactly like a
 * registered person who does not receive it. Every question is logged before it is answered
 * (the digest, never the number), and the household's area staff see the log.
 */
@Injectable()
export class AssistanceLookupsService {
  constructor(
    private readonly lookups: AssistanceLookupsRepository,
    private readonly throttle: LookupThrottleService,
    private readonly households: HouseholdsRepository,
    private readonly assessments: AssessmentsRepository,
    private readonly categories: CategoriesRepository,
    private readonly pii: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async ask(
    dto: CreateAssistanceLookupDto,
    principal: Principal,
  ): Promise<AssistanceLookupAnswerDto> {
    const problem = idNumberProblem(dto.idNumber);
    if (problem) {
      throw new DomainError(
        'ASSISTANCE_LOOKUP_ID_NUMBER_INVALID',
        `idNumber ${ID_PROBLEMS[problem]}`,
        [
          {
            field: 'idNumber',
            constraint: 'isIdNumber',
            params: { problem },
            message: `idNumber ${ID_PROBLEMS[problem]}`,
          },
        ],
      );
    }
    if (dto.question === 'receives' && !(await this.categories.exists(dto.categoryCode!))) {
      throw new ValidationFailedError('categoryCode: unknown category', [
        { field: 'categoryCode', constraint: 'unknownCategory', message: 'unknown category' },
      ]);
    }
    const remainingToday = await this.throttle.consume(principal.userId);
    const now = this.clock.now();
    const idHmac = this.pii.digest(normaliseIdNumber(dto.idNumber));
    // A person may be listed in two households that have not exited (registration warns, it
    // does not refuse): the answer is yes if either household's is, and the log names that one.
    const listed = await this.households.membersListing([idHmac]);
    const households = [...new Map(listed.map((l) => [l.householdId, l])).values()].map(
      ({ householdId: id, tier, areaPath }) => ({ id, tier, areaPath }),
    );
    let household = households[0] ?? null;
    let answer = NO;
    for (const h of households) {
      const found =
        dto.question === 'receives'
          ? await this.receives(h.id, dto.categoryCode!, todayInChina(now))
          : await this.holdsTier(h.id, h.tier, dto.tier!);
      if (found.answer) {
        [household, answer] = [h, found];
        break;
      }
    }
    await this.lookups.insert({
      at: now,
      userId: principal.userId,
      role: principal.role,
      providerId: principal.providerId,
      userAreaPath: principal.areaPath,
      purpose: dto.purpose,
      purposeNote: dto.purposeNote?.trim() || null,
      question: dto.question,
      categoryCode: dto.question === 'receives' ? dto.categoryCode! : null,
      tier: dto.question === 'tier' ? dto.tier! : null,
      idHmac,
      householdId: household?.id ?? null,
      householdAreaPath: household?.areaPath ?? null,
      ...answer,
    });
    return { ...answer, remainingToday };
  }

  private async receives(householdId: string, categoryCode: string, today: string) {
    const run = currentRun(await this.lookups.periodsOf(householdId, categoryCode), today);
    return run ? { answer: true, since: run.since, until: run.until } : NO;
  }

  private async holdsTier(householdId: string, current: string | null, tier: string) {
    if (current !== tier) return NO;
    const completed = (await this.assessments.ofHousehold(householdId))
      .filter((a) => a.status === 'completed' && a.completedAt)
      .sort((a, b) => b.completedAt!.getTime() - a.completedAt!.getTime())
      .map((a) => ({ tier: a.tier, completedOn: todayInChina(a.completedAt!) }));
    return { answer: true, since: tierSince(completed, tier), until: null };
  }

  /** The log as the caller may see it (providers: their organization's lookups). */
  async list(
    query: AssistanceLookupQueryDto,
    principal: Principal,
  ): Promise<Page<AssistanceLookupDto>> {
    const { userId, from, to } = query;
    return this.page({ userId, from, to }, query, principal);
  }

  /** Lookups about one household: its area's staff only (404 otherwise). */
  async ofHousehold(
    householdId: string,
    query: { page: number; limit: number },
    principal: Principal,
  ): Promise<Page<AssistanceLookupDto>> {
    if (!(await this.households.isVisible(householdId, principal)))
      throw new NotFoundError('Household', 'HOUSEHOLD_NOT_FOUND');
    return this.page({ householdId }, query, principal);
  }

  private async page(
    filter: AssistanceLookupFilter,
    query: { page: number; limit: number },
    principal: Principal,
  ): Promise<Page<AssistanceLookupDto>> {
    const { rows, total } = await this.lookups.page(filter, query, principal);
    return { items: rows.map(toDto), page: query.page, limit: query.limit, total };
  }
}

function toDto(row: AssistanceLookupRow): AssistanceLookupDto {
  return { ...row, at: new Date(row.at).toISOString() };
}
