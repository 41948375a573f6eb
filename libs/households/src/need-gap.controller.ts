import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiErrors,
  ApiProtected,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { NeedDto } from './dto/household.dto';
import { SetNeedGapDto } from './need-gap.dto';
import { NeedGapService } from './need-gap.service';

@ApiTags('households')
@ApiProtected()
@Controller('needs')
export class NeedGapController {
  constructor(private readonly gaps: NeedGapService) {}

  @Put(':id/gap')
  @Roles('assessor', 'civil_affairs')
  @ApiOperation({
    summary:
      "Set (or remove, null) a need's assessed money gap, in fen; the household is matched again for it",
  })
  @ApiOkResponse({ type: NeedDto })
  @ApiErrors(
    400,
    { status: 404, code: 'NEED_NOT_FOUND', message: 'Need not found' },
    {
      status: 409,
      code: 'NEED_GAP_CLOSED',
      message: 'The need is fulfilled',
      description: 'The need is no longer open or matched',
    },
    {
      status: 422,
      code: 'NEED_GAP_NOT_APPLICABLE',
      message: 'Needs of category care have no money gap',
      description: "The need's category has no money gap (category.moneyGap false)",
    },
  )
  setGap(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: SetNeedGapDto,
    @CurrentUser() principal: Principal,
  ): Promise<NeedDto> {
    return this.gaps.setGap(id, body.gapFen, principal);
  }
}
