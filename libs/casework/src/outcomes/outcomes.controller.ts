import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { CaseOutcomesDto } from './dto/case-outcome.dto';
import { OutcomesService } from './outcomes.service';

@ApiTags('cases')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller('cases')
export class OutcomesController {
  constructor(private readonly outcomes: OutcomesService) {}

  @Get(':id/outcomes')
  @ApiOperation({
    summary:
      "What changed at each of the household's reassessments: dimension and total scores, tier, needs fulfilled, days from need to help",
  })
  @ApiOkResponse({ type: CaseOutcomesDto })
  @ApiErrors(400, 404)
  ofCase(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<CaseOutcomesDto> {
    return this.outcomes.ofCase(id, principal);
  }
}
