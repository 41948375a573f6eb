import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  CurrentUser,
  type Page,
  PageQueryDto,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { ReasonDto } from '../tenders/dto/project.dto';
import { ContractsService } from './contracts.service';
import { ContractDetailDto, ContractDto, MilestoneOutcomeDto } from './dto/contract.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('contracts')
@ApiProtected()
@Controller()
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly milestones: MilestonesService,
  ) {}

  @Get('contracts')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary: 'Contracts: staff their area’s, organizations their own, evaluators theirs',
  })
  @ApiPageResponse(ContractDto)
  @ApiErrors(400)
  list(@Query() query: PageQueryDto, @CurrentUser() me: Principal): Promise<Page<ContractDto>> {
    return this.contracts.list(query, me);
  }

  @Get('contracts/:id')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary: 'A contract with milestones, payments, evaluations (and their evidence), history',
  })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.contracts.get(id, me);
  }

  @Post('contracts/:id/milestones/:milestoneId/outcome')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Record a milestone outcome with evidence; a payable one is paid if the latest evaluation is pass or better, else waits',
  })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404, 409)
  milestone(
    @Param('id', ParseIdPipe) id: string,
    @Param('milestoneId', ParseIdPipe) milestoneId: string,
    @Body() body: MilestoneOutcomeDto,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.milestones.decideMilestone(id, milestoneId, body, me);
  }

  @Post('contracts/:id/complete')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Complete the contract (every milestone decided); its resource closes' })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404, 409)
  complete(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.contracts.complete(id, me);
  }

  @Post('contracts/:id/terminate')
  @HttpCode(200)
  @Roles('civil_affairs')
  @ApiOperation({ summary: 'Terminate the contract with a reason; its resource closes' })
  @ApiOkResponse({ type: ContractDetailDto })
  @ApiErrors(400, 404, 409)
  terminate(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReasonDto,
    @CurrentUser() me: Principal,
  ): Promise<ContractDetailDto> {
    return this.contracts.terminate(id, body.reason, me);
  }
}
