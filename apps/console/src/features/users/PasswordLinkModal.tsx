import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTime } from '@/lib/format';
import { setPasswordLink } from '@/features/auth/set-password-link';

export interface IssuedLink {
  kind: 'created' | 'reset';
  username: string;
  displayName: string;
  token: string;
  expiresAt: string;
}

/**
 * The one-time set-password link, shown once (the API never answers the token again): a new or
 * reset account has no password until its owner sets one with it.
 */
export function PasswordLinkModal({
  issued,
  onClose,
}: {
  issued: IssuedLink | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('users');
  const { message } = App.useApp();
  const link = issued ? setPasswordLink(window.location.origin, issued.token, issued.username) : '';
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      void message.success(t('link.copied'));
    } catch {
      void message.warning(t('link.copyFailed'));
    }
  };
  return (
    <Modal
      open={!!issued}
      title={issued?.kind === 'reset' ? t('link.resetTitle') : t('link.createdTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('link.close')}
        </Button>
      }
      width={640}
    >
      {issued && (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('link.intro', { name: issued.displayName, username: issued.username })}
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            message={t('link.warning', { expires: formatTime(issued.expiresAt) })}
          />
          <label htmlFor="set-password-link">{t('link.label')}</label>
          <Flex gap={8}>
            <Input
              id="set-password-link"
              data-testid="set-password-link"
              value={link}
              readOnly
              onFocus={(e) => e.target.select()}
            />
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>
              {t('link.copy')}
            </Button>
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
