/*
 * The single-record commands, scripted: one program written against the
 * 7.4.0 public headers, linked once against the stock C client and once
 * against aeroshim, run against the same asim. Every command prints one
 * line; the two runs must print the same lines (compat/key_twin_test.sh).
 *
 * usage: key_script HOST:PORT [shm=KEY]
 *   shm=KEY  use a shared-memory cluster map with that key (hex or decimal)
 *
 * Line format:
 *   NNN command status=S in_doubt=D msg="..." [ret=R] [gen=G ttl=T key=K bins=N name:type:value ...]
 * Each run writes into its own set, named after the pid; the pid never
 * appears in the output. The program exits 0 when the script ran to its end,
 * whatever each command answered: the answers are the output, and the diff
 * against the other library is the verdict.
 */
#include <aerospike/aerospike.h>
#include <aerospike/aerospike_key.h>
#include <aerospike/as_arraylist.h>
#include <aerospike/as_boolean.h>
#include <aerospike/as_bytes.h>
#include <aerospike/as_double.h>
#include <aerospike/as_geojson.h>
#include <aerospike/as_hashmap.h>
#include <aerospike/as_integer.h>
#include <aerospike/as_list_operations.h>
#include <aerospike/as_map_operations.h>
#include <aerospike/as_nil.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_pair.h>
#include <aerospike/as_record.h>
#include <aerospike/as_string.h>
#include <aerospike/as_stringmap.h>

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "key_script.h"

aerospike g_as;
char g_set[32];
static int g_count;

/* ---------------------------------------------------------------- printing */

static void print_string(const char* s, size_t len)
{
	putchar('"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			printf("\\%c", c);
		}
		else if (isprint(c)) {
			putchar(c);
		}
		else {
			printf("\\x%02x", c);
		}
	}
	putchar('"');
}


static bool print_map_entry(const as_val* key, const as_val* value, void* udata)
{
	int* first = udata;
	if (!*first) {
		putchar(',');
	}
	*first = 0;
	print_val(key);
	putchar('=');
	print_val(value);
	return true;
}

static bool print_list_item(as_val* item, void* udata)
{
	int* first = udata;
	if (!*first) {
		putchar(',');
	}
	*first = 0;
	print_val(item);
	return true;
}

/* Our own printer rather than as_val_tostring: it shows the bytes' language
 * type and a map's flags, and its output cannot drift with the library's
 * formatting choices (which are not what this script compares). */
void print_val(const as_val* v)
{
	if (!v) {
		printf("NULL");
		return;
	}
	switch (as_val_type(v)) {
	case AS_NIL:
		printf("nil");
		break;
	case AS_BOOLEAN:
		printf("%s", as_boolean_get((as_boolean*)v) ? "true" : "false");
		break;
	case AS_INTEGER:
		printf("%" PRId64, as_integer_get((as_integer*)v));
		break;
	case AS_DOUBLE:
		printf("%.17g", as_double_get((as_double*)v));
		break;
	case AS_STRING: {
		as_string* s = (as_string*)v;
		print_string(as_string_get(s), as_string_len(s));
		break;
	}
	case AS_GEOJSON: {
		as_geojson* g = (as_geojson*)v;
		printf("geo");
		print_string(as_geojson_get(g), as_geojson_len(g));
		break;
	}
	case AS_BYTES: {
		as_bytes* b = (as_bytes*)v;
		printf("b%d/", (int)as_bytes_get_type(b));
		for (uint32_t i = 0; i < as_bytes_size(b); i++) {
			printf("%02x", as_bytes_get(b)[i]);
		}
		break;
	}
	case AS_LIST: {
		int first = 1;
		putchar('[');
		as_list_foreach((as_list*)v, print_list_item, &first);
		putchar(']');
		break;
	}
	case AS_MAP: {
		int first = 1;
		printf("{f%u:", (unsigned)((as_map*)v)->flags);
		as_map_foreach((as_map*)v, print_map_entry, &first);
		putchar('}');
		break;
	}
	case AS_PAIR: {
		as_pair* p = (as_pair*)v;
		putchar('(');
		print_val(as_pair_1(p));
		putchar(',');
		print_val(as_pair_2(p));
		putchar(')');
		break;
	}
	default:
		printf("type%d", (int)as_val_type(v));
		break;
	}
}

static const char* type_name(const as_val* v)
{
	switch (v ? as_val_type(v) : AS_UNDEF) {
	case AS_NIL: return "nil";
	case AS_BOOLEAN: return "bool";
	case AS_INTEGER: return "int";
	case AS_DOUBLE: return "double";
	case AS_STRING: return "str";
	case AS_GEOJSON: return "geo";
	case AS_BYTES: return "bytes";
	case AS_LIST: return "list";
	case AS_MAP: return "map";
	case AS_PAIR: return "pair";
	default: return "other";
	}
}

/* Time passes between a write and the read that shows its TTL, so a TTL is
 * printed as the smallest bound of a fixed ladder that holds it. */
static void print_ttl(uint32_t ttl)
{
	static const uint32_t ladder[] = { 10, 100, 1000, 3600, 86400, 864000, 31536000 };
	if (ttl == AS_RECORD_NO_EXPIRE_TTL) {
		printf("never");
		return;
	}
	if (ttl == 0) {
		printf("none");
		return;
	}
	for (size_t i = 0; i < sizeof(ladder) / sizeof(ladder[0]); i++) {
		if (ttl <= ladder[i]) {
			printf("<=%u", ladder[i]);
			return;
		}
	}
	printf(">%u", ladder[sizeof(ladder) / sizeof(ladder[0]) - 1]);
}

/* The read path's server errors name the node's address ("127.0.0.1:PORT"),
 * and asim's ports are ephemeral: the port digits after "127.0.0.1:" become
 * "<port>". A node name (asim's are "BB9" + 12 hex digits, made of the
 * address and port) becomes "<node>". Tabs and newlines (a server text can
 * hold them) show as \\t and \\n, so a command stays one line. */
void print_message(const char* msg)
{
	static const char host[] = "127.0.0.1:";
	const char* p = msg;
	putchar('"');
	while (*p) {
		if (strncmp(p, host, sizeof(host) - 1) == 0 && isdigit((unsigned char)p[sizeof(host) - 1])) {
			printf("%s<port>", host);
			p += sizeof(host) - 1;
			while (isdigit((unsigned char)*p)) {
				p++;
			}
			continue;
		}
		if (strncmp(p, "BB9", 3) == 0 && strspn(p + 3, "0123456789ABCDEF") >= 12) {
			printf("<node>");
			p += 15;
			continue;
		}
		/* One line per command: a server's text can hold tabs and newlines. */
		if (*p == '\n' || *p == '\t') {
			printf("%s", *p == '\n' ? "\\n" : "\\t");
			p++;
			continue;
		}
		putchar(*p++);
	}
	putchar('"');
}

