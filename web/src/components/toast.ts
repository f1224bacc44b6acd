import { useMemo, type ReactNode } from 'react';
import { App } from 'antd';

/**
 * Error and warning toasts belong to the page they were raised on: the shell clears them when the
 * route changes, so a failed attempt's error does not stand beside the next page's "已登记".
 * Success toasts are left alone (they are often shown just as the page changes).
 */
const pageKeys = new Set<string>();
let seq = 0;

export function useToast() {
  const { message } = App.useApp();
  return useMemo(() => {
    const pageBound = (type: 'error' | 'warning') => (content: ReactNode, duration?: number) => {
      const key = `page-${type}-${++seq}`;
      pageKeys.add(key);
      return message.open({ type, content, duration, key, onClose: () => pageKeys.delete(key) });
    };
    return { ...message, error: pageBound('error'), warning: pageBound('warning') };
  }, [message]);
}

/** Closes the error and warning toasts of the page being left. */
export function clearPageToasts(message: { destroy: (key?: string) => void }) {
  for (const key of pageKeys) message.destroy(key);
  pageKeys.clear();
}
