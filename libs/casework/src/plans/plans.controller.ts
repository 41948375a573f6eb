import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  type StreamableFile,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  ApiErrors,
  ApiProtected,
  attachment,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  readUpload,
  Roles,
} from '@onedoor/platform';
import {
  AgreePlanDto,
  PlanDto,
  PlanFileDto,
  PlanVersionListDto,
  PlanVersionQueryDto,
  SavePlanDto,
} from './dto/plan.dto';
import { PlanAgreementService } from './plan-agreement.service';
import { PlansService } from './plans.service';

const stale = (also: string) => ({
  status: 409,
  code: 'STALE_VERSION' as const,
  message: 'Plan was changed since version 1 (now 2)',
  description: `The revision sent is stale (STALE_VERSION), or ${also}`,
});

@ApiTags('cases')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller('cases/:id')
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly agreement: PlanAgreementService,
  ) {}

  @Post('plan/generate')
  @ApiOperation({
    summary:
      "Write the case's first plan as a draft: one goal per open or matched need of the latest completed assessment, its approved proposals and referrals as actions (409 CASE_PLAN_EXISTS when it has one)",
  })
  @ApiCreatedResponse({ type: PlanDto })
  @ApiErrors(400, 404, {
    status: 409,
    code: 'CASE_PLAN_EXISTS',
    message: 'The case has a plan: edit it instead',
    description: 'The case has a plan already (CASE_PLAN_EXISTS), or it is closed',
  })
  generate(@Param('id', ParseIdPipe) id: string, @CurrentUser() me: Principal): Promise<PlanDto> {
    return this.plans.generate(id, me);
  }

  @Get('plan')
  @ApiOperation({
    summary:
      "The case's current plan with its goals and actions (brought in line with its referrals first), or `?version=n`",
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PlanVersionQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<PlanDto> {
    return this.plans.get(id, me, query.version);
  }

  @Get('plans')
  @ApiOperation({ summary: "The plan's versions, newest first" })
  @ApiOkResponse({ type: PlanVersionListDto })
  @ApiErrors(400, 404)
  async versions(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<PlanVersionListDto> {
    return { items: await this.plans.versions(id, me) };
  }

  @Put('plan')
  @ApiOperation({
    summary:
      'Save the whole plan: a draft is replaced in place; an agreed plan gets its next version as a draft',
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(400, 404, stale('the case is closed'))
  save(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SavePlanDto,
    @CurrentUser() me: Principal,
  ): Promise<PlanDto> {
    return this.plans.save(id, body, me);
  }

  @Post('plan/agree')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Record the family's agreement to the current draft: a signed file uploaded first, or the adviser's attestation",
  })
  @ApiOkResponse({ type: PlanDto })
  @ApiErrors(400, 404, stale('the plan is not a draft (CASE_PLAN_STATE_CONFLICT)'), {
    status: 422,
    code: 'CASE_PLAN_FILE_INVALID',
    message: 'Upload the signed agreement (PDF, PNG or JPEG) first, then agree with its id',
    description: 'The file is not an agreement you uploaded to this case',
  })
  agree(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AgreePlanDto,
    @CurrentUser() me: Principal,
  ): Promise<PlanDto> {
    return this.agreement.agree(id, body, me);
  }

  @Post('plan/files')
  @ApiOperation({
    summary:
      'Upload the signed agreement (multipart, one file: PDF, PNG or JPEG, checked by content), then agree with its id',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: PlanFileDto })
  @ApiErrors(400, 404, 409, 413, 415)
  async upload(
    @Param('id', ParseIdPipe) id: string,
    @Req() request: FastifyRequest,
    @CurrentUser() me: Principal,
  ): Promise<PlanFileDto> {
    return this.agreement.upload(id, await readUpload(request), me);
  }

  @Get('plan/files/:fileId')
  @ApiOperation({ summary: "Download the signed agreement of one of the case's plans" })
  @ApiOkResponse({
    description: 'The file, as an attachment (filename* carries the UTF-8 name)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 404)
  async download(
    @Param('id', ParseIdPipe) id: string,
    @Param('fileId', ParseIdPipe) fileId: string,
    @CurrentUser() me: Principal,
  ): Promise<StreamableFile> {
    const { file, content } = await this.agreement.download(id, fileId, me);
    return attachment(content, file);
  }
}
