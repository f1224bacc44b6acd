import type { Random } from './random.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰志红文斌海燕子轩浩然欣怡雨涵梓萱俊杰宇航佳琪晨阳思远';
const ROADS = ['幸福路', '人民路', '青溪大道', '建设路', '解放街', '滨江路', '和平路', '文化路', '工业园路', '学府路'];
const COMPANY_WORDS = ['恒达', '鑫源', '江北', '宏图', '瑞丰', '华信', '长兴', '新锐', '诚信', '万通'];
const COMPANY_KINDS = ['建筑工程有限公司', '商贸有限公司', '物业服务有限公司', '农业科技有限公司', '餐饮管理有限公司', '房地产开发有限公司'];

/** GB 11643 check digit, so generated 身份证号 are well-formed (and obviously fictitious: birth place 99). */
function idCheckDigit(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * w[i], 0);
  return '10X98765432'[sum % 11];
}

export function person(r: Random, townships: string[]) {
  const name = r.pick([...SURNAMES]) + r.pick([...GIVEN]) + (r.chance(0.6) ? r.pick([...GIVEN]) : '');
  const birth = `${r.int(1950, 2003)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const body = `9901${String(r.int(1, 99)).padStart(2, '0')}${birth}${String(r.int(100, 999))}`;
  return {
    role: 'applicant',
    name,
    idNumber: body + idCheckDigit(body),
    phone: `1${r.pick(['38', '39', '58', '59', '86', '87', '77'])}${String(r.int(0, 99999999)).padStart(8, '0')}`,
    address: `青溪区${r.pick(townships)}${r.pick(ROADS)}${r.int(1, 300)}号`,
  };
}

export function company(r: Random, townships: string[]) {
  return {
    role: 'applicant',
    kind: 'organisation' as const,
    name: `青溪${r.pick(COMPANY_WORDS)}${r.pick(COMPANY_KINDS)}`,
    phone: `0799-${r.int(6000000, 6999999)}`,
    address: `青溪区${r.pick(townships)}${r.pick(ROADS)}${r.int(1, 300)}号`,
  };
}
