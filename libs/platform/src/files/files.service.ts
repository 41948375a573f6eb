import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { EntityManager, In, Repository } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { DomainError, NotFoundError } from '../errors/domain-error';
import { detectFileKind, FILE_KINDS } from './file-type.util';
import { FileStore } from './file-store';
import { StoredFileEntity } from './stored-file.entity';
import type { Upload } from './upload';

/** An upload whose bytes are stored, not yet recorded. */
export interface ReceivedFile {
  sha256: string;
  size: number;
  contentType: string;
  originalName: string;
}

/**
 * Uploads: the bytes go to the FileStore (checked by their leading bytes, limited in size),
 * then the owning lib records the `stored_file` row in the same transaction as its link and
 * audit row. A refused or failed request may leave a blob no row names: harmless, since blobs
 * are shared by content, and a later sweep can collect them.
 */
@Injectable()
export class FilesService {
  constructor(
    private readonly store: FileStore,
    @InjectRepository(StoredFileEntity) private readonly files: Repository<StoredFileEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async receive(upload: Upload): Promise<ReceivedFile> {
    const originalName = upload.filename.trim() || 'file';
    let contentType: string | null = null;
    const blob = await this.store.put(upload.stream, {
      maxBytes: this.config.files.maxBytes,
      checkHead: (head) => {
        const kind = detectFileKind(head, originalName);
        if (!kind) {
          throw new DomainError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Only PDF, PNG, JPEG and Office documents (docx, xlsx, doc, xls) are accepted',
            { declaredType: upload.declaredType },
          );
        }
        contentType = FILE_KINDS[kind];
      },
    });
    return { ...blob, contentType: contentType!, originalName };
  }

  record(manager: EntityManager, file: ReceivedFile, uploadedById: string) {
    return manager.getRepository(StoredFileEntity).save(
      manager.getRepository(StoredFileEntity).create({
        sha256: file.sha256,
        size: String(file.size),
        contentType: file.contentType,
        originalName: file.originalName,
        uploadedById,
      }),
    );
  }

  findMany(ids: string[]): Promise<StoredFileEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.files.find({ where: { id: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async open(id: string): Promise<{ file: StoredFileEntity; content: Readable }> {
    const file = await this.files.findOneBy({ id });
    if (!file) throw new NotFoundError('File');
    return { file, content: await this.store.open(file.sha256) };
  }
}
