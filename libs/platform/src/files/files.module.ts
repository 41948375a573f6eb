import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { resolve } from 'node:path';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DiskFileStore, FileStore } from './file-store';
import { FilesService } from './files.service';
import { StoredFileEntity } from './stored-file.entity';

/** Uploaded files, for the libs that link them (bids, contract evidence). */
@Module({
  imports: [TypeOrmModule.forFeature([StoredFileEntity])],
  providers: [
    {
      provide: FileStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new DiskFileStore(resolve(config.files.dir)),
    },
    FilesService,
  ],
  exports: [FileStore, FilesService],
})
export class FilesModule {}
