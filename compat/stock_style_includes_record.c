/*
 * Written the way a 7.4.0 user writes against <aerospike/as_record.h> alone:
 * it brings keys (as_key.h, with as_error and as_status), bins, as_rec, the
 * scalar, bytes, GeoJSON, list and map value types, and alloca for
 * as_record_inita.
 */
#include <aerospike/as_record.h>

int aeroshim_stock_style_record(void);

int aeroshim_stock_style_record(void)
{
	as_record rec;
	as_record_inita(&rec, 2);
	if (!as_record_set_int64(&rec, "n", 5) || as_record_get_int64(&rec, "n", 0) != 5) {
		return __LINE__;
	}
	if (as_bin_get_type(&rec.bins.entries[0]) != AS_INTEGER) {
		return __LINE__;
	}
	as_key key;
	if (as_key_init_int64(&key, "test", "demo", 1) == NULL || key.valuep == NULL) {
		return __LINE__;
	}
	as_error err;
	as_status status = as_key_set_digest(&err, &key);
	if (status != AEROSPIKE_OK || !key.digest.init) {
		return __LINE__;
	}
	as_rec* r = (as_rec*)&rec;
	if (as_rec_numbins(r) != 1 || as_record_fromval(as_record_toval(&rec)) != &rec) {
		return __LINE__;
	}
	as_list* list = as_record_get_list(&rec, "n");
	as_map* map = as_record_get_map(&rec, "n");
	as_bytes* bytes = as_record_get_bytes(&rec, "n");
	as_geojson* geo = as_record_get_geojson(&rec, "n");
	as_record_destroy(&rec);
	return list == NULL && map == NULL && bytes == NULL && geo == NULL ? 0 : __LINE__;
}
