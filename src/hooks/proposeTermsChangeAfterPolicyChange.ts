import type { CollectionAfterChangeHook } from 'payload'

/** Placeholder: a policy change that alters the terms proposes a new edition and its notice. */
export const proposeTermsChangeAfterPolicyChange: CollectionAfterChangeHook = ({ doc }) => doc