static void print_record(const as_record* rec)
{
	printf(" gen=%u ttl=", (unsigned)rec->gen);
	print_ttl(rec->ttl);
	if (rec->key.valuep) {
		printf(" key=");
		print_val((const as_val*)rec->key.valuep);
	}
	printf(" bins=%u", (unsigned)rec->bins.size);
	for (uint16_t i = 0; i < rec->bins.size; i++) {
		const as_bin* b = &rec->bins.entries[i];
		printf(" %s:%s:", b->name, type_name((const as_val*)b->valuep));
		print_val((const as_val*)b->valuep);
	}
}

/* One line per command. ret < 0: the command has no builder result to show. */
void report(const char* name, as_status st, const as_error* err, const as_record* rec, int ret)
{
	printf("%03d %s status=%d in_doubt=%d msg=", ++g_count, name, (int)st, err->in_doubt ? 1 : 0);
	print_message(st == AEROSPIKE_OK ? "" : err->message);
	if (ret >= 0) {
		printf(" ret=%d", ret);
	}
	if (st == AEROSPIKE_OK && rec) {
		print_record(rec);
	}
	putchar('\n');
	fflush(stdout);
}

/* --------------------------------------------------------------- commands */

as_key* skey(as_key* k, const char* name)
{
	return as_key_init_str(k, NS, g_set, name);
}

/* get into a library-allocated record, report, free */
void do_get(const char* name, const as_policy_read* pol, const as_key* k)
{
	as_error err;
	as_record* rec = NULL;
	as_status st = aerospike_key_get(&g_as, &err, pol, k, &rec);
	report(name, st, &err, rec, -1);
	as_record_destroy(rec);
}

static void do_exists(const char* name, const as_policy_read* pol, const as_key* k)
{
	as_error err;
	as_record* rec = NULL;
	as_status st = aerospike_key_exists(&g_as, &err, pol, k, &rec);
	report(name, st, &err, rec, -1);
	as_record_destroy(rec);
}

static void do_put(const char* name, const as_policy_write* pol, const as_key* k, as_record* rec)
{
	as_error err;
	as_status st = aerospike_key_put(&g_as, &err, pol, k, rec);
	report(name, st, &err, NULL, -1);
}

static void do_remove(const char* name, const as_policy_remove* pol, const as_key* k)
{
	as_error err;
	as_status st = aerospike_key_remove(&g_as, &err, pol, k);
	report(name, st, &err, NULL, -1);
}

/* operate, report (with the builders' combined result), destroy the ops */
static void do_operate(const char* name, const as_policy_operate* pol, const as_key* k,
	as_operations* ops, bool built)
{
	as_error err;
	as_record* rec = NULL;
	as_status st = aerospike_key_operate(&g_as, &err, pol, k, ops, &rec);
	report(name, st, &err, rec, built ? 1 : 0);
	as_record_destroy(rec);
	as_operations_destroy(ops);
}

static void put_int(const char* name, const char* key, const char* bin, int64_t value)
{
	as_key k;
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, bin, value);
	do_put(name, NULL, skey(&k, key), &rec);
	as_record_destroy(&rec);
}

/* ------------------------------------------------------------ the script */

/* One value type per record, written then read back; then all of them in
 * one record. */
static void script_value_types(void)
{
	static const uint8_t raw[] = { 0x00, 0x01, 0xfe, 0xff };
	const char* names[] = { "int", "double", "string", "blob", "python", "java",
		"bool", "list", "nested", "hashmap", "orderedmap", "geojson", "bigint" };
	const size_t n = sizeof(names) / sizeof(names[0]);
	as_record all;
	as_record_inita(&all, (uint16_t)n);

	for (size_t i = 0; i < n; i++) {
		as_record rec;
		as_record_inita(&rec, 1);
		for (int pass = 0; pass < 2; pass++) {
			as_record* r = pass == 0 ? &rec : &all;
			const char* bin = names[i];
			switch (i) {
			case 0: as_record_set_int64(r, bin, -42); break;
			case 1: as_record_set_double(r, bin, 3.25); break;
			case 2: as_record_set_str(r, bin, "hello \"world\""); break;
			case 3: as_record_set_raw(r, bin, raw, sizeof(raw)); break;
			case 4: as_record_set_raw_typep(r, bin, raw, sizeof(raw), AS_BYTES_PYTHON, false); break;
			case 5: as_record_set_raw_typep(r, bin, raw, sizeof(raw), AS_BYTES_JAVA, false); break;
			case 6: as_record_set_bool(r, bin, true); break;
			case 7: {
				as_arraylist* l = as_arraylist_new(3, 0);
				as_arraylist_append_int64(l, 1);
				as_arraylist_append_str(l, "a");
				as_arraylist_append_double(l, 2.5);
				as_record_set_list(r, bin, (as_list*)l);
				break;
			}
			case 8: {
				as_arraylist* inner = as_arraylist_new(2, 0);
				as_arraylist_append_int64(inner, 1);
				as_arraylist_append_int64(inner, 2);
				as_orderedmap* m = as_orderedmap_new(1);
				as_arraylist* deep = as_arraylist_new(1, 0);
				as_arraylist_append_str(deep, "deep");
				as_orderedmap_set(m, (as_val*)as_string_new_strdup("k"), (as_val*)deep);
				as_arraylist* outer = as_arraylist_new(2, 0);
				as_arraylist_append(outer, (as_val*)inner);
				as_arraylist_append(outer, (as_val*)m);
				as_record_set_list(r, bin, (as_list*)outer);
				break;
			}
			case 9: {
				/* one entry: a hash map's iteration order is no concern */
				as_hashmap* m = as_hashmap_new(4);
				as_stringmap_set_int64((as_map*)m, "a", 1);
				as_record_set_map(r, bin, (as_map*)m);
				break;
			}
			case 10: {
				as_orderedmap* m = as_orderedmap_new(3);
				as_stringmap_set_int64((as_map*)m, "z", 1);
				as_stringmap_set_int64((as_map*)m, "a", 2);
				as_stringmap_set_str((as_map*)m, "m", "three");
				as_record_set_map(r, bin, (as_map*)m);
				break;
			}
			case 11:
				as_record_set_geojson_str(r, bin, "{\"type\":\"Point\",\"coordinates\":[-122.0,37.5]}");
				break;
			case 12: as_record_set_int64(r, bin, INT64_MIN); break;
			}
		}
		char key[32];
		char cmd[48];
		as_key k;
		snprintf(key, sizeof(key), "type-%s", names[i]);
		snprintf(cmd, sizeof(cmd), "put_%s", names[i]);
		do_put(cmd, NULL, skey(&k, key), &rec);
		snprintf(cmd, sizeof(cmd), "get_%s", names[i]);
		do_get(cmd, NULL, &k);
		as_record_destroy(&rec);
	}
	as_key k;
	do_put("put_all_types", NULL, skey(&k, "type-all"), &all);
	do_get("get_all_types", NULL, &k);

	/* nil deletes a bin; a nil-only record write removes the last bin */
	as_record del;
	as_record_inita(&del, 1);
	as_record_set_nil(&del, "double");
	do_put("put_nil_deletes_bin", NULL, &k, &del);
	do_get("get_after_nil", NULL, &k);
	as_record_destroy(&del);
	as_record_destroy(&all);
}

