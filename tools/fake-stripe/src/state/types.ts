import type { DomainContext } from '../domain/context';
import type { FormObject } from '../lib/form-parser';

/** What the middleware leaves on `ctx.state` for the routes. */
export interface FakeState {
  requestId: string;
  params: FormObject;
  dc: DomainContext;
}
