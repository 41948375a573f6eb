import { Breadcrumb, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface Props {
  title: ReactNode;
  /** Buttons on the right of the title. */
  extra?: ReactNode;
  /** Parent pages: [label, path]. */
  crumbs?: [ReactNode, string][];
  subTitle?: ReactNode;
  children: ReactNode;
}

/** Ant Design Pro's page header: breadcrumb, title, actions, then the page. */
export function PageContainer({ title, extra, crumbs, subTitle, children }: Props) {
  return (
    <div>
      {crumbs && crumbs.length > 0 && (
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[
            ...crumbs.map(([label, path]) => ({ title: <Link to={path}>{label}</Link> })),
            { title },
          ]}
        />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
        </div>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      {children}
    </div>
  );
}
