import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;

export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = 20;
}

export class PageMetaDto {
  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;

  @ApiProperty({ example: 42, description: 'Items matching the filters, over all pages' })
  total!: number;
}

export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export function toPage<E, T>(
  rows: [E[], number],
  query: PageQueryDto,
  map: (row: E) => T,
): Page<T> {
  return { items: rows[0].map(map), total: rows[1], page: query.page, limit: query.limit };
}

/** Rows to skip before an offset page: the one place the page arithmetic lives. */
export function pageOffset(query: PageQueryDto): number {
  return (query.page - 1) * query.limit;
}

/**
 * An offset page read with its total in the same statement (`count(*) OVER () AS total` in its
 * select list): the rows without that column, and the total. A page past the last one has no
 * row to carry the total, so `countAlone` counts the filters then (a first page with no row
 * has nothing to count).
 */
export async function windowTotalPage<R extends object>(
  rows: Array<R & { total: string | number }>,
  query: { page: number },
  countAlone: () => Promise<number>,
): Promise<{ rows: R[]; total: number }> {
  if (rows.length > 0)
    return {
      rows: rows.map(({ total: _total, ...row }) => row as R),
      total: Number(rows[0].total),
    };
  return { rows: [], total: query.page > 1 ? await countAlone() : 0 };
}
