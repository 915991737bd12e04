import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { PROBLEM_CONTENT_TYPE, problemType, STATUS_TITLES } from './problem-details';

/**
 * Node's HTTP parser refuses some requests before Express sees them (a URL or headers past `maxHeaderSize`, a
 * malformed request line or header) and answers with a bare status and an empty body. This answers them as
 * problem+json like every other error instead.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code !== undefined && ['ECONNRESET', 'EPIPE'].includes(error.code))) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const detail = tooLarge ? '请求地址或请求头过长（合计不能超过 16 KB）' : '请求格式不正确（请求行或请求头无法解析）';
    const body = JSON.stringify({
      type: problemType(String(status)),
      title: STATUS_TITLES[status] ?? '请求无效',
      status,
      detail,
      errors: [{ field: tooLarge ? 'url' : 'headers', message: detail }],
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
