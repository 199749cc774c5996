// Error bodies exactly as the real API sends them. Two families exist on the wire:
// Discovery's own `{"errors":[...]}` (400/404) and the API gateway's `{"fault":...}` (401/429/5xx).
// The `status` strings and `_links` keys differ per code on the real API; these copy observed
// responses (e.g. DIS1035 says "400 BAD_REQUEST", not "400").

export interface DiscoveryErrorBody {
  errors: { code: string; detail: string; status: string; _links: Record<string, { href: string }> }[];
}

export interface GatewayFaultBody {
  fault: { faultstring: string; detail: { errorcode: string } };
}

function discoveryError(
  code: string,
  detail: string,
  status: string,
  linkKey: 'about' | 'self' = 'about',
): DiscoveryErrorBody {
  return {
    errors: [{ code, detail, status, _links: { [linkKey]: { href: `/discovery/v2/errors.html#${code}` } } }],
  };
}

export const discoveryErrors = {
  pagingTooDeep: () =>
    discoveryError(
      'DIS1035',
      'API Limits Exceeded: Max paging depth exceeded. (page * size) must be less than 1,000',
      '400 BAD_REQUEST',
    ),
  sizeTooLarge: () => discoveryError('DIS1036', 'Query param "size" must be less than 200', '400 BAD_REQUEST'),
  badDateFormat: () =>
    discoveryError(
      'DIS1015',
      'Query param with date must be of valid format YYYY-MM-DDTHH:mm:ssZ {example: 2020-08-01T14:00:00Z }',
      '400 BAD_REQUEST',
      'self',
    ),
  // Not observed on the real API (it may coerce); the fake answers a clear 400 rather than guess.
  badQueryParam: (name: string, expected: string) =>
    discoveryError('DIS1015', `Query param "${name}" must be ${expected}`, '400 BAD_REQUEST', 'self'),
  notFound: (id: string) => ({
    errors: [
      {
        code: 'DIS1004',
        detail: `Resource not found with provided criteria (locale=en-us, id=${id})`,
        status: '404',
        _links: { self: { href: '/discovery/v2/errors.html#DIS1004' } },
      },
    ],
  }),
  unknownResource: () => discoveryError('DIS1001', 'Resource not found', '404', 'self'),
};

export const gatewayFaults = {
  invalidApiKey: (): GatewayFaultBody => ({
    fault: { faultstring: 'Invalid ApiKey', detail: { errorcode: 'oauth.v2.InvalidApiKey' } },
  }),
  spikeArrest: (perSecond: number): GatewayFaultBody => ({
    fault: {
      faultstring: `Spike arrest violation. Allowed rate : ${perSecond}ps`,
      detail: { errorcode: 'policies.ratelimit.SpikeArrestViolation' },
    },
  }),
  quotaViolation: (): GatewayFaultBody => ({
    fault: {
      faultstring: 'Rate limit quota violation. Quota limit  exceeded. Identifier : _default',
      detail: { errorcode: 'policies.ratelimit.QuotaViolation' },
    },
  }),
  /** Bodies for failures injected with `failNext`. */
  forStatus: (status: number, perSecond: number): GatewayFaultBody | DiscoveryErrorBody => {
    if (status === 401) return gatewayFaults.invalidApiKey();
    if (status === 429) return gatewayFaults.spikeArrest(perSecond);
    if (status === 503) {
      return fault('The Service is temporarily unavailable', 'messaging.adaptors.http.flow.ServiceUnavailable');
    }
    if (status === 504) return fault('Gateway Timeout', 'messaging.adaptors.http.flow.GatewayTimeout');
    if (status >= 500) {
      return fault('Internal Server Error', 'messaging.adaptors.http.flow.InternalServerError');
    }
    return discoveryError('DIS1001', `Injected failure with status ${status}`, String(status), 'self');
  },
};

function fault(faultstring: string, errorcode: string): GatewayFaultBody {
  return { fault: { faultstring, detail: { errorcode } } };
}
