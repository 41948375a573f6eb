import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { CreateStackingRuleDto, StackingRuleDto, UpdateStackingRuleDto } from './rules.dto';
import { StackingRulesService } from './rules.service';

const INVALID = {
  status: 422,
  code: 'STACKING_RULE_INVALID' as const,
  message: 'Invalid stacking rule: periodMonths (once_per_period needs periodMonths)',
  description:
    'Not a category or a pair (exactly one), a period with a kind other than once_per_period (or none with it), or an unknown category or resource',
};
const DUPLICATE = {
  status: 409,
  code: 'STACKING_RULE_DUPLICATE' as const,
  message: 'A stacking rule for this category or pair of resources exists already',
  description: 'A rule for that category or pair exists (STACKING_RULE_DUPLICATE)',
};

/** The city-wide stacking rules: staff read them to explain decisions, admin edits them. */
@ApiTags('stacking-rules')
@ApiProtected()
@Controller('stacking-rules')
export class StackingRulesController {
  constructor(private readonly rules: StackingRulesService) {}

  @Get()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary: 'Every stacking rule, with its category names or the titles of its two resources',
  })
  @ApiOkResponse({ type: [StackingRuleDto] })
  list(): Promise<StackingRuleDto[]> {
    return this.rules.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a rule for a category or a pair of resources (admin)' })
  @ApiCreatedResponse({ type: StackingRuleDto })
  @ApiErrors(400, DUPLICATE, INVALID)
  create(
    @Body() body: CreateStackingRuleDto,
    @CurrentUser() principal: Principal,
  ): Promise<StackingRuleDto> {
    return this.rules.create(body, principal);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: "Change a rule's kind, period or note (admin; optimistic locking on version)",
  })
  @ApiOkResponse({ type: StackingRuleDto })
  @ApiErrors(
    400,
    404,
    {
      status: 409,
      code: 'STALE_VERSION' as const,
      message: 'Stacking rule was changed since version 1 (now 2)',
      description: 'The version sent is stale (STALE_VERSION)',
    },
    INVALID,
  )
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateStackingRuleDto,
    @CurrentUser() principal: Principal,
  ): Promise<StackingRuleDto> {
    return this.rules.update(id, body, principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({
    summary: 'Remove a rule (admin): the pair or category falls back to the defaults',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 404)
  async remove(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<void> {
    await this.rules.remove(id, principal);
  }
}
