import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskText, NameIndex } from '../../src/kernel/privacy.ts';

test('every occurrence of every name shows only its first character', () => {
  assert.equal(maskText('申请人王小明与王小明之父王大明', ['王小明', '王大明']), '申请人王**与王**之父王**');
  assert.equal(maskText('赵钱孙', ['赵']), '赵钱孙', 'one-character names are not names to hide');
  assert.equal(maskText('  张三  ', [' 张三 ']), '  张*  ', 'names are trimmed');
});

test('overlapping names: a position any name hides stays hidden, whichever is longer', () => {
  // 张三丰 and 三丰收 overlap; replacing one first used to leave the other's last character.
  assert.equal(maskText('张三丰收', ['张三丰', '三丰收']), '张***');
  assert.equal(maskText('李王小明', ['李王', '王小明']), '李***');
  assert.equal(maskText('欧阳娜娜', ['欧阳娜娜', '欧阳']), '欧***');
});

test('characters outside the BMP count as one character', () => {
  assert.equal(maskText('当事人𠀋一二到场', ['𠀋一二']), '当事人𠀋**到场');
  assert.equal(maskText('王𠀋在场', ['王𠀋']), '王*在场');
});

test('a shared index with a case\'s own names laid over it hides both, and the shared list is compiled once', () => {
  const everyone = ['陈一一', '林二二'];
  const shared = NameIndex.of(everyone);
  assert.equal(NameIndex.of(everyone), shared, 'the same array compiles once');
  const withOwn = shared.with(['周三三']);
  assert.equal(maskText('陈一一、林二二和周三三', withOwn), '陈**、林**和周**');
  assert.equal(maskText('周三三', shared), '周三三', 'the overlay does not change the shared index');
});

test('the same result as hiding names one by one when they do not overlap (random texts)', () => {
  const pool = ['王小明', '李娜', '欧阳修文', '张伟', '刘会', '陈建国'];
  let seed = 7;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  for (let i = 0; i < 200; i++) {
    const parts = Array.from({ length: 6 }, () => (rand(2) ? pool[rand(pool.length)] : '，于某日到'.slice(0, 1 + rand(5))));
    const text = parts.join('');
    let expected = text;
    for (const n of [...pool].sort((a, b) => b.length - a.length)) expected = expected.split(n).join(n[0] + '*'.repeat(n.length - 1));
    assert.equal(maskText(text, pool), expected, text);
  }
});