/* Every key type, by digest and with the key sent (and stored). */
static void script_key_types(void)
{
	static const uint8_t raw_key[] = { 0x10, 0x20, 0x30 };
	as_policy_write wsend;
	as_policy_write_init(&wsend);
	wsend.key = AS_POLICY_KEY_SEND;
	as_policy_read rsend;
	as_policy_read_init(&rsend);
	rsend.key = AS_POLICY_KEY_SEND;
	as_policy_remove xsend;
	as_policy_remove_init(&xsend);
	xsend.key = AS_POLICY_KEY_SEND;

	for (int mode = 0; mode < 2; mode++) {
		bool send = mode == 1;
		for (int kind = 0; kind < 3; kind++) {
			static const char* kinds[] = { "int", "str", "bytes" };
			as_key k;
			switch (kind) {
			case 0: as_key_init_int64(&k, NS, g_set, send ? 1002 : 1001); break;
			case 1: as_key_init_str(&k, NS, g_set, send ? "key-send" : "key-digest"); break;
			default: as_key_init_raw(&k, NS, g_set, raw_key, sizeof(raw_key) - (send ? 1 : 0)); break;
			}
			as_record rec;
			as_record_inita(&rec, 1);
			as_record_set_int64(&rec, "v", kind);
			char cmd[48];
			snprintf(cmd, sizeof(cmd), "put_key_%s_%s", kinds[kind], send ? "send" : "digest");
			do_put(cmd, send ? &wsend : NULL, &k, &rec);
			snprintf(cmd, sizeof(cmd), "get_key_%s_%s", kinds[kind], send ? "send" : "digest");
			do_get(cmd, send ? &rsend : NULL, &k);
			snprintf(cmd, sizeof(cmd), "exists_key_%s_%s", kinds[kind], send ? "send" : "digest");
			do_exists(cmd, NULL, &k);
			snprintf(cmd, sizeof(cmd), "remove_key_%s_%s", kinds[kind], send ? "send" : "digest");
			do_remove(cmd, send ? &xsend : NULL, &k);
			snprintf(cmd, sizeof(cmd), "get_removed_key_%s_%s", kinds[kind], send ? "send" : "digest");
			do_get(cmd, NULL, &k);
			as_record_destroy(&rec);
			as_key_destroy(&k);
		}
	}

	/* A digest-only key (no value): by digest it works, and sending asks for a key it has not. */
	as_key full;
	skey(&full, "digest-only");
	put_int("put_digest_source", "digest-only", "v", 7);
	as_digest* d = as_key_digest(&full);
	as_key bare;
	as_key_init_digest(&bare, NS, g_set, d->value);
	do_get("get_digest_only", NULL, &bare);
	do_get("get_digest_only_send", &rsend, &bare);
	do_exists("exists_digest_only", NULL, &bare);

	/* Stored key mismatch: the key is stored with the record; then a
	 * different key value is sent under the same digest. */
	as_key stored;
	skey(&stored, "mismatch-a");
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	do_put("put_send_stored", &wsend, &stored, &rec);
	as_key other;
	skey(&other, "mismatch-b");
	/* Computing the key's own digest first also fixes its string length:
	 * stock 7.4.0 reads that length unchecked when it sends a key whose
	 * digest was set by hand, and crashes on the "not yet known" marker. */
	as_key_digest(&other);
	memcpy(other.digest.value, as_key_digest(&stored)->value, AS_DIGEST_VALUE_SIZE);
	other.digest.init = true;
	do_put("put_send_mismatch", &wsend, &other, &rec);
	do_get("get_send_mismatch", &rsend, &other);
	do_get("get_stored_key", &rsend, &stored);
	as_record_destroy(&rec);

	/* A key value that is not a key type: refused before it is sent. */
	as_key badkey;
	as_key_init_value(&badkey, NS, g_set, (as_key_value*)&as_nil);
	do_get("get_nil_valued_key", NULL, &badkey);
}

