import { Controller, Get, Param, Post, Req, type StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  ApiErrors,
  ApiProtected,
  attachment,
  CurrentUser,
  ParseIdPipe,
  type Principal,
  readUpload,
  Roles,
} from '@onedoor/platform';
import { BidFilesService } from './bid-files.service';
import { FileDto, FileListDto } from '../files/file.dto';

@ApiTags('procurement')
@ApiProtected()
@Controller('bids/:id/files')
export class BidFilesController {
  constructor(private readonly files: BidFilesService) {}

  @Post()
  @Roles('provider')
  @ApiOperation({
    summary:
      'Attach a file to your live bid while bidding is open (multipart, one file: PDF, PNG, JPEG, docx, xlsx, doc or xls, checked by content; at most FILES_MAX_BYTES)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: FileDto })
  @ApiErrors(400, 404, 409, 413, 415)
  async upload(
    @Param('id', ParseIdPipe) id: string,
    @Req() request: FastifyRequest,
    @CurrentUser() me: Principal,
  ): Promise<FileDto> {
    return this.files.upload(id, await readUpload(request), me);
  }

  // Every role may ask: the answer (404 while sealed, then the bid's own rule) is the service's,
  // so that a role check does not answer 403 where the sealing answers 404.
  @Get()
  @Roles('civil_affairs', 'provider', 'evaluator', 'assessor')
  @ApiOperation({
    summary:
      "The bid's files: only the bidding organization sees them until bidding closes (404 for everyone else, admin included); then the bid's readers",
  })
  @ApiOkResponse({ type: FileListDto })
  @ApiErrors(400, 403, 404)
  async list(
    @Param('id', ParseIdPipe) id: string,
    @CurrentUser() me: Principal,
  ): Promise<FileListDto> {
    return { items: await this.files.list(id, me) };
  }

  @Get(':fileId')
  @Roles('civil_affairs', 'provider', 'evaluator', 'assessor')
  @ApiOperation({
    summary: "Download one of the bid's files (sealed like the list), as an attachment",
  })
  @ApiOkResponse({
    description: 'The file, as an attachment (filename* carries the UTF-8 name)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 403, 404)
  async download(
    @Param('id', ParseIdPipe) id: string,
    @Param('fileId', ParseIdPipe) fileId: string,
    @CurrentUser() me: Principal,
  ): Promise<StreamableFile> {
    const { file, content } = await this.files.download(id, fileId, me);
    return attachment(content, file);
  }
}
