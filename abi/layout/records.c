/*
 * Layout of the keys-and-records area, pinned to 7.4.0 (x86-64 LP64): every
 * type of as_key.h, as_bin.h, as_rec.h, as_record.h, as_record_iterator.h,
 * cf_digest.h and cf_crypto.h, and the macros that carry ABI.
 */
#include "../layout_check.h"

#include <aerospike/as_bin.h>
#include <aerospike/as_key.h>
#include <aerospike/as_rec.h>
#include <aerospike/as_record.h>
#include <aerospike/as_record_iterator.h>
#include <citrusleaf/cf_crypto.h>
#include <citrusleaf/cf_digest.h>

/* as_digest */
AS_CHECK(sizeof(as_digest) == 21);
AS_CHECK(AS_ALIGNOF(as_digest) == 1);
AS_CHECK(offsetof(as_digest, init) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_digest, init) == 1);
AS_CHECK(offsetof(as_digest, value) == 1);
AS_CHECK(AS_MEMBER_SIZE(as_digest, value) == 20);
/* as_key_value */
AS_CHECK(sizeof(as_key_value) == 32);
AS_CHECK(AS_ALIGNOF(as_key_value) == 8);
AS_CHECK(offsetof(as_key_value, integer) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_key_value, integer) == 16);
AS_CHECK(offsetof(as_key_value, string) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_key_value, string) == 32);
AS_CHECK(offsetof(as_key_value, bytes) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_key_value, bytes) == 32);
/* as_key */
AS_CHECK(sizeof(as_key) == 168);
AS_CHECK(AS_ALIGNOF(as_key) == 8);
AS_CHECK(offsetof(as_key, _free) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_key, _free) == 1);
AS_CHECK(offsetof(as_key, ns) == 1);
AS_CHECK(AS_MEMBER_SIZE(as_key, ns) == 32);
AS_CHECK(offsetof(as_key, set) == 33);
AS_CHECK(AS_MEMBER_SIZE(as_key, set) == 64);
AS_CHECK(offsetof(as_key, value) == 104);
AS_CHECK(AS_MEMBER_SIZE(as_key, value) == 32);
AS_CHECK(offsetof(as_key, valuep) == 136);
AS_CHECK(AS_MEMBER_SIZE(as_key, valuep) == 8);
AS_CHECK(offsetof(as_key, digest) == 144);
AS_CHECK(AS_MEMBER_SIZE(as_key, digest) == 21);
/* as_rec */
AS_CHECK(sizeof(as_rec) == 24);
AS_CHECK(AS_ALIGNOF(as_rec) == 8);
AS_CHECK(offsetof(as_rec, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_rec, _) == 8);
AS_CHECK(offsetof(as_rec, data) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_rec, data) == 8);
AS_CHECK(offsetof(as_rec, hooks) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_rec, hooks) == 8);
/* as_rec_hooks */
AS_CHECK(sizeof(as_rec_hooks) == 152);
AS_CHECK(AS_ALIGNOF(as_rec_hooks) == 8);
AS_CHECK(offsetof(as_rec_hooks, destroy) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, destroy) == 8);
AS_CHECK(offsetof(as_rec_hooks, hashcode) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, hashcode) == 8);
AS_CHECK(offsetof(as_rec_hooks, get) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, get) == 8);
AS_CHECK(offsetof(as_rec_hooks, set) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, set) == 8);
AS_CHECK(offsetof(as_rec_hooks, remove) == 32);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, remove) == 8);
AS_CHECK(offsetof(as_rec_hooks, ttl) == 40);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, ttl) == 8);
AS_CHECK(offsetof(as_rec_hooks, last_update_time) == 48);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, last_update_time) == 8);
AS_CHECK(offsetof(as_rec_hooks, gen) == 56);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, gen) == 8);
AS_CHECK(offsetof(as_rec_hooks, size) == 64);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, size) == 8);
AS_CHECK(offsetof(as_rec_hooks, memory_size) == 72);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, memory_size) == 8);
AS_CHECK(offsetof(as_rec_hooks, device_size) == 80);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, device_size) == 8);
AS_CHECK(offsetof(as_rec_hooks, key) == 88);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, key) == 8);
AS_CHECK(offsetof(as_rec_hooks, setname) == 96);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, setname) == 8);
AS_CHECK(offsetof(as_rec_hooks, numbins) == 104);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, numbins) == 8);
AS_CHECK(offsetof(as_rec_hooks, bin_names) == 112);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, bin_names) == 8);
AS_CHECK(offsetof(as_rec_hooks, digest) == 120);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, digest) == 8);
AS_CHECK(offsetof(as_rec_hooks, set_ttl) == 128);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, set_ttl) == 8);
AS_CHECK(offsetof(as_rec_hooks, drop_key) == 136);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, drop_key) == 8);
AS_CHECK(offsetof(as_rec_hooks, foreach) == 144);
AS_CHECK(AS_MEMBER_SIZE(as_rec_hooks, foreach) == 8);
/* as_bin_value */
AS_CHECK(sizeof(as_bin_value) == 32);
AS_CHECK(AS_ALIGNOF(as_bin_value) == 8);
AS_CHECK(offsetof(as_bin_value, nil) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin_value, nil) == 8);
AS_CHECK(offsetof(as_bin_value, boolean) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin_value, boolean) == 12);
AS_CHECK(offsetof(as_bin_value, integer) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin_value, integer) == 16);
AS_CHECK(offsetof(as_bin_value, dbl) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin_value, dbl) == 16);
AS_CHECK(offsetof(as_bin_value, string) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin_value, string) == 32);
AS_CHECK(offsetof(as_bin_value, bytes) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin_value, bytes) == 32);
AS_CHECK(offsetof(as_bin_value, list) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin_value, list) == 24);
AS_CHECK(offsetof(as_bin_value, map) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin_value, map) == 24);
/* as_bin */
AS_CHECK(sizeof(as_bin) == 56);
AS_CHECK(AS_ALIGNOF(as_bin) == 8);
AS_CHECK(offsetof(as_bin, name) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bin, name) == 16);
AS_CHECK(offsetof(as_bin, value) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_bin, value) == 32);
AS_CHECK(offsetof(as_bin, valuep) == 48);
AS_CHECK(AS_MEMBER_SIZE(as_bin, valuep) == 8);
/* as_bins */
AS_CHECK(sizeof(as_bins) == 16);
AS_CHECK(AS_ALIGNOF(as_bins) == 8);
AS_CHECK(offsetof(as_bins, entries) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_bins, entries) == 8);
AS_CHECK(offsetof(as_bins, capacity) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_bins, capacity) == 2);
AS_CHECK(offsetof(as_bins, size) == 10);
AS_CHECK(AS_MEMBER_SIZE(as_bins, size) == 2);
AS_CHECK(offsetof(as_bins, _free) == 12);
AS_CHECK(AS_MEMBER_SIZE(as_bins, _free) == 1);
/* as_record */
AS_CHECK(sizeof(as_record) == 216);
AS_CHECK(AS_ALIGNOF(as_record) == 8);
AS_CHECK(offsetof(as_record, _) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_record, _) == 24);
AS_CHECK(offsetof(as_record, key) == 24);
AS_CHECK(AS_MEMBER_SIZE(as_record, key) == 168);
AS_CHECK(offsetof(as_record, gen) == 192);
AS_CHECK(AS_MEMBER_SIZE(as_record, gen) == 2);
AS_CHECK(offsetof(as_record, ttl) == 196);
AS_CHECK(AS_MEMBER_SIZE(as_record, ttl) == 4);
AS_CHECK(offsetof(as_record, bins) == 200);
AS_CHECK(AS_MEMBER_SIZE(as_record, bins) == 16);
/* as_record_iterator */
AS_CHECK(sizeof(as_record_iterator) == 24);
AS_CHECK(AS_ALIGNOF(as_record_iterator) == 8);
AS_CHECK(offsetof(as_record_iterator, _free) == 0);
AS_CHECK(AS_MEMBER_SIZE(as_record_iterator, _free) == 1);
AS_CHECK(offsetof(as_record_iterator, record) == 8);
AS_CHECK(AS_MEMBER_SIZE(as_record_iterator, record) == 8);
AS_CHECK(offsetof(as_record_iterator, pos) == 16);
AS_CHECK(AS_MEMBER_SIZE(as_record_iterator, pos) == 4);
/* cf_digest and the RIPEMD-160 context callers allocate (measured on the
 * 7.4.0 common headers: 20 and 92 bytes). */
