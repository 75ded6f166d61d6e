// Records test vectors from the stock client: every command below is issued
// by npm aerospike@6.7.1 (whose addon is the C client 7.4.0) against an asim
// started with --record, and the request frame asim received is written as
// `name<TAB>hex` to tests/vectors/<group>.txt. Next to each .txt a .md lists
// the Node call behind every name, taken from this file's source.
//
// Run by scripts/record-vectors.sh, which owns asim.
// env: ASIM_SEEDS "127.0.0.1:P"  ASIM_RECORD (the --record file)
//      AEROSHIM_STOCK_DIR  VECTORS_DIR (where the .txt/.md files go)
'use strict';

const fs = require('fs');
const path = require('path');

const A = require(path.join(process.env.AEROSHIM_STOCK_DIR, 'node_modules', 'aerospike'));
const { lists, maps, bitwise, hll, exp, operations: op } = A;

const NS = 'test';
const SET = 'vectors';
// One timeout everywhere, so the header's transaction_ttl is the same in every
// vector (1000 ms = 0x3e8), and no retries, so every command is one frame.
const BASE = { totalTimeout: 1000, socketTimeout: 0, maxRetries: 0 };
const SEND = { key: A.policy.key.SEND };

// The record key of a vector: set "vectors", the vector's own name as a
// string user key, digest only on the wire (the default key policy).
const k = (name) => new A.Key(NS, SET, name);
const i64max = 9223372036854775807n;
const i64min = -9223372036854775808n;
const blob = (n) => Buffer.from(Array.from({ length: n }, (_, i) => i & 255));
const kb = 'x'.repeat(1024);
// The source text of an arrow function's body, on one line: the .md shows it.
const body = (fn) => fn.toString().replace(/^\((c)?\) => /, '').replace(/\s+/g, ' ');
const utf8 = 'h\u00e9llo w\u00f6rld \u2713 \u65e5\u672c \ud83d\ude80';

// ---------------------------------------------------------------------------
// keys: the digest and key fields. Every key shape is sent twice: with the
// default key policy (digest only) and with key: SEND (`_sendkey`), so a test
// can check RIPEMD-160 of the sent key against the digest and then the
// digest-only twin against the same digest.
const keyShapes = [
  ['str_short', () => new A.Key(NS, SET, 'k')],
  ['str_1k', () => new A.Key(NS, SET, kb)],
  ['str_utf8', () => new A.Key(NS, SET, utf8)],
  ['int_0', () => new A.Key(NS, SET, 0)],
  ['int_1', () => new A.Key(NS, SET, 1)],
  ['int_neg1', () => new A.Key(NS, SET, -1)],
  ['int_2p31', () => new A.Key(NS, SET, 2147483648)],
  ['int_min', () => new A.Key(NS, SET, i64min)],
  ['int_max', () => new A.Key(NS, SET, i64max)],
  ['bytes', () => new A.Key(NS, SET, Buffer.from([0, 1, 2, 0xfe, 0xff]))],
  ['str_noset', () => new A.Key(NS, null, 'k')],
  ['int_noset', () => new A.Key(NS, null, 7)],
  ['bytes_noset', () => new A.Key(NS, null, Buffer.from([0xde, 0xad, 0xbe, 0xef]))],
];
const keys = [];
for (const [shape, key] of keyShapes) {
  const K = body(key);
  keys.push(
    [`key_${shape}_put`, (c) => c.put(key(), { b: 1 }, null, BASE), `c.put(${K}, { b: 1 }, null, BASE)`],
    [`key_${shape}_put_sendkey`, (c) => c.put(key(), { b: 1 }, null, { ...BASE, ...SEND }),
      `c.put(${K}, { b: 1 }, null, { ...BASE, ...SEND })`],
    [`key_${shape}_get`, (c) => c.get(key(), BASE), `c.get(${K}, BASE)`],
    [`key_${shape}_get_sendkey`, (c) => c.get(key(), { ...BASE, ...SEND }), `c.get(${K}, { ...BASE, ...SEND })`]);
}
keys.push(
  ['key_str_short_exists', (c) => c.exists(new A.Key(NS, SET, 'k'), { ...BASE })],
  ['key_str_short_exists_sendkey', (c) => c.exists(new A.Key(NS, SET, 'k'), { ...BASE, ...SEND })],
  ['key_str_short_select', (c) => c.select(new A.Key(NS, SET, 'k'), ['b', 'c'], { ...BASE })],
  ['key_str_short_remove', (c) => c.remove(new A.Key(NS, SET, 'k'), { ...BASE })],
  ['key_str_short_remove_sendkey', (c) => c.remove(new A.Key(NS, SET, 'k'), { ...BASE, ...SEND })],
  ['key_digest_only_get', (c) => c.get(new A.Key(NS, SET, null, blob(20)), { ...BASE })],
  ['key_digest_only_get_sendkey', (c) => c.get(new A.Key(NS, SET, null, blob(20)), { ...BASE, ...SEND })],
);

