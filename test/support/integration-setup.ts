import { requireTools } from './tools';

/**
 * The integration project's globalSetup: before any of its tests, both tools or one message naming
 * what is missing and how to install it (the error's stack is that message, no trace), once.
 */
export default function integrationSetup(): void {
  requireTools(['soffice', 'chromium']);
}
