import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  clientAddress,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
  Public,
  Roles,
} from '@onedoor/platform';
import { PAGE_HEADER, pageOf } from '@onedoor/households';
import {
  CloseLeadDto,
  LeadContactDto,
  LeadDto,
  LeadQueryDto,
  LeadReceiptDto,
  LeadSummaryDto,
  LinkLeadDto,
  MyLeadDto,
  PublicReportLeadDto,
  ReportLeadDto,
  TriageLeadDto,
} from './dto/lead.dto';
import { LeadsService } from './leads.service';

const leadNotFound = {
  status: 404,
  code: 'LEAD_NOT_FOUND' as const,
  message: 'Lead not found',
  description: 'No such lead, or not one the caller may see (a reporter sees only /leads/mine)',
};
const stateInvalid = {
  status: 409,
  code: 'LEAD_STATE_INVALID' as const,
  message: 'A closed lead cannot become linked',
};

/**
 * Leads (线索): reported by any signed-in role or the public form, triaged by the community's
 * civil-affairs staff and assessors (and those above them) in scope; a reporter reads only
 * their own (`/leads/mine`).
 */
@ApiTags('leads')
@Controller()
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post('leads')
  @ApiProtected()
  @Roles('reporter', 'civil_affairs', 'assessor', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'Report a family in sudden difficulty (the source is your role, the reporter your name); ' +
      'checked against the registry and routed to the community’s staff',
  })
  @ApiCreatedResponse({ type: MyLeadDto })
  @ApiErrors(400)
  report(@Body() body: ReportLeadDto, @CurrentUser() me: Principal): Promise<MyLeadDto> {
    return this.leads.report(body, me);
  }

  @Post('public/leads')
  @Public()
  @ApiOperation({
    summary: 'Report a family in sudden difficulty without an account (the public form)',
    description:
      'Throttled per client address (LEAD_PUBLIC_MAX_PER_HOUR, 429 with Retry-After). The answer ' +
      'is a reference number only; nothing reported can be read back without login.',
  })
  @ApiCreatedResponse({ type: LeadReceiptDto })
  @ApiErrors(400, {
    status: 429,
    code: 'TOO_MANY_REQUESTS',
    message: 'Too many reports from this address; try again in 3600 seconds',
    details: { retryAfterSeconds: 3600 },
  })
  reportPublic(
    @Body() body: PublicReportLeadDto,
    @Req() request: FastifyRequest,
  ): Promise<LeadReceiptDto> {
    return this.leads.reportPublic(body, clientAddress(request));
  }

  @Get('leads/mine')
  @ApiProtected()
  @Roles('reporter', 'civil_affairs', 'assessor', 'provider', 'evaluator')
  @ApiOperation({
    summary: 'The leads you reported, newest first: reference, date, status and community only',
  })
  @ApiPageResponse(MyLeadDto)
  @ApiErrors(400)
  mine(@Query() query: LeadQueryDto, @CurrentUser() me: Principal): Promise<Page<MyLeadDto>> {
    return this.leads.mine(query, me);
  }

  @Get('leads')
  @ApiProtected()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'The triage queue of your area: open leads (or of one status), overdue first, then by deadline',
  })
  @ApiPageResponse(LeadSummaryDto)
  @ApiErrors(400)
  list(@Query() query: LeadQueryDto, @CurrentUser() me: Principal): Promise<Page<LeadSummaryDto>> {
    return this.leads.list(query, me);
  }

  @Get('leads/:id')
  @ApiProtected()
  // Every role reaches the handler, so that a reporter asking for any lead gets the 404 a
  // missing one gets (not a 403 that tells the route exists for others).
  @Roles('reporter', 'civil_affairs', 'assessor', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'One lead for staff in scope: what happened (decrypted) and the registered households it may be',
  })
  @ApiOkResponse({ type: LeadDto })
  @ApiErrors(400, leadNotFound)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() me: Principal): Promise<LeadDto> {
    return this.leads.get(id, me);
  }

  @Post('leads/:id/contact')
  @HttpCode(200)
  @ApiProtected()
  // As for GET /leads/{id}: every role reaches the handler and gets the same 404 when the
  // lead is not theirs to see (a reporter never reads the family's numbers).
  @Roles('reporter', 'civil_affairs', 'assessor', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'How to reach the family and the reporter (phones and identity number decrypted), for staff ' +
      'in scope; each read is recorded in the audit log (who, when, the page of `X-OneDoor-Page`)',
  })
  @ApiHeader({
    name: PAGE_HEADER,
    required: false,
    description: 'The console page reading the numbers (its pathname), for the audit log',
  })
  @ApiOkResponse({ type: LeadContactDto })
  @ApiErrors(400, leadNotFound)
  contact(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
    @Headers(PAGE_HEADER) page?: string,
  ): Promise<LeadContactDto> {
    return this.leads.contact(id, me, pageOf(page));
  }

  @Post('leads/:id/triage')
  @HttpCode(200)
  @ApiProtected()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({ summary: 'Mark a reported lead triaged (checked; a note for the record)' })
  @ApiOkResponse({ type: LeadDto })
  @ApiErrors(400, leadNotFound, stateInvalid)
  triage(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: TriageLeadDto,
    @CurrentUser() me: Principal,
  ): Promise<LeadDto> {
    return this.leads.triage(id, body.note, me);
  }

  @Post('leads/:id/link')
  @HttpCode(200)
  @ApiProtected()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({ summary: 'Link an open lead to a registered household in your scope' })
  @ApiOkResponse({ type: LeadDto })
  @ApiErrors(400, leadNotFound, stateInvalid)
  link(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: LinkLeadDto,
    @CurrentUser() me: Principal,
  ): Promise<LeadDto> {
    return this.leads.link(id, body.householdId, me);
  }

  @Post('leads/:id/close')
  @HttpCode(200)
  @ApiProtected()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({ summary: 'Close an open lead with a reason (e.g. 经核实无需救助, 重复线索)' })
  @ApiOkResponse({ type: LeadDto })
  @ApiErrors(400, leadNotFound, stateInvalid)
  close(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CloseLeadDto,
    @CurrentUser() me: Principal,
  ): Promise<LeadDto> {
    return this.leads.close(id, body, me);
  }
}
