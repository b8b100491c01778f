import { NavLink, Outlet } from 'react-router';
import { LanguagePicker, useI18n } from '../i18n/i18n';
import { IdleSignOut } from '../session/idle-sign-out';
import { ResetNotice } from '../session/reset-notice';
import { can, useSession } from '../session/session';

/** The frame of every signed-in screen: skip link, persistent navigation, language, sign-out, reset notice. */
export function Layout() {
  const { messages } = useI18n();
  const { me, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {messages.skipToContent}
      </a>
      <header className="topbar">
        <span className="brand" lang="ko">
          실록 <span className="brand-latin">Sillok</span>
        </span>
        <nav aria-label={messages.nav.main}>
          <ul>
            {can(me, 'case.read') ? (
              <li>
                <NavLink to="/app/cases">{messages.nav.cases}</NavLink>
              </li>
            ) : null}
            {can(me, 'search.read') ? (
              <>
                <li>
                  <NavLink to="/app/search">{messages.search.nav}</NavLink>
                </li>
                <li>
                  <NavLink to="/app/patterns">{messages.search.patterns.nav}</NavLink>
                </li>
              </>
            ) : null}
            {can(me, 'incident.read') ? (
              <li>
                <NavLink to="/app/map">{messages.records.map}</NavLink>
              </li>
            ) : null}
            {can(me, 'testimony.approve') ? (
              <li>
                <NavLink to="/app/review">{messages.nav.review}</NavLink>
              </li>
            ) : null}
            {can(me, 'taxonomy.manage') ? (
              <li>
                <NavLink to="/app/vocabularies">{messages.nav.vocabularies}</NavLink>
              </li>
            ) : null}
            {can(me, 'audit.read') ? (
              <li>
                <NavLink to="/app/audit">{messages.nav.audit}</NavLink>
              </li>
            ) : null}
            {can(me, 'import.create') ? (
              <li>
                <NavLink to="/app/imports">{messages.administration.nav.imports}</NavLink>
              </li>
            ) : null}
            {can(me, 'fixity.read') ? (
              <li>
                <NavLink to="/app/fixity">{messages.administration.nav.fixity}</NavLink>
              </li>
            ) : null}
            {can(me, 'user.manage') ? (
              <li>
                <NavLink to="/app/users">{messages.nav.users}</NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/app/second-factor">{messages.mfa.nav}</NavLink>
            </li>
          </ul>
        </nav>
        <div className="topbar-end">
          <LanguagePicker />
          <span className="muted who">{me ? `${me.displayName} · ${messages.role[me.role]}` : null}</span>
          <button type="button" onClick={() => void signOut()}>
            {messages.nav.signOut}
          </button>
        </div>
      </header>
      <IdleSignOut />
      <ResetNotice />
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
