import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsNumber,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};

/**
 * The environment, validated once at boot. Every variable is documented in docs/operations.md (Configuration);
 * nothing else in the code base reads `process.env`.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** The console's built files (Vite's output), served at `/`; relative to the working folder. */
  @IsString()
  CONSOLE_DIR = 'apps/console/dist';

  /**
   * Reverse proxies in front of the API: the client address is taken that many hops back
   * in X-Forwarded-For (0: the socket's peer). Used by login throttling.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY = 0;

  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL!: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET!: string;

  /** Lifetime of an access token; a client renews it with its refresh token. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_EXPIRES_IN_SECONDS = 900;

  /** Lifetime of a login session (its refresh token), from login; refreshing does not extend it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_DAYS = 14;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toBool)
  @IsBoolean()
  DB_MIGRATE_ON_START = true;

  /** Redis key prefix of every queue (lets test runs share a Redis without meeting). */
  @Matches(/^[\w.-]{1,64}$/, { message: 'QUEUE_PREFIX must be 1-64 letters, digits, _ . or -' })
  QUEUE_PREFIX = 'onedoor';

  /** Consecutive failed logins for one username from one address before it is locked out. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 10;

  /** How long those failures count, and so how long a lock-out lasts at most. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_FAILURE_WINDOW_MINUTES = 15;

  /** Failed logins from one address (any usernames) per day before the address is refused. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_DAILY_FAILURES_PER_ADDRESS = 100;

  /** Assistance lookups (yes/no questions about an identity number) one user may ask a minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOOKUP_MAX_PER_MINUTE = 20;

  /** Assistance lookups one user may ask a day. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOOKUP_MAX_PER_DAY = 200;

  @IsOptional()
  @IsString()
  SERVICE_NAME?: string;

  /** Key of the lookup digest of identity numbers: base64 of 32 random bytes. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PII_HMAC_KEY must be base64 of 32 bytes' })
  PII_HMAC_KEY!: string;

  /** AES-256-GCM key for identity numbers and phones at rest: base64 of 32 random bytes. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'PII_ENCRYPTION_KEY must be base64 of 32 bytes' })
  PII_ENCRYPTION_KEY!: string;

  /** Per-capita income below this multiple of the minimum living standard: low income. */
  @Transform(toNumber)
  @IsNumber()
  @Min(1)
  @Max(1.99) // below the outer circle's 2×, or circle 4 could never be reached
  LOW_INCOME_RATIO = 1.5;

  /** Proposals kept per need. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  MATCH_TOP_K = 3;

  /**
   * Matching jobs one matcher process holds at once. Jobs are cheap to hold: they wait to be
   * run together in batches (MATCH_BATCH_SIZE), so this bounds how full a batch can get.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MATCH_CONCURRENCY = 100;

  /** Households matched together: one load, one transaction, one multi-row insert. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  MATCH_BATCH_SIZE = 50;

  /** Batches one matcher process runs at once (each holds a database connection). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(8)
  MATCH_BATCHES_IN_FLIGHT = 2;

  /**
   * Seconds between two `reconcile-matching` sweeps (re-queueing households whose open needs no
   * run has looked at): how long a household whose job Redis lost can wait.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  MATCH_RECONCILE_SECONDS = 600;

  /**
   * Seconds between the matcher's checks that every job scheduler is still in Redis (a flush or
   * a failover to an empty replica loses them); a missing one is re-created. A timer in the
   * process, not a job: jobs vanish with the schedulers.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  SCHEDULE_CHECK_SECONDS = 60;

  /** Optional JSON overriding score weights, e.g. {"level":0.4,"rating":0.1}. */
  @IsOptional()
  @Matches(/^\{.*\}$/s, { message: 'MATCH_WEIGHTS must be a JSON object' })
  MATCH_WEIGHTS?: string;

  /** Months a household whose income rose stays in `exiting` before it exits. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24)
  EXIT_GRACE_MONTHS = 6;

  /** The same when the rise comes from a member finding work. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24)
  EXIT_GRACE_MONTHS_EMPLOYMENT = 12;

  /** Days after an emergency intake by which the household's full assessment is due. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  RELIEF_FOLLOW_UP_DAYS = 15;

  /** Hours a provider has to accept a referral (normal and urgent needs). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  SLA_ACCEPT_HOURS = 72;

  /** The same for emergency needs. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  SLA_ACCEPT_HOURS_EMERGENCY = 24;

  /** Days from approval to delivery (normal and urgent needs). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SLA_DELIVER_DAYS = 14;

  /** The same for emergency needs. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  SLA_DELIVER_DAYS_EMERGENCY = 3;

  /** Hours an overdue referral stays escalated before it expires and releases its unit. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(2160)
  SLA_EXPIRE_AFTER_OVERDUE_HOURS = 72;

  /** Hours a proposal may wait for approval before it is overdue and escalated (normal, urgent). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  SLA_APPROVAL_HOURS = 72;

  /** The same for emergency needs: the green channel waits less. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  SLA_APPROVAL_EMERGENCY_HOURS = 24;

  /** Hours a resource may wait in pending_review before it is overdue and escalated. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  SLA_REVIEW_HOURS = 72;

  /** Hours an organization's application may wait for review before it is overdue and escalated. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  SLA_APPLICATION_HOURS = 120;

  // relief: grants
  /** Hours an emergency grant may wait for a decision before it is escalated a level up. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  RELIEF_GRANT_DECISION_HOURS = 4;
  /** Hours a reported lead (救急难 线索) may wait for triage before it escalates to the street. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(72)
  RELIEF_TRIAGE_HOURS = 4;

  /** Leads one client address may send per hour through the public form (no login). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LEAD_PUBLIC_MAX_PER_HOUR = 5;

  /** Days a declined or expired resource is parked (skipped by the matcher) for that household. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  REFERRAL_PARK_DAYS = 30;

  /**
   * Least time between publishing a tender and its bidding deadline, in hours (public tenders
   * in the Government Procurement Law give bidders 20 days).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(8760)
  PROCUREMENT_MIN_BIDDING_HOURS = 480;

  /** Fewer valid (live, then qualified) bids than this and the project fails. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  PROCUREMENT_MIN_VALID_BIDS = 1;

  /** Days the winner has to accept or decline an award. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  AWARD_RESPONSE_DAYS = 7;

  /** Months an organization whose contract evaluation failed may not bid. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  PERFORMANCE_FAIL_SUSPENSION_MONTHS = 12;

  /** Days the organization has to comment on a completed evaluation. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  EVALUATION_COMMENT_DAYS = 14;

  /** Prefix of OCDS ocids (a registered prefix in production): ocid = prefix-projectId. */
  @Matches(/^ocds-[a-z0-9]{6,}$/, { message: 'OCDS_OCID_PREFIX must look like ocds-xxxxxx' })
  OCDS_OCID_PREFIX = 'ocds-onedoor';

  /** Attempts per webhook delivery (exponential backoff between them). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  WEBHOOK_ATTEMPTS = 6;

  /** First backoff of a failed webhook delivery, in milliseconds (doubling each attempt). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_BACKOFF_MS = 10_000;

  /** Consecutive deliveries that failed every attempt before the subscription is disabled. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_DISABLE_AFTER_FAILURES = 10;

  /** How long one webhook request may take, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** SMTP server for e-mail notices, e.g. smtps://user:pass@smtp.example.com:465; unset: no e-mail. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The From of e-mail notices. */
  @IsString()
  MAIL_FROM = 'OneDoor <no-reply@onedoor.local>';

  /** Where uploaded files are kept, by their sha256 (relative to the working directory). */
  @IsString()
  FILES_DIR = '.data/files';

  /** The largest upload accepted, in bytes (20 MB). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1024 * 1024 * 1024)
  FILES_MAX_BYTES = 20 * 1024 * 1024;

  /** Where blobs go: the local disk under FILES_DIR, or an S3-compatible bucket. */
  @IsIn(['disk', 's3'])
  FILES_STORE: 'disk' | 's3' = 'disk';

  @ValidateIf((vars: EnvironmentVariables) => vars.FILES_STORE === 's3')
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'FILES_S3_BUCKET must name a bucket (3-63 a-z 0-9 . -) when FILES_STORE is s3',
  })
  FILES_S3_BUCKET?: string;

  /** Unset: AWS S3 itself. Set for MinIO, Aliyun OSS, Tencent COS, e.g. https://oss-cn-hangzhou.aliyuncs.com. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+/, { message: 'FILES_S3_ENDPOINT must be an http(s):// URL' })
  FILES_S3_ENDPOINT?: string;

  @Matches(/^[a-z0-9-]{2,40}$/, {
    message: 'FILES_S3_REGION must be a region name, e.g. us-east-1',
  })
  FILES_S3_REGION = 'us-east-1';

  /** Put before every object key, e.g. `onedoor/` (no leading slash). */
  @Matches(/^(?!\/)[\w.\-/]*$/, {
    message: 'FILES_S3_PREFIX must be letters, digits, _ . - and /, not starting with /',
  })
  FILES_S3_PREFIX = '';

  /** Buckets as a path (`host/bucket/key`) rather than a host name: MinIO needs it. */
  @Transform(toBool)
  @IsBoolean()
  FILES_S3_FORCE_PATH_STYLE = false;
}

