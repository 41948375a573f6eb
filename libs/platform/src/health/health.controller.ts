import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { DomainError } from '../errors/domain-error';
import { ApiErrors } from '../http/api-docs.decorators';
import { RedisHealthIndicator } from './redis.health';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'], example: 'ok' })
  status!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { database: { status: 'up' } },
  })
  info!: Record<string, unknown>;
}

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency checked)' })
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'ok', info: {} };
  }

  @Get('ready')
  @ApiOperation({ summary: 'PostgreSQL and Redis answer; 503 when either does not' })
  @ApiOkResponse({ type: HealthDto })
  @ApiErrors(503)
  async ready(): Promise<HealthDto> {
    try {
      const result = await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1_500 }),
        () => this.redis.isHealthy('redis'),
      ]);
      return { status: result.status, info: result.info ?? {} };
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        const result = error.getResponse() as { error?: Record<string, unknown> };
        throw new DomainError(
          'SERVICE_UNAVAILABLE',
          `Not ready: ${Object.keys(result.error ?? {}).join(', ') || 'a dependency'} unavailable`,
          result,
        );
      }
      throw error;
    }
  }
}
