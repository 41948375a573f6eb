import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { DictionariesDto, LabelDto } from './dictionaries.dto';
import { DictionariesService } from './dictionaries.service';

/**
 * Labels are not secret, and the console's login page shows some before anyone logs in, so the
 * route is public. Clients may keep the answer a few minutes and revalidate with its ETag.
 */
@ApiTags('dictionaries')
@ApiExtraModels(LabelDto)
@Controller('dictionaries')
@Public()
export class DictionariesController {
  constructor(private readonly dictionaries: DictionariesService) {}

  @Get()
  @ApiOperation({
    summary: 'Labels in zh-CN and en for every code the API answers with',
    description:
      'Tiers, circles, categories, purposes, statuses, reasons, roles, event types… Answered with `Cache-Control` and an `ETag`; `If-None-Match` with the current ETag answers 304',
  })
  @ApiOkResponse({ type: DictionariesDto })
  async get(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DictionariesDto | undefined> {
    const answer = await this.dictionaries.dictionaries();
    const etag = `"${answer.version}"`;
    reply.header('cache-control', 'public, max-age=300');
    reply.header('etag', etag);
    if (ifNoneMatch === etag) {
      reply.status(304);
      return undefined;
    }
    return answer;
  }
}
