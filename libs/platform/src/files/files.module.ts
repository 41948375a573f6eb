import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { join, resolve } from 'node:path';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DiskFileStore, FileStore } from './file-store';
import { FilesService } from './files.service';
import { createS3Client, S3FileStore } from './s3-file-store';
import { StoredFileEntity } from './stored-file.entity';

/** The store FILES_STORE names (see docs/operations.md, Files). */
export function createFileStore({ files }: AppConfig): FileStore {
  if (!files.s3) return new DiskFileStore(resolve(files.dir));
  return new S3FileStore(createS3Client(files.s3), {
    bucket: files.s3.bucket,
    prefix: files.s3.prefix,
    // Uploads are spooled locally before they are sent; FILES_DIR's tmp is as on disk.
    tmpDir: join(resolve(files.dir), 'tmp'),
  });
}

/** Uploaded files, for the libs that link them (bids, contract evidence). */
@Module({
  imports: [TypeOrmModule.forFeature([StoredFileEntity])],
  providers: [
    {
      provide: FileStore,
      inject: [APP_CONFIG],
      useFactory: createFileStore,
    },
    FilesService,
  ],
  exports: [FileStore, FilesService],
})
export class FilesModule {}
