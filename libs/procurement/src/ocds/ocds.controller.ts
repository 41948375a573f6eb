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
import { OcdsService } from './ocds.service';

@ApiTags('procurement')
@ApiProtected()
@Controller()
export class OcdsController {
  constructor(private readonly ocds: OcdsService) {}

  @Get('procurement/projects/:id/ocds')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({
    summary:
      'The project as an OCDS 1.1 release package: one release per stage reached (tender, bids after close, awards, contract, implementation)',
  })
  @ApiOkResponse({
    schema: { type: 'object', description: 'OCDS 1.1 release package', additionalProperties: true },
  })
  @ApiErrors(400, 404)
  ocdsPackage(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<Record<string, unknown>> {
    return this.ocds.releasePackage(id, me);
  }
}
