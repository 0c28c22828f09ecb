/**
 * Header: logo, role-aware menu, language switch, user menu. Below 768 px the menu moves into a Drawer
 * and the header stays one compact row, so nothing scrolls sideways at 375 px.
 */
import { MenuOutlined } from '@ant-design/icons';
import { Button, Divider, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useAuth } from '../auth/AuthProvider.js';
import { useT } from '../i18n/I18nProvider.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { groupNavItems, type NavItem, navItemsFor, selectedNavKey } from './nav-items.js';
import { useIsDesktop } from './useIsDesktop.js';
import { AuthButtons, UserMenu, useLogout } from './UserMenu.js';

/** Menu items; groups become submenus on desktop (`popup`) and headed sections in the phone drawer (`inline`). */
function useMenuItems(mode: 'popup' | 'inline', onNavigate?: () => void): { items: MenuProps['items']; selected: string[] } {
  const { me } = useAuth();
  const t = useT();
  const { pathname } = useLocation();
  const nav = navItemsFor(me?.user.role ?? null);
  const link = (i: NavItem) => ({
    key: i.path,
    label: (
      <Link to={i.path} onClick={onNavigate}>
        {t(i.label)}
      </Link>
    ),
  });
  const items: MenuProps['items'] = groupNavItems(nav).map((e) =>
    e.kind === 'item'
      ? link(e.item)
      : mode === 'popup'
        ? { key: e.group, label: t(e.group), children: e.items.map(link) }
        : { type: 'group' as const, key: e.group, label: t(e.group), children: e.items.map(link) },
  );
  const key = selectedNavKey(pathname, nav);
  return { items, selected: key ? [key] : [] };
}

function Logo({ compact }: { compact: boolean }) {
  const t = useT();
  return (
    <Link to="/" className={compact ? 'logo logo-compact' : 'logo'} aria-label={`${t('app.fullName')} - ${t('nav.home')}`}>
      <span className="logo-mark" aria-hidden>
        赣
      </span>
      <span className="logo-text">{t('app.fullName')}</span>
    </Link>
  );
}

function MobileDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { me } = useAuth();
  const { items, selected } = useMenuItems('inline', onClose);
  const doLogout = useLogout();
  const accountItems: MenuProps['items'] = me
    ? [
        {
          key: '/account',
          label: (
            <Link to="/account" onClick={onClose}>
              {t('nav.account')}
            </Link>
          ),
        },
        {
          key: 'logout',
          label: t('nav.logout'),
          onClick: () => {
            onClose();
            void doLogout();
          },
        },
      ]
    : [];
  return (
    <Drawer title={t('app.menu')} placement="left" open={open} onClose={onClose} size={280} closable={{ 'aria-label': t('common.close') }}>
      <nav aria-label={t('app.mainNav')}>
        <Menu mode="inline" items={items} selectedKeys={selected} className="drawer-menu" />
      </nav>
      <Divider />
      {me ? (
        <div>
          <p className="drawer-user">
            {me.user.displayName} · {t(`roles.${me.user.role}`)}
          </p>
          <Menu mode="inline" items={accountItems} selectable={false} className="drawer-menu" />
        </div>
      ) : (
        <AuthButtons block />
      )}
    </Drawer>
  );
}

export function AppHeader() {
  const desktop = useIsDesktop();
  const t = useT();
  const [open, setOpen] = useState(false);
  const { items, selected } = useMenuItems('popup');
  if (!desktop) {
    return (
      <Layout.Header className="app-header app-header-compact">
        <Button
          type="text"
          icon={<MenuOutlined />}
          aria-label={t('app.openMenu')}
          aria-expanded={open}
          onClick={() => setOpen(true)}
          data-testid="menu-button"
        />
        <Logo compact />
        <LanguageSwitch compact />
        <MobileDrawer open={open} onClose={() => setOpen(false)} />
      </Layout.Header>
    );
  }
  return (
    <Layout.Header className="app-header">
      <Logo compact={false} />
      <nav aria-label={t('app.mainNav')} className="header-nav">
        <Menu mode="horizontal" items={items} selectedKeys={selected} disabledOverflow={false} triggerSubMenuAction="click" />
      </nav>
      <LanguageSwitch />
      <UserMenu />
    </Layout.Header>
  );
}
