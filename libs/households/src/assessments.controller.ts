import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { AssessmentTemplatesService } from './assessment-templates.service';
import { AssessmentsService } from './assessments/assessments.service';
import {
  AssessmentDto,
  CompleteAssessmentDto,
  CreateTemplateDto,
  TemplateDto,
  UpdateAssessmentDto,
} from './dto/assessment.dto';

@ApiTags('assessments')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller('assessments')
export class AssessmentsController {
  constructor(private readonly assessments: AssessmentsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One assessment with its scores, tier, circle and needs' })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<AssessmentDto> {
    return this.assessments.get(id, principal);
  }

  @Patch(':id')
  @Roles('assessor')
  @ApiOperation({ summary: 'Record answers on a draft (merged; 409 once completed)' })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiErrors(400, 404, 409)
  answer(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateAssessmentDto,
    @CurrentUser() principal: Principal,
  ): Promise<AssessmentDto> {
    return this.assessments.answer(id, body, principal);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('assessor')
  @ApiOperation({
    summary: 'Complete: scores, tier and circle, needs; freezes the assessment and queues matching',
  })
  @ApiOkResponse({ type: AssessmentDto })
  @ApiErrors(400, 404, 409)
  complete(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CompleteAssessmentDto,
    @CurrentUser() principal: Principal,
  ): Promise<AssessmentDto> {
    return this.assessments.complete(id, body, principal);
  }
}

@ApiTags('assessments')
@ApiProtected()
@Controller('assessment-templates')
export class AssessmentTemplatesController {
  constructor(private readonly templates: AssessmentTemplatesService) {}

  @Get()
  @Roles('assessor', 'civil_affairs')
  @ApiOperation({ summary: 'Every template version, newest first per code' })
  @ApiOkResponse({ type: [TemplateDto] })
  list(): Promise<TemplateDto[]> {
    return this.templates.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Publish a template: a new code, or the next version of an existing one (admin)',
  })
  @ApiCreatedResponse({ type: TemplateDto })
  @ApiErrors(400)
  publish(
    @Body() body: CreateTemplateDto,
    @CurrentUser() principal: Principal,
  ): Promise<TemplateDto> {
    return this.templates.publish(body, principal);
  }
}
