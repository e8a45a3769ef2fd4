/** The development policy `HUB` (ACCESS.md §2.2), loaded from `policies/hub.json` and validated. */
import hub from '../../policies/hub.json';
import { PolicyDefSchema } from './schema';
import type { PolicyDef } from './types';

/** The validated HUB policy definition (throws at import time if the file is invalid). */
export const HUB_POLICY: PolicyDef = PolicyDefSchema.parse(hub);
