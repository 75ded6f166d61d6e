/* Maps: scores put as items, one raised and lowered, the two best read by
 * rank with their names. */
#include "basic_common.h"

#include <aerospike/as_integer.h>
#include <aerospike/as_list.h>
#include <aerospike/as_map_operations.h>
#include <aerospike/as_operations.h>
#include <aerospike/as_orderedmap.h>
#include <aerospike/as_string.h>
#include <aerospike/as_stringmap.h>

#include <string.h>

/* 1 for Alan's expected score, 2 for Barbara's, 0 otherwise */
static int score_of(const char* who, int64_t score)
{
	if (who && strcmp(who, "Alan") == 0 && score == 113) {
		return 1;
	}
	if (who && strcmp(who, "Barbara") == 0 && score == 82) {
		return 2;
	}
	return 0;
}

int main(int argc, char* argv[])
{
	basic_ctx ctx;
	basic_start(&ctx, "map", argc, argv);
	const char* bin = basic_bin(&ctx, 0, "scores");
	as_key key;
	basic_key(&ctx, &key);
	as_error err;
	as_operations ops;
	as_record* got = NULL;
	as_map_policy policy;
	as_map_policy_init(&policy);

	as_record rec;
	as_record_inita(&rec, 2);
	as_record_set_nil(&rec, bin);
	as_record_set_int64(&rec, basic_bin(&ctx, 1, "keep"), 1);
	basic_expect(&ctx, "put", aerospike_key_put(&ctx.as, &err, NULL, &key, &rec), AEROSPIKE_OK,
		&err);
	as_record_destroy(&rec);

	as_orderedmap scores;
	as_orderedmap_init(&scores, 4);
	as_stringmap_set_int64((as_map*)&scores, "Grace", 55);
	as_stringmap_set_int64((as_map*)&scores, "Alan", 98);
	as_stringmap_set_int64((as_map*)&scores, "Edsger", 76);
	as_stringmap_set_int64((as_map*)&scores, "Barbara", 82);
	as_operations_inita(&ops, 1);
	as_operations_add_map_put_items(&ops, bin, &policy, (as_map*)&scores);
	basic_expect(&ctx, "put items", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops, &got),
		AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	basic_expect_int(&ctx, got, bin, 4);
	as_record_destroy(got);
	got = NULL;

	/* +10, -5, +10 on Alan: 113. Each operation takes (and destroys) its key
	 * and value, so each gets values of its own. */
	as_operations_inita(&ops, 3);
	as_operations_add_map_increment(&ops, bin, &policy, (as_val*)as_string_new_strdup("Alan"),
		(as_val*)as_integer_new(10));
	as_operations_add_map_decrement(&ops, bin, &policy, (as_val*)as_string_new_strdup("Alan"),
		(as_val*)as_integer_new(5));
	as_operations_add_map_increment(&ops, bin, &policy, (as_val*)as_string_new_strdup("Alan"),
		(as_val*)as_integer_new(10));
	basic_expect(&ctx, "increment", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops, &got),
		AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	as_record_destroy(got);
	got = NULL;

	as_operations_inita(&ops, 1);
	as_operations_add_map_get_by_rank_range(&ops, bin, -2, 2, AS_MAP_RETURN_KEY_VALUE);
	basic_expect(&ctx, "get by rank", aerospike_key_operate(&ctx.as, &err, NULL, &key, &ops, &got),
		AEROSPIKE_OK, &err);
	as_operations_destroy(&ops);
	/* The two best with their names, as a list of name, score, name, score
	 * or as a map: either is accepted, in any order. */
	as_val* top = (as_val*)as_record_get(got, bin);
	int found = 0;
	if (top && as_val_type(top) == AS_LIST && as_list_size((as_list*)top) == 4) {
		as_list* l = (as_list*)top;
		for (uint32_t i = 0; i < 4; i += 2) {
			found |= score_of(as_list_get_str(l, i), as_list_get_int64(l, i + 1));
		}
	}
	else if (top && as_val_type(top) == AS_MAP && as_map_size((as_map*)top) == 2) {
		found |= score_of("Alan", as_stringmap_get_int64((as_map*)top, "Alan"));
		found |= score_of("Barbara", as_stringmap_get_int64((as_map*)top, "Barbara"));
	}
	if (found != 3) {
		basic_fail(&ctx, "get by rank: the two best are not Alan 113 and Barbara 82", NULL);
	}
	as_record_destroy(got);
	as_key_destroy(&key);
	return basic_finish(&ctx);
}
