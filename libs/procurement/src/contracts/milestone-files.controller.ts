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
import { FileDto, FileListDto } from '../files/file.dto';
import { MilestoneFilesService } from './milestone-files.service';

@ApiTags('procurement')
@ApiProtected()
@Controller('contracts/:id/milestones/:milestoneId/files')
export class MilestoneFilesController {
  constructor(private readonly files: MilestoneFilesService) {}

  @Post()
  @Roles('civil_affairs')
  @ApiOperation({
    summary:
      'Attach an evidence file to a milestone of an active contract (staff in scope; multipart, one file: PDF, PNG, JPEG, docx, xlsx, doc or xls, checked by content)',
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
    @Param('milestoneId', ParseIdPipe) milestoneId: string,
    @Req() request: FastifyRequest,
    @CurrentUser() me: Principal,
  ): Promise<FileDto> {
    return this.files.upload(id, milestoneId, await readUpload(request), me);
  }

  @Get()
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({ summary: "A milestone's evidence files (the contract's readers)" })
  @ApiOkResponse({ type: FileListDto })
  @ApiErrors(400, 404)
  async list(
    @Param('id', ParseIdPipe) id: string,
    @Param('milestoneId', ParseIdPipe) milestoneId: string,
    @CurrentUser() me: Principal,
  ): Promise<FileListDto> {
    return { items: await this.files.list(id, milestoneId, me) };
  }

  @Get(':fileId')
  @Roles('civil_affairs', 'provider', 'evaluator')
  @ApiOperation({ summary: 'Download one evidence file of a milestone, as an attachment' })
  @ApiOkResponse({
    description: 'The file, as an attachment (filename* carries the UTF-8 name)',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrors(400, 404)
  async download(
    @Param('id', ParseIdPipe) id: string,
    @Param('milestoneId', ParseIdPipe) milestoneId: string,
    @Param('fileId', ParseIdPipe) fileId: string,
    @CurrentUser() me: Principal,
  ): Promise<StreamableFile> {
    const { file, content } = await this.files.download(id, milestoneId, fileId, me);
    return attachment(content, file);
  }
}
