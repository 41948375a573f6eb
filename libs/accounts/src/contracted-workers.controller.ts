import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProtected, CurrentUser, type Principal, Roles } from '@onedoor/platform';
import { ContractedWorkersService } from './contracted-workers.service';
import { OfferedContractDto } from './dto/contracted-workers.dto';

@ApiTags('users')
@ApiProtected()
@Controller('contracted-workers')
export class ContractedWorkersController {
  constructor(private readonly workers: ContractedWorkersService) {}

  @Get('contracts')
  @Roles('civil_affairs', 'provider')
  @ApiOperation({
    summary:
      'The live social-work contracts you may open contracted-worker accounts under (an organization admin: their own; staff: in their area), each with the areas its workers may be placed in',
  })
  @ApiOkResponse({ type: [OfferedContractDto] })
  contracts(@CurrentUser() me: Principal): Promise<OfferedContractDto[]> {
    return this.workers.offered(me);
  }
}
