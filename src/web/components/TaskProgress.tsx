/**
 * Progress of a background task (imports, exports, recomputations): polls GET /api/tasks/:id every
 * second until it succeeds or fails, and calls onDone with the final task.
 */
import { Alert, Progress, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api.js';
import type { Task, TaskStatus } from '../api-types.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatError } from '../i18n/format-error.js';

const FINISHED: readonly TaskStatus[] = ['succeeded', 'failed'];

export function taskPercent(task: Pick<Task, 'status' | 'progress' | 'total'>): number {
  if (task.status === 'succeeded') return 100;
  if (!task.total || task.total <= 0) return 0;
  return Math.min(99, Math.floor((task.progress / task.total) * 100));
}

function useTask(taskId: string, intervalMs: number, onDone?: (t: Task) => void) {
  const [task, setTask] = useState<Task | null>(null);
  const [error, setError] = useState<unknown>(null);
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    const poll = async () => {
      try {
        const next = await api<Task>(`/api/tasks/${taskId}`);
        if (!live) return;
        setTask(next);
        setError(null);
        if (FINISHED.includes(next.status)) return done.current?.(next);
      } catch (err) {
        if (!live) return;
        setError(err);
      }
      timer = window.setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [taskId, intervalMs]);
  return { task, error };
}

export function TaskProgress({ taskId, intervalMs = 1000, onDone }: { taskId: string; intervalMs?: number; onDone?: (t: Task) => void }) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const { task, error } = useTask(taskId, intervalMs, onDone);
  if (error && !task) return <Alert type="error" showIcon title={formatError(i18n, error)} />;
  if (!task) return <Progress percent={0} status="active" aria-label={t('task.progress')} />;
  const status = task.status === 'failed' ? 'exception' : task.status === 'succeeded' ? 'success' : 'active';
  return (
    <div role="status" aria-live="polite" data-testid="task-progress">
      <Progress percent={taskPercent(task)} status={status} aria-label={t('task.progress')} />
      <Typography.Text type="secondary">
        {tx(`task.status.${task.status}`, task.status)}
        {task.total ? ` · ${task.progress}/${task.total}` : ''}
        {task.message ? ` · ${task.message}` : ''}
      </Typography.Text>
    </div>
  );
}
