import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiProtected, CurrentUser, type Principal, Roles } from '@onedoor/platform';
import { CategoriesService } from './categories.service';
import { CategoryDto, CreateCategoryDto } from './dto/category.dto';

@ApiTags('categories')
@ApiProtected()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'The taxonomy shared by needs and resources' })
  @ApiOkResponse({ type: [CategoryDto] })
  list(): Promise<CategoryDto[]> {
    return this.categories.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a category (admin)' })
  @ApiCreatedResponse({ type: CategoryDto })
  @ApiErrors(400, 409)
  create(
    @Body() body: CreateCategoryDto,
    @CurrentUser() principal: Principal,
  ): Promise<CategoryDto> {
    return this.categories.create(body, principal);
  }
}