// ---------------------------------------------------------------------------
// values: one put per value type, bin "v", key = the vector's name.
const valueCases = [
  ['int_0', () => 0], ['int_1', () => 1], ['int_small', () => 42], ['int_neg1', () => -1], ['int_neg_small', () => -42],
  ['int_2p31', () => 2147483648], ['int_2p32', () => 4294967296], ['int_2p53', () => 9007199254740992],
  ['int_min', () => i64min], ['int_max', () => i64max],
  ['double_1_5', () => 1.5], ['double_neg', () => -273.15], ['double_forced_1', () => new A.Double(1)],
  ['double_zero_forced', () => new A.Double(0)], ['double_nan', () => NaN], ['double_inf', () => Infinity],
  ['str_empty', () => ''], ['str_short', () => 'hello'], ['str_utf8', () => utf8], ['str_1k', () => kb],
  ['bytes_empty', () => Buffer.alloc(0)], ['bytes_short', () => Buffer.from([0, 1, 2, 0xfe, 0xff])],
  ['bool_true', () => true], ['bool_false', () => false],
  ['nil_remove', () => null],
  ['list_empty', () => []], ['list_ints', () => [1, 2, 3]], ['list_mixed', () => [1, 'a', 1.5, true, null, Buffer.from([9])]],
  ['list_nested', () => [[1, [2, [3]]], []]], ['list_with_map', () => [{ a: 1 }, new Map([[1, 'x']])]],
  ['list_big_ints', () => [i64min, -1, 0, 127, 128, 255, 256, 32767, 32768, 65535, 65536, i64max]],
  ['list_strs', () => ['', 'a', 'x'.repeat(31), 'x'.repeat(32), 'x'.repeat(255), 'x'.repeat(256)]],
  ['list_neg_ints', () => [-32, -33, -128, -129, -32768, -32769, -2147483648, -2147483649]],
  ['list_doubles', () => [0.5, new A.Double(-0), 1e300, new A.Double(2)]],
  ['map_str_keys_order', () => ({ b: 1, a: 2, aa: 3, B: 4, '': 5 })],
  ['map_int_keys_signed_order', () => new Map([[10, 't'], [-1, 'n'], [0, 'z'], [i64min, 'min']])],
  ['map_empty', () => ({})], ['map_object', () => ({ b: 2, a: 1, c: 'three' })],
  ['map_js_map_int_keys', () => new Map([[3, 'c'], [1, 'a'], [2, 'b']])],
  ['map_js_map_mixed_keys', () => new Map([['s', 1], [5, 2], [Buffer.from([1]), 3]])],
  ['map_nested', () => ({ outer: { inner: { deep: [1, 2] } }, list: [{ x: 1 }] })],
  ['geojson_point', () => new A.GeoJSON({ type: 'Point', coordinates: [103.913, 1.308] })],
  ['geojson_polygon', () => new A.GeoJSON({
    type: 'Polygon', coordinates: [[[-122.5, 37.0], [-121.0, 37.0], [-121.0, 38.08], [-122.5, 37.0]]] })],
  ['str_64k', () => 's'.repeat(65536)], ['bytes_100k', () => blob(100000)],
];
const values = valueCases.map(([name, v]) => [`value_${name}`,
  (c) => c.put(k(`value_${name}`), { v: v() }, null, BASE),
  `c.put(k('value_${name}'), { v: ${body(v)} }, null, BASE)`]);
values.push(
  ['value_two_bins', (c) => c.put(k('value_two_bins'), { i: 1, s: 'two' }, null, BASE)],
  ['value_bin_name_14', (c) => c.put(k('value_bin_name_14'), { abcdefghijklmn: 1 }, null, BASE)],
  ['value_put_ttl_100', (c) => c.put(k('value_put_ttl_100'), { v: 1 }, { ttl: 100 }, BASE)],
  ['value_put_create_only', (c) => c.put(k('value_put_create_only'), { v: 1 }, null,
    { ...BASE, exists: A.policy.exists.CREATE })],
  ['value_put_update', (c) => c.put(k('value_put_update'), { v: 1 }, null,
    { ...BASE, exists: A.policy.exists.UPDATE })],
  ['value_put_replace', (c) => c.put(k('value_put_replace'), { v: 1 }, null,
    { ...BASE, exists: A.policy.exists.REPLACE })],
  ['value_put_create_or_replace', (c) => c.put(k('value_put_create_or_replace'), { v: 1 }, null,
    { ...BASE, exists: A.policy.exists.CREATE_OR_REPLACE })],
  ['value_put_gen_eq_5', (c) => c.put(k('value_put_gen_eq_5'), { v: 1 }, { gen: 5 },
    { ...BASE, gen: A.policy.gen.EQ })],
  ['value_put_gen_gt_5', (c) => c.put(k('value_put_gen_gt_5'), { v: 1 }, { gen: 5 },
    { ...BASE, gen: A.policy.gen.GT })],
  ['value_put_durable_delete', (c) => c.put(k('value_put_durable_delete'), { v: 1 }, null,
    { ...BASE, durableDelete: true })],
);

// ---------------------------------------------------------------------------
// operations: one operate() each on a key named after the vector.
// An operate() of the ops `thunk` returns, documented by the thunk's source.
const operate = (name, thunk) => [name, (c) => c.operate(k(name), thunk(), null, BASE),
  `c.operate(k('${name}'), ${body(thunk)}, null, BASE)`];
