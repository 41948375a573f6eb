import { ApiProperty } from '@nestjs/swagger';

export class BidFileDto {
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

export class BidFileListDto {
  @ApiProperty({ type: [BidFileDto] })
  items!: BidFileDto[];
}
