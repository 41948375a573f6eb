import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { CATEGORY_PURPOSES, type CategoryPurpose } from '../resource.types';

export class CreateCategoryDto {
  @ApiProperty({ example: 'digital_inclusion' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    message: 'code must be 2-40 lower-case letters, digits or _',
  })
  code!: string;

  @ApiProperty({ example: '数字融入' })
  @IsString()
  @Length(1, 50)
  nameZh!: string;

  @ApiProperty({ example: 'Digital inclusion' })
  @IsString()
  @Length(1, 80)
  nameEn!: string;

  @ApiProperty({ enum: CATEGORY_PURPOSES, enumName: 'CategoryPurpose' })
  @IsIn(CATEGORY_PURPOSES)
  purpose!: CategoryPurpose;

  @ApiPropertyOptional({
    description: 'Needs of this category carry an assessed amount that several benefits may cover',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  moneyGap?: boolean;
}

export class CategoryDto extends CreateCategoryDto {
  @ApiProperty() declare moneyGap: boolean;
}
