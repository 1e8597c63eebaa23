'use client'

import { Link, NavGroup, useConfig, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'

import { adminText } from '../shared/text'

/** The custom screens, first in the side navigation: staff open the day view many times a day. */
export function WorkNavLinks() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const pathname = usePathname()
  const text = adminText(i18n.language)
  const links = [
    {
      id: 'nav-bookings-day',
      href: `${config.routes.admin}/bookings-day`,
      label: text.nav.bookingsDay,
    },
    {
      id: 'nav-usage',
      href: `${config.routes.admin}/usage`,
      label: text.nav.usage,
    },
  ]
  return (
    <NavGroup label={text.nav.heading}>
      {links.map((link) => {
        const active = pathname === link.href
        const label = (
          <>
            {active ? <div className="nav__link-indicator" /> : null}
            <span className="nav__link-label">{link.label}</span>
          </>
        )
        return active ? (
          <div key={link.id} className="nav__link" id={link.id} aria-current="page">
            {label}
          </div>
        ) : (
          <Link key={link.id} className="nav__link" href={link.href} id={link.id} prefetch={false}>
            {label}
          </Link>
        )
      })}
    </NavGroup>
  )
}