static void script_reads(void)
{
	as_key k;
	skey(&k, "reads");
	as_record rec;
	as_record_inita(&rec, 3);
	as_record_set_int64(&rec, "a", 1);
	as_record_set_str(&rec, "b", "two");
	as_record_set_double(&rec, "c", 3.5);
	do_put("put_reads", NULL, &k, &rec);
	as_record_destroy(&rec);

	as_error err;
	as_status st;
	as_record* r = NULL;
	const char* ac[] = { "a", "c", NULL };
	st = aerospike_key_select(&g_as, &err, NULL, &k, ac, &r);
	report("select_a_c", st, &err, r, -1);
	as_record_destroy(r);
	r = NULL;

	const char* none[] = { "nope", NULL };
	st = aerospike_key_select(&g_as, &err, NULL, &k, none, &r);
	report("select_missing_bin", st, &err, r, -1);
	as_record_destroy(r);
	r = NULL;

	const char* empty[] = { NULL };
	st = aerospike_key_select(&g_as, &err, NULL, &k, empty, &r);
	report("select_no_bins", st, &err, r, -1);
	as_record_destroy(r);
	r = NULL;

	const char* b[] = { "b", "a" };
	st = aerospike_key_select_bins(&g_as, &err, NULL, &k, b, 2, &r);
	report("select_bins_b_a", st, &err, r, -1);
	as_record_destroy(r);
	r = NULL;

	st = aerospike_key_select_bins(&g_as, &err, NULL, &k, b, 1, &r);
	report("select_bins_b", st, &err, r, -1);
	as_record_destroy(r);
	r = NULL;

	const char* longname[] = { "abcdefghijklmnop", NULL };
	st = aerospike_key_select(&g_as, &err, NULL, &k, longname, &r);
	report("select_bin_name_16", st, &err, r, -1);
	as_record_destroy(r);
	r = NULL;

	st = aerospike_key_select_bins(&g_as, &err, NULL, &k, longname, 1, &r);
	report("select_bins_name_16", st, &err, r, -1);
	as_record_destroy(r);
	r = NULL;

	as_key missing;
	skey(&missing, "never-written");
	st = aerospike_key_select(&g_as, &err, NULL, &missing, ac, &r);
	report("select_missing_record", st, &err, r, -1);
	as_record_destroy(r);
	r = NULL;
	do_get("get_missing_record", NULL, &missing);
	do_exists("exists_missing_record", NULL, &missing);
	do_exists("exists_reads", NULL, &k);

	/* The record returned the stock ways: into a caller's stack record big
	 * enough, one too small (the library grows it), one with old bins (they
	 * are replaced), and a heap record from as_record_new. */
	as_record stack;
	as_record_inita(&stack, 4);
	r = &stack;
	st = aerospike_key_get(&g_as, &err, NULL, &k, &r);
	report("get_into_inita_4", st, &err, r, r == &stack);
	as_record_destroy(&stack);

	as_record_inita(&stack, 1);
	as_record_set_int64(&stack, "old", 99);
	r = &stack;
	st = aerospike_key_get(&g_as, &err, NULL, &k, &r);
	report("get_into_inita_1_with_bin", st, &err, r, r == &stack);
	as_record_destroy(&stack);

	as_record heap_init;
	as_record_init(&heap_init, 0);
	r = &heap_init;
	st = aerospike_key_get(&g_as, &err, NULL, &k, &r);
	report("get_into_init_0", st, &err, r, r == &heap_init);
	as_record_destroy(&heap_init);

	as_record* fresh = as_record_new(2);
	r = fresh;
	st = aerospike_key_select(&g_as, &err, NULL, &k, ac, &r);
	report("select_into_record_new", st, &err, r, r == fresh);
	as_record_destroy(fresh);

	/* read policies: replicas, read mode, touch percent */
	static const struct { const char* name; as_policy_replica replica; } replicas[] = {
		{ "get_replica_master", AS_POLICY_REPLICA_MASTER },
		{ "get_replica_any", AS_POLICY_REPLICA_ANY },
		{ "get_replica_sequence", AS_POLICY_REPLICA_SEQUENCE },
		{ "get_replica_prefer_rack", AS_POLICY_REPLICA_PREFER_RACK },
		{ "get_replica_random", AS_POLICY_REPLICA_RANDOM },
	};
	for (size_t i = 0; i < sizeof(replicas) / sizeof(replicas[0]); i++) {
		as_policy_read p;
		as_policy_read_init(&p);
		p.replica = replicas[i].replica;
		do_get(replicas[i].name, &p, &k);
	}
	as_policy_read p;
	as_policy_read_init(&p);
	p.read_mode_ap = AS_POLICY_READ_MODE_AP_ALL;
	do_get("get_read_mode_ap_all", &p, &k);
	as_policy_read_init(&p);
	p.replica = AS_POLICY_REPLICA_ANY;
	do_exists("exists_replica_any", &p, &k);
}

