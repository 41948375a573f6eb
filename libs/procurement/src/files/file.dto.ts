import { ApiProperty } from '@nestjs/swagger';
import type { StoredFileEntity } from '@onedoor/platform';

/** A file linked to a bid or a milestone (its bytes are the platform's stored file). */

export class FileDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '服务方案.pdf' })
  name!: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;

  @ApiProperty({ description: 'Size in bytes', example: 20480 })
  size!: number;

  @ApiProperty({ description: 'sha256 of the content, hex', example: 'e3b0c442…' })
  sha256!: string;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: string;
}

export class FileListDto {
  @ApiProperty({ type: [FileDto] })
  items!: FileDto[];
}

export const toFileDto = (f: StoredFileEntity): FileDto => ({
  id: f.id,
  name: f.originalName,
  contentType: f.contentType,
  size: Number(f.size),
  sha256: f.sha256,
  uploadedAt: f.createdAt.toISOString(),
});
