export * from './reports.dto';
export * from './reports.service';
export * from './reporting.module';
export * from './reporting.labels';
export * from './coverage-trend.service';
export * from './case-outcomes.dto';
export * from './case-outcomes.service';
// ledger: reports
export * from './assistance/assistance-reports.dto';
export * from './assistance/assistance-reports.service';
