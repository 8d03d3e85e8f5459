import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import proto from '@temporalio/proto';

// A CommonJS package: named ESM imports of it fail under plain Node, so take the default export.
const { SERVING } = proto.grpc.health.v1.HealthCheckResponse.ServingStatus;

/**
 * A lazily connecting Temporal connection: the API starts (and reports 503) while Temporal is
 * down, and reconnects within seconds when it returns instead of grpc-js's default back-off of
 * up to two minutes.
 */
export function createTemporalConnection(address: string): Connection {
  return Connection.lazy({
    address,
    channelArgs: {
      'grpc.initial_reconnect_backoff_ms': 250,
      'grpc.max_reconnect_backoff_ms': 2000,
    },
  });
}

/** True when the Temporal frontend answers its gRPC health check within `timeoutMs`. */
export async function pingTemporal(connection: Connection, timeoutMs = 2000): Promise<boolean> {
  try {
    const deadline = Date.now() + timeoutMs;
    const response = await connection.withDeadline(deadline, () =>
      connection.healthService.check({ service: 'temporal.api.workflowservice.v1.WorkflowService' }),
    );
    return response.status === SERVING;
  } catch {
    return false;
  }
}

/**
 * The workflow client, with OpenTelemetry's client interceptor: a start, Update or Query becomes
 * a span of the current trace and carries its context to the workflow in Temporal headers. With
 * tracing off the interceptor's spans are no-ops.
 */
export function createWorkflowClient(connection: Connection, namespace: string): Client {
  return new Client({ connection, namespace, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } });
}