const ctxList1 = () => new A.cdt.Context().addListIndex(1);
const ctxMapKey = () => new A.cdt.Context().addMapKey('inner');
const LP = { order: lists.order.ORDERED, writeFlags: lists.writeFlags.ADD_UNIQUE | lists.writeFlags.NO_FAIL };
const MP_KEY = { order: maps.order.KEY_ORDERED };
const MP_KV = { order: maps.order.KEY_VALUE_ORDERED, writeFlags: maps.writeFlags.CREATE_ONLY | maps.writeFlags.NO_FAIL };
const MP_UPD = { writeMode: maps.writeMode.UPDATE_ONLY };
const LRT = lists.returnType;
const MRT = maps.returnType;
const basic = [
  ['op_write_int', () => [op.write('b', 1)]],
  ['op_write_str', () => [op.write('b', 'abc')]],
  ['op_read_bin', () => [op.read('b')]],
  ['op_incr_int', () => [op.incr('b', 5)]],
  ['op_incr_neg', () => [op.incr('b', -5)]],
  ['op_incr_double', () => [op.incr('b', 1.5)]],
  ['op_add_int', () => [op.add('b', 7)]],
  ['op_append_str', () => [op.append('b', 'xyz')]],
  ['op_append_bytes', () => [op.append('b', Buffer.from([1, 2]))]],
  ['op_prepend_str', () => [op.prepend('b', 'xyz')]],
  ['op_touch', () => [op.touch(100)]],
  ['op_touch_default', () => [op.touch()]],
  ['op_delete', () => [op.delete()]],
  ['op_write_read', () => [op.write('b', 1), op.read('b')]],
  ['op_incr_read', () => [op.incr('b', 1), op.read('b')]],
  ['op_write_nil', () => [op.write('b', null)]],
  ['op_write_list', () => [op.write('b', [1, 2])]],
  ['op_write_map', () => [op.write('b', { a: 1 })]],
];
const listOps = [
  ['list_set_order_ordered', () => [lists.setOrder('l', lists.order.ORDERED)]],
  ['list_sort_default', () => [lists.sort('l', lists.sortFlags.DEFAULT)]],
  ['list_sort_drop_duplicates', () => [lists.sort('l', lists.sortFlags.DROP_DUPLICATES)]],
  ['list_append_int', () => [lists.append('l', 1)]],
  ['list_append_str', () => [lists.append('l', 'a')]],
  ['list_append_policy', () => [lists.append('l', 1, LP)]],
  ['list_append_items', () => [lists.appendItems('l', [1, 'a', 2.5])]],
  ['list_append_items_policy', () => [lists.appendItems('l', [1, 2], LP)]],
  ['list_insert', () => [lists.insert('l', 2, 'x')]],
  ['list_insert_policy', () => [lists.insert('l', 2, 'x', { writeFlags: lists.writeFlags.INSERT_BOUNDED })]],
  ['list_insert_items', () => [lists.insertItems('l', -1, [1, 2])]],
  ['list_pop', () => [lists.pop('l', 0)]],
  ['list_pop_range', () => [lists.popRange('l', 1, 2)]],
  ['list_pop_range_to_end', () => [lists.popRange('l', 1)]],
  ['list_remove', () => [lists.remove('l', 0)]],
  ['list_remove_range', () => [lists.removeRange('l', 1, 2)]],
  ['list_remove_range_to_end', () => [lists.removeRange('l', 1)]],
  ['list_remove_by_index', () => [lists.removeByIndex('l', 1, LRT.VALUE)]],
  ['list_remove_by_index_range', () => [lists.removeByIndexRange('l', 1, 2, LRT.COUNT)]],
  ['list_remove_by_index_range_to_end', () => [lists.removeByIndexRange('l', -2, undefined, LRT.INDEX)]],
  ['list_remove_by_value', () => [lists.removeByValue('l', 3, LRT.RANK)]],
  ['list_remove_by_value_list', () => [lists.removeByValueList('l', [1, 'a'], LRT.NONE)]],
  ['list_remove_by_value_range', () => [lists.removeByValueRange('l', 1, 10, LRT.REVERSE_INDEX)]],
  ['list_remove_by_value_range_nil_end', () => [lists.removeByValueRange('l', 1, null, LRT.COUNT)]],
  ['list_remove_by_value_rel_rank_range', () => [lists.removeByValueRelRankRange('l', 5, -1, 2, LRT.VALUE)]],
  ['list_remove_by_value_rel_rank_range_to_end', () => [lists.removeByValueRelRankRange('l', 5, 1, undefined, LRT.VALUE)]],
  ['list_remove_by_rank', () => [lists.removeByRank('l', 0, LRT.REVERSE_RANK)]],
  ['list_remove_by_rank_range', () => [lists.removeByRankRange('l', 0, 3, LRT.VALUE)]],
  ['list_remove_by_rank_range_to_end', () => [lists.removeByRankRange('l', -3, undefined, LRT.VALUE)]],
  ['list_remove_by_value_inverted', () => [lists.removeByValue('l', 3, LRT.COUNT).invertSelection()]],
  ['list_clear', () => [lists.clear('l')]],
  ['list_create_ordered', () => [lists.create('l', lists.order.ORDERED)]],
  ['list_create_pad_persist', () => [lists.create('l', lists.order.UNORDERED, true, true)]],
  ['list_set', () => [lists.set('l', 1, 'y')]],
  ['list_set_policy', () => [lists.set('l', 1, 'y', { writeFlags: lists.writeFlags.NO_FAIL })]],
  ['list_trim', () => [lists.trim('l', 1, 3)]],
  ['list_get', () => [lists.get('l', 0)]],
  ['list_get_neg', () => [lists.get('l', -1)]],
  ['list_get_range', () => [lists.getRange('l', 1, 2)]],
  ['list_get_range_to_end', () => [lists.getRange('l', 1)]],
  ['list_get_by_index', () => [lists.getByIndex('l', 0, LRT.VALUE)]],
  ['list_get_by_index_range', () => [lists.getByIndexRange('l', 0, 2, LRT.VALUE)]],
  ['list_get_by_index_range_to_end', () => [lists.getByIndexRange('l', 1, undefined, LRT.VALUE)]],
  ['list_get_by_value', () => [lists.getByValue('l', 'a', LRT.INDEX)]],
  ['list_get_by_value_list', () => [lists.getByValueList('l', [1, 2], LRT.EXISTS)]],
  ['list_get_by_value_range', () => [lists.getByValueRange('l', 1, 5, LRT.VALUE)]],
  ['list_get_by_value_rel_rank_range', () => [lists.getByValueRelRankRange('l', 5, 0, 2, LRT.VALUE)]],
  ['list_get_by_value_rel_rank_range_to_end', () => [lists.getByValueRelRankRange('l', 5, 0, undefined, LRT.VALUE)]],
  ['list_get_by_rank', () => [lists.getByRank('l', -1, LRT.VALUE)]],
  ['list_get_by_rank_range', () => [lists.getByRankRange('l', 0, 2, LRT.VALUE)]],
  ['list_get_by_rank_range_to_end', () => [lists.getByRankRange('l', 1, undefined, LRT.VALUE)]],
  ['list_get_by_value_range_inverted', () => [lists.getByValueRange('l', 1, 5, LRT.VALUE).invertSelection()]],
  ['list_increment', () => [lists.increment('l', 1, 3)]],
  ['list_increment_default', () => [lists.increment('l', 1)]],
  ['list_increment_policy', () => [lists.increment('l', 1, 3, LP)]],
  ['list_size', () => [lists.size('l')]],
  ['list_append_ctx_list_index', () => [lists.append('l', 1).withContext(ctxList1())]],
  ['list_get_ctx_map_key', () => [lists.get('l', 0).withContext(ctxMapKey())]],
  ['list_append_ctx_fn', () => [lists.append('l', 1).withContext((ctx) => ctx.addListIndex(-1).addListRank(0))]],
  ['list_append_ctx_list_value', () => [lists.append('l', 1).withContext((ctx) => ctx.addListValue('v'))]],
  ['list_append_ctx_index_create', () => [lists.append('l', 1).withContext(
    (ctx) => ctx.addListIndexCreate(3, lists.order.ORDERED, true))]],
  ['list_create_ctx', () => [lists.create('l', lists.order.ORDERED, false, false, ctxList1())]],
];
const mapOps = [
  ['map_set_policy_key_ordered', () => [maps.setPolicy('m', MP_KEY)]],
  ['map_set_policy_kv_ordered', () => [maps.setPolicy('m', { order: maps.order.KEY_VALUE_ORDERED })]],
  ['map_put_int', () => [maps.put('m', 'a', 1)]],
  ['map_put_int_key', () => [maps.put('m', 5, 'five')]],
  ['map_put_ordered_policy', () => [maps.put('m', 'a', 1, MP_KEY)]],
  ['map_put_kv_flags_policy', () => [maps.put('m', 'a', 1, MP_KV)]],
  ['map_put_update_only_mode', () => [maps.put('m', 'a', 1, MP_UPD)]],
  ['map_put_create_only_mode', () => [maps.put('m', 'a', 1, { writeMode: maps.writeMode.CREATE_ONLY })]],
  ['map_put_items', () => [maps.putItems('m', { a: 1, b: 'two' })]],
  ['map_put_items_js_map', () => [maps.putItems('m', new Map([[2, 'b'], [1, 'a']]))]],
  ['map_put_items_policy', () => [maps.putItems('m', { a: 1 }, MP_KEY)]],
  ['map_increment', () => [maps.increment('m', 'a', 2)]],
  ['map_increment_policy', () => [maps.increment('m', 'a', 2, MP_KEY)]],
  ['map_decrement', () => [maps.decrement('m', 'a', 2)]],
  ['map_clear', () => [maps.clear('m')]],
  ['map_remove_by_key', () => [maps.removeByKey('m', 'a', MRT.VALUE)]],
  ['map_remove_by_key_list', () => [maps.removeByKeyList('m', ['a', 'b'], MRT.KEY)]],
  ['map_remove_by_key_range', () => [maps.removeByKeyRange('m', 'a', 'c', MRT.KEY_VALUE)]],
  ['map_remove_by_key_range_nil_end', () => [maps.removeByKeyRange('m', 'a', null, MRT.COUNT)]],
  ['map_remove_by_key_rel_index_range', () => [maps.removeByKeyRelIndexRange('m', 'b', 0, 2, MRT.KEY)]],
  ['map_remove_by_key_rel_index_range_to_end', () => [maps.removeByKeyRelIndexRange('m', 'b', 1, undefined, MRT.KEY)]],
  ['map_remove_by_value', () => [maps.removeByValue('m', 1, MRT.KEY)]],
  ['map_remove_by_value_list', () => [maps.removeByValueList('m', [1, 2], MRT.NONE)]],
  ['map_remove_by_value_range', () => [maps.removeByValueRange('m', 1, 5, MRT.COUNT)]],
  ['map_remove_by_value_rel_rank_range', () => [maps.removeByValueRelRankRange('m', 3, -1, 2, MRT.VALUE)]],
  ['map_remove_by_value_rel_rank_range_to_end', () => [maps.removeByValueRelRankRange('m', 3, 0, undefined, MRT.VALUE)]],
  ['map_remove_by_index', () => [maps.removeByIndex('m', 0, MRT.KEY_VALUE)]],
  ['map_remove_by_index_range', () => [maps.removeByIndexRange('m', 0, 2, MRT.KEY)]],
  ['map_remove_by_index_range_to_end', () => [maps.removeByIndexRange('m', 1, undefined, MRT.KEY)]],
  ['map_remove_by_rank', () => [maps.removeByRank('m', 0, MRT.VALUE)]],
  ['map_remove_by_rank_range', () => [maps.removeByRankRange('m', 0, 2, MRT.VALUE)]],
  ['map_remove_by_rank_range_to_end', () => [maps.removeByRankRange('m', -1, undefined, MRT.VALUE)]],
  ['map_remove_by_key_inverted', () => [maps.removeByKey('m', 'a', MRT.COUNT | MRT.INVERTED)]],
  ['map_size', () => [maps.size('m')]],
  ['map_get_by_key', () => [maps.getByKey('m', 'a', MRT.VALUE)]],
  ['map_get_by_key_int', () => [maps.getByKey('m', 5, MRT.KEY_VALUE)]],
  ['map_get_by_key_list', () => [maps.getByKeyList('m', ['a', 'b'], MRT.VALUE)]],
  ['map_get_by_key_range', () => [maps.getByKeyRange('m', 'a', 'c', MRT.KEY)]],
  ['map_get_by_key_rel_index_range', () => [maps.getByKeyRelIndexRange('m', 'b', 0, 2, MRT.KEY)]],
  ['map_get_by_key_rel_index_range_to_end', () => [maps.getByKeyRelIndexRange('m', 'b', 0, undefined, MRT.KEY)]],
  ['map_get_by_value', () => [maps.getByValue('m', 1, MRT.KEY)]],
  ['map_get_by_value_list', () => [maps.getByValueList('m', [1, 'two'], MRT.KEY)]],
  ['map_get_by_value_range', () => [maps.getByValueRange('m', 1, 3, MRT.VALUE)]],
  ['map_get_by_value_rel_rank_range', () => [maps.getByValueRelRankRange('m', 2, 0, 1, MRT.VALUE)]],
  ['map_get_by_value_rel_rank_range_to_end', () => [maps.getByValueRelRankRange('m', 2, 0, undefined, MRT.VALUE)]],
  ['map_get_by_index', () => [maps.getByIndex('m', 0, MRT.KEY_VALUE)]],
  ['map_get_by_index_range', () => [maps.getByIndexRange('m', 0, 2, MRT.UNORDERED_MAP)]],
  ['map_get_by_index_range_to_end', () => [maps.getByIndexRange('m', 0, undefined, MRT.ORDERED_MAP)]],
  ['map_get_by_rank', () => [maps.getByRank('m', 0, MRT.VALUE)]],
  ['map_get_by_rank_range', () => [maps.getByRankRange('m', 0, 2, MRT.REVERSE_RANK)]],
  ['map_get_by_rank_range_to_end', () => [maps.getByRankRange('m', 0, undefined, MRT.RANK)]],
  ['map_get_by_key_exists', () => [maps.getByKey('m', 'a', MRT.EXISTS)]],
  ['map_create_key_ordered', () => [maps.create('m', maps.order.KEY_ORDERED)]],
  ['map_create_persist', () => [maps.create('m', maps.order.KEY_ORDERED, true)]],
  ['map_create_ctx', () => [maps.create('m', maps.order.KEY_ORDERED, false, ctxMapKey())]],
  ['map_put_ctx_map_key', () => [maps.put('m', 'a', 1).withContext(ctxMapKey())]],
  ['map_put_ctx_all', () => [maps.put('m', 'a', 1).withContext((ctx) => ctx
    .addMapIndex(0).addMapRank(-1).addMapValue('v').addMapKeyCreate('new', maps.order.KEY_ORDERED))]],
  ['map_get_ctx_list_index', () => [maps.getByKey('m', 'a', MRT.VALUE).withContext(ctxList1())]],
];
const bitOps = [
  ['bit_resize', () => [bitwise.resize('bits', 4)]],
  ['bit_resize_flags', () => [bitwise.resize('bits', 4, bitwise.resizeFlags.FROM_FRONT | bitwise.resizeFlags.GROW_ONLY)]],
  ['bit_insert', () => [bitwise.insert('bits', 1, Buffer.from([0xff, 0x01]))]],
  ['bit_remove', () => [bitwise.remove('bits', 1, 2)]],
  ['bit_set', () => [bitwise.set('bits', 8, 8, Buffer.from([0x81]))]],
  ['bit_or', () => [bitwise.or('bits', 0, 16, Buffer.from([0x0f, 0xf0]))]],
  ['bit_xor', () => [bitwise.xor('bits', 0, 8, Buffer.from([0xaa]))]],
  ['bit_and', () => [bitwise.and('bits', 4, 8, Buffer.from([0x55]))]],
  ['bit_not', () => [bitwise.not('bits', 0, 24)]],
  ['bit_lshift', () => [bitwise.lshift('bits', 0, 32, 3)]],
  ['bit_rshift', () => [bitwise.rshift('bits', 8, 16, 1)]],
  ['bit_add', () => [bitwise.add('bits', 0, 8, 1, false)]],
  ['bit_add_signed_saturate', () => [bitwise.add('bits', 0, 16, 100, true).onOverflow(bitwise.overflow.SATURATE)]],
  ['bit_subtract', () => [bitwise.subtract('bits', 0, 8, 1, false)]],
  ['bit_subtract_wrap', () => [bitwise.subtract('bits', 0, 8, 1, true).onOverflow(bitwise.overflow.WRAP)]],
  ['bit_set_int', () => [bitwise.set('bits', 0, 8, 127)]],
  ['bit_get', () => [bitwise.get('bits', 0, 16)]],
  ['bit_get_int', () => [bitwise.getInt('bits', 0, 8, false)]],
  ['bit_get_int_signed', () => [bitwise.getInt('bits', 0, 8, true)]],
  // The 6.7.1 binding implements bitwise.lscan with as_operations_bit_rscan, so
  // both scans are rscans on the wire; the names say what was sent.
  ['bit_rscan_value_true', () => [bitwise.lscan('bits', 0, 32, true)]],
  ['bit_rscan_value_false', () => [bitwise.rscan('bits', 0, 32, false)]],
  ['bit_resize_policy', () => [bitwise.resize('bits', 4).withPolicy({ writeFlags: bitwise.writeFlags.CREATE_ONLY })]],
  ['bit_set_policy', () => [bitwise.set('bits', 0, 8, Buffer.from([1])).withPolicy(
    { writeFlags: bitwise.writeFlags.UPDATE_ONLY | bitwise.writeFlags.NO_FAIL | bitwise.writeFlags.PARTIAL })]],
];
const hllOps = [
  ['hll_init', () => [hll.init('h', 10)]],
  ['hll_init_minhash', () => [hll.init('h', 10, 6)]],
  ['hll_add', () => [hll.add('h', ['a', 'b', 'c'], 10)]],
  ['hll_add_minhash', () => [hll.add('h', ['a', 1], 10, 6)]],
  ['hll_add_no_bits', () => [hll.add('h', ['a'])]],
  ['hll_set_union', () => [hll.setUnion('h', [new A.HyperLogLog(Buffer.from([0, 10, 0, 0, 0]))])]],
  ['hll_refresh_count', () => [hll.refreshCount('h')]],
  ['hll_fold', () => [hll.fold('h', 8)]],
  ['hll_get_count', () => [hll.getCount('h')]],
  ['hll_get_union', () => [hll.getUnion('h', [new A.HyperLogLog(Buffer.from([0, 10, 0, 0, 0]))])]],
  ['hll_get_union_count', () => [hll.getUnionCount('h', [new A.HyperLogLog(Buffer.from([0, 10, 0, 0, 0]))])]],
  ['hll_get_intersect_count', () => [hll.getIntersectCount('h', [new A.HyperLogLog(Buffer.from([0, 10, 0, 0, 0]))])]],
  ['hll_get_similarity', () => [hll.getSimilarity('h', [new A.HyperLogLog(Buffer.from([0, 10, 0, 0, 0]))])]],
  ['hll_describe', () => [hll.describe('h')]],
  ['hll_init_policy', () => [hll.init('h', 10).withPolicy({ writeFlags: hll.writeFlags.CREATE_ONLY | hll.writeFlags.NO_FAIL })]],
  ['hll_add_policy', () => [hll.add('h', ['a'], 10).withPolicy({ writeFlags: hll.writeFlags.ALLOW_FOLD })]],
];
const operationsGroup = [...basic, ...listOps, ...mapOps, ...bitOps, ...hllOps]
  .map(([name, thunk]) => operate(name, thunk));
