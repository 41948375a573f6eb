import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import {
  CreateProjectDto,
  ProjectDetailDto,
  ProjectDto,
  ProjectQueryDto,
  PublishProjectDto,
  ReasonDto,
  UpdateProjectDto,
} from './dto/project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('procurement')
@ApiProtected()
@Controller('procurement/projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Get()
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'Service projects: staff see their area’s, providers every published tender, evaluators their panels’',
  })
  @ApiPageResponse(ProjectDto)
  @ApiErrors(400)
  list(@Query() query: ProjectQueryDto, @CurrentUser() me: Principal): Promise<Page<ProjectDto>> {
    return this.projects.list(query, me);
  }

  @Post()
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'Create a draft project with requirements and weighted criteria (sum 100)',
  })
  @ApiCreatedResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 403, 404)
  create(@Body() body: CreateProjectDto, @CurrentUser() me: Principal): Promise<ProjectDetailDto> {
    return this.projects.create(body, me);
  }

  @Get(':id')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({ summary: 'One project with its panel, awards and history' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.get(id, me);
  }

  @Patch(':id')
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Edit a draft (409 once published: terms and weights are frozen)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 403, 404, 409)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateProjectDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.update(id, body, me);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Publish: freezes the criteria; bidding closes at closesAt (the matcher’s delayed job)',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  publish(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: PublishProjectDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.publish(id, new Date(body.closesAt), me);
  }

  @Post(':id/close-bidding')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Close bidding by hand, only after closesAt (fails with too few bids)' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  close(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.closeBidding(id, me);
  }

  @Post(':id/start-evaluation')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Every bid qualified or not and a panel of 3+: evaluation starts (or the project fails)',
  })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  startEvaluation(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.startEvaluation(id, me);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Cancel the project with a reason' })
  @ApiOkResponse({ type: ProjectDetailDto })
  @ApiErrors(400, 404, 409)
  cancel(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReasonDto,
    @CurrentUser() me: Principal,
  ): Promise<ProjectDetailDto> {
    return this.projects.cancel(id, body.reason, me);
  }
}
