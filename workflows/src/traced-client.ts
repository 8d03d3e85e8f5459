import { Client, type Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import proto from '@temporalio/proto';

// A CommonJS package: named ESM imports of it fail under plain Node, so take the default export.
const { SERVING } = proto.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * The relay's workflow client: a start becomes a span of the trace the outbox row carried and
 * passes it on to the workflow in Temporal headers (no-op spans when tracing is off).
 */
export function tracedWorkflowClient(connection: Connection, namespace: string): Client {
  return new Client({ connection, namespace, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } });
}

/** True when the Temporal frontend answers its gRPC health check within `timeoutMs` (for /readyz). */
export async function pingTemporalClient(connection: Connection, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await connection.withDeadline(Date.now() + timeoutMs, () =>
      connection.healthService.check({ service: 'temporal.api.workflowservice.v1.WorkflowService' }),
    );
    return response.status === SERVING;
  } catch {
    return false;
  }
}
