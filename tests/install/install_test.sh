#!/bin/sh
# usage: install_test.sh BUILD_DIR SOURCE_DIR [EXTRA_CC_FLAGS]
set -eu
build=$1
src=$2
extra=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
lib=$(ls -d "$tmp"/prefix/lib*/ | head -1)

# pkg-config, shared
PKG_CONFIG_PATH="$lib/pkgconfig" cc $extra -o "$tmp/pc" "$src/consumer.c" \
  $(PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config --cflags --libs aerospike) -Wl,-rpath,"$lib"
"$tmp/pc"
# pkg-config, static
PKG_CONFIG_PATH="$lib/pkgconfig" cc $extra -o "$tmp/pc_static" "$src/consumer.c" \
  $(PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config --cflags aerospike) "$lib/libaerospike.a" \
  $(PKG_CONFIG_PATH="$lib/pkgconfig" pkg-config --static --libs-only-l aerospike | sed 's/-laerospike//')
"$tmp/pc_static"

# CMake package
mkdir "$tmp/proj"
cp "$src/consumer.c" "$tmp/proj/"
cp "$src/consumer_project.cmake" "$tmp/proj/CMakeLists.txt"
cmake -S "$tmp/proj" -B "$tmp/proj/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_BUILD_RPATH="$lib" -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >/dev/null
cmake --build "$tmp/proj/build" >/dev/null
"$tmp/proj/build/consumer"
# CMake package, static: aerospike::aerospike_static from a C project
mkdir "$tmp/proj_static"
cp "$src/consumer.c" "$tmp/proj_static/"
sed 's/aerospike::aerospike)/aerospike::aerospike_static)/' "$src/consumer_project.cmake" \
  >"$tmp/proj_static/CMakeLists.txt"
cmake -S "$tmp/proj_static" -B "$tmp/proj_static/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
  -DCMAKE_C_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" >/dev/null
cmake --build "$tmp/proj_static/build" >/dev/null
if ldd "$tmp/proj_static/build/consumer" | grep -q libaerospike; then
  echo "the static consumer needs libaerospike.so" >&2; exit 1
fi
"$tmp/proj_static/build/consumer"
echo "install consumer: pkg-config (shared, static) and find_package (shared, static) all ran"
