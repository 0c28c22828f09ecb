/** A router link that looks like an antd button (an <a>, so no button is nested in a link). */
import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';

export function ButtonLink({ to, onClick, ...rest }: Omit<ButtonProps, 'href'> & { to: string }) {
  const navigate = useNavigate();
  const go = (e: MouseEvent<HTMLElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return <Button {...rest} href={to} onClick={go} />;
}
