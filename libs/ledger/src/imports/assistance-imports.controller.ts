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
import type { FastifyRequest } from 'fastify';
import { reasonLanguage, XLSX_MIME } from '@onedoor/households';
import {
  ApiErrors,
  ApiPageResponse,
  ApiProtected,
  attachment,
  CurrentUser,
  PageQueryDto,
  ParseIdPipe,
  type Principal,
  Roles,
} from '@onedoor/platform';
import { AssistanceImportDto, StartRollImportBodyDto } from './assistance-import.dto';
import { AssistanceImportsService } from './assistance-imports.service';
import { rollTemplateXlsx } from './roll-template';
import { readRollUpload } from './roll-upload';

/** A file answer; set per response, so that the error answers stay documented as JSON. */
const xlsxResponse = {
  description: 'The file, as an attachment',
  content: { [XLSX_MIME]: { schema: { type: 'string' as const, format: 'binary' } } },
};

@ApiTags('assistance')
@ApiProtected()
@Roles('civil_affairs', 'provider')
@Controller('assistance-imports')
export class AssistanceImportsController {
  constructor(private readonly imports: AssistanceImportsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      "Import another department's or a charity's roll into the assistance ledger (background job; poll GET /assistance-imports/{id})",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: StartRollImportBodyDto })
  @ApiAcceptedResponse({ type: AssistanceImportDto, description: 'Queued' })
  @ApiErrors(400, 403, 413, 415)
  async start(
    @Req() request: FastifyRequest,
    @CurrentUser() principal: Principal,
  ): Promise<AssistanceImportDto> {
    const { content, filename, fields } = await readRollUpload(request);
    return this.imports.start(content, filename, fields, principal);
  }

  @Get()
  @ApiOperation({ summary: 'Roll imports you may follow, newest first' })
  @ApiPageResponse(AssistanceImportDto)
  @ApiErrors(400)
  list(
    @Query() query: PageQueryDto,
    @CurrentUser() principal: Principal,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.imports.list(query, principal, reasonLanguage(acceptLanguage));
  }

  @Get('template')
  @ApiOperation({
    summary:
      'The roll template as xlsx: Chinese headers, a hint row (skipped on import) and an example row',
  })
  @ApiOkResponse(xlsxResponse)
  async template(): Promise<StreamableFile> {
    return attachment(await rollTemplateXlsx(), {
      contentType: XLSX_MIME,
      name: '救助名册导入模板.xlsx',
    });
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'A roll import: status, counts, progress and its first rows not imported with reasons (Chinese unless Accept-Language: en)',
  })
  @ApiOkResponse({ type: AssistanceImportDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AssistanceImportDto> {
    return this.imports.get(id, principal, reasonLanguage(acceptLanguage));
  }

  @Get(':id/errors')
  @ApiOperation({
    summary:
      'The error sheet of a finished import: each unmatched or refused row with its row number, its original cells and 错误原因',
  })
  @ApiOkResponse(xlsxResponse)
  @ApiErrors(400, 404)
  async errors(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() principal: Principal,
  ): Promise<StreamableFile> {
    const sheet = await this.imports.errorSheet(id, principal);
    return attachment(sheet, {
      contentType: XLSX_MIME,
      name: `名册导入错误-${id.slice(0, 8)}.xlsx`,
    });
  }
}
