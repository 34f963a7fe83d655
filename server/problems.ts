/**
 * Every problem the receiver answers with, by stable code. The body is always
 * `{"error": {"code", "message"}}` with a Chinese message a clerk can act on.
 */
export const PROBLEMS = {
  'route.not_found': { status: 404, message: '没有这个地址' },
  'body.too_large': { status: 413, message: '请求内容过大，请分批发送' },
  'server.internal': { status: 500, message: '服务器内部错误，请稍后重试' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export function problemBody(code: ProblemCode, detail?: string): { error: { code: ProblemCode; message: string } } {
  const message = detail ? `${PROBLEMS[code].message}：${detail}` : PROBLEMS[code].message;
  return { error: { code, message } };
}
