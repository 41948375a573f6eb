import type { Readable } from 'node:stream';
import {
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  attachment,
  CurrentUser,
  DomainError,
  PageQueryDto,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { HouseholdImportDto, StartImportQueryDto } from '../dto/household-import.dto';
import { HouseholdImportsService } from './household-imports.service';
import { reasonLanguage } from './import-job.store';
import { MS_EXCEL_MIME, readBodyLimited, XLSX_MIME } from './import-file.util';
import { templateCsv, templateXlsx } from './import-sheets.util';

const fileBody = {
  schema: { type: 'string', format: 'binary' },
  description:
    'The file itself as the body (no multipart): an xlsx workbook (first sheet) or a CSV in UTF-8 (BOM allowed) or GBK/GB18030; at most 10 MB. Columns: docs/domain.md, Household import',
} as const;

/** A file answer; set per response, so that the error answers stay documented as JSON. */
const fileResponse = (type: string) => ({
  description: 'The file, as an attachment',
  content: { [type]: { schema: { type: 'string' as const, format: 'binary' } } },
});

@ApiTags('households')
@ApiProtected()
@Roles('assessor', 'civil_affairs')
@Controller('households')
export class HouseholdImportsController {
  constructor(private readonly imports: HouseholdImportsService) {}

  @Post('imports')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Start a background household import from an xlsx or CSV file (UTF-8 or GBK); the matcher runs it, poll GET /households/imports/{id}',
  })
  @ApiConsumes(XLSX_MIME, 'text/csv', MS_EXCEL_MIME)
  @ApiBody(fileBody)
  @ApiAcceptedResponse({ type: HouseholdImportDto, description: 'Queued' })
  @ApiErrors(400, 413, 415)
  async start(
    @Req() request: { body?: unknown },
    @Query() query: StartImportQueryDto,
    @CurrentUser() principal: Principal,
  ): Promise<HouseholdImportDto> {
    const body = request.body as Readable | undefined;
    if (!body || typeof body.pipe !== 'function') {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Send the file as the request body with Content-Type: ${XLSX_MIME} or text/csv`,
      );
    }
    return this.imports.start(await readBodyLimited(body), query.filename, principal);
  }

  @Get('imports')
  @ApiOperation({ summary: 'Your household imports, newest first' })
  @ApiPageResponse(HouseholdImportDto)
  @ApiErrors(400)
  list(
    @Query() query: PageQueryDto,
    @CurrentUser() principal: Principal,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.imports.listMine(query, principal, reasonLanguage(acceptLanguage));
  }

  @Get('import-template.xlsx')
  @ApiOperation({
    summary:
      'The import template as xlsx: Chinese headers, a hint row (skipped on import) and an example row',
  })
  @ApiOkResponse(fileResponse(XLSX_MIME))
  async templateXlsx(): Promise<StreamableFile> {
    return attachment(await templateXlsx(), { contentType: XLSX_MIME, name: '户籍导入模板.xlsx' });
  }

  @Get('import-template.csv')
  @ApiOperation({
    summary: 'The import template as CSV (UTF-8 with BOM, which Excel opens as UTF-8)',
  })
  @ApiOkResponse(fileResponse('text/csv'))
  templateCsv(): StreamableFile {
    return attachment(templateCsv(), {
      contentType: 'text/csv; charset=utf-8',
      name: '户籍导入模板.csv',
    });
  }

  @Get('imports/:id')
  @ApiOperation({
    summary:
      'A household import: status, counts, progress and its first refused rows with reasons (Chinese unless Accept-Language: en)',
  })
  @ApiOkResponse({ type: HouseholdImportDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<HouseholdImportDto> {
    return this.imports.get(id, principal, reasonLanguage(acceptLanguage));
  }

  @Get('imports/:id/errors.xlsx')
  @ApiOperation({
    summary:
      'The error sheet of a finished import: each refused row with its original cells, its row number and 错误原因',
  })
  @ApiOkResponse(fileResponse(XLSX_MIME))
  @ApiErrors(400, 404)
  async errors(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<StreamableFile> {
    const sheet = await this.imports.errorSheet(id, principal);
    return attachment(sheet, { contentType: XLSX_MIME, name: `导入错误-${id.slice(0, 8)}.xlsx` });
  }
}
