import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
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
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
  readUpload,
  Roles,
} from '@onedoor/platform';
import {
  CreateEmergencyIntakeDto,
  EmergencyIntakeDto,
  EmergencyIntakeQueryDto,
  IntakeFileDto,
} from './dto/emergency-intake.dto';
import { EmergencyIntakesService } from './emergency-intakes.service';

const intakeNotFound = {
  status: 404,
  code: 'RELIEF_INTAKE_NOT_FOUND' as const,
  message: 'Emergency intake not found',
  description: 'No such intake, or not one in the caller’s scope',
};

@ApiTags('emergency relief')
@ApiProtected()
@Controller('emergency-intakes')
export class EmergencyIntakesController {
  constructor(private readonly intakes: EmergencyIntakesService) {}

  @Post()
  @Roles('assessor', 'civil_affairs')
  @ApiOperation({
    summary:
      'Emergency intake (急难登记): registers the family without the full assessment (or updates the household a ' +
      'registered identity belongs to), adds its immediate needs at urgency emergency, flags it, queues its matching ' +
      'at top priority and opens the follow-up that owes the full assessment within RELIEF_FOLLOW_UP_DAYS',
  })
  @ApiCreatedResponse({ type: EmergencyIntakeDto })
  @ApiErrors(
    {
      status: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid intake',
      description:
        'Invalid fields (VALIDATION_FAILED), or an unknown need category (CATEGORY_NOT_FOUND)',
    },

    {
      status: 404,
      code: 'HOUSEHOLD_NOT_FOUND',
      message: 'Household not found',
      description:
        'The household, or the lead, is unknown or outside your scope (HOUSEHOLD_NOT_FOUND / RELIEF_INTAKE_LEAD_NOT_FOUND)',
    },
    {
      status: 409,
      code: 'HOUSEHOLD_DUPLICATE',
      message: 'A member of this family is registered in a household outside your area',
      description: 'The family is registered outside your area',
    },
  )
  register(
    @Body() body: CreateEmergencyIntakeDto,
    @CurrentUser() me: Principal,
  ): Promise<EmergencyIntakeDto> {
    return this.intakes.register(body, me);
  }

  @Get()
  @Roles('assessor', 'civil_affairs')
  @ApiOperation({ summary: 'Emergency intakes in your scope, newest first (situations shortened)' })
  @ApiPageResponse(EmergencyIntakeDto)
  @ApiErrors(400)
  list(
    @Query() query: EmergencyIntakeQueryDto,
    @CurrentUser() me: Principal,
  ): Promise<Page<EmergencyIntakeDto>> {
    return this.intakes.list(query, me);
  }

  @Get(':id')
  @Roles('assessor', 'civil_affairs')
  @ApiOperation({
    summary: 'One emergency intake, with what happened, its needs, files and follow-up',
  })
  @ApiOkResponse({ type: EmergencyIntakeDto })
  @ApiErrors(400, intakeNotFound)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<EmergencyIntakeDto> {
    return this.intakes.get(id, me);
  }

  @Post(':id/files')
  @Roles('assessor', 'civil_affairs')
  @ApiOperation({
    summary:
      'Attach a supporting file to an intake (multipart, one file: PDF, PNG, JPEG, docx, xlsx, doc or xls, checked by content; at most FILES_MAX_BYTES)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: IntakeFileDto })
  @ApiErrors(400, intakeNotFound, 413, 415)
  async attach(
    @Param('id', ParseIdPipe) id: string,
    @Req() request: FastifyRequest,
    @CurrentUser() me: Principal,
  ): Promise<IntakeFileDto> {
    return this.intakes.attachFile(id, await readUpload(request), me);
  }
}
