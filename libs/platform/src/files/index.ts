export * from './content-disposition.util';
export * from './file-store';
export * from './file-type.util';
export * from './files.module';
export * from './files.service';
export * from './s3-file-store';
export * from './stored-file.entity';
export * from './upload';
