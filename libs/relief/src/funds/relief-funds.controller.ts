import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  type StreamableFile,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  attachment,
  CurrentUser,
  type Page,
  PageQueryDto,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { XLSX_MIME } from '@onedoor/households';
import { ReliefFundsService } from './relief-funds.service';
import { FundStatementsService } from './fund-statements.service';
import { statementToXlsx } from './fund-statement.xlsx';
import {
  AllocateReliefFundDto,
  CreateReliefFundDto,
  FundMovementDto,
  FundStatementDto,
  ReliefFundDto,
  ReliefFundQueryDto,
  StatementQueryDto,
  UpdateReliefFundDto,
} from './dto/relief-fund.dto';

const fundNotFound = {
  status: 404,
  code: 'RELIEF_FUND_NOT_FOUND' as const,
  message: 'Relief fund not found',
  description: 'No such fund, or not one the caller may see',
};
const fundClosed = {
  status: 409,
  code: 'RELIEF_FUND_CLOSED' as const,
  message: 'The relief fund is closed',
  description:
    'A closed fund takes no change (RELIEF_FUND_CLOSED), or an edit from a stale version (STALE_VERSION)',
};

@ApiTags('relief funds')
@ApiProtected()
@Controller('relief-funds')
export class ReliefFundsController {
  constructor(
    private readonly funds: ReliefFundsService,
    private readonly statements: FundStatementsService,
  ) {}

  @Post()
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Create a reserve or donation fund of an area inside the caller’s scope; its budget enters as the opening movement',
  })
  @ApiCreatedResponse({ type: ReliefFundDto })
  @ApiErrors(400)
  create(
    @Body() body: CreateReliefFundDto,
    @CurrentUser() principal: Principal,
  ): Promise<ReliefFundDto> {
    return this.funds.create(body, principal);
  }

  @Get()
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'Funds the caller may draw on or manage: of their area, the areas above it and those inside their scope',
  })
  @ApiPageResponse(ReliefFundDto)
  @ApiErrors(400)
  list(
    @Query() query: ReliefFundQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<ReliefFundDto>> {
    return this.funds.list(query, principal);
  }

  @Get(':id')
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({ summary: 'One fund with its balance' })
  @ApiOkResponse({ type: ReliefFundDto })
  @ApiErrors(400, fundNotFound)
  get(@Param('id', ParseIdPipe) id: string, @CurrentUser() principal: Principal) {
    return this.funds.get(id, principal);
  }

  @Patch(':id')
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Change the name, managing office, threshold or period, or close the fund (staff whose scope contains its area)',
  })
  @ApiOkResponse({ type: ReliefFundDto })
  @ApiErrors(400, fundNotFound, fundClosed)
  update(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateReliefFundDto,
    @CurrentUser() principal: Principal,
  ): Promise<ReliefFundDto> {
    return this.funds.update(id, body, principal);
  }

  @Post(':id/allocations')
  @Roles('civil_affairs')
  @ApiOperation({
    summary: 'A top-up (追加拨款): credits the balance and records an allocation movement at once',
  })
  @ApiCreatedResponse({ type: ReliefFundDto })
  @ApiErrors(400, fundNotFound, fundClosed)
  allocate(
    @Param('id', ParseIdPipe) id: string,
    @Body() body: AllocateReliefFundDto,
    @CurrentUser() principal: Principal,
  ): Promise<ReliefFundDto> {
    return this.funds.allocate(id, body, principal);
  }

  @Get(':id/movements')
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({ summary: 'The fund’s movements, newest first' })
  @ApiPageResponse(FundMovementDto)
  @ApiErrors(400, fundNotFound)
  movements(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<Page<FundMovementDto>> {
    return this.funds.movements(id, query, principal);
  }

  @Get(':id/statement')
  @HttpCode(200)
  @Roles('civil_affairs', 'assessor')
  @ApiOperation({
    summary:
      'The fund’s statement for a period of Beijing days: opening balance, budget, allocations, donations received, grants debited at approval, adjustments (incl. cancelled grants credited back), closing balance and the lines',
  })
  @ApiExtraModels(FundStatementDto)
  @ApiOkResponse({
    description: 'JSON; an Excel workbook with `?format=xlsx` (Chinese headers, yuan)',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(FundStatementDto) } },
      [XLSX_MIME]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, fundNotFound)
  async statement(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: StatementQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<FundStatementDto | StreamableFile> {
    const statement = await this.statements.statement(id, query, principal);
    if (query.format !== 'xlsx') return statement;
    return attachment(await statementToXlsx(statement), {
      name: `${statement.fundName}收支报表_${query.from}_${query.to}.xlsx`,
      contentType: XLSX_MIME,
    });
  }
}