operationsGroup.push(
  ['op_operate_sendkey', (c) => c.operate(k('op_operate_sendkey'), [op.read('b')], null, { ...BASE, ...SEND })],
  ['op_operate_gen_eq', (c) => c.operate(k('op_operate_gen_eq'), [op.write('b', 1)], { gen: 3 },
    { ...BASE, gen: A.policy.gen.EQ })],
  ['op_operate_ttl', (c) => c.operate(k('op_operate_ttl'), [op.write('b', 1)], { ttl: 3600 }, BASE)],
  ['op_operate_create_only', (c) => c.operate(k('op_operate_create_only'), [op.write('b', 1)], null,
    { ...BASE, exists: A.policy.exists.CREATE })],
  ['op_operate_durable_delete', (c) => c.operate(k('op_operate_durable_delete'), [op.delete()], null,
    { ...BASE, durableDelete: true })],
);

// ---------------------------------------------------------------------------
// expressions: filter expressions on a get (read policy filterExpression) and
// exp.read/exp.write operations.
const filter = (name, thunk) => [name, (c) => c.get(k(name), { ...BASE, filterExpression: thunk() }),
  `c.get(k('${name}'), { ...BASE, filterExpression: ${body(thunk)} })`];
const expressions = [
  filter('exp_eq_bin_int', () => exp.eq(exp.binInt('a'), exp.int(1))),
  filter('exp_ne_bin_str', () => exp.ne(exp.binStr('s'), exp.str('x'))),
  filter('exp_gt_bin_float', () => exp.gt(exp.binFloat('f'), exp.float(1.5))),
  filter('exp_ge_int_neg', () => exp.ge(exp.binInt('a'), exp.int(-1))),
  filter('exp_lt_int_large', () => exp.lt(exp.binInt('a'), exp.int(4294967296))),
  filter('exp_le_int_2p53m1', () => exp.le(exp.binInt('a'), exp.int(9007199254740991))),
  filter('exp_eq_bool', () => exp.eq(exp.binBool('b'), exp.bool(true))),
  filter('exp_eq_blob', () => exp.eq(exp.binBlob('y'), exp.bytes(Buffer.from([1, 2, 3]), 3))),
  filter('exp_and_or_not', () => exp.and(exp.or(exp.eq(exp.binInt('a'), exp.int(1)), exp.eq(exp.binInt('a'), exp.int(2))),
    exp.not(exp.binExists('z')))),
  filter('exp_exclusive', () => exp.exclusive(exp.eq(exp.binInt('a'), exp.int(1)), exp.eq(exp.binInt('b'), exp.int(1)))),
  filter('exp_bin_type', () => exp.eq(exp.binType('a'), exp.int(1))),
  filter('exp_regex', () => exp.cmpRegex(A.regex.ICASE, '^ab.*', exp.binStr('s'))),
  filter('exp_geo', () => exp.cmpGeo(exp.binGeo('g'), exp.geo(new A.GeoJSON({ type: 'Point', coordinates: [1, 2] })))),
  filter('exp_key_int', () => exp.eq(exp.keyInt(), exp.int(5))),
  filter('exp_key_str', () => exp.eq(exp.keyStr(), exp.str('k'))),
  filter('exp_key_exist', () => exp.keyExist()),
  filter('exp_set_name', () => exp.eq(exp.setName(), exp.str('vectors'))),
  filter('exp_meta', () => exp.and(exp.gt(exp.ttl(), exp.int(0)), exp.lt(exp.sinceUpdate(), exp.int(1000)),
    exp.gt(exp.lastUpdate(), exp.int(0)), exp.gt(exp.voidTime(), exp.int(0)), exp.not(exp.isTombstone()),
    exp.gt(exp.deviceSize(), exp.int(0)), exp.gt(exp.recordSize(), exp.int(0)), exp.ge(exp.memorySize(), exp.int(0)),
    exp.eq(exp.digestModulo(3), exp.int(1)))),
  // exp.mod/pow/log/abs/floor/ceil/toInt/toFloat/intNot/intLshift/intRshift/
  // intArshift/intCount/intLscan/intRscan do not flatten their arguments in
  // 6.7.1 (the binding refuses the nested arrays), so their arguments are
  // spread here; each is one entry, which keeps the op's count right.
  filter('exp_arith', () => exp.eq(exp.add(exp.binInt('a'), exp.int(1), exp.mul(exp.int(2), exp.int(3))),
    exp.sub(exp.div(exp.int(10), exp.int(2)), exp.mod(...exp.int(5), ...exp.int(3))))),
  filter('exp_float_math', () => exp.gt(exp.pow(...exp.float(2.5), ...exp.float(2)),
    exp.log(...exp.float(8), ...exp.float(2)))),
  filter('exp_int_bits', () => exp.eq(exp.intAnd(exp.binInt('a'), exp.int(3)), exp.intOr(exp.intXor(exp.int(1),
    exp.int(2)), exp.intNot(...exp.int(4)), exp.intLshift(...exp.int(1), ...exp.int(2)),
    exp.intRshift(...exp.int(8), ...exp.int(1)), exp.intArshift(...exp.int(-8), ...exp.int(1))))),
  filter('exp_int_scan', () => exp.gt(exp.intCount(...exp.int(255)), exp.add(exp.intLscan(...exp.int(1),
    ...exp.bool(true)), exp.intRscan(...exp.int(1), ...exp.bool(false))))),
  filter('exp_abs_floor_ceil', () => exp.and(exp.eq(exp.abs(...exp.int(-3)), exp.toInt(...exp.float(3.5))),
    exp.lt(exp.floor(...exp.float(1.5)), exp.ceil(...exp.float(1.5))), exp.eq(exp.toFloat(...exp.int(2)),
    exp.float(2)))),
  filter('exp_min_max', () => exp.eq(exp.min(exp.binInt('a'), exp.int(1)), exp.max(exp.int(0), exp.int(1)))),
  filter('exp_cond', () => exp.eq(exp.cond(exp.eq(exp.binInt('a'), exp.int(0)), exp.int(10),
    exp.eq(exp.binInt('a'), exp.int(1)), exp.int(20), exp.int(30)), exp.int(20))),
  filter('exp_let_var', () => exp.let(exp.def('x', exp.binInt('a')), exp.def('y', exp.int(2)),
    exp.gt(exp.var('x'), exp.var('y')))),
  filter('exp_list_size', () => exp.gt(exp.lists.size(exp.binList('l')), exp.int(2))),
  filter('exp_list_get_by_index', () => exp.eq(exp.lists.getByIndex(exp.binList('l'), exp.int(0), exp.type.INT,
    lists.returnType.VALUE), exp.int(1))),
  filter('exp_list_get_by_value_range', () => exp.eq(exp.lists.getByValueRange(exp.binList('l'), exp.int(1), exp.int(5),
    lists.returnType.COUNT), exp.int(2))),
  filter('exp_list_ctx', () => exp.gt(exp.lists.size(exp.binList('l'), new A.cdt.Context().addListIndex(0)), exp.int(0))),
  filter('exp_list_value', () => exp.eq(exp.binList('l'), exp.list([1, 2, 'a']))),
  filter('exp_map_size', () => exp.gt(exp.maps.size(exp.binMap('m')), exp.int(0))),
  filter('exp_map_get_by_key', () => exp.eq(exp.maps.getByKey(exp.binMap('m'), exp.str('a'), exp.type.INT,
    maps.returnType.VALUE), exp.int(1))),
  filter('exp_map_get_by_key_list', () => exp.eq(exp.maps.getByKeyList(exp.binMap('m'), exp.list(['a', 'b']),
    maps.returnType.COUNT), exp.int(2))),
  filter('exp_map_value', () => exp.eq(exp.binMap('m'), exp.map({ a: 1, b: 2 }))),
  filter('exp_map_put', () => exp.eq(exp.maps.size(exp.maps.put(exp.binMap('m'), exp.int(3), exp.str('c'))), exp.int(3))),
  filter('exp_list_append', () => exp.eq(exp.lists.size(exp.lists.append(exp.binList('l'), exp.int(3))), exp.int(4))),
  filter('exp_in_list', () => exp.inList(exp.binInt('a'), exp.list([1, 2, 3]))),
  filter('exp_bit_count', () => exp.gt(exp.bit.count(exp.binBlob('y'), exp.uint(16), exp.int(0)), exp.int(1))),
  filter('exp_hll_count', () => exp.gt(exp.hll.getCount(exp.binHll('h')), exp.int(10))),
  filter('exp_nil_cmp', () => exp.ne(exp.binInt('a'), exp.nil())),
  ['exp_put_filter', (c) => c.put(k('exp_put_filter'), { v: 1 }, null,
    { ...BASE, filterExpression: exp.eq(exp.binInt('a'), exp.int(1)) })],
  ['exp_operate_filter', (c) => c.operate(k('exp_operate_filter'), [op.read('a')], null,
    { ...BASE, filterExpression: exp.gt(exp.binInt('a'), exp.int(0)) })],
  operate('exp_op_read', () => [exp.operations.read('r', exp.add(exp.binInt('a'), exp.int(1)),
    exp.expReadFlags.DEFAULT)]),
  operate('exp_op_read_eval_no_fail', () => [exp.operations.read('r', exp.binInt('a'),
    exp.expReadFlags.EVAL_NO_FAIL)]),
  operate('exp_op_write', () => [exp.operations.write('w', exp.mul(exp.binInt('a'), exp.int(2)),
    exp.expWriteFlags.DEFAULT)]),
  operate('exp_op_write_flags', () => [exp.operations.write('w', exp.str('x'),
    exp.expWriteFlags.CREATE_ONLY | exp.expWriteFlags.POLICY_NO_FAIL)]),
];

