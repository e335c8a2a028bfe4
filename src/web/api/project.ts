// The session's project id: every ROMA call goes to /api/v2/{project_id}/...
import { ApiError } from './errors';

let projectId: string | undefined;

export function setProjectId(id: string | undefined): void {
  projectId = id;
}

export function getProjectId(): string | undefined {
  return projectId;
}

/** `/api/v2/{project}` + path, each dynamic segment encoded by the caller via `seg`. */
export function romaPath(path: string): string {
  if (!projectId) throw new ApiError({ status: 401, code: 'NO_SESSION', message: 'Not logged in' });
  return `/api/v2/${encodeURIComponent(projectId)}${path}`;
}

export const seg = (s: string): string => encodeURIComponent(s);
