import type { BookingData } from '../bookingData'
import type { BookingContext } from '../context'
import { InvalidTokenError } from '../errors'

/** Guards for the link and job paths: the booking must still be as the caller found it. */
export function checkLinkExpectations(original: BookingData, context: BookingContext): void {
  if (context.expectStatus !== undefined && original.status !== context.expectStatus) {
    throw new InvalidTokenError()
  }
  if (
    context.expectConfirmTokenHash !== undefined &&
    original.confirmTokenHash !== context.expectConfirmTokenHash
  ) {
    throw new InvalidTokenError()
  }
  if (
    context.expectCancelTokenHash !== undefined &&
    original.cancelTokenHash !== context.expectCancelTokenHash
  ) {
    throw new InvalidTokenError()
  }
}
