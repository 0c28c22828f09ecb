/** Signed in: a dropdown with account and logout. Anonymous: sign-in and register buttons. */
import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider.js';
import { useT } from '../i18n/I18nProvider.js';
import { ButtonLink } from './ButtonLink.js';

export function useLogout() {
  const { logout } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const t = useT();
  return async () => {
    // leave the (possibly guarded) page first, so the guard does not bounce to /login on the way out
    navigate('/', { replace: true });
    await logout();
    void message.success(t('auth.login.signedOut'));
  };
}

export function AuthButtons({ block = false }: { block?: boolean }) {
  const t = useT();
  return (
    <Space orientation={block ? 'vertical' : 'horizontal'} style={block ? { width: '100%' } : undefined}>
      <ButtonLink to="/login" type="primary" block={block}>
        {t('nav.login')}
      </ButtonLink>
      <ButtonLink to="/register" block={block}>
        {t('nav.register')}
      </ButtonLink>
    </Space>
  );
}

export function UserMenu() {
  const { me } = useAuth();
  const t = useT();
  const navigate = useNavigate();
  const doLogout = useLogout();
  if (!me) return <AuthButtons />;
  const items: MenuProps['items'] = [
    { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout') },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'account') navigate('/account');
    else void doLogout();
  };
  const name = me.user.displayName;
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button type="text" data-testid="user-menu">
        <UserOutlined aria-hidden />
        <span className="user-name">{name}</span>
        <span className="user-role">{t(`roles.${me.user.role}`)}</span>
        <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
