/**
 * Masking of parties' personal data (个人信息保护法): what leaders, exports and the public
 * portal see. Keeps enough to recognise a record, never enough to identify a person.
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  // Organisations (名称 with 公司/局/委…) are not personal data.
  if (/(公司|局|委|院|所|中心|会|社|厂|店|部|办|政府|集团)$/.test(name)) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}

export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(phone.length);
  return digits.slice(0, 3) + '****' + digits.slice(-4);
}

export function maskAddress(address: string): string {
  const chars = [...address];
  const keep = Math.min(6, Math.max(0, chars.length - 2));
  return chars.slice(0, keep).join('') + '****';
}

export interface PartyView {
  role: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  masked: boolean;
}

export function maskParty(p: Omit<PartyView, 'masked'>): PartyView {
  return {
    role: p.role,
    name: maskName(p.name),
    idNumber: p.idNumber && maskIdNumber(p.idNumber),
    phone: p.phone && maskPhone(p.phone),
    address: p.address && maskAddress(p.address),
    masked: true,
  };
}

/** ID-card and mobile numbers inside free text (a report, a note), masked wherever they appear. */
export function maskPersonalDataInText(text: string): string {
  return text
    .replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, maskIdNumber)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, maskPhone);
}
