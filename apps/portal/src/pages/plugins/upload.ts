import { useCallback, useRef, useState } from 'react';
import { refreshSession } from '../../api/client';
import { ApiError } from '../../api/errors';
import { authStore } from '../../auth/auth-store';

/** Bytes sent so far of a running upload; `total` is 0 until the browser knows the body's size. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

interface UploadRequest {
  method: 'POST' | 'PUT';
  url: string;
  /** The multipart body: the file and any other fields, in the order the API reads them. */
  form: FormData;
  onProgress: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Sends a multipart upload with XMLHttpRequest, the one browser API that reports upload progress
 * (fetch does not). Same bearer token and same one-time refresh-and-retry on 401 as the API client.
 * Resolves with the parsed JSON body; rejects with an ApiError carrying Guild's error body.
 */
export async function uploadFile<T>(request: UploadRequest): Promise<T> {
  const first = await send(request, authStore.getSnapshot().accessToken);
  if (first.status !== 401) return settle<T>(first);
  const token = await refreshSession();
  if (!token) return settle<T>(first);
  return settle<T>(await send(request, token));
}

interface Sent {
  status: number;
  body: unknown;
}

function send({ method, url, form, onProgress, signal }: UploadRequest, token: string | undefined): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.onload = () => resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    // The same TypeError fetch throws, so errorMessage() says "could not reach Guild".
    xhr.onerror = () => reject(new TypeError('The upload could not reach Guild.'));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function settle<T>({ status, body }: Sent): T {
  if (status >= 200 && status < 300) return body as T;
  throw ApiError.from(status, body);
}

export type UploadState<T> =
  | { status: 'idle' }
  | { status: 'uploading'; progress: UploadProgress; fileName: string }
  | { status: 'done'; result: T; fileName: string }
  | { status: 'failed'; error: unknown; fileName: string };

/**
 * One upload at a time with its progress, result or error; `cancel` aborts the running one.
 * `onDone` runs after a successful upload (to refresh what shows the new file).
 */
export function useUpload<T>(onDone?: (result: T) => void | Promise<unknown>) {
  const [state, setState] = useState<UploadState<T>>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(
    async (fileName: string, request: Omit<UploadRequest, 'onProgress' | 'signal'>) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'uploading', progress: { loaded: 0, total: 0 }, fileName });
      try {
        const result = await uploadFile<T>({ ...request, signal: abort.signal, onProgress: (progress) => setState({ status: 'uploading', progress, fileName }) });
        await onDone?.(result);
        setState({ status: 'done', result, fileName });
      } catch (error) {
        if (abort.signal.aborted) setState({ status: 'idle' });
        else setState({ status: 'failed', error, fileName });
      } finally {
        if (controller.current === abort) controller.current = null;
      }
    },
    [onDone],
  );
  const cancel = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, cancel, reset };
}