static void script_write_policies(void)
{
	as_key k;
	skey(&k, "exists-pol");
	as_key missing;
	static const struct { const char* name; as_policy_exists e; } pols[] = {
		{ "create", AS_POLICY_EXISTS_CREATE },
		{ "update", AS_POLICY_EXISTS_UPDATE },
		{ "replace", AS_POLICY_EXISTS_REPLACE },
		{ "create_or_replace", AS_POLICY_EXISTS_CREATE_OR_REPLACE },
		{ "ignore", AS_POLICY_EXISTS_IGNORE },
	};
	put_int("put_exists_base", "exists-pol", "base", 1);
	for (size_t i = 0; i < sizeof(pols) / sizeof(pols[0]); i++) {
		as_policy_write p;
		as_policy_write_init(&p);
		p.exists = pols[i].e;
		as_record rec;
		as_record_inita(&rec, 1);
		as_record_set_int64(&rec, pols[i].name, (int64_t)i);
		char cmd[64];
		char mk[48];
		snprintf(cmd, sizeof(cmd), "put_%s_existing", pols[i].name);
		do_put(cmd, &p, &k, &rec);
		snprintf(mk, sizeof(mk), "exists-missing-%s", pols[i].name);
		snprintf(cmd, sizeof(cmd), "put_%s_missing", pols[i].name);
		do_put(cmd, &p, skey(&missing, mk), &rec);
		as_record_destroy(&rec);
	}
	do_get("get_after_exists_policies", NULL, &k);

	/* generation */
	as_key g;
	skey(&g, "gen");
	put_int("put_gen_1", "gen", "v", 1);
	put_int("put_gen_2", "gen", "v", 2);
	do_get("get_gen", NULL, &g);
	static const struct { const char* name; as_policy_gen gp; uint16_t gen; } gens[] = {
		{ "put_gen_eq_right", AS_POLICY_GEN_EQ, 2 },
		{ "put_gen_eq_wrong", AS_POLICY_GEN_EQ, 2 },
		{ "put_gen_gt_right", AS_POLICY_GEN_GT, 10 },
		{ "put_gen_gt_wrong", AS_POLICY_GEN_GT, 1 },
		{ "put_gen_ignore", AS_POLICY_GEN_IGNORE, 1 },
	};
	for (size_t i = 0; i < sizeof(gens) / sizeof(gens[0]); i++) {
		as_policy_write p;
		as_policy_write_init(&p);
		p.gen = gens[i].gp;
		as_record rec;
		as_record_inita(&rec, 1);
		as_record_set_int64(&rec, "v", 10 + (int64_t)i);
		rec.gen = gens[i].gen;
		do_put(gens[i].name, &p, &g, &rec);
		as_record_destroy(&rec);
	}
	do_get("get_gen_after", NULL, &g);
	as_policy_remove rp;
	as_policy_remove_init(&rp);
	rp.gen = AS_POLICY_GEN_EQ;
	rp.generation = 1;
	do_remove("remove_gen_wrong", &rp, &g);
	rp.generation = 5;
	do_remove("remove_gen_right", &rp, &g);

	/* TTL special values */
	static const struct { const char* name; uint32_t ttl; } ttls[] = {
		{ "put_ttl_100", 100 },
		{ "put_ttl_0_server_default", AS_RECORD_DEFAULT_TTL },
		{ "put_ttl_3600", 3600 },
		{ "put_ttl_no_change", AS_RECORD_NO_CHANGE_TTL },
		{ "put_ttl_never", AS_RECORD_NO_EXPIRE_TTL },
		{ "put_ttl_client_default", AS_RECORD_CLIENT_DEFAULT_TTL },
	};
	as_key t;
	skey(&t, "ttl");
	for (size_t i = 0; i < sizeof(ttls) / sizeof(ttls[0]); i++) {
		as_policy_write p;
		as_policy_write_init(&p);
		p.ttl = 86000;
		as_record rec;
		as_record_inita(&rec, 1);
		as_record_set_int64(&rec, "v", (int64_t)i);
		rec.ttl = ttls[i].ttl;
		do_put(ttls[i].name, &p, &t, &rec);
		do_get("get_ttl", NULL, &t);
		as_record_destroy(&rec);
	}
	as_policy_read rt;
	as_policy_read_init(&rt);
	rt.read_touch_ttl_percent = 80;
	do_get("get_read_touch_ttl_percent", &rt, &t);

	/* commit level master, durable delete */
	as_policy_write cm;
	as_policy_write_init(&cm);
	cm.commit_level = AS_POLICY_COMMIT_LEVEL_MASTER;
	cm.durable_delete = true;
	as_record rec;
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	as_key dd;
	do_put("put_commit_master_durable", &cm, skey(&dd, "durable"), &rec);
	as_record_destroy(&rec);
	as_policy_remove dr;
	as_policy_remove_init(&dr);
	dr.durable_delete = true;
	dr.commit_level = AS_POLICY_COMMIT_LEVEL_MASTER;
	do_remove("remove_durable", &dr, &dd);
	do_remove("remove_durable_again", &dr, &dd);
	do_get("get_removed_durable", NULL, &dd);

	/* compression: a record well above the 128-byte threshold. (An asim
	 * that cannot inflate a compressed frame closes the connection: the put
	 * then fails as a network error, in doubt, which both libraries must
	 * report alike; the short timeout bounds that case.) */
	as_policy_write cw;
	as_policy_write_init(&cw);
	cw.base.compress = true;
	cw.base.total_timeout = 500;
	char* big = malloc(4001);
	memset(big, 'z', 4000);
	big[4000] = '\0';
	as_record_inita(&rec, 1);
	as_record_set_str(&rec, "big", big);
	as_key ck;
	do_put("put_compressed", &cw, skey(&ck, "compressed"), &rec);
	do_put("put_uncompressed_big", NULL, &ck, &rec);
	as_record_destroy(&rec);
	free(big);
	as_policy_read cr;
	as_policy_read_init(&cr);
	cr.base.compress = true;
	cr.base.total_timeout = 500;
	as_error err;
	as_record* r = NULL;
	as_status st = aerospike_key_get(&g_as, &err, &cr, &ck, &r);
	/* the 4000-byte value is summarized by its length only */
	report("get_compressed", st, &err, NULL, st == AEROSPIKE_OK && r ?
		(int)strlen(as_record_get_str(r, "big") ? as_record_get_str(r, "big") : "") : 0);
	as_record_destroy(r);
}

