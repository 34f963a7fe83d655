/**
 * Every problem the receiver answers with, by stable code. The body is always
 * `{"error": {"code", "message"}}` with a Chinese message a clerk can act on.
 */
export const PROBLEMS = {
  'auth.required': { status: 401, message: '需要设备令牌：请在设置中填写接收端发放的令牌' },
  'auth.invalid': { status: 401, message: '设备令牌无效：请向乡镇管理员重新领取令牌' },
  'body.invalid_json': { status: 400, message: '请求内容不是有效的 JSON' },
  'body.invalid': { status: 400, message: '请求内容不符合同步协议' },
  'query.invalid': { status: 400, message: '查询参数无效' },
  'route.not_found': { status: 404, message: '没有这个地址' },
  'body.too_large': { status: 413, message: '请求内容过大，请分批发送' },
  'rate.limited': { status: 429, message: '请求过于频繁，请稍后再试' },
  'server.internal': { status: 500, message: '服务器内部错误，请稍后重试' },
} as const;

export type ProblemCode = keyof typeof PROBLEMS;

export function problemBody(code: ProblemCode, detail?: string): { error: { code: ProblemCode; message: string } } {
  const message = detail ? `${PROBLEMS[code].message}：${detail}` : PROBLEMS[code].message;
  return { error: { code, message } };
}

/**
 * Why one revision of a batch was not stored (`status: "rejected"`); the phone shows the
 * message on the record and does not resend it until the record changes.
 */
export const REVISION_ERRORS = {
  'rev.conflict': '接收端已有同一版本号但内容不同的记录，未覆盖',
  'record.invalid': '记录内容有误',
  'scope.forbidden': '该记录不在本设备令牌的范围内',
  'scope.unknown_parent': '接收端还没有该记录所属的上级记录',
} as const;

export type RevisionErrorCode = keyof typeof REVISION_ERRORS;

export interface RevisionError {
  code: RevisionErrorCode;
  message: string;
  path?: string;
}

export function revisionError(code: RevisionErrorCode, detail?: string, path?: string): RevisionError {
  const message = detail ? `${REVISION_ERRORS[code]}：${detail}` : REVISION_ERRORS[code];
  return path === undefined ? { code, message } : { code, message, path };
}
