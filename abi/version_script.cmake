# Turns abi/exports.txt (one symbol a line, sorted, '#' comments) into an
# anonymous version script: the stock library is unversioned, so ours is too.
file(STRINGS ${IN} lines)
set(body "{\n  global:\n")
foreach(line IN LISTS lines)
  string(STRIP "${line}" sym)
  if(sym STREQUAL "" OR sym MATCHES "^#")
    continue()
  endif()
  string(APPEND body "    ${sym};\n")
endforeach()
string(APPEND body "  local: *;\n};\n")
file(WRITE ${OUT} "${body}")
