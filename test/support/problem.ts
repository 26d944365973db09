/** An application/problem+json body as the API sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance: string;
  request_id: string;
  errors?: { field: string; in: string; message: string }[];
}
