import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors, ApiPageResponse, ApiProtected } from '../http/api-docs.decorators';
import { Page } from '../pagination/pagination.dto';
import { AuditLogRepository } from './audit-log.repository';
import { AuditSeals } from './audit-seals';
import { AuditEntryDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly auditLog: AuditLogRepository,
    private readonly seals: AuditSeals,
  ) {}

  @Get()
  @Roles('admin', 'civil_affairs')
  @ApiProtected()
  @ApiOperation({
    summary: 'History of state changes, oldest first, within your area scope',
    description:
      "Rows of sealed records read redacted for everyone, admin included: a bid's rows show no actor and no link to other bids until bidding on its project closes.",
  })
  @ApiPageResponse(AuditEntryDto)
  @ApiErrors(400)
  async list(
    @Query() query: AuditQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<AuditEntryDto>> {
    const rows = await this.auditLog.list(query, query, principal);
    return this.seals.toPage(rows, query);
  }
}
