import type { Payload } from 'payload'

/**
 * Tells the public terms routes of this process that editions or notices changed, so their
 * response cache drops at once. Keyed by Payload instance, so two servers in one process (tests)
 * never clear or serve each other's entries. Other processes converge through the cache TTL.
 */
const listeners = new WeakMap<Payload, Set<() => void>>()

export function onTermsChanged(payload: Payload, listener: () => void): () => void {
  let set = listeners.get(payload)
  if (!set) listeners.set(payload, (set = new Set()))
  set.add(listener)
  return () => set.delete(listener)
}

export function signalTermsChanged(payload: Payload): void {
  for (const listener of listeners.get(payload) ?? []) listener()
}
