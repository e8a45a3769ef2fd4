/** Fixed values of the test database setup (test-only; never used by a deployment). */
export const TEMPLATE_DB = 'entente_tpl';
export const TEST_APP_PASSWORD = 'entente-test-app';
export const TEST_SECRET_KEY = 'entente-test-secret-key-0123456789abcdef';