// ---------------------------------------------------------------------------
// udf: record UDF calls (apply), one per argument shape and apply policy.
const UDF_BASE = { ...BASE };
const udf = [
  ['udf_no_args', (c) => c.apply(k('udf_no_args'), { module: 'vec', funcname: 'f', args: [] }, UDF_BASE)],
  ['udf_int', (c) => c.apply(k('udf_int'), { module: 'vec', funcname: 'f', args: [1] }, UDF_BASE)],
  ['udf_int_neg', (c) => c.apply(k('udf_int_neg'), { module: 'vec', funcname: 'f', args: [-300] }, UDF_BASE)],
  ['udf_int_max', (c) => c.apply(k('udf_int_max'), { module: 'vec', funcname: 'f', args: [i64max] }, UDF_BASE)],
  ['udf_double', (c) => c.apply(k('udf_double'), { module: 'vec', funcname: 'f', args: [1.5] }, UDF_BASE)],
  ['udf_str', (c) => c.apply(k('udf_str'), { module: 'vec', funcname: 'f', args: ['abc'] }, UDF_BASE)],
  ['udf_str_utf8', (c) => c.apply(k('udf_str_utf8'), { module: 'vec', funcname: 'f', args: [utf8] }, UDF_BASE)],
  ['udf_bytes', (c) => c.apply(k('udf_bytes'), { module: 'vec', funcname: 'f', args: [blob(3)] }, UDF_BASE)],
  ['udf_list', (c) => c.apply(k('udf_list'), { module: 'vec', funcname: 'f', args: [[1, 'a', [2]]] }, UDF_BASE)],
  ['udf_map', (c) => c.apply(k('udf_map'), { module: 'vec', funcname: 'f', args: [{ a: 1 }] }, UDF_BASE)],
  ['udf_mixed', (c) => c.apply(k('udf_mixed'), { module: 'mod_long_name', funcname: 'a_function', args: [7, 'b', 2.25, [1]] }, UDF_BASE)],
  ['udf_sendkey', (c) => c.apply(k('udf_sendkey'), { module: 'vec', funcname: 'f', args: [1] }, { ...UDF_BASE, ...SEND })],
  ['udf_ttl', (c) => c.apply(k('udf_ttl'), { module: 'vec', funcname: 'f', args: [] }, { ...UDF_BASE, ttl: 60 })],
  ['udf_durable_delete', (c) => c.apply(k('udf_durable_delete'), { module: 'vec', funcname: 'f', args: [] }, { ...UDF_BASE, durableDelete: true })],
  ['udf_commit_master', (c) => c.apply(k('udf_commit_master'), { module: 'vec', funcname: 'f', args: [] }, { ...UDF_BASE, commitLevel: A.policy.commitLevel.MASTER })],
];

