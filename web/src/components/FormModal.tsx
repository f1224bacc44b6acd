import { useState, type ReactNode } from 'react';
import { useToast } from './toast.ts';
import { Form, Modal, type FormInstance } from 'antd';

/**
 * The form's values, or undefined when a field is invalid: antd's validateFields rejects then, and
 * the fields already show why, so the rejection is handled here instead of surfacing as an
 * "Uncaught (in promise)" error in the console. Any other error is a real one and is rethrown.
 */
export async function validValues<T = any>(form: FormInstance): Promise<T | undefined> {
  try {
    return await form.validateFields();
  } catch (e: any) {
    if (Array.isArray(e?.errorFields)) return undefined;
    throw e;
  }
}

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
  const message = useToast();
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
        const values = await validValues(form);
        if (!values) return;
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