static void script_operate_basic(void)
{
	as_key k;
	skey(&k, "op");
	as_operations ops;
	bool ok;

	as_operations_inita(&ops, 4);
	ok = as_operations_add_write_int64(&ops, "i", 10);
	ok = as_operations_add_write_str(&ops, "s", "mid") && ok;
	ok = as_operations_add_write_double(&ops, "d", 1.5) && ok;
	ok = as_operations_add_write_rawp(&ops, "r", (const uint8_t*)"\x01\x02", 2, false) && ok;
	do_operate("op_write", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 6);
	ok = as_operations_add_incr(&ops, "i", 5);
	ok = as_operations_add_incr_double(&ops, "d", 0.25) && ok;
	ok = as_operations_add_append_str(&ops, "s", "-end") && ok;
	ok = as_operations_add_prepend_str(&ops, "s", "start-") && ok;
	ok = as_operations_add_append_rawp(&ops, "r", (const uint8_t*)"\x03", 1, false) && ok;
	ok = as_operations_add_prepend_rawp(&ops, "r", (const uint8_t*)"\x00", 1, false) && ok;
	do_operate("op_incr_append_prepend", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_incr(&ops, "i", 1);
	do_operate("op_incr_only", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_incr_double(&ops, "d", 1.0);
	do_operate("op_incr_double_only", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 4);
	ok = as_operations_add_read(&ops, "i");
	ok = as_operations_add_read(&ops, "d") && ok;
	ok = as_operations_add_read(&ops, "s") && ok;
	ok = as_operations_add_read(&ops, "r") && ok;
	do_operate("op_read_four", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 2);
	ok = as_operations_add_incr(&ops, "i", 100);
	ok = as_operations_add_read(&ops, "i") && ok;
	do_operate("op_incr_then_read", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_touch(&ops);
	ops.ttl = 1000;
	do_operate("op_touch_ttl_1000", NULL, &k, &ops, ok);
	do_get("get_after_touch", NULL, &k);

	/* write then read the same bin, with and without respond_all_ops */
	as_policy_operate all;
	as_policy_operate_init(&all);
	all.respond_all_ops = true;
	for (int pass = 0; pass < 2; pass++) {
		as_operations_inita(&ops, 4);
		ok = as_operations_add_write_int64(&ops, "w", 7);
		ok = as_operations_add_incr(&ops, "w", 3) && ok;
		ok = as_operations_add_read(&ops, "w") && ok;
		ok = as_operations_add_read(&ops, "s") && ok;
		do_operate(pass ? "op_respond_all_ops_on" : "op_respond_all_ops_off",
			pass ? &all : NULL, &k, &ops, ok);
	}

	/* write policy fields through operate */
	as_policy_operate gp;
	as_policy_operate_init(&gp);
	gp.gen = AS_POLICY_GEN_EQ;
	as_operations_inita(&ops, 1);
	ok = as_operations_add_write_int64(&ops, "g", 1);
	ops.gen = 1;
	do_operate("op_gen_eq_wrong", &gp, &k, &ops, ok);

	as_policy_operate up;
	as_policy_operate_init(&up);
	up.exists = AS_POLICY_EXISTS_UPDATE;
	as_key nk;
	skey(&nk, "op-missing");
	as_operations_inita(&ops, 1);
	ok = as_operations_add_write_int64(&ops, "x", 1);
	do_operate("op_update_missing", &up, &nk, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_read(&ops, "x");
	do_operate("op_read_missing_record", NULL, &nk, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_touch(&ops);
	do_operate("op_touch_missing_record", NULL, &nk, &ops, ok);

	/* wrong types */
	as_operations_inita(&ops, 1);
	ok = as_operations_add_incr(&ops, "s", 1);
	do_operate("op_incr_on_string", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_append_str(&ops, "i", "x");
	do_operate("op_append_on_int", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_incr_double(&ops, "i", 1.0);
	do_operate("op_incr_double_on_int", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_write_int64(&ops, "abcdefghijklmnop", 1);
	do_operate("op_write_bin_name_16", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_add_write_int64(&ops, "abcdefghijklmno", 1);
	do_operate("op_write_bin_name_15", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	do_operate("op_no_ops", NULL, &k, &ops, true);

	/* read everything, delete in the same command, then it is gone */
	as_operations_inita(&ops, 2);
	ok = as_operations_add_read_all(&ops);
	ok = as_operations_add_delete(&ops) && ok;
	do_operate("op_read_all_delete", NULL, &k, &ops, ok);
	do_exists("exists_after_op_delete", NULL, &k);
}

static void script_operate_list(void)
{
	as_key k;
	skey(&k, "list");
	as_operations ops;
	bool ok;

	as_operations_inita(&ops, 3);
	ok = as_operations_list_append(&ops, "l", NULL, NULL, (as_val*)as_integer_new(1));
	ok = as_operations_list_append(&ops, "l", NULL, NULL, (as_val*)as_string_new_strdup("two")) && ok;
	ok = as_operations_list_append(&ops, "l", NULL, NULL, (as_val*)as_double_new(3.0)) && ok;
	do_operate("list_append", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 2);
	ok = as_operations_list_insert(&ops, "l", NULL, NULL, 1, (as_val*)as_integer_new(15));
	ok = as_operations_list_insert(&ops, "l", NULL, NULL, 0, (as_val*)as_integer_new(0)) && ok;
	do_operate("list_insert", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_size(&ops, "l", NULL);
	do_operate("list_size", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_get(&ops, "l", NULL, 2);
	do_operate("list_get", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_get_by_index(&ops, "l", NULL, -1, AS_LIST_RETURN_VALUE);
	do_operate("list_get_by_index_last", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_get_range(&ops, "l", NULL, 1, 3);
	do_operate("list_get_range", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_get_by_index_range(&ops, "l", NULL, 0, 2, AS_LIST_RETURN_VALUE);
	do_operate("list_get_by_index_range", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_remove_by_index(&ops, "l", NULL, 0, AS_LIST_RETURN_VALUE);
	do_operate("list_remove_by_index", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_remove_by_value(&ops, "l", NULL, (as_val*)as_integer_new(15),
		AS_LIST_RETURN_COUNT);
	do_operate("list_remove_by_value", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_pop(&ops, "l", NULL, -1);
	do_operate("list_pop", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 2);
	ok = as_operations_list_append(&ops, "l", NULL, NULL, (as_val*)as_integer_new(9));
	ok = as_operations_list_size(&ops, "l", NULL) && ok;
	do_operate("list_append_then_size", NULL, &k, &ops, ok);

	do_get("get_list", NULL, &k);

	as_operations_inita(&ops, 2);
	ok = as_operations_list_clear(&ops, "l", NULL);
	ok = as_operations_list_size(&ops, "l", NULL) && ok;
	do_operate("list_clear_then_size", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_list_get_by_index(&ops, "l", NULL, 5, AS_LIST_RETURN_VALUE);
	do_operate("list_get_out_of_range", NULL, &k, &ops, ok);

	put_int("put_int_for_list_op", "list-wrong", "l", 1);
	as_key w;
	as_operations_inita(&ops, 1);
	ok = as_operations_list_append(&ops, "l", NULL, NULL, (as_val*)as_integer_new(1));
	do_operate("list_append_on_int", NULL, skey(&w, "list-wrong"), &ops, ok);
}

static void script_operate_map(void)
{
	as_key k;
	skey(&k, "map");
	as_operations ops;
	bool ok;
	as_map_policy mp;
	as_map_policy_init(&mp);
	as_map_policy kp;
	as_map_policy_set(&kp, AS_MAP_KEY_ORDERED, AS_MAP_UPDATE);

	as_operations_inita(&ops, 2);
	ok = as_operations_map_put(&ops, "m", NULL, &kp, (as_val*)as_string_new_strdup("b"),
		(as_val*)as_integer_new(20));
	ok = as_operations_map_put(&ops, "m", NULL, &kp, (as_val*)as_string_new_strdup("a"),
		(as_val*)as_integer_new(30)) && ok;
	do_operate("map_put", NULL, &k, &ops, ok);

	as_orderedmap* items = as_orderedmap_new(2);
	as_stringmap_set_int64((as_map*)items, "c", 10);
	as_stringmap_set_int64((as_map*)items, "d", 40);
	as_operations_inita(&ops, 1);
	ok = as_operations_map_put_items(&ops, "m", NULL, &kp, (as_map*)items);
	do_operate("map_put_items", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_map_size(&ops, "m", NULL);
	do_operate("map_size", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_map_get_by_key(&ops, "m", NULL, (as_val*)as_string_new_strdup("a"),
		AS_MAP_RETURN_VALUE);
	do_operate("map_get_by_key", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_map_get_by_key(&ops, "m", NULL, (as_val*)as_string_new_strdup("a"),
		AS_MAP_RETURN_KEY_VALUE);
	do_operate("map_get_by_key_kv", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_map_get_by_rank(&ops, "m", NULL, 0, AS_MAP_RETURN_KEY);
	do_operate("map_get_by_rank_0", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_map_get_by_rank(&ops, "m", NULL, -1, AS_MAP_RETURN_KEY_VALUE);
	do_operate("map_get_by_rank_last", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_map_get_by_index(&ops, "m", NULL, 1, AS_MAP_RETURN_KEY_VALUE);
	do_operate("map_get_by_index_1", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_map_increment(&ops, "m", NULL, &kp, (as_val*)as_string_new_strdup("a"),
		(as_val*)as_integer_new(5));
	do_operate("map_increment", NULL, &k, &ops, ok);

	as_operations_inita(&ops, 1);
	ok = as_operations_map_remove_by_key(&ops, "m", NULL, (as_val*)as_string_new_strdup("b"),
		AS_MAP_RETURN_VALUE);
	do_operate("map_remove_by_key", NULL, &k, &ops, ok);

	do_get("get_map", NULL, &k);

	as_operations_inita(&ops, 2);
	ok = as_operations_map_clear(&ops, "m", NULL);
	ok = as_operations_map_size(&ops, "m", NULL) && ok;
	do_operate("map_clear_then_size", NULL, &k, &ops, ok);

	/* an unordered map written by put_items, then read back whole */
	as_key u;
	skey(&u, "map-unordered");
	as_hashmap* h = as_hashmap_new(2);
	as_stringmap_set_int64((as_map*)h, "only", 1);
	as_operations_inita(&ops, 2);
	ok = as_operations_map_put_items(&ops, "m", NULL, &mp, (as_map*)h);
	ok = as_operations_add_read(&ops, "m") && ok;
	do_operate("map_put_items_unordered_read", NULL, &u, &ops, ok);

	as_key w;
	put_int("put_int_for_map_op", "map-wrong", "m", 1);
	as_operations_inita(&ops, 1);
	ok = as_operations_map_size(&ops, "m", NULL);
	do_operate("map_size_on_int", NULL, skey(&w, "map-wrong"), &ops, ok);
}

static void script_errors(void)
{
	as_key k;
	as_record rec;
	as_error err;
	as_status st;

	skey(&k, "err-missing");
	do_remove("remove_missing", NULL, &k);
	as_operations ops;
	as_operations_inita(&ops, 1);
	as_operations_add_touch(&ops);
	do_operate("touch_missing", NULL, &k, &ops, true);

	as_key bad;
	as_key_init_str(&bad, "nosuchns", g_set, "x");
	do_get("get_unknown_namespace", NULL, &bad);
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	do_put("put_unknown_namespace", NULL, &bad, &rec);
	do_remove("remove_unknown_namespace", NULL, &bad);

	as_key empty;
	as_key_init_str(&empty, "", g_set, "x");
	do_get("get_empty_namespace", NULL, &empty);
	do_put("put_empty_namespace", NULL, &empty, &rec);
	as_record_destroy(&rec);

	/* A 16-character bin name: the record setter refuses it (ret), so the
	 * put carries no bins at all. */
	as_record_inita(&rec, 1);
	bool set = as_record_set_int64(&rec, "abcdefghijklmnop", 1);
	skey(&k, "err-binname");
	st = aerospike_key_put(&g_as, &err, NULL, &k, &rec);
	report("put_bin_name_16", st, &err, NULL, set);
	as_record_destroy(&rec);
	do_exists("exists_after_bin_name_16", NULL, &k);

	/* a record with no bins */
	as_record_inita(&rec, 0);
	skey(&k, "err-nobins");
	do_put("put_no_bins_missing", NULL, &k, &rec);
	put_int("put_for_no_bins", "err-nobins", "v", 1);
	do_put("put_no_bins_existing", NULL, &k, &rec);
	do_get("get_after_no_bins", NULL, &k);
	as_record_destroy(&rec);

	/* a string key of the longest kind the client builds without complaint */
	char longkey[1025];
	memset(longkey, 'k', 1024);
	longkey[1024] = '\0';
	put_int("put_long_string_key", longkey, "v", 1);
	skey(&k, longkey);
	do_get("get_long_string_key", NULL, &k);
}

/* Edge values, wide records, set-less keys and policy fields not met above. */
static void script_edges(void)
{
	as_key k;
	as_record rec;
	skey(&k, "edges");
	as_record_inita(&rec, 8);
	as_record_set_str(&rec, "empty_str", "");
	as_record_set_raw(&rec, "empty_bytes", (const uint8_t*)"", 0);
	as_record_set_double(&rec, "neg_zero", -0.0);
	as_record_set_double(&rec, "inf", 1.0 / 0.0);
	as_record_set_int64(&rec, "max", INT64_MAX);
	as_record_set_str(&rec, "utf8", "gr\xc3\xbc\xc3\x9f \xe2\x82\xac");
	as_record_set_int64(&rec, "zero", 0);
	as_record_set_str(&rec, "abcdefghijklmno", "15-char name");
	do_put("put_edge_values", NULL, &k, &rec);
	do_get("get_edge_values", NULL, &k);
	as_record_destroy(&rec);

	/* 100 bins in one record */
	as_key wide;
	skey(&wide, "wide");
	as_record_init(&rec, 100);
	for (int i = 0; i < 100; i++) {
		char name[16];
		snprintf(name, sizeof(name), "b%03d", i);
		as_record_set_int64(&rec, name, i * 7);
	}
	do_put("put_100_bins", NULL, &wide, &rec);
	as_record_destroy(&rec);
	do_get("get_100_bins", NULL, &wide);
	as_error err;
	as_record* r = NULL;
	const char* pick[] = { "b099", "b000", "b050", NULL };
	as_status st = aerospike_key_select(&g_as, &err, NULL, &wide, pick, &r);
	report("select_3_of_100", st, &err, r, -1);
	as_record_destroy(r);

	/* keys: no set, zero, negative, an empty string */
	as_key noset;
	as_key_init_str(&noset, NS, "", "no-set");
	as_record_inita(&rec, 1);
	as_record_set_int64(&rec, "v", 1);
	do_put("put_no_set", NULL, &noset, &rec);
	do_get("get_no_set", NULL, &noset);
	do_remove("remove_no_set", NULL, &noset);
	as_key ik;
	as_key_init_int64(&ik, NS, g_set, 0);
	do_put("put_key_int_zero", NULL, &ik, &rec);
	do_remove("remove_key_int_zero", NULL, &ik);
	as_key_init_int64(&ik, NS, g_set, INT64_MIN);
	do_put("put_key_int_min", NULL, &ik, &rec);
	do_get("get_key_int_min", NULL, &ik);
	do_remove("remove_key_int_min", NULL, &ik);
	as_key ek;
	as_key_init_str(&ek, NS, g_set, "");
	do_put("put_key_empty_string", NULL, &ek, &rec);
	do_remove("remove_key_empty_string", NULL, &ek);
	as_record_destroy(&rec);

	/* the stored key, met again with another key under its digest */
	as_key stored;
	skey(&stored, "mismatch-a");
	as_key other;
	skey(&other, "mismatch-c");
	as_key_digest(&other);
	memcpy(other.digest.value, as_key_digest(&stored)->value, AS_DIGEST_VALUE_SIZE);
	as_policy_read rs;
	as_policy_read_init(&rs);
	rs.key = AS_POLICY_KEY_SEND;
	do_exists("exists_send_mismatch", &rs, &other);
	as_policy_remove xs;
	as_policy_remove_init(&xs);
	xs.key = AS_POLICY_KEY_SEND;
	do_remove("remove_send_mismatch", &xs, &other);
	do_exists("exists_stored_after", NULL, &stored);

	/* operate with policy fields: generation, ttl "no change", durable delete */
	as_operations ops;
	as_policy_operate op;
	as_policy_operate_init(&op);
	op.gen = AS_POLICY_GEN_EQ;
	as_operations_inita(&ops, 1);
	bool ok = as_operations_add_write_int64(&ops, "g", 1);
	ops.gen = 1;
	do_operate("op_gen_eq_right", &op, &k, &ops, ok);
	op.gen = AS_POLICY_GEN_GT;
	as_operations_inita(&ops, 1);
	ok = as_operations_add_write_int64(&ops, "g", 2);
	ops.gen = 1;
	do_operate("op_gen_gt_wrong", &op, &k, &ops, ok);
	as_operations_inita(&ops, 2);
	ok = as_operations_add_write_int64(&ops, "g", 3);
	ok = as_operations_add_read(&ops, "g") && ok;
	ops.ttl = 500;
	do_operate("op_ttl_500", NULL, &k, &ops, ok);
	as_operations_inita(&ops, 2);
	ok = as_operations_add_write_int64(&ops, "g", 4);
	ok = as_operations_add_read(&ops, "g") && ok;
	ops.ttl = AS_RECORD_NO_CHANGE_TTL;
	do_operate("op_ttl_no_change", NULL, &k, &ops, ok);
	as_policy_operate dd;
	as_policy_operate_init(&dd);
	dd.durable_delete = true;
	dd.commit_level = AS_POLICY_COMMIT_LEVEL_MASTER;
	as_operations_inita(&ops, 1);
	ok = as_operations_add_delete(&ops);
	do_operate("op_durable_delete", &dd, &wide, &ops, ok);
	do_exists("exists_after_durable_delete", NULL, &wide);

	/* read policies: explicit timeouts and retries, no deserialization */
	as_policy_read rp;
	as_policy_read_init(&rp);
	rp.base.total_timeout = 5000;
	rp.base.socket_timeout = 1000;
	rp.base.max_retries = 3;
	rp.base.sleep_between_retries = 10;
	rp.deserialize = false;
	do_get("get_timeouts_no_deserialize", &rp, &k);
}

/* The simple example flow on integer, string and bytes bins of one record,
 * ending with the removal of every record this script wrote. */
static void script_cleanup(void)
{
	static const char* keys[] = { "type-int", "type-double", "type-string", "type-blob",
		"type-python", "type-java", "type-bool", "type-list", "type-nested", "type-hashmap",
		"type-orderedmap", "type-geojson", "type-bigint", "type-all", "digest-only", "mismatch-a",
		"reads", "exists-pol", "exists-missing-create", "exists-missing-update",
		"exists-missing-replace", "exists-missing-create_or_replace", "exists-missing-ignore",
		"ttl", "compressed", "list", "list-wrong", "map", "map-unordered", "map-wrong",
		"err-nobins", "op-missing", "edges" };
	int removed = 0;
	int missing = 0;
	int other = 0;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		as_key k;
		as_error err;
		as_status st = aerospike_key_remove(&g_as, &err, NULL, skey(&k, keys[i]));
		if (st == AEROSPIKE_OK) {
			removed++;
		}
		else if (st == AEROSPIKE_ERR_RECORD_NOT_FOUND) {
			missing++;
		}
		else {
			other++;
		}
	}
	printf("cleanup removed=%d not_found=%d other=%d\n", removed, missing, other);
}

int main(int argc, char* argv[])
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s HOST:PORT [shm=KEY]\n", argv[0]);
		return 2;
	}
	as_config config;
	as_config_init(&config);
	if (!as_config_add_hosts(&config, argv[1], 3000)) {
		fprintf(stderr, "bad host list: %s\n", argv[1]);
		return 2;
	}
	bool shm = false;
	if (argc == 3) {
		if (strncmp(argv[2], "shm=", 4) != 0) {
			fprintf(stderr, "unknown option: %s\n", argv[2]);
			return 2;
		}
		config.use_shm = true;
		config.shm_key = (int)strtol(argv[2] + 4, NULL, 0);
		shm = true;
	}
	/* PREFER_RACK reads need rack awareness; asim's nodes are on rack 0 */
	config.rack_aware = true;
	as_config_add_rack_id(&config, 0);
	snprintf(g_set, sizeof(g_set), "ks%ld", (long)getpid());

	/* Aggregations load their module on the client from the Lua user path,
	 * which is process-wide and must be set before the connect. */
	char user_path[64];
	snprintf(user_path, sizeof(user_path), "/tmp/key_script-%ld-XXXXXX", (long)getpid());
	if (!mkdtemp(user_path)) {
		fprintf(stderr, "mkdtemp: cannot make a Lua user path\n");
		return 1;
	}
	as_config_lua lua;
	memset(&lua, 0, sizeof(lua));
	snprintf(lua.user_path, sizeof(lua.user_path), "%s", user_path);
	aerospike_init_lua(&lua);

	as_error err;
	aerospike_init(&g_as, &config);
	as_status st = aerospike_connect(&g_as, &err);
	printf("connect status=%d shm=%d\n", (int)st, shm ? 1 : 0);
	if (st != AEROSPIKE_OK) {
		fprintf(stderr, "connect: %s\n", err.message);
		aerospike_destroy(&g_as);
		return 1;
	}

	script_value_types();
	script_key_types();
	script_reads();
	script_write_policies();
	script_operate_basic();
	script_operate_list();
	script_operate_map();
	script_errors();
	script_edges();
	script_udf();
	script_admin();
	script_batch();
	script_scan();
	script_aggregate(user_path);
	rmdir(user_path);
	script_cleanup();
	printf("commands=%d\n", g_count);

	aerospike_close(&g_as, &err);
	aerospike_destroy(&g_as);
	return 0;
}
