import { useEffect, useState } from 'react';
import { useToast } from '../components/toast.ts';
import { Link } from 'react-router';
import { Button, Card, Checkbox, Form, Input, List, Space, Tag, TimePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import { get, post, put, type Reply } from '../api.ts';

/** All messages, read/unread, and the person's choices: which kinds, which channels, quiet hours. */
export function MessagesPage() {
  const message = useToast();
  const [data, setData] = useState<Reply<'/api/notifications'>>();
  const [prefs, setPrefs] = useState<Reply<'/api/notifications/preferences'>>();
  const [form] = Form.useForm();
  const load = () => get('/api/notifications', { query: { limit: 200 } }).then(setData);
  useEffect(() => {
    load();
    get('/api/notifications/preferences').then((p) => {
      setPrefs(p);
      form.setFieldsValue({ ...p, received: (Object.keys(KINDS) as (keyof typeof KINDS)[]).filter((k) => !p.muted.includes(k)), quiet: p.quietFrom ? [dayjs(p.quietFrom, 'HH:mm'), dayjs(p.quietTo, 'HH:mm')] : undefined });
    });
  }, [form]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={`消息（未读 ${data?.unread ?? 0}）`}
        extra={
          <Button onClick={async () => (await post('/api/notifications/read', { body: {} }), load())} disabled={!data?.unread}>
            全部标为已读
          </Button>
        }
      >
        <List
          loading={!data}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '没有消息' }}
          renderItem={(n: any) => (
            <List.Item
              actions={n.read ? [] : [<a key="read" onClick={async () => (await post('/api/notifications/read', { body: { ids: [n.id] } }), load())}>标为已读</a>]}
            >
              <List.Item.Meta
                title={
                  <Space>
                    <Tag color={n.read ? 'default' : 'red'}>{n.kindLabel}</Tag>
                    {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}
                  </Space>
                }
                description={`${n.body}　${new Date(n.createdAt).toLocaleString('zh-CN', { hour12: false })}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title="提醒设置">
        {prefs && (
          <Form
            form={form}
            layout="vertical"
            style={{ maxWidth: 560 }}
            onFinish={async (v) => {
              try {
                const p = await put('/api/notifications/preferences', {
                  body: {
                    muted: (Object.keys(KINDS) as (keyof typeof KINDS)[]).filter((k) => !v.received.includes(k)),
                    channels: v.channels ?? [],
                    quietFrom: v.quiet?.[0]?.format('HH:mm') ?? null,
                    quietTo: v.quiet?.[1]?.format('HH:mm') ?? null,
                    phone: v.phone || null,
                    email: v.email || null,
                  },
                });
                setPrefs(p);
                message.success('提醒设置已保存');
              } catch (e: any) {
                message.error(e.message);
              }
            }}
          >
            <Form.Item name="received" label="接收的消息">
              <Checkbox.Group options={Object.entries(KINDS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="channels" label="站外提醒（另行发送）">
              <Checkbox.Group options={[{ value: 'sms', label: '短信' }, { value: 'robot', label: '工作群机器人（企业微信/钉钉）' }, { value: 'email', label: '电子邮件' }]} />
            </Form.Item>
            <Form.Item name="phone" label="接收短信的手机号">
              <Input maxLength={11} />
            </Form.Item>
            <Form.Item name="email" label="电子邮箱">
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="quiet" label="免打扰时段（站外提醒顺延到结束时发送）">
              <TimePicker.RangePicker format="HH:mm" order={false} />
            </Form.Item>
            <Typography.Paragraph type="secondary">站内消息始终保存在本页；免打扰只影响短信、机器人和邮件。</Typography.Paragraph>
            <Button type="primary" htmlType="submit">
              保存设置
            </Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}

const KINDS = { todo: '新待办', supervision: '督办', urge: '催报', returned: '报告被退回', warning: '超期预警' };
