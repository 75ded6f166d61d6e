#!/bin/sh
# usage: install_test.sh BUILD_DIR SOURCE_DIR [EXTRA_CC_FLAGS]
set -eu
build=$1
src=$2
extra=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# As `make install` does it: stripped.
cmake --install "$build" --prefix "$tmp/prefix" --strip >/dev/null
lib=$(ls -d "$tmp"/prefix/lib*/ | head -1)
# Stripped, yet every exported name is still there to link against.
if readelf -S "$lib/libaerospike.so" | grep -q '\.debug_info'; then
  echo "the installed libaerospike.so still carries debug info" >&2; exit 1
fi
exports=$(nm -D --defined-only "$lib/libaerospike.so" | awk '$2 ~ /[TDBRV]/ {print $3}' | grep -cv '^_')
wanted=$(grep -cv '^#' "$src/../../abi/exports.txt")
if [ "$exports" -lt "$wanted" ]; then
  echo "the installed library exports $exports names, abi/exports.txt lists $wanted" >&2; exit 1
fi
for tool in asim asshm; do
  [ -x "$tmp/prefix/bin/$tool" ] || { echo "make install did not install $tool" >&2; exit 1; }
done

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
# A project asking for another major version must not get us.
mkdir "$tmp/proj_v8"
sed 's/find_package(aerospike 7.4 REQUIRED)/find_package(aerospike 8 REQUIRED)/' "$src/consumer_project.cmake" \
  >"$tmp/proj_v8/CMakeLists.txt"
cp "$src/consumer.c" "$tmp/proj_v8/"
if cmake -S "$tmp/proj_v8" -B "$tmp/proj_v8/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null 2>&1; then
  echo "find_package(aerospike 8) accepted version 7.4.0" >&2; exit 1
fi
echo "install consumer: stripped, pkg-config (shared, static) and find_package 7.4 (shared, static) all ran; 8 refused"
