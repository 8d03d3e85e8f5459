import type { JSX } from 'solid-js';
import { RequireAccess } from '../../components/require-console.js';
import { session } from '../../session/session.js';

/**
 * The ministry pages: ministry staff only. The reports also need the ministry's unconditional
 * report right, which the API checks.
 */
export function RequireMinistry(props: { children: JSX.Element }) {
  return <RequireAccess allowed={() => session()?.user.kind === 'ministry'}>{props.children}</RequireAccess>;
}
