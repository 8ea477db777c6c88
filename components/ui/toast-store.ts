// The toasts on screen, kept outside React so any code (a mutation's onError, say) can raise one.

export type ToastVariant = "default" | "success" | "destructive";

export interface ToastInput {
  title: string;
  description?: string;
  variant?: ToastVariant;
  /** Milliseconds before it closes by itself; errors stay longer by default. */
  duration?: number;
}

export interface ToastItem extends ToastInput {
  id: number;
  open: boolean;
}

const MAX_TOASTS = 3;
let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: ToastItem[]): void {
  items = next;
  for (const l of listeners) l();
}

/** Shows a toast; returns its id (for dismissToast). Works once a <Toaster /> is mounted. */
export function toast(input: ToastInput): number {
  const id = nextId++;
  emit([...items, { ...input, id, open: true }].slice(-MAX_TOASTS));
  return id;
}

/** Starts the closing animation of a toast; it is removed when Radix reports it closed. */
export function dismissToast(id: number): void {
  emit(items.map((t) => (t.id === id ? { ...t, open: false } : t)));
}

export function removeToast(id: number): void {
  emit(items.filter((t) => t.id !== id));
}

export function subscribeToasts(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getToasts(): ToastItem[] {
  return items;
}

const EMPTY: ToastItem[] = [];
export function getServerToasts(): ToastItem[] {
  return EMPTY;
}
