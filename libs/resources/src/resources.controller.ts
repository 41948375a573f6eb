import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  AuditEntryDto,
  PageQueryDto,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
  resolveLanguage,
  Roles,
} from '@onedoor/platform';
import {
  CreateResourceDto,
  EligibilityCheckBodyDto,
  EligibilityCheckDto,
  ResourceDto,
  ResourceQueryDto,
  TransitionDto,
  UpdateResourceDto,
} from './dto/resource.dto';
import { checkEligibility } from './eligibility/eligibility-check';
import { ResourceLifecycleService } from './resource-lifecycle.service';
import { ResourcesService } from './resources.service';

@ApiTags('resources')
@ApiProtected()
@Controller('resources')
export class ResourcesController {
  constructor(
    private readonly resources: ResourcesService,
    private readonly lifecycle: ResourceLifecycleService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Search resources visible to you; coversArea finds those covering a community',
  })
  @ApiPageResponse(ResourceDto)
  @ApiErrors(400)
  list(
    @Query() query: ResourceQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<ResourceDto>> {
    return this.resources.list(query, principal);
  }

  @Post()
  @Roles('provider')
  @ApiOperation({ summary: 'Post a draft resource for your organization' })
  @ApiCreatedResponse({ type: ResourceDto })
  @ApiErrors(400, 404)
  create(
    @Body() body: CreateResourceDto,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.resources.create(body, principal);
  }

  @Post('eligibility/check')
  @HttpCode(200)
  @Roles('provider', 'civil_affairs', 'assessor', 'admin')
  @ApiOperation({
    summary:
      'Check a rule document as saving a resource would, and word it: errors by node path (nothing saved)',
  })
  @ApiOkResponse({ type: EligibilityCheckDto })
  @ApiErrors(400)
  checkEligibility(
    @Body() body: EligibilityCheckBodyDto,
    @Query('lang') lang: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
  ): EligibilityCheckDto {
    return checkEligibility(body.eligibility ?? null, resolveLanguage(lang, acceptLanguage));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One resource with its rules, remaining capacity and history link' })
  @ApiOkResponse({ type: ResourceDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.resources.get(id, principal);
  }

  @Get(':id/history')
  @ApiOperation({ summary: "The resource's history (audit rows), oldest first" })
  @ApiPageResponse(AuditEntryDto)
  @ApiErrors(400, 404)
  history(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<AuditEntryDto>> {
    return this.resources.history(id, query, principal);
  }

  @Patch(':id')
  @Roles('provider')
  @ApiOperation({
    summary: 'Edit a resource (drafts fully; published/paused: capacity, validUntil, contactNotes)',
  })
  @ApiOkResponse({ type: ResourceDto })
  @ApiErrors(400, 404, 409)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateResourceDto,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.resources.update(id, body, principal);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('provider')
  @ApiOperation({ summary: "Submit a draft for review (the resource's organization)" })
  @ApiOkResponse({ type: ResourceDto })
  @ApiErrors(400, 404, 409)
  submit(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: TransitionDto,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.lifecycle.transition(id, 'submit', principal, body.reason);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Publish a resource under review (staff whose area holds its coverage; provider must be verified)',
  })
  @ApiOkResponse({ type: ResourceDto })
  @ApiErrors(400, 404, 409)
  publish(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: TransitionDto,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.lifecycle.transition(id, 'publish', principal, body.reason);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Send a resource under review back to draft, with a reason' })
  @ApiOkResponse({ type: ResourceDto })
  @ApiErrors(400, 404, 409)
  reject(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: TransitionDto,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.lifecycle.transition(id, 'reject', principal, body.reason);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles('provider', 'civil_affairs')
  @ApiOperation({ summary: 'Pause a published resource (its organization or reviewing staff)' })
  @ApiOkResponse({ type: ResourceDto })
  @ApiErrors(400, 404, 409)
  pause(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: TransitionDto,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.lifecycle.transition(id, 'pause', principal, body.reason);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles('provider', 'civil_affairs')
  @ApiOperation({ summary: 'Resume a paused resource' })
  @ApiOkResponse({ type: ResourceDto })
  @ApiErrors(400, 404, 409)
  resume(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: TransitionDto,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.lifecycle.transition(id, 'resume', principal, body.reason);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('provider', 'civil_affairs')
  @ApiOperation({ summary: 'Withdraw a resource for good, with a reason' })
  @ApiOkResponse({ type: ResourceDto })
  @ApiErrors(400, 404, 409)
  close(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: TransitionDto,
    @CurrentUser() principal: Principal,
  ): Promise<ResourceDto> {
    return this.lifecycle.transition(id, 'close', principal, body.reason);
  }
}
