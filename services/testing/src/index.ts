export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
export { freePort } from './free-port.js';
export { TEST_ARCHIVE_DIR, TEST_FILES_DIR } from './file-dirs.js';
