// Liveness for the container HEALTHCHECK and Kubernetes probes: the Next server answers.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok', service: 'web' });
}