const groups = { keys, values, operations: operationsGroup, expressions, udf };

// ---------------------------------------------------------------------------

// The lines asim appended to the record file since `offset`.
function newLines(file, offset) {
  const size = fs.statSync(file).size;
  if (size === offset) return { lines: [], size };
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(size - offset);
  fs.readSync(fd, buf, 0, buf.length, offset);
  fs.closeSync(fd);
  return { lines: buf.toString('latin1').split('\n').filter((l) => l !== ''), size };
}


async function main() {
  const [addr, port] = process.env.ASIM_SEEDS.split(',')[0].split(':');
  const policies = { read: BASE, write: BASE, operate: BASE, remove: BASE, apply: BASE };
  const client = await A.connect({ hosts: [{ addr, port: Number(port) }], log: { level: A.log.OFF }, policies });
  const record = process.env.ASIM_RECORD;
  const out = process.env.VECTORS_DIR;
  let offset = fs.statSync(record).size;
  const seen = new Set();
  for (const [group, commands] of Object.entries(groups)) {
    const rows = [];
    for (const [name, run, doc = body(run)] of commands) {
      if (seen.has(name)) throw new Error(`duplicate vector name ${name}`);
      seen.add(name);
      let error = null;
      try {
        await run(client);
      } catch (e) {
        error = e; // asim answers many of these with an error code: only the request matters
      }
      const got = newLines(record, offset);
      offset = got.size;
      if (got.lines.length !== 1) {
        throw new Error(`${name}: expected 1 recorded frame, got ${got.lines.length}` +
          (error ? ` (client error ${error.code}: ${error.message})` : ''));
      }
      rows.push([name, got.lines[0], doc]);
    }
    fs.writeFileSync(path.join(out, `${group}.txt`), rows.map(([n, hex]) => `${n}\t${hex}\n`).join(''));
    const md = rows.map(([n, , doc]) => `| \`${n}\` | \`${doc.replace(/\|/g, '\\|')}\` |`).join('\n');
    fs.writeFileSync(path.join(out, `${group}.calls.md`),
      `# ${group}.txt: the Node call behind each vector\n\n` +
      'Generated by tests/vectors/record.js; README.md beside it defines the names used\n' +
      '(`k`, `BASE`, `SEND`, `LP`, `MP_KEY`, ...) and the C call of each Node call. Do not edit.\n\n' +
      '| name | Node call (aerospike@6.7.1) |\n|---|---|\n' + md + '\n');
    console.log(`${group}: ${rows.length} vectors`);
  }
  await client.close();
}

main().catch((e) => {
  console.error(`record.js: ${e.stack || e}`);
  process.exit(1);
});
