export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
export { freePort } from './free-port.js';
