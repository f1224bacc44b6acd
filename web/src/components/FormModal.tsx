import { useState, type ReactNode } from 'react';
import { App, Form, Modal, type FormInstance } from 'antd';

/**
 * A modal form that submits once, shows the server's Chinese message on failure and keeps the
 * dialog open so nothing typed is lost.
 */
export function FormModal({
  title,
  okText,
  width,
  initialValues,
  onClose,
  submit,
  children,
}: {
  title: ReactNode;
  okText: string;
  width?: number;
  initialValues?: Record<string, unknown>;
  onClose: () => void;
  /** Sends the values; resolves to the success message. */
  submit: (values: any, form: FormInstance) => Promise<string>;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      width={width}
      title={title}
      okText={okText}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={async () => {
        const values = await form.validateFields();
        setBusy(true);
        try {
          message.success(await submit(values, form));
        } catch (e: any) {
          message.error(e.message, 6);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}
