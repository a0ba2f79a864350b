import { defineFix } from './types';

export default defineFix({
  id: 'enable-service-mesh',
  description: 'Declares that service-to-service traffic runs through a service mesh with mutual TLS.',
  apply(ctx) {
    if (ctx.draft.currentSettings.serviceMesh) return ctx.fail('The design already uses a service mesh.');
    ctx.draft.patchSettings({ serviceMesh: true });
    return ctx.done('Service-to-service traffic now goes through a service mesh with mTLS.');
  },
});
