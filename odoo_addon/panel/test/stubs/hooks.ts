// Stand-in for Odoo's `@web/core/utils/hooks` in the component tests: `useService(name)` reads
// `env.services[name]` like the web client does, so each test mounts with the fakes it needs
// (test/components/helpers.ts) and looks at the calls they recorded.
import { useEnv } from "@odoo/owl";

export function useService(name: string): unknown {
  const services = (useEnv() as { services?: Record<string, unknown> }).services ?? {};
  if (!(name in services)) {
    throw new Error(`Service ${name} is not available`);
  }
  return services[name];
}
