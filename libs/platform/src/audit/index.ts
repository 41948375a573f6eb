export * from './audit-log.entity';
export * from './audit.service';
export * from './audit-log.repository';
export * from './audit-seals';
export * from './audit.module';
export * from './audit.controller';
export * from './dto/audit.dto';
