import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageMetaDto, PageQueryDto, ParseIdPipe, Public } from '@onedoor/platform';
import { OcdsService } from './ocds.service';

/** A page of OCDS 1.1 release packages, one per published project. */
export class OcdsPackagePageDto extends PageMetaDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'OCDS 1.1 release packages, the most recently published project first',
  })
  items!: Array<Record<string, unknown>>;
}

// Public, as OCDS publishers publish: a tender is a public call, and what follows it (awards,
// contracts, payments) is public spending. Drafts have no release; sealed bids stay sealed.
@ApiTags('procurement')
@Controller()
export class OcdsController {
  constructor(private readonly ocds: OcdsService) {}

  @Get('procurement/projects/:id/ocds')
  @Public()
  @ApiOperation({
    summary:
      'The published project as an OCDS 1.1 release package: one release per stage reached (tender, bids after close, awards, contract, implementation); public',
  })
  @ApiOkResponse({
    schema: { type: 'object', description: 'OCDS 1.1 release package', additionalProperties: true },
  })
  @ApiErrors(400, 404)
  ocdsPackage(@Param('id', ParseIdPipe) id: string): Promise<Record<string, unknown>> {
    return this.ocds.releasePackage(id);
  }

  @Get('public/ocds/releases')
  @Public()
  @ApiOperation({
    summary:
      "Every published project's OCDS 1.1 release package, paged, the most recently published first; public",
  })
  @ApiOkResponse({ type: OcdsPackagePageDto })
  @ApiErrors(400)
  releasePackages(@Query() query: PageQueryDto): Promise<OcdsPackagePageDto> {
    return this.ocds.releasePackages(query);
  }
}
