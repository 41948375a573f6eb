import { type AppConfig, ConfigValidationError, loadConfig } from './app-config';

/** EX_CONFIG (sysexits.h): a supervisor reads it as "fix the configuration", not "restart". */
export const EXIT_CONFIG = 78;

/**
 * The entry points' configuration: a missing or malformed variable stops the process before
 * anything starts, naming each variable on stderr (the logger needs the configuration).
 */
export function loadConfigOrExit(
  // Unset: loadConfig reads the process environment (the one place that does).
  env?: Record<string, string | undefined>,
): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(error.message);
    return process.exit(EXIT_CONFIG);
  }
}