/** An S3-compatible bucket for blobs (`FILES_STORE=s3`). */
export interface S3StoreConfig {
  bucket: string;
  endpoint: string | null;
  region: string;
  prefix: string;
  forcePathStyle: boolean;
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  serviceName: string;
  http: { port: number; host: string; trustProxy: number; consoleDir: string };
  database: { url: string; migrateOnStart: boolean };
  redis: { url: string; queuePrefix: string; scheduleCheckSeconds: number };
  auth: {
    jwtSecret: string;
    jwtExpiresInSeconds: number;
    refreshTokenDays: number;
    loginMaxFailures: number;
    loginFailureWindowMinutes: number;
    loginMaxDailyFailuresPerAddress: number;
  };
  log: { level: string };
  /** Per-user limits of the assistance lookup. */
  lookup: { maxPerMinute: number; maxPerDay: number };
  pii: { hmacKey: string; encryptionKey: string };
  households: {
    lowIncomeRatio: number;
    exitGraceMonths: number;
    exitGraceMonthsEmployment: number;
  };
  /** Emergency intake: the full assessment it owes is due this many days after it. */
  reliefFollowUp: { days: number };
  referrals: {
    acceptHours: { normal: number; emergency: number };
    deliverDays: { normal: number; emergency: number };
    expireAfterOverdueHours: number;
    parkDays: number;
  };
  /** Deadlines on staff steps: approvals, resource reviews, organization applications. */
  staffSla: {
    approvalHours: { normal: number; emergency: number };
    reviewHours: number;
    applicationHours: number;
  };
  // relief: grants
  /** Emergency grants: hours to a decision before escalation. */
  reliefGrants: { decisionHours: number };
  /** Emergency-relief leads: the triage deadline and the public form's throttle. */
  leads: { triageHours: number; publicMaxPerHour: number };
  procurement: {
    minBiddingHours: number;
    minValidBids: number;
    awardResponseDays: number;
    failSuspensionMonths: number;
    commentDays: number;
    ocidPrefix: string;
  };
  webhooks: {
    attempts: number;
    backoffMs: number;
    disableAfterFailures: number;
    timeoutMs: number;
  };
  mail: { smtpUrl: string | null; from: string };
  /** `s3` is null unless `store` is `s3`; `dir` also holds the S3 store's upload temp files. */
  files: { dir: string; maxBytes: number; store: 'disk' | 's3'; s3: S3StoreConfig | null };
  matching: {
    topK: number;
    concurrency: number;
    batchSize: number;
    batchesInFlight: number;
    weights: Record<string, number>;
    reconcileSeconds: number;
  };
}

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  - ${problems.join('\n  - ')}`);
  }
}

function parseWeights(json: string | undefined): Record<string, number> {
  if (!json) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigValidationError(['MATCH_WEIGHTS: not valid JSON']);
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  const bad = entries.filter(([, v]) => typeof v !== 'number' || v < 0 || v > 1).map(([k]) => k);
  if (bad.length > 0) {
    throw new ConfigValidationError([
      `MATCH_WEIGHTS: weights must be numbers from 0 to 1 (${bad.join(', ')})`,
    ]);
  }
  return Object.fromEntries(entries) as Record<string, number>;
}

/** Validates `env` (by default `process.env`) and returns the typed configuration. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset, so `FOO=` falls back to the default like a missing FOO.
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const vars = plainToInstance(EnvironmentVariables, relevant);
  const errors = validateSync(vars, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  return {
    env: vars.NODE_ENV,
    serviceName: vars.SERVICE_NAME ?? 'onedoor',
    http: {
      port: vars.PORT,
      host: vars.HOST,
      trustProxy: vars.TRUST_PROXY,
      consoleDir: vars.CONSOLE_DIR,
    },
    database: { url: vars.DATABASE_URL, migrateOnStart: vars.DB_MIGRATE_ON_START },
    redis: {
      url: vars.REDIS_URL,
      queuePrefix: vars.QUEUE_PREFIX,
      scheduleCheckSeconds: vars.SCHEDULE_CHECK_SECONDS,
    },
    auth: {
      jwtSecret: vars.JWT_SECRET,
      jwtExpiresInSeconds: vars.JWT_EXPIRES_IN_SECONDS,
      refreshTokenDays: vars.REFRESH_TOKEN_DAYS,
      loginMaxFailures: vars.LOGIN_MAX_FAILURES,
      loginFailureWindowMinutes: vars.LOGIN_FAILURE_WINDOW_MINUTES,
      loginMaxDailyFailuresPerAddress: vars.LOGIN_MAX_DAILY_FAILURES_PER_ADDRESS,
    },
    log: { level: vars.LOG_LEVEL },
    lookup: { maxPerMinute: vars.LOOKUP_MAX_PER_MINUTE, maxPerDay: vars.LOOKUP_MAX_PER_DAY },
    pii: { hmacKey: vars.PII_HMAC_KEY, encryptionKey: vars.PII_ENCRYPTION_KEY },
    matching: {
      topK: vars.MATCH_TOP_K,
      concurrency: vars.MATCH_CONCURRENCY,
      batchSize: vars.MATCH_BATCH_SIZE,
      batchesInFlight: vars.MATCH_BATCHES_IN_FLIGHT,
      weights: parseWeights(vars.MATCH_WEIGHTS),
      reconcileSeconds: vars.MATCH_RECONCILE_SECONDS,
    },
    households: {
      lowIncomeRatio: vars.LOW_INCOME_RATIO,
      exitGraceMonths: vars.EXIT_GRACE_MONTHS,
      exitGraceMonthsEmployment: vars.EXIT_GRACE_MONTHS_EMPLOYMENT,
    },
    reliefFollowUp: { days: vars.RELIEF_FOLLOW_UP_DAYS },
    referrals: {
      acceptHours: { normal: vars.SLA_ACCEPT_HOURS, emergency: vars.SLA_ACCEPT_HOURS_EMERGENCY },
      deliverDays: { normal: vars.SLA_DELIVER_DAYS, emergency: vars.SLA_DELIVER_DAYS_EMERGENCY },
      expireAfterOverdueHours: vars.SLA_EXPIRE_AFTER_OVERDUE_HOURS,
      parkDays: vars.REFERRAL_PARK_DAYS,
    },
    staffSla: {
      approvalHours: {
        normal: vars.SLA_APPROVAL_HOURS,
        emergency: vars.SLA_APPROVAL_EMERGENCY_HOURS,
      },
      reviewHours: vars.SLA_REVIEW_HOURS,
      applicationHours: vars.SLA_APPLICATION_HOURS,
    },
    // relief: grants
    reliefGrants: { decisionHours: vars.RELIEF_GRANT_DECISION_HOURS },
    leads: {
      triageHours: vars.RELIEF_TRIAGE_HOURS,
      publicMaxPerHour: vars.LEAD_PUBLIC_MAX_PER_HOUR,
    },
    procurement: {
      minBiddingHours: vars.PROCUREMENT_MIN_BIDDING_HOURS,
      minValidBids: vars.PROCUREMENT_MIN_VALID_BIDS,
      awardResponseDays: vars.AWARD_RESPONSE_DAYS,
      failSuspensionMonths: vars.PERFORMANCE_FAIL_SUSPENSION_MONTHS,
      commentDays: vars.EVALUATION_COMMENT_DAYS,
      ocidPrefix: vars.OCDS_OCID_PREFIX,
    },
    webhooks: {
      attempts: vars.WEBHOOK_ATTEMPTS,
      backoffMs: vars.WEBHOOK_BACKOFF_MS,
      disableAfterFailures: vars.WEBHOOK_DISABLE_AFTER_FAILURES,
      timeoutMs: vars.WEBHOOK_TIMEOUT_MS,
    },
    mail: { smtpUrl: vars.SMTP_URL ?? null, from: vars.MAIL_FROM },
    files: {
      dir: vars.FILES_DIR,
      maxBytes: vars.FILES_MAX_BYTES,
      store: vars.FILES_STORE,
      s3:
        vars.FILES_STORE === 's3'
          ? {
              bucket: vars.FILES_S3_BUCKET!,
              endpoint: vars.FILES_S3_ENDPOINT ?? null,
              region: vars.FILES_S3_REGION,
              prefix: vars.FILES_S3_PREFIX,
              forcePathStyle: vars.FILES_S3_FORCE_PATH_STYLE,
            }
          : null,
    },
  };
}
