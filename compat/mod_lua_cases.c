/*
 * Runs the Lua cases of a test source (tests/udf_bytes_test.cpp,
 * tests/udf_collections_test.cpp) in states built as the stock client
 * builds its own: linked against the npm addon, whose mod-lua registers
 * every class (aerospike, record, iterator, stream, list, map, bytes,
 * geojson) on the addon's Lua 5.4 and then runs its as.lua (list.clone,
 * map.merge, math.sum...). A case is `{R"(code)", "expected"}`; the prelude is
 * the raw string after `kPrelude = R"lua(`; the cases of the array named
 * kUnsafeInStockCases (this library's answers where stock's are undefined:
 * uninitialised or foreign memory read, overlapping copies, crashes) are
 * skipped. Each case runs in a fresh state as chunk "t" and must return the
 * expected string, or raise it after "ERR: ".
 *
 * usage: mod_lua_cases TEST_SOURCE   (exit 1 on any mismatch)
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int mod_lua_aerospike_register(lua_State* l);
int mod_lua_record_register(lua_State* l);
int mod_lua_iterator_register(lua_State* l);
int mod_lua_stream_register(lua_State* l);
int mod_lua_list_register(lua_State* l);
int mod_lua_map_register(lua_State* l);
int mod_lua_bytes_register(lua_State* l);
int mod_lua_geojson_register(lua_State* l);

/* mod-lua's as.lua, as the addon embeds it (its size counts the NUL). */
extern const char as_lua_as[];
extern size_t as_lua_as_size;

static char* read_all(const char* path) {
	FILE* f = fopen(path, "rb");
	if (!f) return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char* text = malloc((size_t)n + 1);
	if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
		free(text);
		text = NULL;
	}
	if (text) text[n] = '\0';
	fclose(f);
	return text;
}

/* The C string literals starting at *p (adjacent ones joined), unescaped
 * into out; *p ends after them. Only the escapes the test uses. */
static void read_literals(const char** p, char* out) {
	const char* s = *p;
	for (;;) {
		while (*s == ' ' || *s == '\n') s++;
		if (*s != '"') break;
		for (s++; *s && *s != '"'; s++) {
			if (*s == '\\') {
				s++;
				*out++ = *s == 'n' ? '\n' : *s;
			}
			else {
				*out++ = *s;
			}
		}
		if (*s) s++;
	}
	*out = '\0';
	*p = s;
}

static lua_State* stock_state(const char* prelude, size_t prelude_len) {
	lua_State* l = luaL_newstate();
	luaL_openlibs(l);
	/* The order of stock's state creation. */
	mod_lua_aerospike_register(l);
	mod_lua_record_register(l);
	mod_lua_iterator_register(l);
	mod_lua_stream_register(l);
	mod_lua_list_register(l);
	mod_lua_map_register(l);
	mod_lua_bytes_register(l);
	mod_lua_geojson_register(l);
	if (luaL_loadbuffer(l, as_lua_as, as_lua_as_size - 1, "=as.lua") || lua_pcall(l, 0, 0, 0)) {
		fprintf(stderr, "as.lua: %s\n", lua_tostring(l, -1));
		exit(1);
	}
	if (luaL_loadbuffer(l, prelude, prelude_len, "=prelude") || lua_pcall(l, 0, 0, 0)) {
		fprintf(stderr, "prelude: %s\n", lua_tostring(l, -1));
		exit(1);
	}
	return l;
}

/* One case: 0 when stock answers what the test expects. */
static int run_case(const char* prelude, size_t prelude_len, const char* code, size_t code_len,
		const char* expected) {
	lua_State* l = stock_state(prelude, prelude_len);
	int failed = luaL_loadbuffer(l, code, code_len, "=t") || lua_pcall(l, 0, 1, 0);
	const char* answer = lua_tostring(l, -1);
	char* text = malloc(strlen(answer ? answer : "") + 8);
	sprintf(text, "%s%s", failed ? "ERR: " : "", answer ? answer : "");
	int differs = strcmp(text, expected) != 0;
	if (differs) {
		printf("DIFF %.*s\n  test:  %s\n  stock: %s\n", (int)code_len, code, expected, text);
	}
	free(text);
	lua_close(l);
	return differs;
}

int main(int argc, char** argv) {
	char* src = argc == 2 ? read_all(argv[1]) : NULL;
	if (!src) {
		fprintf(stderr, "usage: mod_lua_cases TEST_SOURCE\n");
		return 2;
	}
	const char* prelude = strstr(src, "kPrelude = R\"lua(");
	const char* prelude_end = prelude ? strstr(prelude, ")lua\"") : NULL;
	if (!prelude_end) {
		fprintf(stderr, "no prelude\n");
		return 2;
	}
	prelude += strlen("kPrelude = R\"lua(");
	const char* skip = strstr(src, "kUnsafeInStockCases[] = {");
	const char* skip_end = skip ? strstr(skip, "\n};") : NULL;
	char* expected = malloc(strlen(src) + 1);
	int cases = 0;
	int differ = 0;
	for (const char* p = strstr(src, "{R\"("); p; p = strstr(p, "{R\"(")) {
		const char* code = p + 4;
		const char* code_end = strstr(code, ")\",");
		if (!code_end) break;
		p = code_end + 3;
		read_literals(&p, expected);
		if (skip && code > skip && code < skip_end) continue;
		cases++;
		differ += run_case(prelude, (size_t)(prelude_end - prelude), code,
				(size_t)(code_end - code), expected);
	}
	printf("%d cases run on stock mod-lua, %d differ\n", cases, differ);
	free(expected);
	free(src);
	return cases > 0 && differ == 0 ? 0 : 1;
}
