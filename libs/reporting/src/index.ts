export * from './reports.dto';
export * from './report-period';
export * from './report-csv';
export * from './reports.repository';
export * from './reports.service';
export * from './reporting.module';
