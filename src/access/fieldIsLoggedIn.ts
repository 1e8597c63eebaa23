import type { FieldAccess } from 'payload'

export const fieldIsLoggedIn: FieldAccess = ({ req: { user } }) => Boolean(user)