AS_CHECK(sizeof(cf_digest) == 20);
AS_CHECK(AS_ALIGNOF(cf_digest) == 1);
AS_CHECK(offsetof(cf_digest, digest) == 0);
AS_CHECK(sizeof(cf_RIPEMD160_CTX) == 92);
AS_CHECK(AS_ALIGNOF(cf_RIPEMD160_CTX) == 4);
AS_CHECK(offsetof(cf_RIPEMD160_CTX, total) == 0);
AS_CHECK(AS_MEMBER_SIZE(cf_RIPEMD160_CTX, total) == 8);
AS_CHECK(offsetof(cf_RIPEMD160_CTX, state) == 8);
AS_CHECK(AS_MEMBER_SIZE(cf_RIPEMD160_CTX, state) == 20);
AS_CHECK(offsetof(cf_RIPEMD160_CTX, buffer) == 28);
AS_CHECK(AS_MEMBER_SIZE(cf_RIPEMD160_CTX, buffer) == 64);
/* typedef'd arrays */
AS_CHECK(sizeof(as_namespace) == 32);
AS_CHECK(sizeof(as_set) == 64);
AS_CHECK(sizeof(as_digest_value) == 20);
AS_CHECK(sizeof(as_bin_name) == 16);
/* macros */
AS_CHECK(AS_BIN_NAME_MAX_SIZE == 16);
AS_CHECK(AS_BIN_NAME_MAX_LEN == 15);
AS_CHECK(AS_DIGEST_VALUE_SIZE == 20);
AS_CHECK(AS_NAMESPACE_MAX_SIZE == 32);
AS_CHECK(AS_SET_MAX_SIZE == 64);
AS_CHECK(AS_RECORD_DEFAULT_TTL == 0);
AS_CHECK(AS_RECORD_NO_EXPIRE_TTL == 0xFFFFFFFFu);
AS_CHECK(AS_RECORD_NO_CHANGE_TTL == 0xFFFFFFFEu);
AS_CHECK(AS_RECORD_CLIENT_DEFAULT_TTL == 0xFFFFFFFDu);
AS_CHECK(sizeof(AS_RECORD_NO_EXPIRE_TTL) == 4);
AS_CHECK(sizeof(AS_RECORD_NO_CHANGE_TTL) == 4);
AS_CHECK(sizeof(AS_RECORD_CLIENT_DEFAULT_TTL) == 4);
AS_CHECK(CF_DIGEST_KEY_SZ == 20);
AS_CHECK(CF_RIPEMD160_DIGEST_LENGTH == 20);
AS_CHECK(CF_SHA_DIGEST_LENGTH == 20);
