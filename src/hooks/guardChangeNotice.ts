import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import type { ChangeNotice } from '../payload-types'
import { prepareNoticeDelete, prepareNoticeWrite } from '../services/terms/noticeWrites'

/** Fills the notice from its edition, checks the notice period on publishing; published is final. */
export const guardChangeNotice: CollectionBeforeChangeHook<ChangeNotice> = ({
  data,
  originalDoc,
  operation,
  req,
}) => prepareNoticeWrite({ data, originalDoc, operation, req })

export const guardChangeNoticeDelete: CollectionBeforeDeleteHook = ({ id, req }) =>
  prepareNoticeDelete(id, req)
